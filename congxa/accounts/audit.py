"""Account events in Wagtail's audit log, with the address they came from."""

from __future__ import annotations

from contextvars import ContextVar

from django.contrib.auth import get_user_model
from django.http import HttpRequest
from wagtail.log_actions import log

LOGIN = "congxa.login"
LOGIN_FAILED = "congxa.login_failed"
LOCKED_OUT = "congxa.locked_out"
UNLOCKED = "congxa.unlocked"
TWO_FACTOR_ENABLED = "congxa.two_factor_enabled"
TWO_FACTOR_RESET = "congxa.two_factor_reset"
SELF = object()
ACCOUNT_ACTIONS = (
    LOGIN,
    LOGIN_FAILED,
    LOCKED_OUT,
    UNLOCKED,
    TWO_FACTOR_ENABLED,
    TWO_FACTOR_RESET,
)


# The address of the request being served, for log entries written by Wagtail
# itself (publish, unpublish, delete, settings and permission changes).
current_address: ContextVar[str] = ContextVar("congxa_current_address", default="")


def client_address(request: HttpRequest | None) -> str:
    """The address a request came from, as Django sees it behind the proxy."""
    if request is None:
        return ""
    # SECURE_PROXY_SSL_HEADER trusts the proxy for the scheme; the address is
    # REMOTE_ADDR, which the proxy (nginx `real_ip`) or the WSGI server sets.
    return request.META.get("REMOTE_ADDR", "")


def account_event_log(
    *,
    user,
    action: str,
    request: HttpRequest | None = None,
    actor=SELF,
    **data: str,
) -> None:
    """Write one account event about `user`, done by `actor`.

    The actor is the user themselves by default; None for an unknown person
    (a failed login), another user for an unlock or a role change.
    """
    payload = {"address": client_address(request), **data}
    log(
        instance=user,
        action=action,
        user=user if actor is SELF else actor,
        data=payload,
    )


def user_for_username(username: str | None):
    if not username:
        return None
    User = get_user_model()
    return User.objects.filter(**{User.USERNAME_FIELD: username}).first()
