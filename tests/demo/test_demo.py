"""The demo commune, Xã Vĩnh Thủy, as `make demo` loads it."""

import re

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page, Site

from congxa.demo.services import demo_seed, ensure_admin
from congxa.news.models import ArticlePage, NewsIndexPage

pytestmark = pytest.mark.django_db

SAMPLE_TITLE = "Vĩnh Thủy: Tổng kết công tác bảo vệ nền tảng tư tưởng của Đảng"


@pytest.fixture
def demo(db):
    demo_seed()
    return Site.objects.get(is_default_site=True)


def test_demo_has_fifteen_articles_in_three_sections_with_images(demo):
    articles = ArticlePage.objects.live()
    assert articles.count() >= 15
    assert NewsIndexPage.objects.live().count() >= 3
    assert all(
        ArticlePage.objects.child_of(section).exists()
        for section in NewsIndexPage.objects.all()
    )
    assert articles.exclude(featured_image=None).count() >= 3


def test_loading_the_demo_twice_duplicates_nothing(demo):
    pages_before = Page.objects.count()
    demo_seed()
    assert Page.objects.count() == pages_before
    assert Site.objects.count() == 1


def test_sample_article_is_reproduced_faithfully(client, demo):
    article = ArticlePage.objects.get(title=SAMPLE_TITLE)
    html = client.get(article.url).content.decode()
    assert "21:40, Thứ Tư, 11-2-2026" in html
    assert "Ngày 11/02/2026, Ban Công tác 35 xã Vĩnh Thủy" in html
    assert "đồng chí Lê Thanh Hải - Phó Bí thư Thường trực Đảng ủy" in html
    assert "góp phần giữ vững trận địa tư tưởng ngay từ cơ sở." in html
    assert 'class="article__signature">BBT<' in html
    assert "Các tin khác" in html


def test_sample_article_is_two_clicks_from_home(client, demo):
    article = ArticlePage.objects.get(title=SAMPLE_TITLE)
    home_html = client.get("/").content.decode()
    links = set(re.findall(r'href="(/[^"]*)"', home_html))
    if article.url in links:
        return
    for link in links:
        page_html = client.get(link).content.decode()
        if f'href="{article.url}"' in page_html:
            return
    pytest.fail("the sample article is not reachable from the home page")


def test_demo_shows_banner_and_website_links_on_home(client, demo):
    html = client.get("/").content.decode()
    assert "NHIỆT LIỆT CHÀO MỪNG ĐẠI HỘI ĐẠI BIỂU TOÀN QUỐC LẦN THỨ XIX" in html
    assert "Liên kết website" in html
    assert "Cổng Dịch vụ công quốc gia" in html


def test_demo_admin_password_is_given_once(db):
    password = ensure_admin()
    assert password and len(password) >= 12
    assert get_user_model().objects.get(username="admin").check_password(password)
    assert ensure_admin() is None


def test_every_mandatory_category_of_the_demo_is_present(demo, client):
    from congxa.portal.compliance import compliance_overview

    [(site, statuses)] = compliance_overview([demo])
    by_name = {status.name: status for status in statuses}
    for name in (
        "news",
        "introduction",
        "documents",
        "procedures",
        "organisation",
        "work-schedule",
        "citizen-reception",
        "questions",
        "disclosures",
    ):
        assert by_name[name].state in ("present", "stale"), (name, by_name[name])
        assert by_name[name].count > 0


def test_compliance_overview_page_lists_the_categories_in_vietnamese(demo, client):
    admin = get_user_model().objects.create_superuser("thanhtra", "t@example.com", "x")
    client.force_login(admin)
    html = client.get("/admin/compliance/").content.decode()
    for label in ("Văn bản", "Thủ tục hành chính", "Hỏi đáp", "Lịch công tác"):
        assert label in html


def test_demo_commune_is_made_by_the_commune_service(demo, client):
    from wagtail.models import PageLogEntry, Revision, WorkflowPage

    from congxa.editorial.models import EditorialBoard
    from congxa.portal.models import Commune, CommuneSettings
    from congxa.procedures.models import ProcedureSelection

    commune = Commune.objects.get(site=demo)
    assert (commune.kind, commune.scheme, commune.canonical_host) == (
        "xa",
        "http",
        "127.0.0.1",
    )
    assert (demo.hostname, demo.port, demo.root_page.slug) == (
        "127.0.0.1",
        8000,
        "vinh-thuy",
    )
    board = EditorialBoard.objects.get(site=demo)
    assert board.roles.count() >= 2
    assert WorkflowPage.objects.get(page=demo.root_page).workflow == board.workflow
    assert ProcedureSelection.objects.filter(site=demo).exists()
    assert CommuneSettings.for_site(demo).agency == "Ủy ban nhân dân xã Vĩnh Thủy"
    # The standard sections at their usual addresses, filled with the demo's text.
    for path, text in [
        ("/van-ban/", "dự thảo lấy ý kiến nhân dân"),
        ("/thu-tuc-hanh-chinh/", "Cổng Dịch vụ công quốc gia"),
        ("/gioi-thieu/", "Thông tin khái quát về xã Vĩnh Thủy"),
        ("/lich-cong-tac/", "Lịch công tác tuần"),
        ("/hoi-dap/", "trả lời"),
        ("/phan-anh-kien-nghi/", "Phản ánh, kiến nghị của người dân"),
        ("/cong-khai/", "Nghị định 42/2022/NĐ-CP"),
        ("/tin-tuc-su-kien/", "Hoạt động của xã Vĩnh Thủy."),
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert text in response.content.decode(), path
    assert client.get("/tim-kiem/?q=thuế").status_code == 200
    revisions = Revision.objects.count()
    logs = PageLogEntry.objects.count()
    demo_seed()
    assert Revision.objects.count() == revisions
    assert PageLogEntry.objects.count() == logs


def test_demo_media_are_in_the_communes_collection(demo):
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Site

    board = Site.objects.get(is_default_site=True).editorial_board
    for model in (get_image_model(), get_document_model()):
        assert model.objects.exists()
        assert not model.objects.exclude(collection=board.collection).exists()


def test_demo_admin_is_the_operator_not_an_official(db):
    from django.contrib.auth import get_user_model

    ensure_admin()
    admin = get_user_model().objects.get(username="admin")
    assert admin.get_full_name() == "Người vận hành hệ thống"
    assert "Vĩnh Thủy" not in admin.get_full_name()
