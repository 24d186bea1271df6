"""Every login, failed login and lockout goes into the audit log."""

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models.signals import pre_save
from django.dispatch import receiver
from wagtail.models.audit_log import BaseLogEntry

from . import audit


@receiver(user_logged_in)
def logged_in(sender, request, user, **kwargs):
    audit.account_event_log(user=user, action=audit.LOGIN, request=request)


@receiver(user_login_failed)
def login_failed(sender, credentials, request=None, **kwargs):
    # A name that is no account has nothing to hang the entry on; axes still
    # records the attempt with its address.
    user = audit.user_for_username(credentials.get("username"))
    if user is not None:
        audit.account_event_log(
            user=user, action=audit.LOGIN_FAILED, request=request, actor=None
        )


@receiver(user_locked_out)
def locked_out(sender, request, username=None, ip_address=None, **kwargs):
    user = audit.user_for_username(username)
    if user is not None:
        audit.account_event_log(user=user, action=audit.LOCKED_OUT, request=request)


@receiver(pre_save)
def add_address_to_log_entry(sender, instance, **kwargs):
    """Wagtail's own entries (publish, delete, settings, groups) get the address."""
    if isinstance(instance, BaseLogEntry) and instance._state.adding:
        address = audit.current_address.get()
        if address:
            data = instance.data if isinstance(instance.data, dict) else {}
            data.setdefault("address", address)
            instance.data = data
