"""A results page ranks what it shows; its counts still count every match.

On PostgreSQL a search ranks only the hits of the page asked for (and the head
the title coverage reorders), and counts the typed matches by kind in the same
pass; SQLite ranks the first thousand. Both must give the same page, the same
total and the same facets.
"""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from congxa.search import selectors, services
from congxa.search.models import SearchEntry
from congxa.search.registry import Document

pytestmark = pytest.mark.django_db

NEWS, DOCUMENTS = 57, 14


@pytest.fixture
def many(site):
    """71 entries that all hold `nuoc sach`: more than a page ranks."""
    start = timezone.make_aware(datetime(2025, 1, 1))
    for n in range(NEWS + DOCUMENTS):
        kind = "news" if n < NEWS else "documents"
        title = f"Nước sạch cho thôn số {n}" if n % 3 else f"Tin số {n} của xã"
        services.document_store(
            f"test:{n}",
            Document(
                title=title,
                body=f"Công trình nước sạch phục vụ bà con, đợt {n}.",
                url=f"/tin/{n}/",
                site_id=site.pk,
                kind=kind,
                date=start + timedelta(days=n),
            ),
        )
    return site


def urls(page):
    return [result.url for result in page.results]


def test_facets_and_total_count_every_match(many):
    page = selectors.search("nuoc sach", site=many)
    assert page.total == NEWS + DOCUMENTS
    facets = {facet.kind: facet.count for facet in page.facets}
    assert facets == {"news": NEWS, "documents": DOCUMENTS}
    documents = selectors.search("nuoc sach", site=many, kind="documents")
    assert documents.kind_total == DOCUMENTS
    assert {result.kind for result in documents.results} == {"documents"}


def test_every_page_is_the_slice_of_one_order(many):
    """Page after page, the hits are those of the whole order, none twice."""
    whole = selectors.rank(
        selectors.make_plan("nuoc sach", many),
        selectors.site_ids_for(many),
        limit=selectors.RANK_LIMIT,
    )
    pages = []
    for number in range(1, 9):
        page = selectors.search("nuoc sach", site=many, page=number)
        assert page.number == number
        pages += urls(page)
    by_id = SearchEntry.objects.in_bulk([hit.entry_id for hit in whole.hits])
    assert pages == [by_id[hit.entry_id].url for hit in whole.hits]
    assert len(set(pages)) == NEWS + DOCUMENTS
    # A page beyond the last shows the last.
    assert urls(selectors.search("nuoc sach", site=many, page=30)) == pages[70:]
