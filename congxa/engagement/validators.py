"""Checks and clean-ups for what citizens type into the public forms."""

from __future__ import annotations

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

# Mobile: 0 + 9 digits starting 3, 5, 7, 8 or 9 (after the 2018 renumbering);
# landline: 0 + 2xx area code + 7-8 digits (10-11 digits in all).
_MOBILE = re.compile(r"^0[35789]\d{8}$")
_LANDLINE = re.compile(r"^02\d{8,9}$")
_URL = re.compile(
    r"(https?://|www\.|\b[\w-]+\.(com|net|org|vn|xyz|top|info|io|me|cc|club|site|online|shop|live|bet|win)\b)",
    re.IGNORECASE,
)


def normalize_phone(raw: str) -> str:
    """Digits of a Vietnamese number in national form (`0912345678`), or ``""``."""
    value = re.sub(r"[\s.\-()]", "", raw or "")
    if value.startswith("+84"):
        value = "0" + value[3:]
    elif value.startswith("0084"):
        value = "0" + value[4:]
    elif value.startswith("84") and len(value) in (11, 12):
        value = "0" + value[2:]
    return value


def validate_vietnamese_phone(raw: str) -> str:
    value = normalize_phone(raw)
    if not value.isdigit() or not (_MOBILE.match(value) or _LANDLINE.match(value)):
        raise ValidationError(
            _(
                "Enter a Vietnamese phone number, e.g. 0912345678, "
                "+84912345678 or 0233 3826 123."
            ),
            code="invalid_phone",
        )
    return value


def plain_text(raw: str, *, multiline: bool = False) -> str:
    """Text without HTML tags or control characters, whitespace tidied."""
    text = unicodedata.normalize("NFC", raw or "")
    text = strip_tags(text)
    lines = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        printable = "".join(ch if ch.isprintable() else " " for ch in line)
        lines.append(" ".join(printable.split()))
    if not multiline:
        return " ".join(line for line in lines if line)
    # At most one blank line between paragraphs.
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def count_links(text: str) -> int:
    return len(_URL.findall(text or ""))
