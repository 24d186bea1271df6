import datetime

import pytest

from congxa.documents.factories import (
    DocumentIndexPageFactory,
    LegalDocumentAttachmentFactory,
    LegalDocumentPageFactory,
    PdfDocumentFactory,
)
from congxa.documents.models import DocumentField, DocumentType

HOST = "vinhthuy.localhost"
OTHER_HOST = "giolinh.localhost"


@pytest.fixture
def quyet_dinh(db):
    return DocumentType.objects.get(slug="quyet-dinh")


@pytest.fixture
def ke_hoach(db):
    return DocumentType.objects.get(slug="ke-hoach")


@pytest.fixture
def dat_dai(db):
    return DocumentField.objects.get(slug="dat-dai")


@pytest.fixture
def index(home):
    return DocumentIndexPageFactory(parent=home)


@pytest.fixture
def decision(index, quyet_dinh, dat_dai):
    """Quyết định 15/2025/QĐ-UBND with one PDF attached."""
    page = LegalDocumentPageFactory(
        parent=index,
        title="Về việc ban hành Quy chế quản lý đất công ích xã Vĩnh Thủy",
        slug="quy-che-dat-cong-ich",
        document_type=quyet_dinh,
        number="15/2025/QĐ-UBND",
        field=dat_dai,
        issue_date=datetime.date(2025, 3, 12),
        effective_date=datetime.date(2025, 3, 22),
        signer="Chủ tịch Lê Văn Hùng",
    )
    LegalDocumentAttachmentFactory(
        page=page, document=PdfDocumentFactory(title="Quyết định 15")
    )
    return page


@pytest.fixture
def plan(index, ke_hoach):
    return LegalDocumentPageFactory(
        parent=index,
        title="Kế hoạch phòng, chống thiên tai và tìm kiếm cứu nạn năm 2024",
        slug="ke-hoach-phong-chong-thien-tai-2024",
        document_type=ke_hoach,
        number="09/KH-UBND",
        issuing_body="Ban Chỉ huy phòng chống thiên tai xã",
        issue_date=datetime.date(2024, 2, 5),
    )
