from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisclosuresConfig(AppConfig):
    name = "congxa.disclosures"
    label = "disclosures"
    verbose_name = _("Disclosures")

    def ready(self) -> None:
        from . import compliance

        compliance.register()
        from congxa.portal.communes import DefaultSection, register_default_section

        register_default_section(
            DefaultSection(
                "disclosures",
                "disclosures.DisclosureIndexPage",
                "Công khai thông tin",
                "cong-khai",
                order=80,
            )
        )
