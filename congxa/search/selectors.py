"""Reads from the search index: a page of results, facets, autocomplete."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from django.apps import apps
from django.db.models import Q
from django.utils.html import escape
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from wagtail.models import Site

from congxa.portal.cache import current_generation
from congxa.vi.text import tokens as fold_tokens

from . import query as search_query
from . import synonyms
from .engines import TITLE_WORDS, PlanWord, Search, engine_for
from .highlight import highlight, snippet
from .models import SearchEntry, Synonym
from .registry import registry
from .synonyms import Lexicon

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
    # Which searches found the results (`typed+synonym`), for the bench report.
    how: str = ""
    # When no search matched every word: the words the results match.
    partial_query: str = ""

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


RANK_LIMIT = MAX_PAGE * PER_PAGE
MAX_PARTIAL_TRIES = 8
RELAX_BELOW = 10


_lexicons: dict[int, tuple[tuple[int, int], Lexicon]] = {}


def lexicons_forget(**kwargs) -> None:
    """A synonym changed: this process reads the lists again at once (the others
    when they see the commune's generation, which the change bumped)."""
    _lexicons.clear()


def lexicon_for(site: Site | None) -> Lexicon:
    """The synonym lists a visitor of `site` gets: the commune's, the province's,
    then the shipped dictionary.

    Kept per process for the commune's cache generation, the one its cached
    search pages are stored under: a synonym saved in the admin bumps it
    (`portal.invalidation`), so no process answers, or caches, a search with
    the lists it had before.
    """
    key = site.pk if site is not None else 0
    generation = current_generation(site.pk if site is not None else None)
    cached = _lexicons.get(key)
    if cached is not None and cached[0] == generation:
        return cached[1]
    lexicon = _lexicon_read(site)
    _lexicons[key] = (generation, lexicon)
    return lexicon


def _lexicon_read(site: Site | None) -> Lexicon:
    rows = Synonym.objects.filter(site__isnull=True)
    if site is not None:
        rows = Synonym.objects.filter(Q(site=site) | Q(site__isnull=True))
    entries = sorted(
        (row for row in rows.only("site_id", "phrases", "meanings")),
        key=lambda row: row.site_id is None,
    )
    parsed = [entry for entry in (row.entry() for row in entries) if entry]
    base = synonyms.shipped()
    return base.layered(parsed) if parsed else base


def avoided_words(site: Site | None) -> frozenset[str]:
    """Folded words of the commune's own name: a correction picks them last."""
    if site is None or not site.site_name:
        return frozenset()
    return frozenset(fold_tokens(site.site_name))


@dataclass
class Ranked:
    hits: list
    total: int
    label: str = "typed"
    partial: list | None = None
    # Entries already read for the ranking (id -> entry, the shown fields).
    entries: dict = field(default_factory=dict)
    # Matches of the counted searches beyond the hits ranked, by kind (an
    # engine that counts by kind): the facets count them too.
    beyond_kinds: Counter = field(default_factory=Counter)


# What a result shows, and the folded title the ranking reads.
SHOWN_FIELDS = ("key", "site_id", "title", "body", "url", "kind", "date")


def rank(
    plan: search_query.Plan,
    site_ids: list[int],
    *,
    limit: int = RANK_LIMIT,
    kinds: tuple[str, ...] = (),
) -> Ranked:
    """Every search of the plan merged: the words as typed, then the
    alternatives; title matches of each before body matches, and within a class
    of alternatives the engine's own order (exact diacritics, tier, score).

    Each search gives its first `limit` hits: the first `limit` of the merged
    order are among them. `kinds`: count the typed matches by kind (on an
    engine that can), for the facets of matches not ranked."""
    engine = engine_for()
    merged: dict[int, tuple[tuple, object]] = {}
    terms_of: dict[int, frozenset[str]] = {}
    beyond = 0
    beyond_kinds: Counter = Counter()
    labels = []

    def count_beyond(found) -> None:
        nonlocal beyond
        if found.total is None:
            return
        beyond += max(0, found.total - len(found.hits))
        if found.kinds:
            beyond_kinds.update(
                Counter(found.kinds) - Counter(hit.kind for hit in found.hits)
            )

    def add(search, found) -> None:
        hits = found.hits
        labels.append(search.label)
        searched = frozenset(p for word in search.words for p in word.parts)
        count_beyond(found)
        for position, hit in enumerate(hits):
            group = 0 if hit.tier <= TITLE_WORDS else 1
            key = (-hit.exact, group, search.rank, position)
            # Found by several searches: it ranks where it ranks best.
            if hit.entry_id not in merged or key < merged[hit.entry_id][0]:
                merged[hit.entry_id] = (key, hit)
                terms_of[hit.entry_id] = searched

    searches = plan.searches()
    relaxed_from = next(
        (n for n, search in enumerate(searches) if search.rank >= search_query.RELAXED),
        len(searches),
    )
    # The words as typed and the alternatives that always run (number,
    # synonyms) together: one statement on PostgreSQL. The typed words are
    # counted; an alternative's matches come in tier and date order, no count
    # and no score (the title-coverage order below ranks its head).
    batch = searches[:relaxed_from]
    found = engine.searches(
        [
            Search(
                search.words,
                use_exact=plan.use_exact and search.label == "typed",
                counted=search.label == "typed",
            )
            for search in batch
        ],
        site_ids,
        limit=limit,
        kinds=kinds,
    )
    for search, one in zip(batch, found, strict=True):
        if one.hits:
            add(search, one)
    for search in searches[relaxed_from:]:
        if len(merged) >= RELAX_BELOW:
            # The question as asked found enough: dropping its words would
            # only add weaker matches below.
            break
        [one] = engine.searches([Search(search.words)], site_ids, limit=limit)
        if one.hits:
            add(search, one)
    partial_words = None
    if not merged and not plan.corrected:
        # A long question no page holds in full: its best part (never on top
        # of a correction: one guess at a time).
        terms = {part for word in plan.words for part in word.parts}
        known = search_query._known(terms)
        for words in search_query.partial(plan.words, known)[:MAX_PARTIAL_TRIES]:
            [one] = engine.searches(
                [Search(words, counted=True)], site_ids, limit=limit, kinds=kinds
            )
            if not one.total:
                continue
            count_beyond(one)
            searched = frozenset(p for word in words for p in word.parts)
            for position, hit in enumerate(one.hits):
                group = 0 if hit.tier <= TITLE_WORDS else 1
                merged[hit.entry_id] = ((0, group, 0, position), hit)
                terms_of[hit.entry_id] = searched
            partial_words = words
            labels.append("partial")
            break
    ordered_pairs = sorted(merged.values(), key=lambda kv: kv[0])
    entries: dict = {}
    ordered = _by_title_coverage(
        ordered_pairs, terms_of, entries, single=len(labels) == 1
    )
    return Ranked(
        ordered,
        len(ordered) + beyond,
        "+".join(labels) or "none",
        partial_words,
        entries,
        beyond_kinds,
    )


COVERAGE_HEAD = 30


def _by_title_coverage(pairs, terms_of, entries, *, single: bool = False) -> list:
    """Among the first title matches of one class, the title the query covers
    best first: `Thủ tục đăng ký khai sinh` before a news title that merely
    holds the words (the canonical item has a short title that is the query)."""
    head = [(key, hit) for key, hit in pairs[:COVERAGE_HEAD] if key[1] == 0]
    if len(head) < 2 or (single and all(key[2] == 0 for key, _hit in head)):
        # One search, the words as typed: the engine's order stands (the
        # reordering below would give it back unchanged), no titles to read.
        return [hit for _key, hit in pairs]
    # The whole head, with what a result shows: the first page comes from
    # these rows (one read, not one for the titles and one for the page).
    entries.update(
        SearchEntry.objects.only(*SHOWN_FIELDS, "title_index").in_bulk(
            [hit.entry_id for _k, hit in pairs[:COVERAGE_HEAD]]
        )
    )
    titles = {
        hit.entry_id: entries[hit.entry_id].title_index
        for _k, hit in head
        if hit.entry_id in entries
    }

    def coverage(hit) -> float:
        words = titles.get(hit.entry_id, "").split()
        if not words:
            return 0.0
        searched = terms_of.get(hit.entry_id, frozenset())
        return round(sum(1 for w in words if w in searched) / len(words), 2)

    # Only matches through the dictionary: the words as typed keep the engine's
    # order (its thresholds are measured on it).
    rekeyed = [
        ((key[0], key[1], key[2], -coverage(hit), hit.tier, key[3]), hit)
        if key[1] == 0 and key[2] > 0 and hit.entry_id in titles
        else ((*key[:3], 0.0, hit.tier, key[3]), hit)
        for key, hit in pairs[:COVERAGE_HEAD]
    ]
    rekeyed.sort(key=lambda kv: kv[0])
    return [hit for _key, hit in rekeyed] + [hit for _key, hit in pairs[COVERAGE_HEAD:]]


def make_plan(raw_query: str, site: Site | None, *, dictionary: bool = True):
    site_ids = site_ids_for(site)
    engine = engine_for()
    return search_query.plan(
        raw_query,
        lexicon=lexicon_for(site) if dictionary else None,
        avoid=avoided_words(site),
        # Only "finds something?" is asked: the count stops at the first match.
        count=lambda words: engine.count(words, site_ids, cap=1),
    )


def promoted(raw_query: str, site: Site | None) -> list[Result]:
    """Pages an editor of the commune pinned to this query ("Kết quả được đề
    xuất"), matched on the folded query: a promotion belongs to the commune of
    its page (`promotions.py`), so only live, public pages inside the commune
    show; another commune's promotion of the same words never does."""
    if site is None or not apps.is_installed("wagtail.contrib.search_promotions"):
        return []
    folded = " ".join(fold_tokens(raw_query))
    if not folded:
        return []
    from wagtail.contrib.search_promotions.models import SearchPromotion

    picks = (
        SearchPromotion.objects.filter(
            page__path__startswith=site.root_page.path, page__live=True
        )
        .select_related("query", "page")
        .order_by("sort_order")
    )
    from congxa.portal.visibility import restricted_paths

    private = tuple(restricted_paths())
    found = []
    for pick in picks:
        if " ".join(fold_tokens(pick.query.query_string)) != folded:
            continue
        if private and pick.page.path.startswith(private):
            continue
        url = pick.page.get_url(current_site=site) or pick.page.url
        found.append(
            Result(
                title=escape(pick.page.title),
                snippet=escape(pick.description or ""),
                url=url,
                kind="promoted",
                kind_label=str(_("Promoted result")),
                date=None,
                exact=True,
                tier=0,
            )
        )
    return found


def search(
    raw_query: str,
    *,
    site: Site | None,
    kind: str | None = None,
    page: int = 1,
    per_page: int = PER_PAGE,
    dictionary: bool = True,
) -> SearchPage:
    """Search the index as a visitor of `site` sees it."""
    with engine_for().session():
        plan = make_plan(raw_query, site, dictionary=dictionary)
        result = SearchPage(query=plan.query, plan=plan, per_page=per_page)
        if not plan:
            return result
        site_ids = site_ids_for(site)
        ranked = rank(plan, site_ids, **_rank_limits(kind, page, per_page))
    result.how = ranked.label
    if ranked.partial is not None:
        result.partial_query = " ".join("/".join(word.parts) for word in ranked.partial)
    hits = ranked.hits
    if not hits:
        return result
    counts = Counter(hit.kind for hit in hits) + ranked.beyond_kinds
    result.total = ranked.total
    if kind not in counts:
        kind = None
    result.facets = [
        Facet(k.key, str(k.label), counts[k.key], k.key == kind)
        for k in sorted((registry.kind(key) for key in counts), key=lambda k: k.order)
    ]
    if kind:
        hits = [hit for hit in hits if hit.kind == kind]
        result.kind_total = len(hits)
    else:
        result.kind_total = ranked.total
    result.number = max(1, min(page, result.num_pages, MAX_PAGE))
    start = (result.number - 1) * per_page
    shown = hits[start : start + per_page]
    marked = _highlight_words(plan, ranked)
    entries = {
        hit.entry_id: ranked.entries[hit.entry_id]
        for hit in shown
        if hit.entry_id in ranked.entries
    }
    missing = [hit.entry_id for hit in shown if hit.entry_id not in entries]
    if missing:
        entries.update(SearchEntry.objects.only(*SHOWN_FIELDS).in_bulk(missing))
    urls = _site_urls(site, entries.values())
    for hit in shown:
        entry = entries.get(hit.entry_id)
        if entry is None:
            continue
        result.results.append(
            Result(
                title=highlight(entry.title, marked),
                snippet=snippet(entry.body, marked),
                url=urls.get(entry.pk, entry.url),
                kind=entry.kind,
                kind_label=str(registry.kind(entry.kind).label),
                date=entry.date,
                exact=bool(hit.exact),
                tier=hit.tier,
            )
        )
    return result


def _rank_limits(kind: str | None, page: int, per_page: int) -> dict:
    """How many hits each search ranks for this results page.

    On an engine that counts matches by kind (PostgreSQL), the hits the page
    shows and the head that the title coverage reorders: ordering a common
    word's thousands of matches to keep the first thousand was a third of its
    search, for a page that shows ten. Elsewhere, or with a kind chosen (its
    hits are picked from the merged order), the first thousand."""
    every = max(RANK_LIMIT, per_page * MAX_PAGE)
    if kind or not engine_for().counts_kinds:
        return {"limit": every}
    shown = max(1, min(page, MAX_PAGE)) * per_page
    return {
        "limit": min(every, shown + COVERAGE_HEAD),
        "kinds": tuple(k.key for k in registry.kinds()),
    }


def _highlight_words(plan: search_query.Plan, ranked: Ranked) -> list[PlanWord]:
    """The words to mark: those typed, and those the alternatives searched."""
    words = list(plan.words)
    seen = {word.parts for word in words}
    extra = [ranked.partial] if ranked.partial else []
    for words_of in [*extra, *(a.words for a in plan.alternatives)]:
        for word in words_of:
            if word.parts not in seen:
                seen.add(word.parts)
                words.append(word)
    return words[:30]


def suggest(raw_query: str, *, site: Site | None, limit: int = 6) -> list[dict]:
    """Titles for the search box's autocomplete: small, plain data."""
    with engine_for().session():
        plan = make_plan(raw_query, site)
        if not plan:
            return []
        hits = rank(plan, site_ids_for(site), limit=limit).hits[:limit]
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
