"""Whole-page cache for anonymous visitors, shared by every worker process.

A cached page is stored under its host, path, query string and encoding, together
with the generation numbers it was rendered under: the deployment's and its
site's. Publishing, unpublishing, moving or deleting a page, or changing a site's
settings, bumps that site's generation (every trigger is in `invalidation.py`),
so the next request for any of its pages renders fresh on every worker. A hit
costs one cache read of both generations and no database query; in a WSGI
server it is answered before Django (`fast_path.py`).
"""

from __future__ import annotations

import copy
import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from datetime import datetime

from diskcache import DjangoCache
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from .invalidation import (
    GLOBAL_GENERATION_KEY,
    SETTINGS_GENERATION_KEY,
    SITE_GENERATION_KEY,
    bump,
    new_generation,
)

ENTRY_KEY = "congxa:page:{digest}"

# Never cached: the admin, files and anything that is not a public page.
EXCLUDED_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/static/",
    "/media/",
    "/documents/",
    "/_util/",
)
MAX_QUERY_LENGTH = 256
# Headers worth keeping with a cached body; the rest are per-response.
KEPT_HEADERS = (
    "Content-Type",
    "Content-Encoding",
    "Content-Language",
    "Content-Security-Policy",
    "Vary",
)


def _generation(key: str) -> int:
    value = cache.get(key)
    if value is None:
        # Evicted or never set: start a new generation rather than reading None,
        # so an entry stored before the eviction can never match again.
        cache.add(key, new_generation(), timeout=None)
        value = cache.get(key)
    return value


def current_generation(site_id: int | None) -> tuple[int, int]:
    """The (deployment, site) generation pair a cached page must match."""
    site_key = SITE_GENERATION_KEY.format(site_id=site_id or 0)
    values = cache.get_many([GLOBAL_GENERATION_KEY, site_key])
    global_gen = values.get(GLOBAL_GENERATION_KEY) or _generation(GLOBAL_GENERATION_KEY)
    site_gen = values.get(site_key) or _generation(site_key)
    return global_gen, site_gen


def bump_site_generation(site_id: int | None) -> None:
    """Invalidate every cached page of one site (all sites when `site_id` is None).

    The name older callers know; the triggers and the rules are in
    `invalidation.py`.
    """
    bump(site_id)


def expire_page_cache_at(request: HttpRequest, moment: datetime) -> None:
    """Let a view say its page changes by itself at `moment` (a banner ending, say)."""
    current = getattr(request, "page_cache_expires_at", None)
    if current is None or moment < current:
        request.page_cache_expires_at = moment


_today: tuple[tuple[int, str], object] = ((0, ""), None)


def _local_date() -> str:
    """`timezone.localdate()` as ISO text, worked out once a second."""
    global _today
    memo_key = (int(time.time()), settings.TIME_ZONE)
    if _today[0] != memo_key:
        _today = (memo_key, timezone.localdate().isoformat())
    return _today[1]


def entry_key(host: str, path: str, query_string: str, accept_encoding: str) -> str:
    """Where the page for one address and encoding is stored.

    The local date is part of the key: "today" on a schedule, the date in the
    header and anything else that turns over at midnight re-render then.
    """
    raw = "|".join(
        (
            host.lower(),
            path,
            query_string,
            "gzip" if "gzip" in accept_encoding.lower() else "identity",
            _local_date(),
        )
    )
    return ENTRY_KEY.format(digest=hashlib.sha256(raw.encode()).hexdigest())


def _entry_key(request: HttpRequest) -> str:
    return entry_key(
        request.get_host(),
        request.path,
        request.META.get("QUERY_STRING", ""),
        request.META.get("HTTP_ACCEPT_ENCODING", ""),
    )


def is_cacheable(method: str, path: str, query_string: str, cookies: dict) -> bool:
    """The bypass rules, for a Django request and a bare WSGI environ alike."""
    if not settings.PAGE_CACHE_ENABLED or method not in ("GET", "HEAD"):
        return False
    if path.startswith(EXCLUDED_PREFIXES):
        return False
    if len(query_string) > MAX_QUERY_LENGTH:
        return False
    # Editors and anyone else with a session see personal pages, and a visitor
    # with a pending message ("your question was sent") must see it.
    return not (
        settings.SESSION_COOKIE_NAME in cookies or CookieStorage.cookie_name in cookies
    )


def request_is_cacheable(request: HttpRequest) -> bool:
    return is_cacheable(
        request.method,
        request.path,
        request.META.get("QUERY_STRING", ""),
        request.COOKIES,
    )


def response_is_cacheable(request: HttpRequest, response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        # A form with a CSRF token, or a cookie for this visitor: personal.
        return False
    if getattr(request, "page_cache_skip", False):
        return False
    cache_control = response.get("Cache-Control", "")
    return not any(
        word in cache_control for word in ("private", "no-store", "no-cache")
    )


def _public_headers(response: HttpResponse, etag: str, stored_at: float) -> None:
    response["ETag"] = etag
    response["Last-Modified"] = http_date(stored_at)
    response["Cache-Control"] = (
        f"public, max-age={settings.PAGE_CACHE_MAX_AGE}, "
        f"stale-while-revalidate={settings.PAGE_CACHE_MAX_AGE * 5}"
    )


def serve_entry(request: HttpRequest, entry: dict) -> HttpResponse:
    """The response for a stored page: 200, or 304 for a matching validator.

    Used by the middleware and by the fast path (`fast_path.py`), which passes a
    bare request holding only the WSGI environ.
    """
    response = HttpResponse(entry["content"], status=200)
    for name, value in entry["headers"].items():
        response[name] = value
    _public_headers(response, entry["etag"], entry["stored_at"])
    response["Age"] = str(max(0, int(time.time() - entry["stored_at"])))
    response["X-Cache"] = "HIT"
    return get_conditional_response(
        request,
        etag=entry["etag"],
        last_modified=int(entry["stored_at"]),
        response=response,
    )


# Per-process memos of the Site for a host, of a site's CommuneSettings (with
# its website links) and of its home page, each valid for the generation it was
# read under: a Site change bumps the global generation, a settings change the
# site's settings generation, a publish the site's. They save four queries on
# every rendered page, three on the first one after a publish; a hit of the
# page cache needs none.
_sites: dict[tuple[str, int], tuple[int, object]] = {}
_commune_settings: dict[int, tuple[tuple[int, int], object]] = {}
_root_pages: dict[int, tuple[tuple[int, int], object]] = {}


def _resolve_site(request: HttpRequest, global_gen: int) -> int | None:
    """Find the request's Site (memoised) and leave it where Wagtail looks for it."""
    from wagtail.models import Site

    if hasattr(request, "_wagtail_site"):
        site = request._wagtail_site
        return site.pk if site else None
    host = request.get_host().lower()
    try:
        port = int(request.get_port())
    except ValueError:
        port = 80
    memo = _sites.get((host, port))
    if memo is not None and memo[0] == global_gen:
        site = copy.copy(memo[1])
    else:
        site = Site.find_for_request(request)
        if site is not None:
            site = copy.copy(site)
            site._state.fields_cache.clear()  # no root page kept across requests
        _sites[(host, port)] = (global_gen, site)
        site = copy.copy(site)
    request._wagtail_site = site
    return site.pk if site else None


def _prefill_commune_settings(
    request: HttpRequest, site_id: int, generation: tuple[int, int]
) -> None:
    from congxa.portal.models import CommuneSettings

    attr_name = CommuneSettings.get_cache_attr_name()
    memo = _commune_settings.get(site_id)
    if memo is None or memo[0] != generation:
        instance = (
            CommuneSettings.objects.filter(site_id=site_id)
            .prefetch_related("website_links")
            .first()
        )
        if instance is None:
            try:
                instance = CommuneSettings.for_site(request._wagtail_site)
            except CommuneSettings.DoesNotExist:
                return
        memo = (generation, instance)
        _commune_settings[site_id] = memo
    instance = copy.copy(memo[1])
    instance._request = request
    setattr(request, attr_name, instance)


def _prefill_root_page(
    request: HttpRequest, site_id: int, generation: tuple[int, int]
) -> None:
    """The site's home page, specific, so routing starts without two queries."""
    memo = _root_pages.get(site_id)
    if memo is None or memo[0] != generation:
        site = request._wagtail_site
        known = memo[1] if memo is not None else None
        if known is not None and known.pk == site.root_page_id:
            # Same page, new content: one query by its own class, not two.
            page = type(known).objects.filter(pk=known.pk).first()
        else:
            page = None
        memo = (generation, page if page is not None else site.root_page.specific)
        _root_pages[site_id] = memo
    request._wagtail_site.root_page = copy.copy(memo[1])


def prepare_request(request: HttpRequest) -> tuple[int | None, tuple[int, int]]:
    """Site and settings of a public request, from the memos when still valid.

    Returns the site id and the generation pair the page is rendered under,
    also left on the request for the fragment memos (`generation_memo`).
    """
    global_gen = _generation(GLOBAL_GENERATION_KEY)
    site_id = _resolve_site(request, global_gen)
    site_key = SITE_GENERATION_KEY.format(site_id=site_id or 0)
    settings_key = SETTINGS_GENERATION_KEY.format(site_id=site_id or 0)
    values = cache.get_many([site_key, settings_key])
    site_gen = values.get(site_key) or _generation(site_key)
    settings_gen = values.get(settings_key) or _generation(settings_key)
    generation = (global_gen, site_gen)
    if site_id is not None:
        _prefill_root_page(request, site_id, generation)
        _prefill_commune_settings(request, site_id, (global_gen, settings_gen))
    request.page_cache_site_id = site_id
    request.page_cache_generation = generation
    return site_id, generation


# Fragments that are the same on every page of a commune (the menu's pages, the
# "other news" of an article), kept per process for the generation they were
# computed under, like the memos above.
FRAGMENTS_MAX = 2000
_fragments: OrderedDict[tuple, object] = OrderedDict()
_fragments_lock = threading.Lock()


def generation_memo(
    request: HttpRequest | None,
    name: str,
    vary,
    compute: Callable[[], object],
    still_valid: Callable[[object], bool] | None = None,
):
    """`compute()`, kept for the request's site and generation (and `vary`).

    `still_valid(value)` can retire a kept value earlier (a banner that ends).
    Without a generation on the request (not a public page), and for Wagtail's
    dummy requests (a preview renders the draft under the page's own path),
    just `compute()`.
    """
    generation = getattr(request, "page_cache_generation", None)
    if generation is None or getattr(request, "is_dummy", False):
        return compute()
    key = (name, request.page_cache_site_id, generation, vary)
    with _fragments_lock:
        if key in _fragments and (still_valid is None or still_valid(_fragments[key])):
            _fragments.move_to_end(key)
            return _fragments[key]
    value = compute()
    with _fragments_lock:
        _fragments[key] = value
        while len(_fragments) > FRAGMENTS_MAX:
            _fragments.popitem(last=False)
    return value


# Each worker keeps the entries it served last in memory, so a hit reads only
# the two generation numbers from the shared cache (not the page body too). An
# entry in memory is used only while its generation is still the current one
# and before it expires, exactly as the shared copy would be.
LOCAL_ENTRIES_MAX = 500
_local_entries: OrderedDict[str, dict] = OrderedDict()


_local_lock = threading.Lock()  # gthread workers share the memory


def _remember(key: str, entry: dict) -> None:
    with _local_lock:
        _local_entries[key] = entry
        _local_entries.move_to_end(key)
        while len(_local_entries) > LOCAL_ENTRIES_MAX:
            _local_entries.popitem(last=False)


def _is_current(entry: dict) -> bool:
    return time.time() < entry.get("expires_at", 0) and tuple(
        entry["generation"]
    ) == current_generation(entry["site_id"])


def fresh_entry(key: str) -> dict | None:
    """The stored page for `key` if it is still valid, else None."""
    entry = _local_entries.get(key)
    if entry is not None:
        if _is_current(entry):
            return entry
        with _local_lock:
            _local_entries.pop(key, None)
    entry = cache.get(key)
    if entry is not None and _is_current(entry):
        _remember(key, entry)
        return entry
    return None


class PersistentDiskCache(DjangoCache):
    """diskcache's Django backend, keeping its SQLite connections between requests.

    Django closes every cache at the end of each request; for diskcache that
    means reopening and re-configuring one SQLite connection per shard on the
    next one, the largest cost of a cache hit. diskcache reconnects by itself
    after a fork (it checks the process id), so keeping them open is safe.
    """

    def close(self, **kwargs):
        pass


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        answer = getattr(request, "page_cache_answer", None)
        if answer is not None:
            # The fast path asks the middleware around this one which headers
            # they add (`fast_path.outer_headers`).
            return answer
        if not request_is_cacheable(request):
            if request.method in ("GET", "HEAD") and not request.path.startswith(
                EXCLUDED_PREFIXES
            ):
                prepare_request(request)
            return self.get_response(request)

        key = _entry_key(request)
        entry = fresh_entry(key)
        if entry is not None:
            return serve_entry(request, entry)

        # Read the generation before rendering: a publish that lands while this
        # page renders then makes the stored copy stale at once.
        site_id, generation = prepare_request(request)
        response = self.get_response(request)
        if not response_is_cacheable(request, response):
            return response

        stored_at = time.time()
        content = response.content
        etag = '"' + hashlib.sha256(content).hexdigest()[:32] + '"'
        patch_vary_headers(response, ("Accept-Encoding",))
        timeout = settings.PAGE_CACHE_TIMEOUT
        expires_at = getattr(request, "page_cache_expires_at", None)
        if expires_at is not None:
            timeout = max(1, min(timeout, int(expires_at.timestamp() - stored_at)))
        entry = {
            "site_id": site_id,
            "generation": generation,
            "content": content,
            "headers": {h: response[h] for h in KEPT_HEADERS if h in response},
            "etag": etag,
            "stored_at": stored_at,
            "expires_at": stored_at + timeout,
        }
        cache.set(key, entry, timeout=timeout)
        _remember(key, entry)
        _public_headers(response, etag, stored_at)
        response["X-Cache"] = "MISS"
        return response
