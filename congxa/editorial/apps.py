from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "congxa.editorial"
    label = "editorial"
    verbose_name = _("Editorial board")

    def ready(self) -> None:
        from . import signals  # noqa: F401 (sanitises stored HTML on save)
