"""Every page type's admin form is congxa's: Vietnamese addresses, sections in menus.

Written for Wagtail 7.4. wagtail/admin/panels/page_utils.py sets
`Page.base_form_class = WagtailAdminPageForm` when it is imported, and
`Page.get_edit_handler` (`_get_page_edit_handler` there, cached per class)
builds each page type's form on `cls.base_form_class`; no congxa page type sets
its own. So the class attribute is replaced once, after Wagtail's module has
run and before any edit handler is built, by the form settings.py names in
CONGXA_PAGE_FORM (`congxa.editorial.page_form.VietnamesePageForm`: named there,
not imported here, because `portal` sits below the apps that own forms).
"""

from __future__ import annotations

from . import PatchOutdated, require_source, require_version

NAME = "page_base_form"
WAGTAIL = "7.4"
EDIT_HANDLER_DIGEST = "3acbb514eb21d9fc"


def page_form():
    from django.conf import settings
    from django.utils.module_loading import import_string

    return import_string(settings.CONGXA_PAGE_FORM)


def check() -> None:
    from wagtail.admin.forms.pages import WagtailAdminPageForm
    from wagtail.admin.panels import page_utils
    from wagtail.models import Page

    require_version("wagtail", WAGTAIL, NAME)
    require_source(page_utils._get_page_edit_handler.fn, EDIT_HANDLER_DIGEST, NAME)
    form = page_form()
    if Page.base_form_class not in (WagtailAdminPageForm, form) or not issubclass(
        form, WagtailAdminPageForm
    ):
        raise PatchOutdated(
            f"Bản vá {NAME}: Page.base_form_class là {Page.base_form_class!r}, "
            f"bản vá viết cho WagtailAdminPageForm, thay bằng {form!r} (lớp con "
            "của nó). Xem lại bản vá trong congxa/portal/wagtail_patches/."
        )


def apply() -> None:
    # Importing page_utils runs Wagtail's own assignment first, once.
    from wagtail.admin.panels import page_utils  # noqa: F401
    from wagtail.models import Page

    Page.base_form_class = page_form()
