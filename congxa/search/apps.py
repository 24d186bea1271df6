from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "congxa.search"
    label = "congxa_search"
    verbose_name = _("Search")

    def ready(self):
        from . import indexables, signals

        indexables.register_known_models()
        signals.connect()
