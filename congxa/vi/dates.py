"""Dates the way Vietnamese government portals print them."""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time

# Python's weekday(): Monday is 0.
WEEKDAYS = (
    "Thứ Hai",
    "Thứ Ba",
    "Thứ Tư",
    "Thứ Năm",
    "Thứ Sáu",
    "Thứ Bảy",
    "Chủ Nhật",
)


def weekday_name(value: date) -> str:
    """`Thứ Tư` for a Wednesday, `Chủ Nhật` for a Sunday."""
    return WEEKDAYS[value.weekday()]


def portal_date(value: date) -> str:
    """`11-2-2026`: day and month without leading zeros, as portals print them."""
    return f"{value.day}-{value.month}-{value.year}"


def portal_datetime(value: datetime) -> str:
    """`21:40, Thứ Tư, 11-2-2026`, the date line of an article.

    The value is printed in its own time zone; callers pass local time.
    """
    return f"{value:%H:%M}, {weekday_name(value)}, {portal_date(value)}"


def long_date(value: date) -> str:
    """`Thứ Tư, ngày 11 tháng 2 năm 2026`, for page headers and schedules."""
    return (
        f"{weekday_name(value)}, ngày {value.day} tháng {value.month} năm {value.year}"
    )


# --- Reading the dates portals print -------------------------------------------
#
# Day first, always: Vietnamese portals never print month-first dates. Every
# format below was seen on commune portals, e.g. `08:15, Thứ Sáu, 3-1-2025`,
# `15/03/2024 - 09:05`, `Thứ Ba, 05/08/2025`, `Cập nhật ngày 7 - 11 - 2023`,
# `14/02/2023 10:12 PM`, `ngày 5 tháng 6 năm 2024`, `9:5` for 09:05.

_WEEKDAY = (
    r"(?:th[ứu]\s*(?:hai|ba|t[ưu]|n[ăa]m|s[áa]u|b[ảa]y|[2-7])|ch[ủu]\s*nh[ậa]t|cn)"
)
_SEP = r"\s*[/\-.–]\s*"
_NUMERIC_DATE = re.compile(
    rf"(?<![\d/.\-])(?P<d>\d{{1,2}}){_SEP}(?P<m>\d{{1,2}}){_SEP}(?P<y>\d{{4}})(?![\d/])"
)
_WORDED_DATE = re.compile(
    r"ng[àa]y\s+(?P<d>\d{1,2})\s+th[áa]ng\s+(?P<m>\d{1,2})\s*,?\s+n[ăa]m\s+(?P<y>\d{4})",
    re.IGNORECASE,
)
_ISO_DATE = re.compile(
    r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
    r"(?:[T ](?P<H>\d{2}):(?P<M>\d{2})(?::\d{2}(?:\.\d+)?)?)?"
)
_TIME = (
    r"(?P<H>\d{1,2})\s*(?::|h|giờ|g)\s*(?P<M>\d{1,2})(?:\s*:\s*\d{1,2})?"
    r"(?:\s*(?:phút|p)\b)?"
    r"(?:\s*(?P<ampm>am|pm|sa|ch|sáng|chiều|tối|trưa)\b)?"
)
# A time just after the date: `15/03/2024 - 09:05`, `14/02/2023 10:12 PM`,
# `3-1-2025 (Thứ Sáu) lúc 8h15`.
_TIME_AFTER = re.compile(
    rf"^\s*(?:[,\-–|(]\s*)*(?:{_WEEKDAY}\s*[,\-–|)]*\s*)?(?:lúc\s*)?{_TIME}",
    re.IGNORECASE,
)
# A time just before it: `08:15, Thứ Sáu, 3-1-2025`, `09:05 15/03/2024`.
_TIME_BEFORE = re.compile(
    rf"{_TIME}\s*(?:[,\-–|]\s*)*(?:{_WEEKDAY}\s*(?:[,\-–|]\s*)*)?(?:ng[àa]y\s*)?$",
    re.IGNORECASE,
)
_WINDOW = 40


@dataclass(frozen=True)
class FoundDate:
    """A date read from text, where it was, and whether a time came with it."""

    value: datetime
    has_time: bool
    start: int
    end: int


def _clock(match: re.Match) -> tuple[int, int] | None:
    hour, minute = int(match["H"]), int(match["M"])
    ampm = (match.groupdict().get("ampm") or "").lower()
    if ampm in {"pm", "ch", "chiều", "tối"} and hour < 12:
        hour += 12
    elif ampm in {"am", "sa", "sáng"} and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return hour, minute


def _time_near(text: str, start: int, end: int) -> tuple[int, int] | None:
    after = _TIME_AFTER.match(text[end : end + _WINDOW])
    if after:
        clock = _clock(after)
        if clock:
            return clock
    before = _TIME_BEFORE.search(text[max(0, start - _WINDOW) : start])
    if before:
        return _clock(before)
    return None


def find_datetimes(text: str) -> list[FoundDate]:
    """Every valid date in `text`, in order, each with the time printed beside it."""
    text = unicodedata.normalize("NFC", text or "")
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for pattern in (_WORDED_DATE, _ISO_DATE, _NUMERIC_DATE):
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < b and a < end for a, b in taken):
                continue
            try:
                day = date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                continue
            if not 1990 <= day.year <= 2100:
                continue
            clock = None
            if match.groupdict().get("H"):
                clock = _clock(match)
            if clock is None:
                clock = _time_near(text, start, end)
            value = datetime.combine(day, time(*(clock or (0, 0))))
            found.append(FoundDate(value, clock is not None, start, end))
            taken.append((start, end))
    found.sort(key=lambda item: item.start)
    return found


def parse_datetime(text: str) -> datetime | None:
    """The first date (with its time, when printed) in `text`, or None."""
    found = find_datetimes(text)
    return found[0].value if found else None
