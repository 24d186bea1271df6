"""The search page and the autocomplete endpoint, as a visitor's browser sees them."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from congxa.search.engines import SETTINGS_PREFIXES

from .conftest import add_article

# Not reads: the test's transaction and, on PostgreSQL, the search's settings
# (`engines.PostgresEngine.session`).
CONTROL = ("SAVEPOINT", "RELEASE SAVEPOINT", "SET LOCAL", "BEGIN", "COMMIT")
CONTROL += SETTINGS_PREFIXES

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.search.urls")]

HOST = "vinhthuy.localhost"


def get(client, q, **params):
    return client.get("/tim-kiem/", {"q": q, **params}, HTTP_HOST=HOST)


@pytest.fixture
def articles(site, section):
    add_article(
        section,
        "Hướng dẫn đăng ký khai sinh trực tuyến trên Cổng Dịch vụ công",
        "Người dân thực hiện thủ tục đăng ký khai sinh (mã 1.001193) theo "
        "Nghị định 42/2022/NĐ-CP.",
    )
    add_article(section, "Thông báo lịch tiếp công dân tháng 12", "Lịch tiếp dân.")
    return section


def test_empty_query_shows_help(client, site):
    response = get(client, "   ")
    assert response.status_code == 200
    assert "đăng ký khai sinh" in response.content.decode()


def test_results_show_original_text_with_marks(client, articles):
    html = get(client, "dang ky khai sinh").content.decode()
    assert (
        "<mark>đăng</mark> <mark>ký</mark> <mark>khai</mark> <mark>sinh</mark>" in html
    )
    assert "dang ky khai sinh trực" not in html


def test_number_of_results_in_vietnamese(client, articles):
    html = get(client, "tiep cong dan").content.decode()
    assert "1 kết quả" in html or "1 result" in html


def test_nothing_found(client, articles):
    response = get(client, "zzzzqqq")
    assert response.status_code == 200
    assert "zzzzqqq" in response.content.decode()


def test_document_number_finds_the_article(client, articles):
    html = get(client, "42/2022").content.decode()
    assert "<mark>42/2022</mark>/NĐ-CP" in html


def test_correction_is_shown(client, articles):
    html = get(client, "thur tucj").content.decode()
    assert "thủ tục" in html
    assert "<mark>thủ</mark> <mark>tục</mark>" in html


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "*",
        "NEAR(",
        "NEAR(a b",
        "'; DROP TABLE congxa_search_searchentry; --",
        "\x00\x01\x02\x1b[31m",
        "a" * 10_000,
        "đăng " * 2_000,
        "title_index : dang",
        "{title_index} : x",
        "a & b | !c <-> d:*",
        "%",
        "🙂🙂🙂",
    ],
)
def test_bad_input_never_breaks_the_page(client, articles, query):
    response = get(client, query)
    assert response.status_code in (200, 400)
    assert b"Traceback" not in response.content
    response = client.get("/tim-kiem/goi-y/", {"q": query}, HTTP_HOST=HOST)
    assert response.status_code in (200, 400)


def test_invalid_utf8_in_the_query_string(client, articles):
    response = client.get("/tim-kiem/?q=%ED%A0%80%FF%00", HTTP_HOST=HOST)
    assert response.status_code in (200, 400)


@pytest.mark.parametrize("page", ["0", "-1", "abc", "99999", ""])
def test_bad_page_numbers(client, articles, page):
    assert get(client, "thong bao", page=page).status_code == 200


def test_facets_and_type_filter(client, site, home, articles):
    html = get(client, "tiep").content.decode()
    assert "Tin tức" in html or "News" in html
    html = get(client, "tiep", type="nonexistent").content.decode()
    assert "<mark>tiếp</mark> công dân" in html


def test_pagination(client, site, section):
    for n in range(25):
        add_article(section, f"Thông báo số {n + 1} về nước sạch")
    first = get(client, "nuoc sach").content.decode()
    third = get(client, "nuoc sach", page="3").content.decode()
    assert first.count('class="search-meta"') == 10
    assert third.count('class="search-meta"') == 5
    assert "page=2" in first


def test_query_count_does_not_grow_with_results(client, site, section):
    add_article(section, "Nước sạch cho thôn Linh Hải")
    with CaptureQueriesContext(connection) as one:
        get(client, "nuoc sach")
    for n in range(15):
        add_article(section, f"Nước sạch số {n}")
    with CaptureQueriesContext(connection) as many:
        get(client, "nuoc sach")
    assert len(many) <= len(one) + 1
    assert len(many) <= 25


def test_search_queries_alone_are_few(site, section):
    from congxa.search import selectors

    add_article(section, "Nước sạch cho thôn Linh Hải")

    def reads(queries) -> int:
        # PostgreSQL runs the search in a transaction that steers its planner
        # (`set_config`, see engines.PostgresEngine.session): control, not reads.
        return sum(1 for q in queries if not q["sql"].startswith(CONTROL))

    with CaptureQueriesContext(connection) as queries:
        selectors.search("nuoc sach", site=site)
    assert reads(queries) <= 5
    with CaptureQueriesContext(connection) as queries:
        selectors.search("thur tucj hanhf chinhs nuwocs sachj", site=site)
    assert reads(queries) <= 7


def test_synonym_alternatives_add_no_round_trip_on_postgresql(site, section):
    """The words as typed and their synonym alternatives are one statement on
    PostgreSQL (a `UNION ALL`, the count in the same scan); SQLite, in-process,
    runs one statement per alternative."""
    from congxa.search import selectors

    add_article(section, "Cấp giấy chứng nhận quyền sử dụng đất lần đầu")
    for n in range(10):
        # Ten results as typed: no relaxed search runs after them.
        add_article(section, f"Làm sổ đỏ ở đâu, hỏi đáp số {n}")

    def reads(queries) -> list[str]:
        return [q["sql"] for q in queries if not q["sql"].startswith(CONTROL)]

    # The commune's synonym lists are read once a minute per process: not here.
    selectors.search("lam so do", site=site)
    with CaptureQueriesContext(connection) as queries:
        plain = selectors.search("lam so do", site=site, dictionary=False)
    without = reads(queries)
    with CaptureQueriesContext(connection) as queries:
        page = selectors.search("lam so do", site=site)
    with_synonyms = reads(queries)
    alternatives = len(page.plan.alternatives)
    assert plain.results and page.results
    assert alternatives >= 3
    if connection.vendor == "postgresql":
        assert len(with_synonyms) <= len(without)
        assert sum("UNION ALL" in sql for sql in with_synonyms) == 1
    else:
        assert len(with_synonyms) <= len(without) + alternatives


def test_autocomplete_returns_small_json(client, articles):
    response = client.get("/tim-kiem/goi-y/", {"q": "dang ky kh"}, HTTP_HOST=HOST)
    data = json.loads(response.content)
    assert response.status_code == 200
    assert data["results"][0]["title"].startswith("Hướng dẫn đăng ký khai sinh")
    assert data["results"][0]["url"].startswith("/tin-tuc/")
    assert "max-age" in response["Cache-Control"]


def test_autocomplete_is_cached(client, articles):
    client.get("/tim-kiem/goi-y/", {"q": "tiep cong"}, HTTP_HOST=HOST)
    with CaptureQueriesContext(connection) as queries:
        client.get("/tim-kiem/goi-y/", {"q": "tiếp công"}, HTTP_HOST=HOST)
    search_queries = [q for q in queries if "congxa_search" in q["sql"]]
    assert search_queries == []


def test_autocomplete_ignores_one_letter(client, articles):
    data = json.loads(
        client.get("/tim-kiem/goi-y/", {"q": "d"}, HTTP_HOST=HOST).content
    )
    assert data["results"] == []
