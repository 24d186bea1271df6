"""E-mail sent outside the request: written to an outbox, sent after the response.

`mail_enqueue` stores a message during the request. When that request's response
has gone out (Django's `request_finished`, which WSGI servers fire once the body
is sent), the same worker sends what it queued; `manage.py send_outbox`, run by
a timer (systemd timer or cron, every minute), sends anything left over: a mail
server that was down, a worker that stopped. Neither waits in a request.
"""

from __future__ import annotations

import logging
import threading
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.signals import request_finished
from django.db.models import F
from django.utils import timezone

from .models import OutgoingMail

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
BATCH = 50
# Sent and dropped messages are kept this long (subject and address only).
KEEP = timedelta(days=7)

_pending = threading.local()


def mail_enqueue(
    *, to_email: str, subject: str, body: str, html_body: str = "", dropped=False
) -> OutgoingMail:
    """Queue one message; sent after the current response."""
    mail = OutgoingMail.objects.create(
        to_email=to_email if not dropped else "",
        subject=subject,
        body=body if not dropped else "",
        html_body=html_body if not dropped else "",
        dropped=dropped,
        sent_at=timezone.now() if dropped else None,
    )
    if not dropped:
        _pending.ids = [*getattr(_pending, "ids", []), mail.pk]
    return mail


def _claim(mail: OutgoingMail) -> bool:
    """Take a message for sending; False when another process took it first."""
    return bool(
        OutgoingMail.objects.filter(
            pk=mail.pk, sent_at__isnull=True, attempts=mail.attempts
        ).update(attempts=F("attempts") + 1)
    )


def mail_send(mail: OutgoingMail) -> bool:
    if not _claim(mail):
        return False
    message = EmailMultiAlternatives(
        mail.subject, mail.body, settings.DEFAULT_FROM_EMAIL, [mail.to_email]
    )
    if mail.html_body:
        message.attach_alternative(mail.html_body, "text/html")
    try:
        message.send()
    except Exception as exc:  # noqa: BLE001 (any mail server failure: retry later)
        logger.warning("Gửi thư %s không được: %s", mail.pk, exc)
        OutgoingMail.objects.filter(pk=mail.pk).update(last_error=str(exc)[:500])
        return False
    OutgoingMail.objects.filter(pk=mail.pk).update(
        sent_at=timezone.now(), body="", html_body="", last_error=""
    )
    return True


def outbox_send(*, ids: list[int] | None = None, dry_run: bool = False) -> dict:
    """Send what waits (or only `ids`); returns counts."""
    waiting = OutgoingMail.objects.filter(
        sent_at__isnull=True, dropped=False, attempts__lt=MAX_ATTEMPTS
    ).order_by("created_at")
    if ids is not None:
        waiting = waiting.filter(pk__in=ids)
    counts = {"sent": 0, "failed": 0, "waiting": 0}
    for mail in waiting[:BATCH]:
        if dry_run:
            counts["waiting"] += 1
        elif mail_send(mail):
            counts["sent"] += 1
        else:
            counts["failed"] += 1
    return counts


def outbox_prune(*, now=None) -> int:
    """Forget sent and dropped messages older than KEEP."""
    now = now or timezone.now()
    removed, _ = OutgoingMail.objects.filter(sent_at__lt=now - KEEP).delete()
    return removed


def _send_after_response(sender, **kwargs) -> None:
    ids = getattr(_pending, "ids", None)
    if not ids:
        return
    _pending.ids = []
    try:
        outbox_send(ids=ids)
    except Exception:  # the timer command sends it later
        logger.exception("Không gửi được thư sau khi trả lời yêu cầu")


request_finished.connect(_send_after_response, dispatch_uid="congxa_outbox")
