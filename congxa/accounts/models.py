from axes.models import AccessAttempt
from django.utils.translation import gettext_lazy as _


class LoginFailure(AccessAttempt):
    """django-axes' failure records, carrying the permission to unlock logins
    (given to commune administrators and the province operator)."""

    class Meta:
        proxy = True
        verbose_name = _("failed login")
        verbose_name_plural = _("failed logins")
        permissions = [("unlock_login", _("Can see and unlock locked logins"))]
