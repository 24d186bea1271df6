"""Abuse resistance for the public forms, kept in the shared cache.

Counters per network address (hashed) and per contact, a signed form token that
carries the time the form was shown and, when limits are approached, a small
arithmetic question answered without any outside service.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass

from django.core import signing
from django.core.cache import cache
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from congxa.portal.network import client_network

TOKEN_SALT = "congxa.engagement.form"  # noqa: S105 (a salt, not a secret)
MIN_SECONDS_TO_SUBMIT = 3
MAX_TOKEN_AGE = 2 * 3600
ADDRESS_WINDOW = 3600
CONTACT_WINDOW = 24 * 3600
# Every POST counts, valid or not; past this multiple of the limit, refuse outright.
ATTEMPTS_FACTOR = 4

SPAM_PATTERNS = (
    "casino",
    "nhà cái",
    "nha cai",
    "cá cược",
    "ca cuoc",
    "nổ hũ",
    "no hu",
    "tài xỉu",
    "tai xiu",
    "game bài",
    "đá gà",
    "bắn cá",
    "lô đề",
    "soi cầu",
    "xóc đĩa",
    "baccarat",
    "viagra",
    "cialis",
    "porn",
    "crypto airdrop",
)
MAX_LINKS = 2

_NUMBERS = (
    "không",
    "một",
    "hai",
    "ba",
    "bốn",
    "năm",
    "sáu",
    "bảy",
    "tám",
    "chín",
    "mười",
)


def hash_value(kind: str, value: str) -> str:
    """A salted, keyed hash: counts and matches without keeping the raw value."""
    return salted_hmac(f"congxa.engagement.{kind}", value.strip().lower()).hexdigest()


def client_ip(request) -> str:
    """The client as limits count it: an IPv6 /64 is one client."""
    return client_network(request.META.get("REMOTE_ADDR", "")) or "unknown"


def _counter_key(kind: str, site_id: int, digest: str, window: int) -> str:
    bucket = int(time.time() // window)
    return f"congxa:engagement:{kind}:{site_id}:{digest}:{bucket}"


def _read(key: str) -> int:
    return int(cache.get(key) or 0)


def _bump(key: str, timeout: int) -> int:
    cache.add(key, 0, timeout=timeout)
    try:
        return cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=timeout)
        return 1


@dataclass
class Limits:
    per_address: int
    per_contact: int
    challenge_after: int


class RateLimiter:
    """Counters for one site and one network address."""

    def __init__(self, site_id: int, ip_hash: str, limits: Limits):
        self.site_id = site_id
        self.ip_hash = ip_hash
        self.limits = limits

    def _attempts_key(self) -> str:
        return _counter_key("attempts", self.site_id, self.ip_hash, ADDRESS_WINDOW)

    def _accepted_key(self) -> str:
        return _counter_key("accepted", self.site_id, self.ip_hash, ADDRESS_WINDOW)

    def _contact_key(self, contact_hash: str) -> str:
        return _counter_key("contact", self.site_id, contact_hash, CONTACT_WINDOW)

    def record_attempt(self) -> int:
        return _bump(self._attempts_key(), ADDRESS_WINDOW)

    def attempts(self) -> int:
        return _read(self._attempts_key())

    def accepted(self) -> int:
        return _read(self._accepted_key())

    def address_blocked(self) -> bool:
        return (
            self.accepted() >= self.limits.per_address
            or self.attempts() > self.limits.per_address * ATTEMPTS_FACTOR
        )

    def challenge_needed(self) -> bool:
        return (
            self.accepted() >= self.limits.challenge_after
            or self.attempts() > self.limits.per_address
        )

    def contact_blocked(self, contact_hashes: list[str]) -> bool:
        return any(
            _read(self._contact_key(digest)) >= self.limits.per_contact
            for digest in contact_hashes
        )

    def record_accepted(self, contact_hashes: list[str]) -> None:
        _bump(self._accepted_key(), ADDRESS_WINDOW)
        for digest in contact_hashes:
            _bump(self._contact_key(digest), CONTACT_WINDOW)


@dataclass
class Challenge:
    question: str
    digest: str


def new_challenge(nonce: str) -> Challenge:
    a = secrets.randbelow(9) + 1
    b = secrets.randbelow(9) + 1
    question = _("How much is %(a)s plus %(b)s? (answer in digits)") % {
        "a": _NUMBERS[a],
        "b": _NUMBERS[b],
    }
    return Challenge(question=question, digest=_challenge_digest(nonce, a + b))


def _challenge_digest(nonce: str, answer: int | str) -> str:
    return salted_hmac("congxa.engagement.challenge", f"{nonce}:{answer}").hexdigest()


def challenge_answer_ok(nonce: str, digest: str, answer: str) -> bool:
    answer = (answer or "").strip()
    if not answer.isdigit() or len(answer) > 3:
        return False
    return constant_time_compare(_challenge_digest(nonce, int(answer)), digest)


def make_token(
    *, site_id: int, page_id: int, challenge: Challenge | None, nonce: str
) -> str:
    payload = {"s": site_id, "p": page_id, "t": int(time.time()), "n": nonce}
    if challenge is not None:
        payload["q"] = challenge.question
        payload["d"] = challenge.digest
    return signing.dumps(payload, salt=TOKEN_SALT, compress=True)


def read_token(token: str) -> dict | None:
    try:
        payload = signing.loads(token or "", salt=TOKEN_SALT, max_age=MAX_TOKEN_AGE)
    except signing.BadSignature:
        return None
    return payload if isinstance(payload, dict) else None


def token_used(nonce: str) -> bool:
    return cache.get(f"congxa:engagement:nonce:{nonce}") is not None


def mark_token_used(nonce: str) -> None:
    cache.set(f"congxa:engagement:nonce:{nonce}", 1, timeout=MAX_TOKEN_AGE)


def looks_like_spam(*texts: str) -> bool:
    from .validators import count_links

    joined = "\n".join(texts)
    if count_links(joined) > MAX_LINKS:
        return True
    lowered = joined.lower()
    return any(pattern in lowered for pattern in SPAM_PATTERNS)
