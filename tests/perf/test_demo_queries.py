"""Query counts of every page kind of the demo commune, rendered without the cache.

The demo (congxa.demo.services.demo_seed) has every content app's pages:
news, documents, procedures, search. A page that grows a query per item, or a
new side block that queries more, fails here.
"""

import re

import pytest

from congxa.demo.services import demo_seed
from congxa.news.models import ArticlePage

pytestmark = pytest.mark.django_db

HOST = "127.0.0.1:8000"  # the demo commune's site
# The target: at most 10 queries per page, measured with the warm
# per-process memos of a running server.
BUDGETS = {
    "home": 10,
    "section": 10,
    "article": 10,
    "document list": 10,
    "procedure detail": 10,
    "search": 10,
}


@pytest.fixture
def demo_urls(settings):
    settings.PAGE_CACHE_ENABLED = False
    demo_seed()
    article = ArticlePage.objects.live().order_by("-date").first()
    return {
        "home": "/",
        "section": article.get_parent().relative_url(None),
        "article": article.relative_url(None),
        "document list": "/van-ban/",
        "search": "/tim-kiem/?q=b%C3%A3o",
    }


def test_every_page_kind_stays_within_its_query_budget(
    client, demo_urls, django_assert_max_num_queries
):
    listing = client.get("/thu-tuc-hanh-chinh/", HTTP_HOST=HOST)
    assert listing.status_code == 200
    procedure = re.search(r'href="(/thu-tuc-hanh-chinh/[^"/?#]+/)"', listing.text)
    demo_urls["procedure detail"] = procedure.group(1)

    for kind, url in demo_urls.items():
        assert client.get(url, HTTP_HOST=HOST).status_code == 200, kind
        with django_assert_max_num_queries(BUDGETS[kind], info=kind):
            response = client.get(url, HTTP_HOST=HOST)
        assert response.status_code == 200, kind
