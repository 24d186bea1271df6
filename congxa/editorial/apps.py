from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "congxa.editorial"
    label = "editorial"
    verbose_name = _("Editorial board")

    def ready(self) -> None:
        from wagtail.admin.panels import page_utils  # noqa: F401 (sets Wagtail's own)
        from wagtail.models import Page

        from . import (
            signals,  # noqa: F401 (sanitises stored HTML on save)
            wagtail_texts,
        )
        from .page_form import VietnamesePageForm

        wagtail_texts.apply()
        # Every page type's admin form: Vietnamese addresses, sections in menus.
        Page.base_form_class = VietnamesePageForm
