"""The public pages read in Vietnamese: no English interface text is left."""

import pytest

from congxa.news.factories import ArticlePageFactory, NewsIndexPageFactory

from .english import english_words, visible_text

pytestmark = pytest.mark.django_db

ENGLISH_UI = ["Other news", "Home", "Search", "Page not found", "Read more", "Next"]


@pytest.fixture
def section(home):
    return NewsIndexPageFactory(parent=home, title="Tin tức - Sự kiện", slug="tin-tuc")


@pytest.fixture
def articles(section):
    return [
        ArticlePageFactory(parent=section, title=f"Tin hoạt động của xã số {n}")
        for n in range(3)
    ]


def read(client, url: str, status: int = 200) -> str:
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == status, url
    return " ".join(visible_text(response.content.decode()))


def assert_vietnamese(text: str) -> None:
    for phrase in ENGLISH_UI:
        assert phrase not in text, phrase
    assert english_words([text]) == []


def test_home_page(client, home, articles):
    text = read(client, home.url)
    assert_vietnamese(text)
    assert "Trang chủ" in text
    assert "Tìm kiếm" in text


def test_article_page_shows_other_news(client, articles):
    text = read(client, articles[0].url)
    assert_vietnamese(text)
    assert "Các tin khác" in text
    assert "Trang chủ" in text


def test_section_page(client, section, articles):
    text = read(client, section.url)
    assert_vietnamese(text)
    assert "Trang chủ" in text


def test_not_found_page(client, home):
    text = read(client, "/khong-co-trang-nay/", status=404)
    assert_vietnamese(text)
    assert "Tìm kiếm" in text
