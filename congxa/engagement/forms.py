"""The public forms: ask a question, give feedback, comment on a draft, look up."""

from __future__ import annotations

import secrets
import time

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import abuse
from .enums import QuestionKind
from .models import Topic
from .tracking import normalize_tracking_code
from .validators import normalize_phone, plain_text, validate_vietnamese_phone

TITLE_MAX = 200
TEXT_MIN = 10
TEXT_MAX = 5000


class SubmissionForm(forms.Form):
    """A citizen's submission, with the abuse checks around it."""

    name = forms.CharField(label=_("Full name"), max_length=100)
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=20,
        required=False,
        widget=forms.TextInput(
            attrs={"inputmode": "tel", "autocomplete": "tel", "type": "tel"}
        ),
    )
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    address = forms.CharField(label=_("Address"), max_length=255, required=False)
    topic = forms.ModelChoiceField(
        label=_("Field"), queryset=Topic.objects.none(), empty_label=_("Choose…")
    )
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX)
    text = forms.CharField(
        label=_("Content"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    consent = forms.BooleanField(
        label=_(
            "I have read the notice above and agree that the commune processes "
            "my data for this purpose."
        ),
        error_messages={
            "required": _("Please tick the consent box so that we can take it.")
        },
    )
    # Honeypot: hidden from people (CSS), filled in by naive bots.
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    token = forms.CharField(widget=forms.HiddenInput)
    challenge = forms.CharField(label=_("Check question"), max_length=3, required=False)

    def __init__(self, *args, site, page, kind, challenge_needed=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.site = site
        self.page = page
        self.kind = kind
        self.challenge_needed = challenge_needed
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["website"].widget.attrs.update(
            {"autocomplete": "off", "tabindex": "-1"}
        )
        self.fields["challenge"].widget.attrs.update(
            {"inputmode": "numeric", "autocomplete": "off"}
        )
        if kind == QuestionKind.DRAFT_COMMENT:
            del self.fields["topic"]
            self.fields["title"].required = False
            self.fields["title"].label = _("Article or section commented on")
        else:
            self.fields["topic"].queryset = Topic.objects.for_site(site)
        self.token_payload = None
        self.submitted_challenge = ""
        if self.is_bound:
            self.token_payload = abuse.read_token(self.data.get("token", ""))
            self.submitted_challenge = self.data.get("challenge", "")
        self.renew_token()

    def renew_token(self) -> None:
        """A fresh token (and question, when needed) for the next rendering."""
        nonce = secrets.token_urlsafe(12)
        self.challenge_obj = (
            abuse.new_challenge(nonce) if self.challenge_needed else None
        )
        self.fresh_token = abuse.make_token(
            site_id=self.site.pk,
            page_id=self.page.pk,
            challenge=self.challenge_obj,
            nonce=nonce,
        )
        if self.is_bound:
            data = self.data.copy()
            data["token"] = self.fresh_token
            data["challenge"] = ""
            self.data = data
        else:
            self.initial["token"] = self.fresh_token

    @property
    def challenge_question(self) -> str:
        return self.challenge_obj.question if self.challenge_obj else ""

    @property
    def honeypot_filled(self) -> bool:
        return bool(self.is_bound and self.data.get("website", "").strip())

    def clean_name(self):
        value = plain_text(self.cleaned_data["name"])
        if not value:
            raise ValidationError(_("Enter your full name."), code="required")
        return value

    def clean_phone(self):
        value = self.cleaned_data.get("phone", "").strip()
        return validate_vietnamese_phone(value) if value else ""

    def clean_email(self):
        return self.cleaned_data.get("email", "").strip().lower()

    def clean_address(self):
        return plain_text(self.cleaned_data.get("address", ""))

    def clean_title(self):
        return plain_text(self.cleaned_data.get("title", ""))

    def clean_text(self):
        value = plain_text(self.cleaned_data["text"], multiline=True)
        if len(value) < TEXT_MIN:
            raise ValidationError(
                _("The content is too short: write at least %(min)s characters."),
                code="min_length",
                params={"min": TEXT_MIN},
            )
        return value

    def clean(self):
        cleaned = super().clean()
        if (
            self.kind != QuestionKind.DRAFT_COMMENT
            and "title" in cleaned
            and not cleaned["title"]
        ):
            self.add_error("title", _("Enter a title."))
        if not self.errors.get("phone") and not self.errors.get("email"):
            if not cleaned.get("phone") and not cleaned.get("email"):
                raise ValidationError(
                    _("Enter a phone number or an email so that we can reply."),
                    code="contact_required",
                )
        payload = self.token_payload
        if (
            payload is None
            or payload.get("s") != self.site.pk
            or payload.get("p") != self.page.pk
        ):
            raise ValidationError(
                _(
                    "This form has expired or does not belong to this page. "
                    "Please check your content and send it again."
                ),
                code="bad_token",
            )
        if abuse.token_used(payload.get("n", "")):
            raise ValidationError(
                _("This form has already been sent. Please send it again."),
                code="replayed",
            )
        if time.time() - payload.get("t", 0) < abuse.MIN_SECONDS_TO_SUBMIT:
            raise ValidationError(
                _("The form was sent too quickly. Please check it and send it again."),
                code="too_fast",
            )
        if payload.get("d"):
            if not abuse.challenge_answer_ok(
                payload.get("n", ""), payload["d"], self.submitted_challenge
            ):
                self.add_error(
                    "challenge", _("The answer to the check question is not right.")
                )
        elif self.challenge_needed:
            self.add_error("challenge", _("Please answer the check question."))
        return cleaned

    def contact_hashes(self) -> list[str]:
        hashes = []
        if self.cleaned_data.get("phone"):
            hashes.append(abuse.hash_value("phone", self.cleaned_data["phone"]))
        if self.cleaned_data.get("email"):
            hashes.append(abuse.hash_value("email", self.cleaned_data["email"]))
        return hashes


class LookupForm(forms.Form):
    """Tracking code plus the phone or email given with the submission."""

    code = forms.CharField(label=_("Tracking code"), max_length=20)
    contact = forms.CharField(label=_("Phone number or email you gave"), max_length=254)

    def clean_code(self):
        return normalize_tracking_code(self.cleaned_data["code"]) or ""

    def clean_contact(self):
        value = self.cleaned_data["contact"].strip()
        if "@" in value:
            return value.lower()
        return normalize_phone(value)
