from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "congxa.portal"
    label = "portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from . import hosts, invalidation, wagtail_patches
        from .home_blocks import register

        register()
        # Fails loudly here when an upgrade changed what a patch replaces.
        wagtail_patches.apply_all()
        invalidation.connect()
        hosts.connect()
