"""Reads from the search index: a page of results, facets, autocomplete."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from django.utils.safestring import SafeString
from wagtail.models import Site

from . import query as search_query
from .engines import SCORED_MATCHES, engine_for
from .highlight import highlight, snippet
from .models import SearchEntry
from .registry import registry

PER_PAGE = 10
MAX_PAGE = 100


@dataclass
class Result:
    title: SafeString
    snippet: SafeString
    url: str
    kind: str
    kind_label: str
    date: datetime | None
    exact: bool
    tier: int


@dataclass
class Facet:
    kind: str
    label: str
    count: int
    active: bool


@dataclass
class SearchPage:
    """One page of results with everything the results page shows."""

    query: str
    plan: search_query.Plan
    results: list[Result] = field(default_factory=list)
    facets: list[Facet] = field(default_factory=list)
    total: int = 0
    kind_total: int = 0
    number: int = 1
    per_page: int = PER_PAGE

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.kind_total // self.per_page))

    @property
    def paginator(self) -> SearchPage:
        """The page is its own paginator, for the project's pagination include."""
        return self

    @property
    def count(self) -> int:
        return self.kind_total

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def start_index(self) -> int:
        return (self.number - 1) * self.per_page + 1 if self.results else 0


def site_ids_for(site: Site | None) -> list[int]:
    """The sites whose entries a visitor of `site` sees (shared entries come too)."""
    return [site.pk] if site is not None else []


def _site_urls(site: Site | None, entries) -> dict[int, str]:
    """Entry id -> address, for items whose address depends on the site (shared
    procedures link to the commune's own procedures page)."""
    by_label: dict[str, dict[int, int]] = {}
    for entry in entries:
        label, _, pk = entry.key.rpartition(":")
        if label != "page" and entry.site_id is None and pk.isdigit():
            by_label.setdefault(label, {})[int(pk)] = entry.pk
    urls = {}
    for label, entry_ids in by_label.items():
        adapter = registry.adapter_for_label(label)
        if adapter is None:
            continue
        for pk, url in adapter.resolve_urls(site, list(entry_ids)).items():
            urls[entry_ids[pk]] = url
    return urls


def search(
    raw_query: str,
    *,
    site: Site | None,
    kind: str | None = None,
    page: int = 1,
    per_page: int = PER_PAGE,
) -> SearchPage:
    """Search the index as a visitor of `site` sees it."""
    plan = search_query.plan(raw_query)
    result = SearchPage(query=plan.query, plan=plan, per_page=per_page)
    if not plan:
        return result
    engine = engine_for()
    site_ids = site_ids_for(site)
    matches = engine.count(plan.words, site_ids)
    if not matches:
        return result
    # Every match in rank order, as small rows: the facets are counted from them,
    # which costs less than matching a second time.
    ranked = engine.hits(
        plan.words,
        site_ids,
        kind=None,
        use_exact=plan.use_exact,
        scored=matches <= SCORED_MATCHES,
    )
    counts = Counter(hit.kind for hit in ranked)
    result.total = len(ranked)
    if kind not in counts:
        kind = None
    result.facets = [
        Facet(k.key, str(k.label), counts[k.key], k.key == kind)
        for k in sorted((registry.kind(key) for key in counts), key=lambda k: k.order)
    ]
    if kind:
        ranked = [hit for hit in ranked if hit.kind == kind]
    result.kind_total = len(ranked)
    result.number = max(1, min(page, result.num_pages, MAX_PAGE))
    start = (result.number - 1) * per_page
    hits = ranked[start : start + per_page]
    entries = SearchEntry.objects.only(
        "key", "site_id", "title", "body", "url", "kind", "date"
    ).in_bulk([hit.entry_id for hit in hits])
    urls = _site_urls(site, entries.values())
    for hit in hits:
        entry = entries.get(hit.entry_id)
        if entry is None:
            continue
        result.results.append(
            Result(
                title=highlight(entry.title, plan.words),
                snippet=snippet(entry.body, plan.words),
                url=urls.get(entry.pk, entry.url),
                kind=entry.kind,
                kind_label=str(registry.kind(entry.kind).label),
                date=entry.date,
                exact=bool(hit.exact),
                tier=hit.tier,
            )
        )
    return result


def suggest(raw_query: str, *, site: Site | None, limit: int = 6) -> list[dict]:
    """Titles for the search box's autocomplete: small, plain data."""
    plan = search_query.plan(raw_query)
    if not plan:
        return []
    hits = engine_for().hits(
        plan.words,
        site_ids_for(site),
        kind=None,
        use_exact=plan.use_exact,
        offset=0,
        limit=limit,
        scored=False,
    )
    entries = SearchEntry.objects.only(
        "key", "site_id", "title", "url", "kind"
    ).in_bulk([hit.entry_id for hit in hits])
    urls = _site_urls(site, entries.values())
    return [
        {
            "title": entries[hit.entry_id].title,
            "url": urls.get(hit.entry_id, entries[hit.entry_id].url),
            "kind": str(registry.kind(entries[hit.entry_id].kind).label),
        }
        for hit in hits
        if hit.entry_id in entries
    ]
