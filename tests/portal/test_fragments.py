"""Fragments kept per site generation (menu pages, "other news") follow publishes."""

import pytest

from congxa.news.factories import ArticlePageFactory, NewsIndexPageFactory

pytestmark = pytest.mark.django_db

HOST = "vinhthuy.localhost"


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    # Rendered every time: only the fragment memos can keep anything.
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def article(home):
    section = NewsIndexPageFactory(
        parent=home, title="Tin tức", slug="tin-tuc", show_in_menus=True
    )
    return ArticlePageFactory(parent=section, title="Bão số 12", slug="bao")


def menu(page_html):
    start = page_html.index('<nav class="main-nav"')
    return page_html[start : page_html.index("</nav>", start)]


def html(client, url, host=HOST):
    response = client.get(url, HTTP_HOST=host)
    assert response.status_code == 200
    return response.content.decode()


def test_new_menu_entry_shows_after_publish(
    client, home, article, django_capture_on_commit_callbacks
):
    assert "Thông báo khẩn" not in html(client, article.url)
    with django_capture_on_commit_callbacks(execute=True):
        NewsIndexPageFactory(
            parent=home, title="Thông báo khẩn", slug="thong-bao", show_in_menus=True
        ).save_revision().publish()
    assert "Thông báo khẩn" in html(client, article.url)


def test_other_news_follows_publish(
    client, article, django_capture_on_commit_callbacks
):
    html(client, article.url)
    with django_capture_on_commit_callbacks(execute=True):
        newer = ArticlePageFactory(parent=article.get_parent(), title="Sơ tán dân")
        newer.save_revision().publish()
    assert "Sơ tán dân" in html(client, article.url)
    with django_capture_on_commit_callbacks(execute=True):
        newer.unpublish()
    assert "Sơ tán dân" not in html(client, article.url)


def test_fragments_are_kept_apart_per_commune(client, article, other_site):
    theirs = NewsIndexPageFactory(
        parent=other_site.root_page, title="Gio Linh tin", show_in_menus=True
    )
    ArticlePageFactory(parent=theirs, title="Tin của Gio Linh")
    assert "Gio Linh tin" not in menu(html(client, article.url))
    theirs_menu = menu(html(client, "/", host="giolinh.localhost"))
    assert "Gio Linh tin" in theirs_menu
    assert "Tin tức" not in theirs_menu


def test_article_text_and_route_follow_publish_and_unpublish(
    client, article, django_capture_on_commit_callbacks
):
    assert "Bão số 12" in html(client, article.url)  # fragments and route kept
    with django_capture_on_commit_callbacks(execute=True):
        article.title = "Bão số 13 đã tan"
        article.lead = "Nước rút nhanh ở các thôn ven sông."
        article.save_revision().publish()
    page = html(client, article.url)
    assert "Bão số 13 đã tan" in page
    assert "Nước rút nhanh ở các thôn ven sông." in page
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()
    assert client.get(article.url, HTTP_HOST=HOST).status_code == 404


def test_renamed_section_moves_its_articles(
    client, article, django_capture_on_commit_callbacks
):
    old_url = article.url
    html(client, old_url)
    section = article.get_parent().specific
    with django_capture_on_commit_callbacks(execute=True):
        section.slug = "tin-moi"
        section.save_revision().publish()
    moved = client.get(old_url, HTTP_HOST=HOST)  # Wagtail's redirect, not the page
    assert moved.status_code == 301
    assert moved["Location"].endswith("/tin-moi/bao/")
    assert "Bão số 12" in html(client, "/tin-moi/bao/")


def test_picture_follows_a_change_of_its_image(
    client, article, django_capture_on_commit_callbacks
):
    from congxa.portal.factories import ImageFactory

    image = ImageFactory(title="Đê bao thôn Đông")
    with django_capture_on_commit_callbacks(execute=True):
        article.featured_image = image
        article.save_revision().publish()
    assert 'alt="Đê bao thôn Đông"' in html(client, article.url)
    with django_capture_on_commit_callbacks(execute=True):
        image.title = "Đê bao thôn Tây"
        image.save()
    page = html(client, article.url)
    assert 'alt="Đê bao thôn Tây"' in page
    assert "thôn Đông" not in page


def test_preview_shows_the_draft_not_the_kept_fragments(client, article):
    assert "Bão số 12" in html(client, article.url)  # the live copy is kept
    draft = type(article).objects.get(pk=article.pk)
    draft.title = "Bản nháp chưa duyệt"
    draft.lead = "Nội dung đang soạn."
    response = draft.make_preview_request()
    content = response.content.decode()
    assert "Bản nháp chưa duyệt" in content
    assert "Nội dung đang soạn." in content
    assert "Bão số 12" in html(client, article.url)  # and the live page is not


def test_menu_marks_the_section_of_each_page(client, home, article):
    other = NewsIndexPageFactory(
        parent=home, title="Thông báo", slug="thong-bao", show_in_menus=True
    )
    ArticlePageFactory(parent=other, title="Lịch tiếp dân", slug="lich")
    for url, current in (
        (article.url, "/tin-tuc/"),
        ("/thong-bao/lich/", "/thong-bao/"),
        (article.url, "/tin-tuc/"),
    ):
        nav = menu(html(client, url))
        assert nav.count('aria-current="page"') == 1
        assert f'href="{current}" aria-current="page"' in nav
