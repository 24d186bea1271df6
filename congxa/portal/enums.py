from django.db import models
from django.utils.translation import gettext_lazy as _


class CommuneKind(models.TextChoices):
    """The three kinds of commune-level unit since the 2025 reorganisation."""

    # Translators: xã
    COMMUNE = "xa", _("Commune")
    # Translators: phường
    WARD = "phuong", _("Ward")
    # Translators: đặc khu
    SPECIAL_ZONE = "dac-khu", _("Special zone")


class HostKind(models.TextChoices):
    # Another name the commune answers on (www.…): redirected to its host.
    ALIAS = "alias", _("Alias")
    # A host name the commune used before: redirected to its host.
    FORMER = "former", _("Former host")


class Scheme(models.TextChoices):
    HTTPS = "https", "https"
    HTTP = "http", "http"
