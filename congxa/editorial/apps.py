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

        from . import (
            signals,  # noqa: F401 (sanitises stored HTML on save)
            workflows,
        )
        from .middleware import install_form_scoping

        install_form_scoping()
        workflows.install()
