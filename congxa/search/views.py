"""The portal's search page and the search box's autocomplete, scoped to the commune."""

import hashlib

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.views.decorators.http import require_GET
from wagtail.models import Site

from congxa.portal.cache import current_generation
from congxa.vi.text import fold

from . import selectors, services
from .query import clean

AUTOCOMPLETE_TIMEOUT = 300
AUTOCOMPLETE_MIN_CHARS = 2


def _page_number(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), selectors.MAX_PAGE))
    except (TypeError, ValueError):
        return 1


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    site = Site.find_for_request(request)
    raw = request.GET.get("q", "")
    kind = request.GET.get("type") or None
    page = selectors.search(
        raw, site=site, kind=kind, page=_page_number(request.GET.get("page"))
    )
    if page.query and page.number == 1 and not kind:
        # Counted once per visit of the first page: the folded words and the
        # number of results only, nothing about who asked.
        services.query_count_add(site=site, query=page.query, results=page.total)
    promoted = selectors.promoted(page.query, site) if page.number == 1 else []
    kind_query = {"type": kind} if kind and any(f.active for f in page.facets) else {}
    context = {
        "search_query": page.query,
        "search_page": page,
        "results": page.results,
        "promoted": promoted,
        "corrected_query": page.plan.corrected_query,
        "pagination_query": "&" + urlencode({"q": page.query, **kind_query}),
        "facet_links": [
            (facet, "?" + urlencode({"q": page.query, "type": facet.kind}))
            for facet in page.facets
        ],
        "all_link": "?" + urlencode({"q": page.query}),
    }
    return render(request, "search/search.html", context)


@require_GET
def autocomplete(request: HttpRequest) -> JsonResponse:
    """`{"results": [{"title", "url", "kind"}]}` for the search box, cached."""
    site = Site.find_for_request(request)
    query = clean(request.GET.get("q", ""))[:100]
    folded = " ".join(fold(query).split())
    results: list[dict] = []
    if len(folded) >= AUTOCOMPLETE_MIN_CHARS:
        site_id = site.pk if site else 0
        generation = "-".join(str(g) for g in current_generation(site_id or None))
        # Hashed: the typed text may hold spaces and symbols no cache key should.
        digest = hashlib.sha256(folded.encode()).hexdigest()[:32]
        key = f"congxa:search:ac:{site_id}:{generation}:{digest}"
        cached = cache.get(key)
        if cached is None:
            cached = selectors.suggest(query, site=site)
            cache.set(key, cached, AUTOCOMPLETE_TIMEOUT)
        results = cached
    response = JsonResponse({"query": query, "results": results})
    patch_cache_control(response, public=True, max_age=60)
    return response
