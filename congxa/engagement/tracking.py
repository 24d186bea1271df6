"""Tracking codes: random, not guessable, with a check character against typos.

Ten characters of Crockford's base32 (no I, L, O, U): nine random (45 bits) and
one check character, printed as `ABCDE-FGHJK`.
"""

from __future__ import annotations

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RANDOM_LENGTH = 9
# Letters people confuse, read as the digit they look like.
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})


def _check_char(body: str) -> str:
    total = sum((index + 1) * ALPHABET.index(ch) for index, ch in enumerate(body))
    return ALPHABET[total % len(ALPHABET)]


def new_tracking_code() -> str:
    body = "".join(secrets.choice(ALPHABET) for _ in range(RANDOM_LENGTH))
    return body + _check_char(body)


def normalize_tracking_code(raw: str) -> str | None:
    """The stored form of what a person typed, or None when it cannot be a code."""
    cleaned = "".join(ch for ch in (raw or "").upper() if ch.isalnum())
    cleaned = cleaned.translate(_CONFUSABLE)
    if len(cleaned) != RANDOM_LENGTH + 1 or any(ch not in ALPHABET for ch in cleaned):
        return None
    if _check_char(cleaned[:-1]) != cleaned[-1]:
        return None
    return cleaned


def format_tracking_code(code: str) -> str:
    return f"{code[:5]}-{code[5:]}" if len(code) == RANDOM_LENGTH + 1 else code
