"""Search quality on the relevance set stays above its measured level."""

import pytest

from . import relevance

pytestmark = pytest.mark.django_db

MIN_RECALL_AT_10 = 0.95
MIN_MRR = 0.85


@pytest.fixture
def scored(site):
    relevance.load(site)
    return relevance.evaluate(site)


def test_recall_at_10(scored):
    assert scored.recall >= MIN_RECALL_AT_10, scored.misses


def test_mean_reciprocal_rank(scored):
    assert scored.mrr >= MIN_MRR, scored.misses


@pytest.mark.parametrize(
    ("query", "wanted"),
    [
        ("dang ky khai sinh", "tthc-khai-sinh"),
        ("Dang uy", "dang-uy-kiem-tra"),
        ("ban cong tac 35", "ban-cong-tac-35"),
        ("le thanh hai", "le-thanh-hai"),
        ("quan ly", "quan-ly-dat-dai"),
        ("thur tucj hanhf chinhs", "thu-tuc-hanh-chinh"),
        ("1.001193", "tthc-khai-sinh"),
    ],
)
def test_issue_queries_find_the_item_near_the_top(site, query, wanted):
    from congxa.search import selectors

    relevance.load(site)
    urls = [r.url for r in selectors.search(query, site=site).results]
    assert f"/{wanted}/" in urls[:3]
