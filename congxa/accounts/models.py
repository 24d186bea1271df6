from axes.models import AccessAttempt
from django.db import models
from django.utils.translation import gettext_lazy as _


class LoginFailure(AccessAttempt):
    """django-axes' failure records, carrying the permission to unlock logins
    (given to commune administrators and the province operator)."""

    class Meta:
        proxy = True
        verbose_name = _("failed login")
        verbose_name_plural = _("failed logins")
        permissions = [("unlock_login", _("Can see and unlock locked logins"))]


class OutgoingMail(models.Model):
    """An e-mail waiting to be sent, so no request waits on the mail server.

    Written during the request (a password reset); sent after the response by
    the worker that wrote it (`outbox.py`, on `request_finished`), and by
    `manage.py send_outbox` from a timer for whatever that left (a mail server
    that was down). The body is blanked once sent: it may hold a reset link.
    """

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    to_email = models.EmailField(max_length=254, blank=True)
    subject = models.CharField(max_length=255)
    body = models.TextField(blank=True)
    html_body = models.TextField(blank=True)
    # A request that must look like a real one (unknown address, throttled):
    # written as every other, never sent.
    dropped = models.BooleanField(default=False)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        indexes = [models.Index(fields=["sent_at", "dropped"])]

    def __str__(self):
        return self.subject
