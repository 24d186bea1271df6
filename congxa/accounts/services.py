"""Two-factor authentication: TOTP devices and single-use recovery codes."""

from __future__ import annotations

from base64 import b32encode

import segno
from django.db import transaction
from django.http import HttpRequest
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import audit

RECOVERY_CODE_COUNT = 10
DEVICE_NAME = "authenticator"
RECOVERY_DEVICE_NAME = "recovery"


def requires_two_factor(user) -> bool:
    """Every account that can open the admin needs a second factor."""
    return bool(user.is_authenticated and user.has_perm("wagtailadmin.access_admin"))


def has_two_factor(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_device(user) -> TOTPDevice:
    """The not yet confirmed authenticator of a user, created on first visit."""
    device = TOTPDevice.objects.filter(
        user=user, confirmed=False, name=DEVICE_NAME
    ).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def device_secret(device: TOTPDevice) -> str:
    """The key as a person types it into an authenticator app, in groups of four."""
    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def device_qr_svg(device: TOTPDevice) -> str:
    """The otpauth:// address as an inline SVG QR code (no image request, no JS).

    The issuer shown in the app is OTP_TOTP_ISSUER.
    """
    return segno.make(device.config_url, error="m").svg_inline(scale=5)


@transaction.atomic
def two_factor_confirm(
    *, request: HttpRequest, device: TOTPDevice, token: str
) -> list[str] | None:
    """Confirm a new authenticator with its first code; return the recovery codes.

    None when the code is wrong. Any older authenticator and recovery codes of the
    user are replaced.
    """
    if not device.verify_token(token.strip().replace(" ", "")):
        return None
    user = device.user
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = recovery_codes_renew(user=user)
    otp_login(request, device)
    audit.account_event_log(user=user, action=audit.TWO_FACTOR_ENABLED, request=request)
    return codes


def recovery_codes_renew(*, user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(
        StaticToken(device=device, token=code) for code in codes
    )
    return codes


def two_factor_verify(*, request: HttpRequest, token: str) -> bool:
    """Check an authenticator code or a recovery code (used up) for this session."""
    token = token.strip().replace(" ", "").lower()
    if not token:
        return False
    device = match_token(request.user, token)
    if device is None:
        return False
    otp_login(request, device)
    return True


@transaction.atomic
def two_factor_reset(*, user, actor, request: HttpRequest | None = None) -> None:
    """Remove a user's authenticator and codes (lost phone): set up again at login."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    audit.account_event_log(
        user=user, action=audit.TWO_FACTOR_RESET, request=request, actor=actor
    )
