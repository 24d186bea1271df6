"""The admin's page form: Vietnamese addresses and a commune's sensible defaults.

- The address (slug) left empty is the title folded by `congxa.vi.text.slugify`
  (the browser does the same as the editor types, see `slugs.py`).
- A new page whose address is already used under the same parent gets the next
  free one (`-2`, `-3`, ...) and a Vietnamese message, instead of a refused
  form. Existing pages keep their address: it is never recomputed.
- A new page made directly under a commune's home page is a section of the
  site: it starts "shown in menus", so it appears in the main menu.
- A new page's form carries a token (`CREATE_TOKEN_FIELD`, hidden): however
  many times Wagtail's autosave and the writer post that one form to the
  create view, it makes one page (`page_creation.py`).

Every page type uses it: settings.py names it in CONGXA_PAGE_FORM, and the
`page_base_form` patch (congxa/portal/wagtail_patches/) sets it as
`Page.base_form_class`, the attribute Wagtail itself sets to its
`WagtailAdminPageForm` (wagtail/admin/panels/page_utils.py) and which no congxa
page type overrides.
"""

from __future__ import annotations

import uuid

from django import forms
from django.utils.translation import gettext
from wagtail.admin.forms import WagtailAdminPageForm

from congxa.vi.text import slugify

from .slugs import free_slug

SLUG_NOTE_ATTRIBUTE = "_congxa_slug_note"
CREATE_TOKEN_FIELD = "congxa_create_token"  # noqa: S105 (a field name)


class VietnamesePageForm(WagtailAdminPageForm):
    # Not a model field: Wagtail renders it with the form's other hidden fields
    # (`render_missing_fields`), and it is read from the POST by the create view.
    congxa_create_token = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            self.initial.setdefault(CREATE_TOKEN_FIELD, uuid.uuid4())
        else:
            del self.fields[CREATE_TOKEN_FIELD]
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

    def get_field_updates_for_resave(self):
        """Wagtail's updates for the still-open form after an autosave, plus the
        address when `clean_slug` chose it: otherwise the form's next post (to
        the edit view) asks for the taken address again and is refused."""
        updates = list(super().get_field_updates_for_resave())
        if "slug" in self.fields and self.data.get(self.add_prefix("slug")) != (
            self.instance.slug
        ):
            updates.append((self.add_prefix("slug"), self.instance.slug))
        return updates
