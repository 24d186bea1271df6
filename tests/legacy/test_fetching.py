import pytest

from congxa.legacy.fetching import FetchError, ImportState, PoliteFetcher
from congxa.legacy.sources import SourceFailure, SourcePage, expand_sources
from tests.legacy.server import LegacySite


@pytest.fixture(scope="module")
def legacy():
    site = LegacySite().start()
    yield site
    site.stop()


@pytest.fixture
def fetcher(legacy):
    fetcher = PoliteFetcher(
        allowed_hosts={"127.0.0.1"}, delay=0.0, timeout=1.0, retries=2, backoff=0.01,
        max_bytes=5 * 1024 * 1024,
    )  # fmt: skip
    yield fetcher
    fetcher.close()


def test_user_agent_and_robots(legacy, fetcher):
    fetcher.get(f"{legacy.base}/news/bai-viet-1.html")
    assert any(p == "/robots.txt" for p, _ in legacy.hits)
    assert all("congxa-import" in agent for _, agent in legacy.hits)
    with pytest.raises(FetchError) as exc:
        fetcher.get(f"{legacy.base}/private/secret.html")
    assert exc.value.code == "robots"


def test_retries_with_back_off_on_5xx(legacy, fetcher):
    legacy.failures_left["/flaky.html"] = 2
    assert b"news_column" in fetcher.get(f"{legacy.base}/flaky.html").content


@pytest.mark.parametrize(
    ("path", "code"),
    [
        ("/error.html", "http_error"),
        ("/missing.html", "http_error"),
        ("/loop-a.html", "redirect_loop"),
        ("/away.html", "host_not_allowed"),
        ("/slow.html", "timeout"),
        ("/huge.html", "too_large"),
    ],
)
def test_failures_have_a_reason(legacy, fetcher, path, code):
    fetcher.retries = 0
    with pytest.raises(FetchError) as exc:
        fetcher.get(f"{legacy.base}{path}")
    assert exc.value.code == code


def test_only_the_hosts_of_the_sources(fetcher):
    with pytest.raises(FetchError) as exc:
        fetcher.get("http://example.org/")
    assert exc.value.code == "host_not_allowed"


def test_delay_between_requests(legacy):
    waits = []
    fetcher = PoliteFetcher(allowed_hosts={"127.0.0.1"}, delay=5.0, sleep=waits.append)
    fetcher.get(f"{legacy.base}/news/bai-viet-1.html")
    fetcher.get(f"{legacy.base}/news/bai-viet-2.html")
    assert waits and all(0 < w <= 5.0 for w in waits)


def test_sitemap_and_feed_expand_to_pages(legacy, fetcher):
    for source in ("sitemap.xml", "rss.xml"):
        pages = list(expand_sources([f"{legacy.base}/{source}"], fetcher, 10**7))
        assert len(pages) == 6
        assert all(isinstance(p, SourcePage) for p in pages)
        assert pages[0].old_path == "/news/bai-viet-1.html"


def test_a_sitemap_that_is_not_xml(legacy, fetcher):
    [failure] = list(expand_sources([f"{legacy.base}/bad-sitemap.xml"], fetcher, 10**7))
    assert isinstance(failure, SourceFailure)
    assert failure.code == "not_xml"


def test_state_file_resumes(tmp_path):
    path = tmp_path / "state.jsonl"
    state = ImportState(path)
    state.record("/a.html", "imported")
    state.close()
    with path.open("a") as handle:
        handle.write('{"source": "/b.ht')  # cut off by a crash
    again = ImportState(path)
    assert again.is_done("/a.html")
    assert not again.is_done("/b.html")
