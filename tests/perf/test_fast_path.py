"""The WSGI fast path (`congxa/wsgi.py`) answers exactly what Django would."""

import pytest
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory

from congxa.portal.fast_path import PageCacheApp

from .conftest import HOST

pytestmark = pytest.mark.django_db


@pytest.fixture
def django_app():
    # Like Django's test client: the test's transaction must stay open.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield WSGIHandler()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def fast_app(django_app):
    return PageCacheApp(django_app)


def environ(path, method="GET", **extra):
    extra.setdefault("HTTP_HOST", HOST)
    return RequestFactory().generic(method, path, **extra).environ


def call(app, env):
    """(status, headers, body) of one WSGI call, and whether Django ran."""
    started = []
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"], answer["headers"] = status, headers

    def record(**kwargs):
        started.append(True)

    request_started.connect(record)
    try:
        body = b"".join(app(dict(env), start_response))
    finally:
        request_started.disconnect(record)
    return answer["status"], answer["headers"], body, bool(started)


def without_age(headers):
    return [(name, value) for name, value in headers if name != "Age"]


def stored(app, path, **extra):
    status, headers, _, _ = call(app, environ(path, **extra))
    assert status == "200 OK"
    assert ("X-Cache", "MISS") in headers


VARIANTS = {
    "plain": {},
    "gzip": {"HTTP_ACCEPT_ENCODING": "gzip, br"},
    "head": {"method": "HEAD"},
    "query": {"QUERY_STRING": "page=1"},
    "cookie": {"HTTP_COOKIE": "theme=dark; lang=vi"},
}


@pytest.mark.parametrize("variant", VARIANTS)
def test_hit_is_byte_identical_to_the_django_path(
    fast_app, django_app, article, variant
):
    extra = dict(VARIANTS[variant])
    method = extra.pop("method", "GET")
    stored(django_app, article.url, **extra)
    env = environ(article.url, method=method, **extra)
    through_django = call(django_app, env)
    fast = call(fast_app, env)
    assert through_django[3] is True
    assert fast[3] is False, "the fast path ran Django"
    assert fast[0] == through_django[0] == "200 OK"
    assert without_age(fast[1]) == without_age(through_django[1])
    assert fast[2] == through_django[2]
    assert ("X-Cache", "HIT") in fast[1]
    names = {name for name, _ in fast[1]}
    for security_header in (
        "Content-Security-Policy",
        "Permissions-Policy",
        "X-Frame-Options",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Cross-Origin-Opener-Policy",
        "ETag",
        "Cache-Control",
        "Vary",
    ):
        assert security_header in names


def test_not_modified_is_byte_identical(fast_app, django_app, article):
    stored(django_app, article.url)
    etag = dict(call(fast_app, environ(article.url))[1])["ETag"]
    env = environ(article.url, HTTP_IF_NONE_MATCH=etag)
    through_django = call(django_app, env)
    fast = call(fast_app, env)
    assert fast[3] is False
    assert fast[0] == through_django[0] == "304 Not Modified"
    assert without_age(fast[1]) == without_age(through_django[1])
    assert fast[2] == through_django[2] == b""


def test_https_adds_hsts_like_django(django_app, article, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # Middleware read their settings when loaded: load them now.
    django_app = WSGIHandler()
    fast_app = PageCacheApp(django_app)
    https = {"HTTP_X_FORWARDED_PROTO": "https"}
    stored(django_app, article.url, **https)
    env = environ(article.url, **https)
    through_django = call(django_app, env)
    fast = call(fast_app, env)
    assert fast[3] is False
    assert without_age(fast[1]) == without_age(through_django[1])
    assert dict(fast[1])["Strict-Transport-Security"].startswith("max-age=31536000")


def test_redirect_to_https_is_left_to_django(django_app, article, settings):
    stored(django_app, article.url)
    settings.SECURE_SSL_REDIRECT = True
    django_app = WSGIHandler()
    fast_app = PageCacheApp(django_app)
    status, headers, _, ran_django = call(fast_app, environ(article.url))
    assert ran_django
    assert status.startswith("301")
    assert dict(headers)["Location"].startswith("https://")


@pytest.mark.parametrize(
    "extra",
    [
        {"HTTP_COOKIE": "sessionid=abc"},
        {"HTTP_COOKIE": "messages=abc"},
        {"method": "POST"},
        {"QUERY_STRING": "q=" + "x" * 300},
        {"CONTENT_LENGTH": "10"},
    ],
    ids=["session", "messages", "post", "long-query", "body"],
)
def test_bypass_rules_reach_django(fast_app, django_app, article, extra):
    stored(django_app, article.url)
    extra = dict(extra)
    method = extra.pop("method", "GET")
    status, headers, _, ran_django = call(
        fast_app, environ(article.url, method=method, **extra)
    )
    assert ran_django
    if "CONTENT_LENGTH" not in extra:  # Django may still answer that one from cache
        assert ("X-Cache", "HIT") not in headers


def test_unknown_host_is_refused_by_django(fast_app, django_app, article, settings):
    stored(django_app, article.url)
    settings.ALLOWED_HOSTS = ["giolinh.localhost"]
    status, _, _, ran_django = call(fast_app, environ(article.url))
    assert ran_django
    assert status.startswith("400")


def test_publish_makes_the_fast_path_step_aside(fast_app, django_app, article, publish):
    stored(django_app, article.url)
    assert call(fast_app, environ(article.url))[3] is False
    article.title = "Tiêu đề mới sau bão"
    publish(lambda: article.save_revision().publish())
    status, headers, body, ran_django = call(fast_app, environ(article.url))
    assert ran_django
    assert ("X-Cache", "MISS") in headers
    assert "Tiêu đề mới sau bão" in body.decode()


def test_fast_hit_costs_no_query(
    fast_app, django_app, article, django_assert_num_queries
):
    stored(django_app, article.url)
    with django_assert_num_queries(0):
        assert call(fast_app, environ(article.url))[3] is False


def test_cache_failure_falls_back_to_django(fast_app, django_app, article, monkeypatch):
    stored(django_app, article.url)

    def broken(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(cache, "get_many", broken)
    # Django decides (here: its error page, as without the fast path).
    assert call(fast_app, environ(article.url))[3] is True


def test_disabled_commune_is_left_to_django(fast_app, django_app, site, article):
    from congxa.portal.hosts import hosts_changed
    from congxa.portal.models import Commune

    Commune.objects.get_or_create(site=site)
    stored(django_app, article.url)
    assert call(fast_app, environ(article.url))[3] is False
    # Disabled without a bump (an update without signals): the stored page is
    # still fresh, and yet the host answers its maintenance page.
    Commune.objects.filter(site=site).update(enabled=False)
    hosts_changed()
    status, _, _, ran_django = call(fast_app, environ(article.url))
    assert ran_django
    assert status.startswith("503")
