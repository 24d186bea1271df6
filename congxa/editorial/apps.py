from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "congxa.editorial"
    label = "editorial"
    verbose_name = _("Editorial board")

    def ready(self) -> None:
        from congxa.portal.communes import SetupStep, register_setup_step

        def editorial_board(site) -> str:
            from .services import commune_roles_setup

            board = commune_roles_setup(site=site)
            return f"Ban biên tập, thư mục “{board.collection.name}”, quy trình duyệt"

        register_setup_step(SetupStep(name="editorial", run=editorial_board, order=10))

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

        from . import workflows
        from .middleware import install_form_scoping

        install_form_scoping()
        workflows.install()
