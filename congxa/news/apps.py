from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "congxa.news"
    label = "news"
    verbose_name = _("News")

    def ready(self) -> None:
        from .home_blocks import register

        register()
