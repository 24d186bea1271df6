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

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        User = get_user_model()
        if not User._meta.get_field("username").validators[0].regex.match(username):
            raise forms.ValidationError(
                "Tên đăng nhập chỉ gồm chữ không dấu, số và các ký tự @ . + - _."
            )
        return username
