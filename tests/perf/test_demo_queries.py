"""Query counts of every page kind of the demo commune, rendered without the cache.

The demo (congxa.demo.services.demo_seed) has every content app's pages:
news, documents, procedures, schedule, introduction, Q&A, search. A page that
grows a query per item, or a new side block that queries more, fails here.
"""

import re
from contextlib import contextmanager

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from congxa.demo.services import demo_seed
from congxa.news.models import ArticlePage
from congxa.search.engines import SETTINGS_PREFIXES

pytestmark = pytest.mark.django_db

HOST = "127.0.0.1:8000"  # the demo commune's site
# The target: at most 10 queries on every page kind, including the
# first render after a publish (the site's memos and fragments re-read then).
AFTER_PUBLISH_BUDGET = 10
# With the per-process memos and fragments of a running server warm.
WARM_BUDGET = 8
# The search also writes its daily count of the query (words only).
WARM_BUDGETS = {"search": WARM_BUDGET + 1}


@contextmanager
def at_most(budget: int, kind: str):
    """Fail when the block runs more than `budget` statements, not counting the
    savepoints a write makes only because a test runs inside a transaction (a
    served request is in autocommit and makes none), nor the search's planner
    settings on PostgreSQL (`engines.SETTINGS_PREFIXES`, no data read)."""
    with CaptureQueriesContext(connection) as captured:
        yield
    statements = [
        query["sql"]
        for query in captured.captured_queries
        if not query["sql"].startswith(
            ("SAVEPOINT", "RELEASE SAVEPOINT", "SET LOCAL", *SETTINGS_PREFIXES)
        )
    ]
    assert len(statements) <= budget, (kind, len(statements), statements)


@pytest.fixture
def demo_urls(settings, client):
    settings.PAGE_CACHE_ENABLED = False
    demo_seed()
    urls = {"home": "/", "search": "/tim-kiem/?q=b%C3%A3o"}
    pages = Page.objects.live().filter(depth__gte=3).specific().order_by("path")
    for page in pages:
        urls.setdefault(type(page).__name__, page.relative_url(None))
    listing = client.get("/thu-tuc-hanh-chinh/", HTTP_HOST=HOST)
    assert listing.status_code == 200
    procedure = re.search(r'href="(/thu-tuc-hanh-chinh/[^"/?#]+/)"', listing.text)
    urls["procedure detail"] = procedure.group(1)
    return urls


def test_demo_has_every_page_kind(demo_urls):
    for kind in (
        "ArticlePage",
        "NewsIndexPage",
        "DocumentIndexPage",
        "LegalDocumentPage",
        "ProcedureIndexPage",
        "WorkSchedulePage",
        "IntroductionPage",
        "QuestionIndexPage",
    ):
        assert kind in demo_urls


def test_every_page_kind_stays_within_its_query_budget(client, demo_urls):
    for kind, url in demo_urls.items():
        assert client.get(url, HTTP_HOST=HOST).status_code == 200, kind
        with at_most(WARM_BUDGETS.get(kind, WARM_BUDGET), kind):
            response = client.get(url, HTTP_HOST=HOST)
        assert response.status_code == 200, kind


def test_first_render_after_a_publish_stays_within_budget(
    client, demo_urls, django_capture_on_commit_callbacks
):
    article = ArticlePage.objects.live().order_by("-date").first()
    for kind, url in demo_urls.items():
        assert client.get(url, HTTP_HOST=HOST).status_code == 200, kind
        article.title = f"Tin mới trước khi mở {kind}"
        with django_capture_on_commit_callbacks(execute=True):
            article.save_revision().publish()
        with at_most(AFTER_PUBLISH_BUDGET, kind):
            response = client.get(url, HTTP_HOST=HOST)
        assert response.status_code == 200, kind
