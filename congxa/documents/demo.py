"""Demo documents of Xã Vĩnh Thủy (Quảng Trị). Idempotent: found by slug."""

from __future__ import annotations

import datetime

from django.utils import timezone
from wagtail.documents import get_document_model

from congxa.portal.seeding import child_page, publish

from .enums import DocumentStatus
from .factories import pdf_file
from .models import (
    DocumentField,
    DocumentIndexPage,
    DocumentType,
    LegalDocumentAttachment,
    LegalDocumentPage,
)

UBND = "Ủy ban nhân dân xã Vĩnh Thủy"
HDND = "Hội đồng nhân dân xã Vĩnh Thủy"
CHU_TICH = "Chủ tịch Lê Văn Hùng"
PHO_CHU_TICH = "Phó Chủ tịch Trần Thị Mai"

# (slug, type slug, number, summary, issuer, field slug, issued, effective, signer)
DOCUMENTS = [
    (
        "qd-15-2025-quy-che-dat-cong-ich",
        "quyet-dinh",
        "15/2025/QĐ-UBND",
        "Về việc ban hành Quy chế quản lý, sử dụng quỹ đất công ích trên địa bàn xã "
        "Vĩnh Thủy",
        UBND,
        "dat-dai",
        (2025, 3, 12),
        (2025, 3, 22),
        CHU_TICH,
    ),
    (
        "nq-08-2025-du-toan-ngan-sach-2026",
        "nghi-quyet",
        "08/NQ-HĐND",
        "Về dự toán thu, chi ngân sách xã năm 2026",
        HDND,
        "tai-chinh-ngan-sach",
        (2025, 12, 18),
        (2025, 12, 18),
        "Chủ tịch HĐND Nguyễn Văn Thành",
    ),
    (
        "kh-21-2026-cai-cach-hanh-chinh",
        "ke-hoach",
        "21/KH-UBND",
        "Kế hoạch cải cách hành chính năm 2026",
        UBND,
        "noi-vu-to-chuc",
        (2026, 1, 15),
        (2026, 1, 15),
        PHO_CHU_TICH,
    ),
    (
        "kh-09-2025-phong-chong-thien-tai",
        "ke-hoach",
        "09/KH-UBND",
        "Kế hoạch phòng, chống thiên tai và tìm kiếm cứu nạn năm 2025",
        "Ban Chỉ huy phòng thủ dân sự xã Vĩnh Thủy",
        "phong-chong-thien-tai",
        (2025, 2, 5),
        (2025, 2, 5),
        CHU_TICH,
    ),
    (
        "tb-42-2025-lich-tiep-cong-dan",
        "thong-bao",
        "42/TB-UBND",
        "Thông báo lịch tiếp công dân định kỳ của Chủ tịch UBND xã năm 2025",
        UBND,
        "noi-vu-to-chuc",
        (2025, 1, 6),
        None,
        CHU_TICH,
    ),
    (
        "bc-118-2025-kinh-te-xa-hoi",
        "bao-cao",
        "118/BC-UBND",
        "Báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2025",
        UBND,
        "tai-chinh-ngan-sach",
        (2025, 12, 10),
        None,
        CHU_TICH,
    ),
    (
        "cv-256-2025-tiem-chung",
        "cong-van",
        "256/UBND-VX",
        "Về việc tăng cường công tác tiêm chủng mở rộng cho trẻ em",
        UBND,
        "giao-duc-y-te",
        (2025, 9, 23),
        None,
        PHO_CHU_TICH,
    ),
    (
        "ct-01-2025-an-ninh-tet",
        "chi-thi",
        "01/CT-UBND",
        "Về việc bảo đảm an ninh trật tự, an toàn giao thông dịp Tết Nguyên đán Ất Tỵ",
        UBND,
        "quoc-phong-an-ninh",
        (2025, 1, 10),
        (2025, 1, 10),
        CHU_TICH,
    ),
    (
        "hd-03-2025-dang-ky-khai-sinh",
        "huong-dan",
        "03/HD-UBND",
        "Hướng dẫn đăng ký khai sinh, thường trú, cấp thẻ bảo hiểm y tế cho trẻ dưới "
        "6 tuổi qua liên thông điện tử",
        UBND,
        "tu-phap-ho-tich",
        (2025, 4, 2),
        None,
        PHO_CHU_TICH,
    ),
    (
        "qd-112-2024-xay-dung-duong-thon",
        "quyet-dinh",
        "112/QĐ-UBND",
        "Về việc phê duyệt báo cáo kinh tế - kỹ thuật công trình bê tông hóa đường "
        "giao thông thôn Tân Phong",
        UBND,
        "xay-dung-giao-thong",
        (2024, 8, 19),
        (2024, 8, 19),
        CHU_TICH,
    ),
    (
        "nq-05-2024-nong-thon-moi",
        "nghi-quyet",
        "05/NQ-HĐND",
        "Về chương trình xây dựng nông thôn mới nâng cao giai đoạn 2024 - 2025",
        HDND,
        "nong-nghiep-nong-thon-moi",
        (2024, 7, 12),
        (2024, 7, 12),
        "Chủ tịch HĐND Nguyễn Văn Thành",
    ),
]


def _index(home_page) -> DocumentIndexPage:
    return child_page(
        home_page,
        DocumentIndexPage,
        "van-ban",
        title="Văn bản",
        show_in_menus=True,
        intro="Văn bản chỉ đạo, điều hành và dự thảo lấy ý kiến nhân dân của "
        "xã Vĩnh Thủy.",
    )


def _attach(page: LegalDocumentPage, title: str) -> None:
    Document = get_document_model()
    document = Document(title=title)
    document.file = pdf_file(
        title,
        name=f"{page.slug}.pdf",
    )
    document.save()
    LegalDocumentAttachment.objects.create(page=page, document=document)


def _add(index, *, slug: str, **fields) -> LegalDocumentPage | None:
    if LegalDocumentPage.objects.child_of(index).filter(slug=slug).exists():
        return None
    page = LegalDocumentPage(slug=slug, **fields)
    index.add_child(instance=page)
    lines = [
        fields["issuing_body"].upper(),
        f"So: {fields.get('number') or '(du thao)'}",
        "",
        f"{page.document_type} {fields['title']}",
    ]
    _attach(page, "\n".join(lines))
    publish(page)
    return page


def seed(*, home_page, site) -> int:
    """Create the demo documents under the commune's home page; return how many."""
    index = _index(home_page)
    types = {t.slug: t for t in DocumentType.objects.all()}
    fields = {f.slug: f for f in DocumentField.objects.all()}
    created = 0
    for row in DOCUMENTS:
        slug, type_slug, number, title, issuer, field, issued, effective, signer = row
        page = _add(
            index,
            slug=slug,
            title=title,
            document_type=types[type_slug],
            number=number,
            issuing_body=issuer,
            field=fields[field],
            issue_date=datetime.date(*issued),
            effective_date=datetime.date(*effective) if effective else None,
            signer=signer,
        )
        created += page is not None
    now = timezone.now()
    draft = types["du-thao"]
    created += (
        _add(
            index,
            slug="du-thao-quy-uoc-thon-tan-phong",
            title="Dự thảo Quy ước thôn Tân Phong (sửa đổi, bổ sung)",
            document_type=draft,
            issuing_body=UBND,
            field=fields["van-hoa-xa-hoi"],
            status=DocumentStatus.DRAFT_FOR_COMMENT,
            comment_opens_at=now - datetime.timedelta(days=3),
            comment_closes_at=now + datetime.timedelta(days=27),
        )
        is not None
    )
    created += (
        _add(
            index,
            slug="du-thao-ke-hoach-su-dung-dat-2025",
            title="Dự thảo Kế hoạch sử dụng đất năm 2025 xã Vĩnh Thủy",
            document_type=draft,
            issuing_body=UBND,
            field=fields["dat-dai"],
            issue_date=datetime.date(2024, 10, 1),
            status=DocumentStatus.DRAFT_FOR_COMMENT,
            comment_opens_at=timezone.make_aware(datetime.datetime(2024, 10, 1, 7)),
            comment_closes_at=timezone.make_aware(datetime.datetime(2024, 10, 31, 17)),
        )
        is not None
    )
    return created
