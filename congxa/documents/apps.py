from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "congxa.documents"
    label = "documents"
    verbose_name = _("Legal documents")

    def ready(self) -> None:
        from .home_blocks import register

        register()
        from . import compliance

        compliance.register()
        from congxa.portal.communes import DefaultSection, register_default_section

        register_default_section(
            DefaultSection(
                key="documents",
                model="documents.DocumentIndexPage",
                title="Văn bản",
                slug="van-ban",
                order=20,
            )
        )
