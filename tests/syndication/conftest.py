"""A commune with one of every content kind, public and not, for the feed,
structured data, API and open-data tests."""

import datetime
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from congxa.documents.factories import (
    DocumentIndexPageFactory,
    LegalDocumentPageFactory,
)
from congxa.documents.models import DocumentField, DocumentType
from congxa.engagement.models import QuestionIndexPage
from congxa.news.factories import ArticlePageFactory, NewsIndexPageFactory
from congxa.people.models import ContactPage, OrganisationUnit
from congxa.portal.factories import ImageFactory
from congxa.portal.models import CommuneSettings
from tests.engagement.conftest import make_published, make_question
from tests.procedures.conftest import add_procedures_page, catalog  # noqa: F401
from tests.served_demo import served_demo

HOST = "vinhthuy.localhost"


@dataclass
class Commune:
    home: Page
    section: Page
    article: Page
    image_article: Page
    private_article: Page
    draft_article: Page
    documents: Page
    decision: Page
    qa_page: Page
    answer: object
    unpublished: object
    procedures: Page
    contact: Page
    unit: OrganisationUnit


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def commune(site, home, catalog):  # noqa: F811
    """Xã Vĩnh Thủy with news, a document, a published answer, procedures."""
    CommuneSettings.objects.filter(site=site).update(
        agency="Ủy ban nhân dân xã Vĩnh Thủy",
        address="Thôn Duy Viên, xã Vĩnh Thủy, tỉnh Quảng Trị",
        phone="0233 3820 123",
        email="ubnd.vinhthuy@quangtri.gov.vn",
    )
    section = NewsIndexPageFactory(
        parent=home, title="Tin tức - Sự kiện", slug="tin-tuc"
    )
    article = ArticlePageFactory(
        parent=section,
        title="Xã Vĩnh Thủy tổ chức Hội nghị tổng kết công tác năm 2025",
        slug="hoi-nghi-tong-ket",
        lead="Sáng ngày 12-12, Ủy ban nhân dân xã tổ chức hội nghị tổng kết.",
        date=timezone.now() - datetime.timedelta(days=1),
        signature="Nguyễn Thị Hoa",
    )
    image_article = ArticlePageFactory(
        parent=section,
        title="Đường giao thông nông thôn thôn Duy Viên hoàn thành",
        slug="duong-giao-thong",
        featured_image=ImageFactory(title="Con đường mới"),
    )
    private_article = ArticlePageFactory(
        parent=section, title="Tin nội bộ dành cho cán bộ", slug="tin-noi-bo"
    )
    restriction = PageViewRestriction.objects.create(
        page=private_article, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get_or_create(name="Cán bộ")[0])
    draft_article = ArticlePageFactory(
        parent=section, title="Bản nháp chưa duyệt", slug="ban-nhap", live=False
    )
    documents = DocumentIndexPageFactory(parent=home, title="Văn bản", slug="van-ban")
    decision = LegalDocumentPageFactory(
        parent=documents,
        title="Về việc ban hành Quy chế quản lý đất công ích xã Vĩnh Thủy",
        slug="quy-che-dat-cong-ich",
        document_type=DocumentType.objects.get(slug="quyet-dinh"),
        number="15/2025/QĐ-UBND",
        issuing_body="Ủy ban nhân dân xã Vĩnh Thủy",
        field=DocumentField.objects.get(slug="dat-dai"),
        issue_date=datetime.date(2025, 3, 12),
        effective_date=datetime.date(2025, 3, 22),
        signer="Chủ tịch Lê Văn Hùng",
    )
    qa_page = publish(home, QuestionIndexPage(title="Hỏi đáp", slug="hoi-dap"))
    answer = make_published(site, title="Làm giấy khai sinh cho con")
    unpublished = make_question(site, title="Câu hỏi chưa trả lời")
    procedures = add_procedures_page(home)
    contact = publish(home, ContactPage(title="Liên hệ", slug="lien-he"))
    unit = OrganisationUnit.objects.create(
        site=site,
        name="Văn phòng HĐND và UBND",
        phone="0233 3820 124",
        email="van.phong.hdnd.ubnd.xa.vinh.thuy@quangtri.gov.vn",
    )
    return Commune(
        home=home,
        section=section,
        article=article,
        image_article=image_article,
        private_article=private_article,
        draft_article=draft_article,
        documents=documents,
        decision=decision,
        qa_page=qa_page,
        answer=answer,
        unpublished=unpublished,
        procedures=procedures,
        contact=contact,
        unit=unit,
    )


@pytest.fixture
def get(client):
    """GET on the commune's host name."""

    def _get(url, **kwargs):
        return client.get(url, HTTP_HOST=HOST, **kwargs)

    return _get


@pytest.fixture(scope="session")
def live_demo(tmp_path_factory):
    """The demo commune served by `congxa serve`, as a client meets it.

    The API's rate limit is raised so that a contract run is not cut short by it.
    """
    data_dir = tmp_path_factory.mktemp("live-demo")
    with served_demo(data_dir, CONGXA_API_RATE="100000/minute") as demo:
        yield demo
