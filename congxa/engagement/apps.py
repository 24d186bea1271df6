from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementConfig(AppConfig):
    name = "congxa.engagement"
    label = "engagement"
    verbose_name = _("Citizens' questions and feedback")

    def ready(self) -> None:
        from . import compliance

        compliance.register()
