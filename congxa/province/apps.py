from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProvinceConfig(AppConfig):
    """The province's floor: every commune at once (top floor, like search)."""

    name = "congxa.province"
    label = "province"
    verbose_name = _("Province")
