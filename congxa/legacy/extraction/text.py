"""Text as the extractor compares and stores it: spaces, NFC, dates in local time."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from zoneinfo import ZoneInfo

from congxa.vi.dates import find_datetimes

LOCAL_ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


SPACES = re.compile(r"\s+")


def clean_text(text: str | None) -> str:
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text.replace("\xa0", " ").replace("\u200b", ""))
    return SPACES.sub(" ", text).strip()


def text_of(el) -> str:
    return clean_text(el.text_content()) if el is not None else ""


def _fold(text: str) -> str:
    return clean_text(text).casefold()


def _number(text: str) -> int | None:
    digits = re.sub(r"[^\d]", "", text or "")
    return int(digits) if digits and len(digits) < 12 else None


def _local(value: datetime) -> datetime:
    if value.tzinfo is not None:
        value = value.astimezone(LOCAL_ZONE).replace(tzinfo=None)
    return value


def _parse_iso(value: str) -> datetime | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return _local(datetime.fromisoformat(value.replace("Z", "+00:00")))
    except ValueError:
        found = find_datetimes(value)
        return found[0].value if found else None


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(value: str) -> str:
    return _escape(value).replace('"', "&quot;")
