from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    name = "congxa.operations"
    label = "operations"
    verbose_name = _("Operations")

    def ready(self):
        from . import checks  # noqa: F401 (registers the deployment checks)
