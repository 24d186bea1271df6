"""The admin's page form: Vietnamese addresses and a commune's sensible defaults.

- The address (slug) left empty is the title folded by `congxa.vi.text.slugify`
  (the browser does the same as the editor types, see `slugs.py`).
- A new page whose address is already used under the same parent gets the next
  free one (`-2`, `-3`, ...) and a Vietnamese message, instead of a refused
  form. Existing pages keep their address: it is never recomputed.
- A new page made directly under a commune's home page is a section of the
  site: it starts "shown in menus", so it appears in the main menu.

Every page type uses it: settings.py names it in CONGXA_PAGE_FORM, and the
`page_base_form` patch (congxa/portal/wagtail_patches/) sets it as
`Page.base_form_class`, the attribute Wagtail itself sets to its
`WagtailAdminPageForm` (wagtail/admin/panels/page_utils.py) and which no congxa
page type overrides.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext
from wagtail.admin.forms import WagtailAdminPageForm

from congxa.vi.text import slugify

from .slugs import free_slug

SLUG_NOTE_ATTRIBUTE = "_congxa_slug_note"


class VietnamesePageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            # Left empty, the address comes from the title (clean_slug).
            self.fields["slug"].required = False
        if (
            self.instance.pk is None
            and "show_in_menus" in self.fields
            and self.parent_page is not None
            and self.parent_page.is_site_root()
        ):
            self.initial["show_in_menus"] = True

    def clean_slug(self):
        slug = self.cleaned_data.get("slug") or slugify(
            self.data.get(self.add_prefix("title"), "")
        )
        if not slug:
            raise forms.ValidationError(
                gettext("Enter an address for the page (letters, numbers, “-”).")
            )
        if self.instance.pk or self.parent_page is None:
            return slug
        free = free_slug(slug, self.parent_page)
        if free != slug:
            setattr(
                self.instance,
                SLUG_NOTE_ATTRIBUTE,
                gettext(
                    "The address “%(slug)s” is already used by another page in "
                    "this section, so this page got “%(free)s”."
                )
                % {"slug": slug, "free": free},
            )
        return free
