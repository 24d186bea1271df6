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
- a host `CommuneHostMiddleware` answers by itself (an alias that redirects,
  a disabled commune's maintenance page) goes to Django, like anything else
  it is unsure of (a body, a bad host, an HTTPS redirect to make, a miss);
- a request without validators gets the entry's ready answer (built once
  through `serve_entry`, only `Age` changes); one with validators goes
  through Django's conditional-GET code.

The answer is byte for byte the one the Django path gives for the same entry
(tests/perf/test_fast_path.py).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable

from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import get_path_info, get_script_name
from django.core.signals import setting_changed
from django.http import HttpRequest, HttpResponse, QueryDict
from django.http.cookie import parse_cookie
from django.utils.functional import cached_property

from . import cache as page_cache
from .degraded import data_directory_read_only
from .hosts import _hostname, host_table

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

    def get_host(self) -> str:
        # Asked twice per hit (the key, the host table): validated once.
        host = self.__dict__.get("_validated_host")
        if host is None:
            host = self._validated_host = super().get_host()
        return host

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


def outer_headers(
    handler, secure: bool, host: str = "localhost"
) -> list[tuple[str, str]] | None:
    """What the middleware around the page cache add to a public page, in order.

    Asked once per scheme of `handler`'s loaded middleware chain: a probe
    request (to the host being served) carries the answer the page cache
    middleware gives back as is. A probe some middleware answers by itself (an
    HTTPS redirect) memoises None: Django answers that scheme.
    """
    memo_key = (id(handler), secure)
    if memo_key in _outer:
        return _outer[memo_key]
    with _outer_lock:
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": PROBE_PATH,
            "HTTP_HOST": host,
            "SERVER_NAME": "localhost",
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
            if response.status_code in (301, 302, 400, 503):
                # The host's own answer (an alias, a disabled commune): ask
                # again with the next host rather than remember it.
                return None
            added = None
        else:
            added = [
                (name, value) for name, value in response.items() if name not in before
            ]
        _outer[memo_key] = added
        return added


# A request with one of these is answered by Django's conditional-GET code
# (`cache.serve_entry`); the common one, without, from a ready header list.
CONDITIONAL = (
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_MATCH",
    "HTTP_IF_UNMODIFIED_SINCE",
)


def _full_response(
    request: EnvironRequest, entry: dict, extra: list[tuple[str, str]]
) -> HttpResponse:
    response = page_cache.serve_entry(request, entry)
    headers = response.headers
    for name, value in extra:
        if name not in headers:
            headers[name] = value
    return response


class Answer:
    """A ready WSGI answer: status line, headers, body."""

    __slots__ = ("status", "headers", "content")

    def __init__(self, status: str, headers: list[tuple[str, str]], content: bytes):
        self.status = status
        self.headers = headers
        self.content = content


def _ready_answer(
    request: EnvironRequest, entry: dict, extra: list[tuple[str, str]], secure: bool
) -> Answer:
    """The unconditional answer for `entry`, built once through `serve_entry`
    and kept with the entry in this process; only `Age` changes per request."""
    memo = entry.get("_fast_path")
    if memo is None or memo[0] is not extra:
        response = _full_response(request, entry, extra)
        status, headers = wsgi_headers(response)
        age_at = next(i for i, (name, _) in enumerate(headers) if name == "Age")
        memo = (extra, status, headers, age_at)
        entry["_fast_path"] = memo
    _, status, headers, age_at = memo
    headers = list(headers)
    age = max(0, int(time.time() - entry["stored_at"]))
    headers[age_at] = ("Age", str(age))
    return Answer(status, headers, entry["content"])


def _host_answers_itself(request: EnvironRequest) -> bool:
    """`CommuneHostMiddleware` (outside the page cache) answers this host."""
    hostname = _hostname(request)
    table = host_table()
    return hostname in table.redirects or hostname in table.disabled


def lookup(handler, environ: dict) -> tuple[EnvironRequest, dict, list] | None:
    """(request, fresh entry, outer headers) when the fast path may answer."""
    if environ.get("CONTENT_LENGTH") not in (None, "", "0"):
        return None  # a body: Django checks and refuses it
    request = EnvironRequest(environ)
    query_string = environ.get("QUERY_STRING", "")
    cookies = request.COOKIES if environ.get("HTTP_COOKIE") else {}
    if not page_cache.is_cacheable(request.method, request.path, query_string, cookies):
        return None
    try:
        host = request.get_host()
    except DisallowedHost:
        return None  # Django answers 400
    if _host_answers_itself(request):
        return None  # an alias redirects, a disabled commune shows maintenance
    extra = outer_headers(handler, request.is_secure(), host)
    if extra is None:
        return None
    key = page_cache.entry_key(
        host, request.path, query_string, environ.get("HTTP_ACCEPT_ENCODING", "")
    )
    entry = page_cache.fresh_entry(key)
    if entry is None:
        return None
    return request, entry, extra


def answer(handler, environ: dict) -> HttpResponse | None:
    """The response for a fresh hit, as the Django path would give it; else None."""
    found = lookup(handler, environ)
    if found is None:
        return None
    return _full_response(*found)


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
            # A read-only data directory: Django's 503, not a page read from it.
            found = (
                None
                if data_directory_read_only()
                else lookup(self.application, environ)
            )
        except Exception:  # noqa: BLE001 (the cache may be down: Django decides)
            found = None
        if found is None:
            return self.application(environ, start_response)
        request, entry, extra = found
        if any(name in environ for name in CONDITIONAL):
            response = _full_response(request, entry, extra)
            status, headers = wsgi_headers(response)
            content = response.content
        else:
            ready = _ready_answer(request, entry, extra, request.is_secure())
            status, headers, content = ready.status, ready.headers, ready.content
        start_response(status, headers)
        return [content]
