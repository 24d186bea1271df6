"""Dates the way Vietnamese government portals print them."""

from datetime import date, datetime

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
