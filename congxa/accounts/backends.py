"""Login lockout through django-axes, without breaking logins made by code."""

from axes.backends import AxesStandaloneBackend
from django.core.exceptions import PermissionDenied

from . import audit, lockout


class LoginDelayed(PermissionDenied):
    """An address that already failed tried again before its delay ran out."""


class LockoutBackend(AxesStandaloneBackend):
    """Axes' lockout check, then the growing delay, for logins from a web request.

    Axes refuses any `authenticate()` call without a request. Logins made by code
    (a management command, `Client.login()` in tests) have none and cannot be a
    brute-force attempt from the network, so they go straight to the next backend.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        super().authenticate(request, username=username, password=password, **kwargs)
        wait = lockout.login_wait_seconds(username, audit.client_address(request))
        if wait:
            # Refused before the password is looked at: the answer says nothing
            # about it. LoginThrottleMiddleware turns this into a 429.
            request.congxa_login_wait = wait
            raise LoginDelayed
        return None
