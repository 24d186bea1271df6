from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from .enums import Role


class MemberAddForm(forms.Form):
    username = forms.CharField(label=_("Username"), max_length=150)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    email = forms.EmailField(
        label=_("Email"),
        required=False,
        help_text=_("Only for a new account."),
    )
    full_name = forms.CharField(label=_("Full name"), max_length=150, required=False)
    create = forms.BooleanField(
        label=_("Create a new account"),
        required=False,
        help_text=_(
            "Tick only for a person who has no account yet: a mistyped user name "
            "is then refused instead of creating an account."
        ),
    )

    def __init__(self, *args, site=None, actor=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.site = site
        self.actor = actor
        self.user = None

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        User = get_user_model()
        if not User._meta.get_field("username").validators[0].regex.match(username):
            raise forms.ValidationError(
                "Tên đăng nhập chỉ gồm chữ không dấu, số và các ký tự @ . + - _."
            )
        return username

    def clean(self):
        from .selectors import user_may_join_board

        data = super().clean()
        username = data.get("username")
        if not username:
            return data
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None and not data.get("create"):
            self.add_error(
                "username",
                _(
                    "There is no account “%(username)s”. Check the spelling, or "
                    "tick “Create a new account”."
                )
                % {"username": username},
            )
        elif user is not None and data.get("create"):
            self.add_error(
                "username",
                _("The account “%(username)s” already exists.")
                % {"username": username},
            )
        elif user is not None and not user_may_join_board(
            user, site=self.site, actor=self.actor
        ):
            # Not "belongs to another commune": that would confirm it exists.
            self.add_error(
                "username",
                _("You cannot add the account “%(username)s” to this board.")
                % {"username": username},
            )
        self.user = user
        return data
