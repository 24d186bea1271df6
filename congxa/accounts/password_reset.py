"""Password reset that cannot be used to flood a mailbox or probe for accounts.

Throttled per address and per e-mail (in the shared cache, a process-local count
when the cache is down); the mail goes through the outbox, after the response.
Every request, known address or not, throttled or not, does the same work (one
user query, the same templates rendered, one outbox row) and gets the same
answer, so neither the page nor its timing tells whether an account exists.
"""

from __future__ import annotations

import hashlib
import logging
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.template import loader
from wagtail.admin.forms.auth import PasswordResetForm

from . import audit
from .outbox import mail_enqueue

logger = logging.getLogger(__name__)

WINDOW = 3600
_local: dict[str, tuple[int, float]] = {}


def _limit(kind: str) -> int:
    return getattr(settings, f"CONGXA_PASSWORD_RESET_PER_{kind.upper()}", 3)


def _count(key: str) -> int:
    """Add one to a counter that lives WINDOW seconds; its new value."""
    try:
        if cache.add(key, 1, WINDOW):
            return 1
        return cache.incr(key)
    except Exception:  # noqa: BLE001 (cache down or key just expired: count here)
        count, started = _local.get(key, (0, time.monotonic()))
        if time.monotonic() - started > WINDOW:
            count, started = 0, time.monotonic()
        _local[key] = (count + 1, started)
        return count + 1


def _digest(value: str) -> str:
    return hashlib.sha256(value.strip().lower().encode("utf-8")).hexdigest()[:32]


def reset_allowed(*, email: str, address: str) -> bool:
    """Count this request against its address and its e-mail; False past either
    limit (CONGXA_PASSWORD_RESET_PER_ADDRESS, CONGXA_PASSWORD_RESET_PER_EMAIL
    an hour)."""
    by_address = _count(f"congxa:reset:addr:{_digest(address)}")
    by_email = _count(f"congxa:reset:email:{_digest(email)}")
    return by_address <= _limit("address") and by_email <= _limit("email")


class ThrottledPasswordResetForm(PasswordResetForm):
    """Wagtail's reset form (WAGTAILADMIN_USER_PASSWORD_RESET_FORM), queued and
    throttled."""

    _allowed = True

    def save(self, *args, request=None, **kwargs):
        self._allowed = reset_allowed(
            email=self.cleaned_data["email"], address=audit.client_address(request)
        )
        return super().save(*args, request=request, **kwargs)

    def get_users(self, email):
        users = list(super().get_users(email)) if self._allowed else []
        if users:
            return users
        if not self._allowed:
            logger.warning("Đặt lại mật khẩu bị giới hạn tần suất")
        # A stand-in, never saved nor sent: the same work as for a real account.
        decoy = get_user_model()(**{get_user_model().get_email_field_name(): email})
        decoy.congxa_decoy = True
        return [decoy]

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        subject = "".join(
            loader.render_to_string(subject_template_name, context).splitlines()
        )
        body = loader.render_to_string(email_template_name, context)
        html_body = (
            loader.render_to_string(html_email_template_name, context)
            if html_email_template_name
            else ""
        )
        mail_enqueue(
            to_email=to_email,
            subject=subject,
            body=body,
            html_body=html_body,
            dropped=getattr(context["user"], "congxa_decoy", False),
        )
