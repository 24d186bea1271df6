from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "congxa.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from . import (  # noqa: F401
            outbox,  # sends queued mail after the response
            signals,  # audits logins and failed logins
        )
