"""Titles become page addresses the Vietnamese way (the rule the admin types with)."""

import re

import pytest

from congxa.vi.text import SLUG_REPLACEMENTS, slugify, strip_marks

# Real titles of commune portals, with the address an official expects.
TITLES = {
    "Tin tức - Sự kiện": "tin-tuc-su-kien",
    "Hỏi đáp": "hoi-dap",
    "Thủ tục hành chính": "thu-tuc-hanh-chinh",
    "Đường giao thông nông thôn": "duong-giao-thong-nong-thon",
    "Xã Ea M’Droh": "xa-ea-mdroh",
    "Xã Ea M'Droh": "xa-ea-mdroh",
    "Lịch tiếp công dân": "lich-tiep-cong-dan",
    "Quyết định 15/2025/QĐ-UBND": "quyet-dinh-15-2025-qd-ubnd",
    "Hội nghị, tổng kết năm 2025": "hoi-nghi-tong-ket-nam-2025",
    "Phường Đông Hà – Quảng Trị": "phuong-dong-ha-quang-tri",
    "  Kỹ thuật   nuôi ƯƠNG cá  ": "ky-thuat-nuoi-uong-ca",
    "Thông báo!": "thong-bao",
    "Lý Sơn": "ly-son",
}


@pytest.mark.parametrize(("title", "slug"), TITLES.items())
def test_title_folds_to_its_address(title, slug):
    assert slugify(title) == slug


def test_decomposed_marks_fold_like_composed_ones():
    # Some keyboards (Unikey's "Unicode tổ hợp") send the marks as separate characters.
    assert slugify("Ho\u0309i \u0111a\u0301p") == "hoi-dap"


def test_address_keeps_wagtail_limits():
    assert slugify("—") == ""
    assert slugify("tiêu đề " * 60).endswith("tieu-de")
    assert len(slugify("tiêu đề " * 60)) <= 255
    assert re.fullmatch(r"[a-z0-9_-]+", slugify("Nghị định 224/2026/NĐ-CP (sửa đổi)"))


def test_replacements_give_the_same_address_as_slugify():
    # The admin's JavaScript applies SLUG_REPLACEMENTS, then Wagtail's own rule;
    # doing the same here must give slugify's result.
    for title, slug in TITLES.items():
        text = title.strip()
        for pattern, replacement in SLUG_REPLACEMENTS:
            text = re.sub(pattern, replacement, text)
        text = re.sub(r"[^-\w\s]", "", text.lower(), flags=re.ASCII)
        assert re.sub(r"[-\s]+", "-", text).rstrip("-") == slug, title


def test_strip_marks_keeps_case():
    assert strip_marks("Quyết Định số 15 của UBND xã Đông") == (
        "Quyet Dinh so 15 cua UBND xa Dong"
    )
