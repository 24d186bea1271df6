"""A commune with one of every content kind, public and not, for the feed,
structured data, API and open-data tests."""

import datetime
import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

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

HOST = "vinhthuy.localhost"
REPO = Path(__file__).resolve().parents[2]
# A range such as 18500-18599 where several suites share a machine; unset, the
# system picks a free port.
TEST_PORTS = os.environ.get("CONGXA_TEST_PORTS", "")


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


@dataclass(frozen=True)
class LiveDemo:
    url: str
    data_dir: Path


def _port_in_range() -> int:
    """A free port of this suite's range (CONGXA_TEST_PORTS, e.g. 18500-18599)."""
    if not TEST_PORTS:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            return sock.getsockname()[1]
    low, high = (int(part) for part in TEST_PORTS.split("-"))
    for port in range(low, high + 1):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    pytest.fail(f"no free port in {TEST_PORTS}")


@pytest.fixture(scope="session")
def live_demo(tmp_path_factory):
    """The demo commune served by `congxa serve`, as a person or a client meets it.

    The embedded default (SQLite, on-disk cache) in its own data directory; the
    API's rate limit is raised so that a contract run is not cut short by it.
    """
    data_dir = tmp_path_factory.mktemp("live-demo")
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("CONGXA_", "DJANGO_", "DATABASE_URL", "CACHE_URL"))
    }
    env.update(
        CONGXA_DATA_DIR=str(data_dir),
        CONGXA_ALLOWED_HOSTS="127.0.0.1,localhost",
        CONGXA_REQUIRE_2FA="0",
        CONGXA_API_RATE="100000/minute",
        PYTHONPATH=str(REPO),
    )
    congxa = [sys.executable, "-m", "congxa.cli"]
    subprocess.run(  # noqa: S603 (fixed argv)
        [*congxa, "demo", "--no-serve"],
        cwd=REPO,
        env=env,
        check=True,
        capture_output=True,
        timeout=600,
    )
    port = _port_in_range()
    log_path = data_dir / "serve.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(  # noqa: S603 (fixed argv)
            [*congxa, "serve", "--port", str(port), "--workers", "2"],
            cwd=REPO,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 180
        while True:
            try:
                with urllib.request.urlopen(url + "/healthz", timeout=5):  # noqa: S310
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    server.kill()
                    pytest.fail("congxa serve did not start:\n" + log_path.read_text())
                time.sleep(0.5)
        yield LiveDemo(url=url, data_dir=data_dir)
        server.terminate()
        server.wait(timeout=30)
