"""Two-factor enforcement for the admin, and idle sessions ended."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode

from . import audit, services

# Pages an admin user may open before the second step: the step itself, logging
# in and out, resetting a forgotten password, and the icon sprite and script
# translations the admin's own pages fetch (a redirect there would inject the
# set-up page into the page that asked for icons).
EXEMPT_URL_NAMES = {
    "accounts_two_factor_setup",
    "accounts_two_factor_verify",
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
}
EXEMPT_NAMESPACES = {"wagtailadmin_password_reset"}
ADMIN_PREFIX = "/admin/"


def _exempt(request: HttpRequest) -> bool:
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return True
    return match.url_name in EXEMPT_URL_NAMES or bool(
        EXEMPT_NAMESPACES.intersection(match.namespaces)
    )


class TwoFactorMiddleware:
    """Send an admin user without a verified second factor to set it up or enter it.

    Placed after django_otp's OTPMiddleware (which gives `request.user.is_verified`).
    Controlled by CONGXA_REQUIRE_2FA (on by default; the general test suite turns
    it off so tests can `force_login` straight into the admin).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            getattr(settings, "CONGXA_REQUIRE_2FA", True)
            and request.path_info.startswith(ADMIN_PREFIX)
            and services.requires_two_factor(request.user)
            and not request.user.is_verified()
            and not _exempt(request)
        ):
            target = (
                "accounts_two_factor_verify"
                if services.has_two_factor(request.user)
                else "accounts_two_factor_setup"
            )
            response = redirect(target)
            if request.method == "GET":
                response["Location"] += "?" + urlencode(
                    {"next": request.get_full_path()}
                )
            return response
        return self.get_response(request)


class SessionIdleTimeoutMiddleware:
    """Log out a signed-in user idle for CONGXA_SESSION_IDLE_SECONDS.

    The absolute limit is SESSION_COOKIE_AGE; this one ends a session left open
    on a shared office computer. The last-seen time is written at most once a
    minute, so browsing does not rewrite the session on every request.
    """

    KEY = "congxa_last_seen"

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            last_seen = request.session.get(self.KEY)
            idle_limit = getattr(settings, "CONGXA_SESSION_IDLE_SECONDS", 3600)
            if last_seen is not None and now - last_seen > idle_limit:
                logout(request)
                if request.path_info.startswith(ADMIN_PREFIX):
                    return redirect(
                        reverse("wagtailadmin_login")
                        + "?"
                        + urlencode({"next": request.get_full_path()})
                    )
            elif last_seen is None or now - last_seen >= 60:
                request.session[self.KEY] = now
        return self.get_response(request)


class AuditAddressMiddleware:
    """Remember the request's address so every audit log entry records it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = audit.current_address.set(audit.client_address(request))
        try:
            return self.get_response(request)
        finally:
            audit.current_address.reset(token)


class LoginThrottleMiddleware:
    """A login refused for its delay (`lockout.py`) is a 429 with Retry-After."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        wait = getattr(request, "congxa_login_wait", 0)
        if not wait:
            return response
        response = render(
            request, "accounts/login_wait.html", {"wait": wait}, status=429
        )
        response["Retry-After"] = str(wait)
        return response
