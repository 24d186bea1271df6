from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProceduresConfig(AppConfig):
    name = "congxa.procedures"
    label = "procedures"
    verbose_name = _("Administrative procedures")

    def ready(self) -> None:
        from .home_blocks import register

        register()
        from . import compliance

        compliance.register()
        from congxa.portal.communes import (
            DefaultSection,
            SetupStep,
            register_default_section,
            register_setup_step,
        )

        register_default_section(
            DefaultSection(
                key="procedures",
                model="procedures.ProcedureIndexPage",
                title="Thủ tục hành chính",
                slug="thu-tuc-hanh-chinh",
                order=30,
            )
        )

        def procedure_selection(site) -> str:
            from .models import ProcedureSelection

            ProcedureSelection.for_site(site)
            return "Danh mục thủ tục hành chính: mọi thủ tục cấp xã"

        register_setup_step(
            SetupStep(name="procedures", run=procedure_selection, order=50)
        )
