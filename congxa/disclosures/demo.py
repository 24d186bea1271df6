"""Demo disclosures of Xã Vĩnh Thủy. Idempotent: sections are found by slug.

Items point at the demo's documents (seeded before this app) by slug, through
Wagtail's Page and Document models: this app imports nothing of `documents`.
"""

from __future__ import annotations

import datetime

from wagtail.documents import get_document_model
from wagtail.models import Page

from congxa.portal.seeding import child_page, publish

from .enums import DisclosureCategory
from .models import DisclosureIndexPage, DisclosureItem, DisclosureSectionPage

# (slug, title, category, intro, [(item title or "", date, page slug, file slug)])
SECTIONS = [
    (
        "ke-hoach-chuong-trinh",
        "Kế hoạch, chương trình",
        DisclosureCategory.PLANS,
        "Chiến lược, chương trình, kế hoạch phát triển kinh tế - xã hội của xã.",
        [
            ("", (2026, 1, 15), "kh-21-2026-cai-cach-hanh-chinh", ""),
            ("", (2025, 2, 5), "kh-09-2025-phong-chong-thien-tai", ""),
            ("", (2024, 7, 12), "nq-05-2024-nong-thon-moi", ""),
        ],
    ),
    (
        "ngan-sach-tai-chinh",
        "Công khai ngân sách, báo cáo tài chính",
        DisclosureCategory.BUDGET,
        "Dự toán, tình hình thực hiện và quyết toán ngân sách xã theo Thông tư "
        "343/2016/TT-BTC.",
        [
            (
                "Dự toán thu, chi ngân sách xã năm 2026",
                (2025, 12, 18),
                "nq-08-2025-du-toan-ngan-sach-2026",
                "",
            ),
            (
                "Báo cáo tình hình thực hiện nhiệm vụ kinh tế - xã hội, thu chi "
                "ngân sách năm 2025 (tệp PDF)",
                (2025, 12, 10),
                "",
                "bc-118-2025-kinh-te-xa-hoi",
            ),
        ],
    ),
    (
        "dau-tu-cong-mua-sam-cong",
        "Đầu tư công, mua sắm công",
        DisclosureCategory.INVESTMENT,
        "Danh mục dự án đầu tư công, kết quả lựa chọn nhà thầu và mua sắm tài sản.",
        [
            (
                "Phê duyệt báo cáo kinh tế - kỹ thuật công trình bê tông hóa đường "
                "thôn Tân Phong",
                (2024, 8, 19),
                "qd-112-2024-xay-dung-duong-thon",
                "",
            ),
        ],
    ),
    (
        "danh-muc-thong-tin-cong-khai",
        "Danh mục thông tin phải công khai",
        DisclosureCategory.MANDATORY_LIST,
        "Danh mục thông tin xã phải công khai theo Điều 17 Luật Tiếp cận thông tin "
        "và Nghị định 42/2022/NĐ-CP.",
        [
            ("", (2025, 3, 12), "qd-15-2025-quy-che-dat-cong-ich", ""),
            ("", (2025, 1, 6), "tb-42-2025-lich-tiep-cong-dan", ""),
        ],
    ),
]


def _index(home_page) -> DisclosureIndexPage:
    return child_page(
        home_page,
        DisclosureIndexPage,
        "cong-khai",
        title="Công khai thông tin",
        show_in_menus=True,
        intro="Thông tin xã Vĩnh Thủy công khai theo Nghị định 42/2022/NĐ-CP.",
    )


def seed(*, home_page, site) -> int:
    """Create the demo disclosure sections; return how many were created."""
    index = _index(home_page)
    Document = get_document_model()
    created = 0
    for slug, title, category, intro, items in SECTIONS:
        if DisclosureSectionPage.objects.child_of(index).filter(slug=slug).exists():
            continue
        section = DisclosureSectionPage(
            title=title, slug=slug, category=category, intro=intro
        )
        for order, (item_title, day, page_slug, file_slug) in enumerate(items):
            page = (
                Page.objects.descendant_of(home_page).filter(slug=page_slug).first()
                if page_slug
                else None
            )
            document = (
                Document.objects.filter(file__contains=file_slug).first()
                if file_slug
                else None
            )
            if page is None and document is None:
                continue
            section.items.add(
                DisclosureItem(
                    title=item_title,
                    date=datetime.date(*day),
                    page=page,
                    document=document,
                    sort_order=order,
                )
            )
        index.add_child(instance=section)
        publish(section)
        created += 1
    return created
