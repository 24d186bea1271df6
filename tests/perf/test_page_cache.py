"""The whole-page cache: what it stores, what it refuses, and when it lets go.

Every test runs twice: hits answered by the WSGI fast path (as in production),
and hits answered by the middleware inside Django.
"""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from congxa.news.factories import NewsIndexPageFactory
from congxa.portal.models import CommuneSettings

from .clients import FastPathClient
from .conftest import OTHER_HOST, get

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["fast_path", "django"])
def client(request):
    return FastPathClient() if request.param == "fast_path" else Client()


def cached(client, url, host=None):
    """GET twice; the page is cached when the second answer is a hit."""
    kwargs = {"host": host} if host else {}
    get(client, url, **kwargs)
    return get(client, url, **kwargs)


def test_anonymous_get_is_cached(client, article):
    first = get(client, article.url)
    second = get(client, article.url)
    assert first.status_code == second.status_code == 200
    assert first["X-Cache"] == "MISS"
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert "Vĩnh Thủy chủ động ứng phó bão số 12" in second.content.decode()
    # The hit came the way this run asked for.
    assert getattr(second, "fast_path", False) == isinstance(client, FastPathClient)
    assert not getattr(first, "fast_path", False)


def test_hit_costs_no_database_query(client, article, django_assert_num_queries):
    get(client, article.url)
    with django_assert_num_queries(0):
        response = get(client, article.url)
    assert response["X-Cache"] == "HIT"


def test_public_pages_carry_validators_and_cache_control(client, article):
    for response in (get(client, article.url), get(client, article.url)):
        assert "public" in response["Cache-Control"]
        assert "max-age=" in response["Cache-Control"]
        assert response["ETag"].startswith('"')
        assert response["Last-Modified"].endswith("GMT")
        assert "Accept-Encoding" in response["Vary"]


def test_if_none_match_gives_not_modified(client, article):
    etag = get(client, article.url)["ETag"]
    response = get(client, article.url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag


def test_stale_etag_gives_the_page(client, article):
    get(client, article.url)
    response = get(client, article.url, HTTP_IF_NONE_MATCH='"old"')
    assert response.status_code == 200
    assert response["X-Cache"] == "HIT"


def test_compressed_and_plain_copies_are_kept_apart(client, article):
    plain = cached(client, article.url)
    gzipped = get(client, article.url, HTTP_ACCEPT_ENCODING="gzip")
    assert plain["X-Cache"] == "HIT"
    assert gzipped["X-Cache"] == "MISS"
    assert gzipped["Content-Encoding"] == "gzip"
    assert not plain.has_header("Content-Encoding")
    assert get(client, article.url, HTTP_ACCEPT_ENCODING="gzip")["X-Cache"] == "HIT"


def test_query_string_is_part_of_the_key(client, section, article):
    cached(client, section.url)
    assert get(client, section.url + "?page=1")["X-Cache"] == "MISS"


def test_logged_in_editor_bypasses_the_cache(client, article, admin_user):
    cached(client, article.url)
    client.force_login(admin_user)
    response = get(client, article.url)
    assert response.status_code == 200
    assert not response.has_header("X-Cache")
    client.logout()
    client.cookies.clear()
    # The editor's page was not stored for visitors either.
    assert get(client, article.url)["X-Cache"] == "HIT"


def test_editor_page_is_never_served_to_visitors(client, article, admin_user):
    client.force_login(admin_user)
    get(client, article.url)
    get(client, article.url)
    client.cookies.clear()
    assert get(client, article.url)["X-Cache"] == "MISS"


@pytest.mark.urls("tests.perf.urls")
def test_response_setting_a_cookie_is_not_cached(client, site):
    for _ in range(2):
        response = get(client, "/_perf/cookie/")
        assert response.status_code == 200
        assert "visitor" in response.cookies
        assert not response.has_header("X-Cache")


@pytest.mark.urls("tests.perf.urls")
def test_page_with_a_csrf_form_is_not_cached(client, site):
    tokens = set()
    for _ in range(2):
        client.cookies.clear()
        response = get(client, "/_perf/form/")
        assert not response.has_header("X-Cache")
        tokens.add(response.cookies["csrftoken"].value)
    assert len(tokens) == 2


@pytest.mark.urls("tests.perf.urls")
def test_private_response_is_not_cached(client, site):
    get(client, "/_perf/private/")
    assert not get(client, "/_perf/private/").has_header("X-Cache")


def test_admin_and_errors_are_not_cached(client, site):
    assert not get(client, "/admin/login/").has_header("X-Cache")
    for _ in range(2):
        response = get(client, "/khong-co-trang-nay/")
        assert response.status_code == 404
        assert not response.has_header("X-Cache")


def test_post_is_not_cached(client, article):
    cached(client, article.url)
    response = client.post(article.url, HTTP_HOST="vinhthuy.localhost")
    assert not response.has_header("X-Cache")


def test_disabled_by_setting(client, article, settings):
    settings.PAGE_CACHE_ENABLED = False
    get(client, article.url)
    assert not get(client, article.url).has_header("X-Cache")


# Invalidation: every change a visitor could see renders fresh at the next request.


def test_publish_invalidates(client, article, publish):
    cached(client, article.url)
    article.title = "Tiêu đề mới sau khi xuất bản"

    publish(lambda: article.save_revision().publish())

    response = get(client, article.url)
    assert response["X-Cache"] == "MISS"
    assert "Tiêu đề mới sau khi xuất bản" in response.content.decode()


def test_publish_invalidates_every_page_of_the_site(client, home, article, publish):
    cached(client, "/")
    article.title = "Tin nổi bật mới"
    publish(lambda: article.save_revision().publish())
    response = get(client, "/")
    assert response["X-Cache"] == "MISS"
    assert "Tin nổi bật mới" in response.content.decode()


def test_draft_does_not_invalidate(client, article, publish):
    cached(client, article.url)
    article.title = "Bản nháp"
    publish(lambda: article.save_revision())
    assert get(client, article.url)["X-Cache"] == "HIT"


def test_unpublish_invalidates(client, article, publish):
    cached(client, article.url)
    publish(article.unpublish)
    assert get(client, article.url).status_code == 404


def test_move_invalidates(client, home, section, article, publish):
    other_section = NewsIndexPageFactory(parent=home, title="Thông báo", slug="tb")
    old_url = article.url
    cached(client, old_url)
    cached(client, section.url)

    publish(lambda: article.move(other_section, pos="last-child"))

    article.refresh_from_db()
    # Wagtail leaves a redirect at the old address.
    moved = get(client, old_url)
    assert moved.status_code == 301
    assert moved["Location"] == article.url
    assert "Vĩnh Thủy chủ động" not in get(client, section.url).content.decode()
    assert get(client, article.url).status_code == 200


def test_delete_invalidates(client, section, article, publish):
    url = article.url
    cached(client, url)
    cached(client, section.url)
    publish(article.delete)
    assert get(client, url).status_code == 404
    assert "Vĩnh Thủy chủ động" not in get(client, section.url).content.decode()


def test_commune_settings_change_invalidates(client, site, article, publish):
    cached(client, article.url)
    commune = CommuneSettings.objects.get(site=site)
    commune.phone = "0233 3999 888"
    publish(commune.save)
    response = get(client, article.url)
    assert response["X-Cache"] == "MISS"
    assert "0233 3999 888" in response.content.decode()


def test_site_change_invalidates(client, site, article, publish):
    cached(client, article.url)
    site.site_name = "Xã Vĩnh Thủy (mới)"
    publish(site.save)
    assert get(client, article.url)["X-Cache"] == "MISS"


def test_scheduled_publication_invalidates(client, section, article, publish):
    article.title = "Tin đăng theo lịch"
    article.go_live_at = timezone.now() + timedelta(hours=1)
    revision = publish(lambda: article.save_revision())
    publish(revision.publish)  # approved, waiting for its time
    assert "Tin đăng theo lịch" not in cached(client, section.url).content.decode()
    # An hour passes.
    past = timezone.now() - timedelta(minutes=1)
    revision.refresh_from_db()
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()

    publish(lambda: call_command("publish_scheduled"))

    response = get(client, section.url)
    assert response["X-Cache"] == "MISS"
    assert "Tin đăng theo lịch" in response.content.decode()


def test_one_commune_publishing_leaves_another_cached(
    client, article, other_article, publish
):
    cached(client, article.url)
    cached(client, other_article.url, host=OTHER_HOST)
    other_article.title = "Gio Linh đổi tiêu đề"

    publish(lambda: other_article.save_revision().publish())

    assert get(client, article.url)["X-Cache"] == "HIT"
    response = get(client, other_article.url, host=OTHER_HOST)
    assert response["X-Cache"] == "MISS"
    assert "Gio Linh đổi tiêu đề" in response.content.decode()


def test_communes_on_the_same_path_are_cached_apart(client, home, other_site):
    mine = cached(client, "/")
    theirs = get(client, "/", host=OTHER_HOST)
    assert theirs["X-Cache"] == "MISS"
    assert "Xã Gio Linh" in theirs.content.decode()
    assert mine.content != theirs.content
