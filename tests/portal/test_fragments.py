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
