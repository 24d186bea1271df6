from datetime import datetime

import pytest

from congxa.vi.dates import find_datetimes, parse_datetime


@pytest.mark.parametrize(
    ("text", "expected", "has_time"),
    [
        ("08:15, Thứ Sáu, 3-1-2025", datetime(2025, 1, 3, 8, 15), True),
        ("15/03/2024 - 09:05", datetime(2024, 3, 15, 9, 5), True),
        ("Thứ Ba, 05/08/2025", datetime(2025, 8, 5), False),
        ("Ngày đăng: 02/10/2019 - Lượt xem: 12", datetime(2019, 10, 2), False),
        ("Cập nhật ngày 7 - 11 - 2023", datetime(2023, 11, 7), False),
        ("14/02/2023 10:12 PM", datetime(2023, 2, 14, 22, 12), True),
        ("ngày 5 tháng 6 năm 2024", datetime(2024, 6, 5), False),
        ("03/01/2025 9:5", datetime(2025, 1, 3, 9, 5), True),
        ("03/01/2025, Thứ Sáu, 9:5", datetime(2025, 1, 3, 9, 5), True),
        ("THỨ SÁU, 3-1-2025", datetime(2025, 1, 3), False),
        ("8h15 ngày 3/1/2025", datetime(2025, 1, 3, 8, 15), True),
        ("Thứ năm, 14/3/2024 | 16:20 GMT+7", datetime(2024, 3, 14, 16, 20), True),
        ("2024-03-15T09:05:00+07:00", datetime(2024, 3, 15, 9, 5), True),
        ("12:30 SA 01/02/2022", datetime(2022, 2, 1, 0, 30), True),
    ],
)
def test_portal_date_formats(text, expected, has_time):
    found = find_datetimes(text)
    assert found[0].value == expected
    assert found[0].has_time is has_time


def test_day_first_always():
    assert parse_datetime("05/08/2025") == datetime(2025, 8, 5)


def test_decomposed_text_is_read():
    import unicodedata

    assert parse_datetime(
        unicodedata.normalize("NFD", "Thứ Sáu, 3-1-2025")
    ) == datetime(2025, 1, 3)


@pytest.mark.parametrize(
    "text",
    ["Nghị định số 13/2023/NĐ-CP", "31/02/2024", "Số 12/15/2020", "không có ngày", ""],
)
def test_not_dates(text):
    assert find_datetimes(text) == []
