from django import forms
from django.utils.translation import gettext_lazy as _

from congxa.portal.enums import CommuneKind


class CommuneAddForm(forms.Form):
    name = forms.CharField(label=_("Official name"), max_length=120)
    kind = forms.ChoiceField(label=_("Kind"), choices=CommuneKind.choices)
    host = forms.CharField(label=_("Host name"), max_length=253)
    aliases = forms.CharField(
        label=_("Aliases"),
        required=False,
        help_text=_("Other host names, separated by spaces."),
    )
    province = forms.CharField(label=_("Province"), max_length=120, required=False)
    agency = forms.CharField(label=_("Managing agency"), max_length=200, required=False)
    email = forms.EmailField(label=_("Email"), required=False)


class FirstAdministratorForm(forms.Form):
    username = forms.RegexField(
        label=_("Username"),
        max_length=150,
        regex=r"^[\w.@+-]+\Z",
        error_messages={
            "invalid": "Tên đăng nhập chỉ gồm chữ không dấu, số và các ký tự @ . + - _."
        },
    )
    full_name = forms.CharField(label=_("Full name"), max_length=150, required=False)
    email = forms.EmailField(label=_("Email"), required=False)
    create = forms.BooleanField(label=_("Create a new account"), required=False)
