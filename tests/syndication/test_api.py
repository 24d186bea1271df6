"""The public API: what it shows, what it never shows, its filters and limits."""

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone
from openapi_spec_validator import validate

from congxa.syndication.api.index import openapi_schema
from congxa.syndication.api.views import ClientThrottle

API = "/api/v1"


def results(get, url):
    response = get(url)
    assert response.status_code == 200, (url, response.content[:300])
    assert response["Content-Type"] == "application/json"
    return response.json()["results"]


def test_openapi_description_validates_and_lists_every_endpoint(commune, get):
    schema = get(f"{API}/openapi.json").json()
    validate(schema)
    assert set(schema["paths"]) == {
        f"{API}/sections/",
        f"{API}/articles/",
        f"{API}/articles/{{id}}/",
        f"{API}/documents/",
        f"{API}/documents/{{id}}/",
        f"{API}/procedures/",
        f"{API}/procedures/{{code}}/",
        f"{API}/organisation/",
        f"{API}/schedule/",
        f"{API}/answers/",
        f"{API}/answers/{{id}}/",
    }
    html = get("/api/").content.decode()
    for path in schema["paths"]:
        assert f"<code>{path}</code>" in html
    assert "Tin bài" in html or "tin" in html.lower()


def test_articles_never_include_drafts_or_private_pages(commune, get):
    titles = [item["title"] for item in results(get, f"{API}/articles/")]
    assert commune.article.title in titles
    assert commune.private_article.title not in titles
    assert commune.draft_article.title not in titles
    for page in (commune.private_article, commune.draft_article):
        assert get(f"{API}/articles/{page.pk}/").status_code == 404


def test_article_detail_has_body_image_and_section(commune, get):
    data = get(f"{API}/articles/{commune.image_article.pk}/").json()
    assert data["section"] == "tin-tuc"
    assert data["image"].startswith("http://vinhthuy.localhost/media/")
    assert "body" in data


def test_articles_filter_by_section_and_date(commune, get):
    assert results(get, f"{API}/articles/?section=khong-co") == []
    assert len(results(get, f"{API}/articles/?section=tin-tuc")) == 2
    day = timezone.localdate(commune.article.date).isoformat()
    dated = results(get, f"{API}/articles/?date_from={day}&date_to={day}")
    assert [item["id"] for item in dated] == [commune.article.pk]


def test_documents_filter_by_type_issuer_and_date(commune, get):
    (document,) = results(get, f"{API}/documents/?type=quyet-dinh")
    assert document["number"] == "15/2025/QĐ-UBND"
    assert document["status"] == "in_force"
    assert results(get, f"{API}/documents/?type=ke-hoach") == []
    assert len(results(get, f"{API}/documents/?issuer=x%C3%A3%20V%C4%A9nh")) == 1
    assert results(get, f"{API}/documents/?date_from=2025-03-13") == []
    detail = get(f"{API}/documents/{commune.decision.pk}/").json()
    assert detail["files"] == []


def test_bad_filters_are_a_400_in_vietnamese(commune, get):
    for query in ("date_from=15-03-2025", "date_to=", "page=0", "page_size=500"):
        response = get(f"{API}/documents/?{query}")
        assert response.status_code == 400, query
        assert response["Content-Type"] == "application/json"
    assert "YYYY-MM-DD" in get(f"{API}/articles/?date_from=x").json()["detail"]
    assert "số nguyên" in get(f"{API}/articles/?page=x").json()["detail"]


def test_unknown_ids_and_addresses_are_json_404s(commune, get):
    for url in (
        f"{API}/articles/99999999999999999999/",
        f"{API}/articles/abc/",
        f"{API}/khong-co/",
        f"{API}/procedures/9.999999/",
    ):
        response = get(url)
        assert response.status_code == 404, url
        assert response["Content-Type"] == "application/json"


def test_answers_are_published_ones_without_who_asked(commune, get):
    response = get(f"{API}/answers/")
    (answer,) = response.json()["results"]
    assert answer["title"] == commune.answer.title
    assert answer["url"] == f"http://vinhthuy.localhost/hoi-dap/{commune.answer.pk}/"
    body = response.content.decode()
    for personal in ("Nguyễn Văn An", "0912345678", "an.nguyen@example.com"):
        assert personal not in body
    assert get(f"{API}/answers/{commune.unpublished.pk}/").status_code == 404


def test_procedures_and_organisation(commune, get):
    procedures = results(get, f"{API}/procedures/?page_size=100")
    assert "1.001193" in [item["code"] for item in procedures]
    detail = get(f"{API}/procedures/1.001193/").json()
    assert detail["url"] == "http://vinhthuy.localhost/thu-tuc-hanh-chinh/1.001193/"
    assert isinstance(detail["steps"], list)
    organisation = get(f"{API}/organisation/").json()
    assert organisation["name"] == "Ủy ban nhân dân xã Vĩnh Thủy"
    assert organisation["units"][0]["name"] == "Văn phòng HĐND và UBND"


def test_other_commune_sees_only_its_own_content(commune, other_site, client):
    response = client.get(f"{API}/articles/", HTTP_HOST="giolinh.localhost")
    assert response.json()["results"] == []
    response = client.get(f"{API}/answers/", HTTP_HOST="giolinh.localhost")
    assert response.json()["results"] == []


def test_api_answers_are_cached_like_pages(commune, get):
    assert get(f"{API}/articles/").status_code == 200
    assert get(f"{API}/articles/")["X-Cache"] == "HIT"


@override_settings(PAGE_CACHE_ENABLED=False)
def test_rate_limit_counts_an_ipv6_64_as_one_client(commune, client, monkeypatch):
    monkeypatch.setattr(ClientThrottle, "THROTTLE_RATES", {"public_api": "3/minute"})
    cache.clear()

    def status(address):
        response = client.get(
            f"{API}/sections/", HTTP_HOST="vinhthuy.localhost", REMOTE_ADDR=address
        )
        return response

    statuses = [status(f"2001:db8:1:2::{n}").status_code for n in range(1, 6)]
    assert statuses == [200, 200, 200, 429, 429]
    assert status("2001:db8:1:3::1").status_code == 200  # the next /64
    limited = status("2001:db8:1:2:ffff::9")
    assert limited.status_code == 429
    assert limited["Content-Type"] == "application/json"
    assert "Retry-After" in limited
    assert limited.json()["detail"].startswith("Quá nhiều yêu cầu")


def test_openapi_description_is_the_generated_one(commune, get):
    assert get(f"{API}/openapi.json").json()["paths"] == openapi_schema()["paths"]


@pytest.mark.parametrize(
    "address", ["2001:db8::1", "::ffff:203.0.113.7", "198.51.100.4"]
)
def test_client_network_of_each_address_family(address):
    from congxa.portal.network import client_network

    expected = {
        "2001:db8::1": "2001:db8::/64",
        "::ffff:203.0.113.7": "203.0.113.7",
        "198.51.100.4": "198.51.100.4",
    }
    assert client_network(address) == expected[address]
