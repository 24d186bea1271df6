"""Login lockout through django-axes, without breaking logins made by code."""

from axes.backends import AxesStandaloneBackend


class LockoutBackend(AxesStandaloneBackend):
    """Axes' lockout check, for logins that come from a web request.

    Axes refuses any `authenticate()` call without a request. Logins made by code
    (a management command, `Client.login()` in tests) have none and cannot be a
    brute-force attempt from the network, so they go straight to the next backend.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(
            request, username=username, password=password, **kwargs
        )
