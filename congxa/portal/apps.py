from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "congxa.portal"
    label = "portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from . import invalidation, visibility
        from .home_blocks import register

        register()
        visibility.install()
        invalidation.connect()
        from . import hosts

        hosts.connect()
