from datetime import date, datetime

import pytest

from congxa.vi.dates import long_date, portal_date, portal_datetime, weekday_name


def test_article_date_line_matches_the_portal_convention():
    assert portal_datetime(datetime(2026, 2, 11, 21, 40)) == "21:40, Thứ Tư, 11-2-2026"


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 2, 9), "Thứ Hai"),
        (date(2026, 2, 10), "Thứ Ba"),
        (date(2026, 2, 11), "Thứ Tư"),
        (date(2026, 2, 12), "Thứ Năm"),
        (date(2026, 2, 13), "Thứ Sáu"),
        (date(2026, 2, 14), "Thứ Bảy"),
        (date(2026, 2, 15), "Chủ Nhật"),
    ],
)
def test_every_weekday_has_its_vietnamese_name(day, expected):
    assert weekday_name(day) == expected


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (datetime(2026, 1, 4, 7, 5), "07:05, Chủ Nhật, 4-1-2026"),
        (datetime(2026, 12, 25, 9, 0), "09:00, Thứ Sáu, 25-12-2026"),
        (datetime(2026, 3, 1, 0, 0), "00:00, Chủ Nhật, 1-3-2026"),
        (datetime(2025, 11, 9, 23, 59), "23:59, Chủ Nhật, 9-11-2025"),
    ],
)
def test_days_and_months_have_no_leading_zero(moment, expected):
    assert portal_datetime(moment) == expected


def test_portal_date_and_long_date():
    assert portal_date(date(2026, 2, 1)) == "1-2-2026"
    assert long_date(date(2026, 11, 26)) == "Thứ Năm, ngày 26 tháng 11 năm 2026"
