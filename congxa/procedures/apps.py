from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProceduresConfig(AppConfig):
    name = "congxa.procedures"
    label = "procedures"
    verbose_name = _("Administrative procedures")

    def ready(self) -> None:
        from . import signals
        from .home_blocks import register

        register()
        signals.connect()
        from . import compliance

        compliance.register()
