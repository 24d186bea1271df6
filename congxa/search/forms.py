"""Admin forms of search."""

from django import forms
from django.utils.translation import gettext_lazy as _

from congxa.portal.site_access import SiteScopedForm


class SynonymForm(SiteScopedForm):
    """A commune's synonym: the commune is required (the province's shared list
    is edited apart, by the province's operators); both sides must hold words."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "site" in self.fields:
            self.fields["site"].required = True
            self.fields["site"].empty_label = None

    def clean(self):
        cleaned = super().clean()
        from congxa.vi.text import tokens

        for name in ("phrases", "meanings"):
            value = cleaned.get(name)
            if value is not None and not tokens(value):
                self.add_error(
                    name, forms.ValidationError(_("Write at least one word."))
                )
        return cleaned
