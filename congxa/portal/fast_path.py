"""Fresh page-cache hits answered in front of Django, from the WSGI environ.

A hit through Django costs a `WSGIRequest`, the request signals (which close and
reopen database connections), URL set-up and every middleware above the page
cache, for a response that is a stored body and a few headers. `PageCacheApp`
(wrapped around the WSGI application in `congxa/wsgi.py`) answers it first:

- the same bypass rules, key, generation check and stored entry as
  `PageCacheMiddleware` (`cache.is_cacheable`, `cache.entry_key`,
  `cache.fresh_entry`, `cache.serve_entry`, which also answers 304);
- the headers the middleware outside the page cache add (security headers,
  CSP, HSTS over HTTPS: `SecurityHeadersMiddleware`, Django's
  `SecurityMiddleware`) are asked of those very middleware, once per scheme,
  by running the loaded chain on a probe (`outer_headers`), not copied here;
- anything it is unsure of (a body, a bad host, an HTTPS redirect to make, a
  miss) goes to Django unchanged.

The answer is byte for byte the one the Django path gives for the same entry
(tests/perf/test_fast_path.py).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable

from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import get_path_info, get_script_name
from django.core.signals import setting_changed
from django.http import HttpRequest, HttpResponse, QueryDict
from django.http.cookie import parse_cookie
from django.utils.functional import cached_property

from . import cache as page_cache

PROBE_PATH = "/"


class EnvironRequest(HttpRequest):
    """Just enough of a Django request over a WSGI environ for Django's own
    host, scheme and conditional-GET code; built without parsing anything."""

    def __init__(self, environ: dict) -> None:  # no super(): nothing to parse
        self.META = environ
        self.method = environ.get("REQUEST_METHOD", "GET").upper()
        script_name = get_script_name(environ)
        path_info = get_path_info(environ) or "/"
        self.path_info = path_info
        self.path = "{}/{}".format(
            script_name.rstrip("/"), path_info.replace("/", "", 1)
        )
        self.resolver_match = None
        self.content_type = None
        self.content_params = None
        self._stream = None
        self._read_started = False

    def _get_scheme(self) -> str:
        return self.META.get("wsgi.url_scheme", "http")

    @cached_property
    def COOKIES(self) -> dict:  # noqa: N802 (Django's name)
        return parse_cookie(self.META.get("HTTP_COOKIE", ""))

    @cached_property
    def GET(self) -> QueryDict:  # noqa: N802 (Django's name)
        return QueryDict(self.META.get("QUERY_STRING", ""))

    @property
    def POST(self) -> QueryDict:  # noqa: N802 (Django's name)
        return QueryDict()

    FILES = POST


# Headers added by the middleware outside the page cache, per scheme; None when
# that middleware answers by itself (an HTTPS redirect): Django must answer then.
_outer: dict[tuple[int, bool], list[tuple[str, str]] | None] = {}
_outer_lock = threading.Lock()


def _forget_outer_headers(**kwargs) -> None:
    _outer.clear()


setting_changed.connect(_forget_outer_headers)


def outer_headers(handler, secure: bool) -> list[tuple[str, str]] | None:
    """What the middleware around the page cache add to a public page, in order.

    Asked once per scheme of `handler`'s loaded middleware chain: a probe
    request carries the answer the page cache middleware gives back as is.
    """
    memo_key = (id(handler), secure)
    if memo_key in _outer:
        return _outer[memo_key]
    with _outer_lock:
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": PROBE_PATH,
            "SERVER_NAME": "probe.invalid",
            "SERVER_PORT": "443" if secure else "80",
            "wsgi.url_scheme": "https" if secure else "http",
            "HTTP_X_FORWARDED_PROTO": "https" if secure else "http",
        }
        probe = EnvironRequest(environ)
        answer = HttpResponse()
        before = set(answer.headers)
        probe.page_cache_answer = answer
        response = handler._middleware_chain(probe)
        if response is not answer:
            added = None
        else:
            added = [
                (name, value) for name, value in response.items() if name not in before
            ]
        _outer[memo_key] = added
        return added


def _valid_host(request: EnvironRequest) -> bool:
    try:
        request.get_host()
    except DisallowedHost:
        return False
    return True


def answer(handler, environ: dict) -> HttpResponse | None:
    """The response for a fresh hit, as the Django path would give it; else None."""
    if environ.get("CONTENT_LENGTH") not in (None, "", "0"):
        return None  # a body: Django checks and refuses it
    request = EnvironRequest(environ)
    query_string = environ.get("QUERY_STRING", "")
    cookies = request.COOKIES if environ.get("HTTP_COOKIE") else {}
    if not page_cache.is_cacheable(request.method, request.path, query_string, cookies):
        return None
    if not _valid_host(request):
        return None
    secure = request.is_secure()
    extra = outer_headers(handler, secure)
    if extra is None:
        return None
    key = page_cache.entry_key(
        request.get_host(),
        request.path,
        query_string,
        environ.get("HTTP_ACCEPT_ENCODING", ""),
    )
    entry = page_cache.fresh_entry(key)
    if entry is None:
        return None
    response = page_cache.serve_entry(request, entry)
    headers = response.headers
    for name, value in extra:
        if name not in headers:
            headers[name] = value
    return response


def wsgi_headers(response: HttpResponse) -> tuple[str, list[tuple[str, str]]]:
    """Status line and header list, as Django's `WSGIHandler` writes them."""
    status = "%d %s" % (response.status_code, response.reason_phrase)  # noqa: UP031
    headers = [
        *response.items(),
        *(("Set-Cookie", c.output(header="")) for c in response.cookies.values()),
    ]
    return status, headers


class PageCacheApp:
    """WSGI application: a fresh hit from the page cache, or Django."""

    def __init__(self, application: Callable) -> None:
        self.application = application

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        try:
            response = answer(self.application, environ)
        except Exception:  # noqa: BLE001 (the cache may be down: Django decides)
            response = None
        if response is None:
            return self.application(environ, start_response)
        status, headers = wsgi_headers(response)
        start_response(status, headers)
        return [response.content]
