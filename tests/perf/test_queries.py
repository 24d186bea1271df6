"""Rendering without the page cache: a small number of SQL queries, flat in size."""

import pytest

from congxa.news.factories import ArticlePageFactory

from .conftest import get

pytestmark = pytest.mark.django_db

# The target: at most 10 queries per page, also on the first render
# after a publish. The page cache middleware spares the Site, the home page and
# the commune settings with its links (per-process memos checked against the
# cache generations); routing takes one query by url_path, view restrictions
# are read once per generation, and the home page's children (menu, home
# blocks) and an article's "other news" are kept per site generation.
BUDGETS = {"home": 7, "section": 4, "article": 4}
AFTER_PUBLISH = 10


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_ENABLED = False


def queries_for(client, url, django_assert_max_num_queries, budget):
    get(client, url)  # per-process caches (content types, renditions) warm
    with django_assert_max_num_queries(budget) as captured:
        response = get(client, url)
    assert response.status_code == 200
    return len(captured)


def test_home_page(client, article, django_assert_max_num_queries):
    queries_for(client, "/", django_assert_max_num_queries, BUDGETS["home"])


def test_section_page(client, section, article, django_assert_max_num_queries):
    queries_for(client, section.url, django_assert_max_num_queries, BUDGETS["section"])


def test_article_page(client, article, django_assert_max_num_queries):
    queries_for(client, article.url, django_assert_max_num_queries, BUDGETS["article"])


def test_query_count_is_flat_from_10_to_200_articles(
    client, section, article, django_assert_max_num_queries
):
    def counts():
        return [
            queries_for(client, url, django_assert_max_num_queries, BUDGETS[kind])
            for kind, url in (
                ("home", "/"),
                ("section", section.url),
                ("section", section.url + "?page=2"),
                ("article", article.url),
            )
        ]

    ArticlePageFactory.create_batch(10, parent=section)
    few = counts()
    ArticlePageFactory.create_batch(190, parent=section)
    assert counts() == few


@pytest.mark.parametrize("kind", ["home", "section", "article"])
def test_first_render_after_a_publish(
    client, section, article, kind, publish, django_assert_max_num_queries
):
    url = {"home": "/", "section": section.url, "article": article.url}[kind]
    get(client, url)
    other = ArticlePageFactory(parent=section, title="Tin mới nhất")
    publish(lambda: other.save_revision().publish())
    with django_assert_max_num_queries(AFTER_PUBLISH) as captured:
        response = get(client, url)
    assert response.status_code == 200
    assert "Tin mới nhất" in response.content.decode()
    # The memos and fragments were re-read: more than a warm render.
    assert len(captured) > BUDGETS[kind]
