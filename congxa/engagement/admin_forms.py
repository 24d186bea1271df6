"""Forms of the officials' side: handling a question, a personal-data request."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from .enums import PublicNameMode
from .forms import LookupForm
from .models import Topic


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label=_("Assign to"), queryset=get_user_model().objects.none()
    )

    def __init__(self, *args, users, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = users


class AnswerForm(forms.Form):
    answer_text = forms.CharField(
        label=_("Answer"), widget=forms.Textarea(attrs={"rows": 10}), max_length=20000
    )
    public_name_mode = forms.ChoiceField(
        label=_("Name shown publicly"), choices=PublicNameMode.choices
    )


class EditTextForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    text = forms.CharField(
        label=_("Content"), widget=forms.Textarea(attrs={"rows": 8}), max_length=20000
    )
    topic = forms.ModelChoiceField(
        label=_("Field"), queryset=Topic.objects.none(), required=False
    )

    def __init__(self, *args, site, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = Topic.objects.for_site(site)


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for rejection"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


class DataRequestForm(LookupForm):
    """The officials' lookup for a citizen's request about their data."""
