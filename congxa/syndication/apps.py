from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SyndicationConfig(AppConfig):
    """Feeds, structured data, the public API and open data: the top floor that
    collects what each content type says about itself."""

    name = "congxa.syndication"
    label = "syndication"
    verbose_name = _("Syndication and open data")
