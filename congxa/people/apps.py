from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "congxa.people"
    label = "people"
    verbose_name = _("Introduction and organisation")

    def ready(self) -> None:
        from .compliance import register as register_compliance
        from .home_blocks import register as register_home_blocks

        register_home_blocks()
        register_compliance()
