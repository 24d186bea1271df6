"""The home page, header, footer and error pages of a commune."""

from datetime import datetime

import pytest
from django.utils import timezone

from congxa.news.factories import ArticlePageFactory, NewsIndexPageFactory
from congxa.portal.models import CommuneSettings, WebsiteLink

pytestmark = pytest.mark.django_db


def aware(*args):
    return timezone.make_aware(datetime(*args))


@pytest.fixture
def commune(site):
    settings = CommuneSettings.for_site(site)
    settings.agency = "Ủy ban nhân dân xã Vĩnh Thủy"
    settings.person_responsible = "Ông Lê Thanh Hải"
    settings.address = "Thôn Linh Hải, xã Vĩnh Thủy"
    settings.phone = "0233 3826 123"
    settings.email = "ubnd.vinhthuy@quangtri.gov.vn"
    settings.banner_text = "NHIỆT LIỆT CHÀO MỪNG ĐẠI HỘI ĐẢNG"
    settings.save()
    WebsiteLink.objects.create(
        settings=settings,
        title="Cổng Dịch vụ công quốc gia",
        url="https://dichvucong.gov.vn",
    )
    return settings


def test_home_page_shows_banner_featured_latest_and_sections(client, home, commune):
    section = NewsIndexPageFactory(parent=home, title="Thông báo", slug="thong-bao")
    ArticlePageFactory(parent=section, title="Tin nổi bật về bão", featured=True)
    ArticlePageFactory(
        parent=section, title="Lịch tiếp công dân", date=aware(2026, 1, 2)
    )
    html = client.get("/").content.decode()
    assert "NHIỆT LIỆT CHÀO MỪNG ĐẠI HỘI ĐẢNG" in html
    assert "Tin nổi bật về bão" in html
    assert "Lịch tiếp công dân" in html
    assert "Tin mới" in html
    assert '<a href="/thong-bao/">Thông báo</a>' in html
    assert "Liên kết website" in html
    assert 'href="https://dichvucong.gov.vn"' in html


def test_header_and_footer_show_the_commune_and_its_contacts(client, home, commune):
    html = client.get("/").content.decode()
    header = html.split("</header>", 1)[0]
    assert "Xã Vĩnh Thủy" in header and "Tỉnh Quảng Trị" in header
    footer = html.split("<footer", 1)[1]
    assert "Cơ quan chủ quản" in footer
    assert "Ủy ban nhân dân xã Vĩnh Thủy" in footer
    assert "Ông Lê Thanh Hải" in footer
    assert "Thôn Linh Hải, xã Vĩnh Thủy" in footer
    assert 'href="tel:02333826123"' in footer
    assert "mailto:ubnd.vinhthuy@quangtri.gov.vn" in footer


def test_main_menu_lists_sections_and_marks_the_current_one(client, home, commune):
    section = NewsIndexPageFactory(parent=home, title="Xây dựng Đảng", slug="xdd")
    article = ArticlePageFactory(parent=section)
    html = client.get(article.url).content.decode()
    menu = html.split('class="main-nav"', 1)[1].split("</nav>", 1)[0]
    assert '<a href="/xdd/" aria-current="page">Xây dựng Đảng</a>' in menu


def test_pages_have_landmarks_and_a_skip_link(client, home, commune):
    html = client.get("/").content.decode()
    assert '<html lang="vi">' in html
    assert 'href="#main"' in html and 'id="main"' in html
    for landmark in ("<header", "<nav", "<main", "<footer"):
        assert landmark in html


def test_unknown_address_gives_the_vietnamese_404_page(client, home, commune):
    response = client.get("/khong-co-trang-nay/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Không tìm thấy trang" in html
    assert "Về trang chủ" in html
    assert "Xã Vĩnh Thủy" in html


def test_server_error_page_is_vietnamese_and_needs_no_database(rf):
    from congxa.portal.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Lỗi máy chủ" in response.content.decode()


def test_each_commune_sees_only_its_own_news(client, site, other_site):
    home_a, home_b = site.root_page, other_site.root_page
    section_a = NewsIndexPageFactory(parent=home_a, title="Tin tức A", slug="tin-tuc")
    section_b = NewsIndexPageFactory(parent=home_b, title="Tin tức B", slug="tin-tuc")
    a1 = ArticlePageFactory(parent=section_a, title="Tin riêng của Vĩnh Thủy")
    ArticlePageFactory(parent=section_a, title="Tin thứ hai của Vĩnh Thủy")
    ArticlePageFactory(parent=section_b, title="Tin riêng của Gio Linh")

    home_html_a = client.get("/", HTTP_HOST="vinhthuy.localhost").content.decode()
    home_html_b = client.get("/", HTTP_HOST="giolinh.localhost").content.decode()
    assert "Tin riêng của Vĩnh Thủy" in home_html_a
    assert "Tin riêng của Gio Linh" not in home_html_a
    assert "Tin riêng của Gio Linh" in home_html_b
    assert "Tin riêng của Vĩnh Thủy" not in home_html_b
    assert "Xã Gio Linh" in home_html_b

    list_b = client.get("/tin-tuc/", HTTP_HOST="giolinh.localhost").content.decode()
    assert "Tin riêng của Vĩnh Thủy" not in list_b

    article_a = client.get(
        "/tin-tuc/" + a1.slug + "/", HTTP_HOST="vinhthuy.localhost"
    ).content.decode()
    other_news = article_a.split("Các tin khác", 1)[1]
    assert "Tin thứ hai của Vĩnh Thủy" in other_news
    assert "Gio Linh" not in other_news.split("<footer", 1)[0]


def test_robots_and_sitemap_are_served(client, home, commune):
    assert "Disallow: /admin/" in client.get("/robots.txt").content.decode()
    assert client.get("/sitemap.xml").status_code == 200


def test_health_check_answers(client, db):
    assert client.get("/healthz").content == b"ok"
