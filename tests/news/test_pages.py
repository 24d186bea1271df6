"""Request-level tests of the public news pages."""

from datetime import datetime

import pytest
from django.utils import timezone

from congxa.news.factories import ArticlePageFactory, NewsIndexPageFactory
from congxa.news.models import OTHER_NEWS_COUNT

pytestmark = pytest.mark.django_db


def aware(*args):
    return timezone.make_aware(datetime(*args))


@pytest.fixture
def section(home):
    return NewsIndexPageFactory(parent=home, title="Tin tức - Sự kiện", slug="tin-tuc")


@pytest.fixture
def article(section):
    return ArticlePageFactory(
        parent=section,
        title="Vĩnh Thủy: Tổng kết công tác bảo vệ nền tảng tư tưởng của Đảng",
        slug="tong-ket",
        date=aware(2026, 2, 11, 21, 40),
        lead="Ngày 11/02/2026, Ban Công tác 35 xã Vĩnh Thủy tổ chức hội nghị.",
        body=[("paragraph", "<p>Thời gian qua, dưới sự chỉ đạo của Đảng ủy.</p>")],
        signature="BBT",
    )


def test_article_page_shows_date_line_lead_body_and_signature(client, article):
    response = client.get(article.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1" in html and article.title in html
    assert "21:40, Thứ Tư, 11-2-2026" in html
    assert "Ban Công tác 35 xã Vĩnh Thủy tổ chức hội nghị" in html
    assert "dưới sự chỉ đạo của Đảng ủy" in html
    assert 'class="article__signature">BBT<' in html


def test_article_page_has_title_description_and_open_graph(client, article):
    html = client.get(article.url).content.decode()
    assert f"<title>{article.title} - Xã Vĩnh Thủy</title>" in html
    assert '<meta name="description" content="Ngày 11/02/2026, Ban Công tác 35' in html
    assert '<meta property="og:type" content="article">' in html
    assert f'<meta property="og:title" content="{article.title}">' in html


def test_other_news_lists_recent_siblings_without_itself(client, section, article):
    older = [
        ArticlePageFactory(parent=section, title=f"Tin cũ {n}", date=aware(2025, 1, n))
        for n in range(1, OTHER_NEWS_COUNT + 3)
    ]
    html = client.get(article.url).content.decode()
    assert "Các tin khác" in html
    other_block = html.split("Các tin khác", 1)[1]
    assert article.title not in other_block
    newest = sorted(older, key=lambda a: a.date, reverse=True)
    for shown in newest[:OTHER_NEWS_COUNT]:
        assert shown.title in other_block
    for hidden in newest[OTHER_NEWS_COUNT:]:
        assert hidden.title not in other_block


def test_other_news_ignores_unpublished_and_other_sections(
    client, home, section, article
):
    ArticlePageFactory(parent=section, title="Bản nháp chưa duyệt", live=False)
    elsewhere = NewsIndexPageFactory(parent=home, title="Thông báo", slug="thong-bao")
    ArticlePageFactory(parent=elsewhere, title="Thông báo lịch tiếp dân")
    html = client.get(article.url).content.decode()
    assert "Bản nháp chưa duyệt" not in html
    assert "Thông báo lịch tiếp dân" not in html.split("Các tin khác", 1)[-1]


def test_article_breadcrumb_leads_home_through_the_section(client, section, article):
    html = client.get(article.url).content.decode()
    crumbs = html.split('class="breadcrumb"', 1)[1].split("</nav>", 1)[0]
    assert "Trang chủ" in crumbs
    assert section.title in crumbs
    assert 'aria-current="page"' in crumbs


def test_section_lists_articles_newest_first_with_pagination(client, section):
    for n in range(1, 24):
        ArticlePageFactory(
            parent=section, title=f"Bài số {n:02d}", date=aware(2026, 1, n)
        )
    first = client.get(section.url).content.decode()
    assert first.index("Bài số 23") < first.index("Bài số 22")
    assert "Bài số 13" not in first
    assert "Trang 1 / 3" in first
    third = client.get(section.url, {"page": 3}).content.decode()
    assert "Bài số 01" in third


@pytest.mark.parametrize("value", ["abc", "", "-1", "0", "1.5", "%00", "9" * 40])
def test_section_with_a_bad_page_number_never_fails(client, section, value):
    ArticlePageFactory(parent=section)
    response = client.get(section.url, {"page": value})
    assert response.status_code in (200, 404)


def test_section_page_past_the_end_is_not_found(client, section):
    ArticlePageFactory(parent=section)
    response = client.get(section.url, {"page": 99})
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_empty_section_says_so(client, section):
    html = client.get(section.url).content.decode()
    assert "Chuyên mục này chưa có tin bài" in html
