"""Login lockout that an outsider cannot turn against the officials.

django-axes counts failures per (user name, address) pair
(`AXES_LOCKOUT_PARAMETERS`): five wrong passwords for `admin` from one address
lock `admin` *from that address* only, so five addresses of an attacker never
lock the real administrator out of their office. Across addresses a user name
under attack is slowed instead: an address that has already failed (for this
user name or any other) must wait a delay that doubles with every failure of
that user name, or of that address, in the cool-off window, before its next
attempt is even checked. An address that has not failed is never delayed nor
locked, so the right password and the second factor always get in from it.

Locks and unlocks go into the audit log (`signals.py`, `lockout_release`). The
locked logins are listed in the admin for whoever may unlock them: a commune
administrator sees their commune's people, a province operator or superuser all.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from axes.helpers import get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Max, Sum
from django.http import HttpRequest
from django.utils import timezone

from congxa.portal.site_access import is_province_operator, site_ids_for_user

from . import audit

UNLOCK_PERMISSION = "accounts.unlock_login"


def _window_start(now: datetime) -> datetime:
    cool_off = get_cool_off() or timedelta(minutes=30)
    return now - cool_off


def _free_failures() -> int:
    return getattr(settings, "CONGXA_LOGIN_FREE_FAILURES", 2)


def _max_delay() -> int:
    return getattr(settings, "CONGXA_LOGIN_MAX_DELAY_SECONDS", 60)


def delay_for(failures: int) -> int:
    """Seconds between attempts after `failures`: 0 for the first few, then
    1, 2, 4, ... up to CONGXA_LOGIN_MAX_DELAY_SECONDS."""
    extra = failures - _free_failures()
    if extra <= 0:
        return 0
    return min(2 ** (extra - 1), _max_delay())


def login_wait_seconds(
    username: str | None, address: str, now: datetime | None = None
) -> int:
    """How long this address must still wait before trying `username` again;
    0 when it may try now (always, for an address that has not failed)."""
    now = now or timezone.now()
    recent = AccessAttempt.objects.filter(attempt_time__gte=_window_start(now))
    own = recent.filter(ip_address=address).aggregate(
        failures=Sum("failures_since_start"), last=Max("attempt_time")
    )
    if not own["failures"]:
        return 0
    by_name = (
        recent.filter(username=username).aggregate(
            failures=Sum("failures_since_start"), last=Max("attempt_time")
        )
        if username
        else {"failures": 0, "last": None}
    )
    failures = max(own["failures"] or 0, by_name["failures"] or 0)
    delay = delay_for(failures)
    if not delay:
        return 0
    last = max(moment for moment in (own["last"], by_name["last"]) if moment)
    remaining = (last + timedelta(seconds=delay) - now).total_seconds()
    return max(0, math.ceil(remaining))


@dataclass(frozen=True)
class LockedLogin:
    """One (user name, address) pair that may not log in now."""

    username: str
    address: str
    failures: int
    last_attempt: datetime
    unlocks_at: datetime
    user: object | None


def locked_logins(viewer, now: datetime | None = None) -> list[LockedLogin]:
    """The pairs locked now that `viewer` may see and release: their communes'
    people (site_access), every one for a superuser, unknown names included."""
    now = now or timezone.now()
    limit = get_failure_limit(None, {})
    cool_off = get_cool_off() or timedelta(minutes=30)
    rows = (
        AccessAttempt.objects.filter(attempt_time__gte=now - cool_off)
        .values("username", "ip_address")
        .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
        .filter(failures__gte=limit)
        .order_by("-last")
    )
    User = get_user_model()
    names = {row["username"] for row in rows if row["username"]}
    users = {
        getattr(user, User.USERNAME_FIELD): user
        for user in User.objects.filter(**{f"{User.USERNAME_FIELD}__in": names})
    }
    viewer_sites = site_ids_for_user(viewer)
    # The province operator answers for every commune's people.
    everyone = is_province_operator(viewer)
    result = []
    for row in rows:
        user = users.get(row["username"])
        if not everyone:
            if user is None or user.is_superuser:
                continue
            if not (site_ids_for_user(user) & viewer_sites):
                continue
        result.append(
            LockedLogin(
                username=row["username"] or "",
                address=row["ip_address"] or "",
                failures=row["failures"],
                last_attempt=row["last"],
                unlocks_at=row["last"] + cool_off,
                user=user,
            )
        )
    return result


def may_unlock(viewer) -> bool:
    return bool(
        viewer.is_authenticated
        and viewer.is_active
        and (
            viewer.is_superuser
            or is_province_operator(viewer)
            or viewer.has_perm(UNLOCK_PERMISSION)
        )
    )


def lockout_release(
    *,
    username: str,
    address: str = "",
    actor=None,
    request: HttpRequest | None = None,
) -> int:
    """Forget the failures of `username` (from `address` only, when given);
    audited on the account. Returns how many records were removed."""
    if address:
        removed, _ = AccessAttempt.objects.filter(
            username=username, ip_address=address
        ).delete()
    else:
        removed = reset(username=username)
    user = audit.user_for_username(username)
    if user is not None:
        audit.account_event_log(
            user=user,
            action=audit.UNLOCKED,
            request=request,
            actor=actor,
            unlocked_address=address,
        )
    return removed
