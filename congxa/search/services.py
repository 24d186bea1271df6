"""Writes to the search index: index one item, remove it, rebuild everything."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import nullcontext

from django.apps import apps
from django.db import connection, models, transaction
from wagtail.models import Page

from congxa.vi import text as vi_text

from .engines import FTS_TABLE
from .models import SearchEntry, SearchTerm
from .registry import Document, SiteLocator, registry

BATCH = 500
# A constant table name, no input.
SQLITE_OPTIMIZE = f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')"  # noqa: S608


def _terms(entry: SearchEntry) -> set[str]:
    return set(entry.title_index.split()) | set(entry.body_index.split())


def index_text(text: str) -> str:
    """The folded terms of a text, then the terms of its codes (`42x2022`): at
    the end, so the words keep their positions for phrases."""
    return " ".join(vi_text.tokens(text) + vi_text.code_terms(text))


def _fill(entry: SearchEntry, document: Document) -> None:
    title = vi_text.nfc(document.title)
    body = vi_text.nfc(document.body)
    entry.title = title
    entry.body = body
    entry.url = document.url
    entry.site_id = document.site_id
    entry.scope = f"s{document.site_id or 0}"
    entry.kind = document.kind
    entry.date = document.date
    entry.page_id = document.page_id
    entry.title_index = index_text(title)
    entry.body_index = index_text(body)
    entry.title_exact = " ".join(vi_text.exact_tokens(title))
    entry.body_exact = " ".join(vi_text.exact_tokens(body))


def _vocabulary_add(counts: Counter) -> None:
    """Add document counts to the vocabulary, in one statement per batch."""
    table = SearchTerm._meta.db_table
    items = [(term, n) for term, n in counts.items() if n]
    with connection.cursor() as cursor:
        for start in range(0, len(items), BATCH):
            batch = items[start : start + BATCH]
            values = ", ".join(["(%s, %s)"] * len(batch))
            cursor.execute(
                f"INSERT INTO {table} (term, documents) VALUES {values} "  # noqa: S608
                f"ON CONFLICT (term) DO UPDATE "
                f"SET documents = {table}.documents + excluded.documents",
                [value for pair in batch for value in pair],
            )


def _vocabulary_remove(terms: Iterable[str]) -> None:
    terms = list(terms)
    for start in range(0, len(terms), BATCH):
        batch = terms[start : start + BATCH]
        SearchTerm.objects.filter(term__in=batch).update(
            documents=models.F("documents") - 1
        )
        SearchTerm.objects.filter(term__in=batch, documents__lte=0).delete()


def entry_index(obj: models.Model, *, locator: SiteLocator | None = None) -> bool:
    """Bring the index entry of one object in step with it; True when indexed."""
    adapter = registry.adapter_for(obj)
    if adapter is None:
        return False
    if isinstance(obj, Page):
        obj = obj.specific_deferred if type(obj) is Page else obj
    document = adapter.document(obj, locator or SiteLocator())
    return document_store(adapter.key(obj), document)


def document_store(key: str, document: Document | None) -> bool:
    """Write (or, for None, remove) one entry and its vocabulary counts."""
    with transaction.atomic():
        entry = SearchEntry.objects.filter(key=key).first()
        if document is None:
            if entry is not None:
                _vocabulary_remove(_terms(entry))
                entry.delete()
            return False
        old_terms = _terms(entry) if entry else set()
        entry = entry or SearchEntry(key=key)
        _fill(entry, document)
        entry.save()
        new_terms = _terms(entry)
        _vocabulary_remove(old_terms - new_terms)
        _vocabulary_add(Counter(new_terms - old_terms))
    return True


def entry_remove(key: str) -> None:
    """Drop one entry by key (`page:42`, `procedures.procedure:7`)."""
    with transaction.atomic():
        entry = SearchEntry.objects.filter(key=key).first()
        if entry is not None:
            _vocabulary_remove(_terms(entry))
            entry.delete()


def page_remove(page: Page) -> None:
    entry_remove(f"page:{page.pk}")


def subtree_index(page: Page) -> int:
    """Re-index a page and its descendants (after a move, a slug change, ...)."""
    locator = SiteLocator()
    count = 0
    pages = Page.objects.descendant_of(page, inclusive=True).specific()
    for descendant in pages.iterator(chunk_size=200):
        if entry_index(descendant, locator=locator):
            count += 1
        else:
            entry_remove(f"page:{descendant.pk}")
    return count


def indexable_models() -> list[type[models.Model]]:
    """Every concrete model whose objects search may index, most specific first."""
    found = []
    for model in apps.get_models():
        if model._meta.abstract or model._meta.proxy:
            continue
        if registry.adapter_for(model) is not None:
            found.append(model)
    return found


def index_rebuild(
    *, progress: Callable[[str, int], None] | None = None, dry_run: bool = False
) -> dict[str, int]:
    """Rebuild the whole index and vocabulary; counts of indexed items by kind."""
    locator = SiteLocator()
    entries: dict[str, SearchEntry] = {}
    for model in indexable_models():
        adapter = registry.adapter_for(model)
        queryset = adapter.queryset(model)
        if issubclass(model, Page):
            # Each page once, under its most specific model.
            queryset = queryset.filter(content_type__model=model._meta.model_name)
            queryset = queryset.filter(content_type__app_label=model._meta.app_label)
        done = 0
        for obj in queryset.iterator(chunk_size=200):
            document = adapter.document(obj, locator)
            if document is not None:
                entry = entry_build(adapter.key(obj), document)
                entries[entry.key] = entry
            done += 1
        if progress and done:
            progress(model._meta.label, done)
    counts = Counter(entry.kind for entry in entries.values())
    if not dry_run:
        entries_replace(entries.values())
    return dict(counts)


def entries_replace(entries: Iterable[SearchEntry]) -> None:
    """Replace the whole index and vocabulary with `entries` (filled, unsaved)."""
    entries = list(entries)
    vocabulary = Counter()
    for entry in entries:
        vocabulary.update(_terms(entry))
    with transaction.atomic():
        # Raw deletes: the models have no dependants, and a plain delete() would
        # load every row to send post_delete signals nobody needs here.
        SearchEntry.objects.all()._raw_delete(SearchEntry.objects.db)
        SearchTerm.objects.all()._raw_delete(SearchTerm.objects.db)
        SearchEntry.objects.bulk_create(entries, batch_size=BATCH)
        SearchTerm.objects.bulk_create(
            (
                SearchTerm(term=term, documents=n)
                for term, n in vocabulary.items()
                if len(term) <= 40
            ),
            batch_size=BATCH,
        )
    _tidy()


def _tidy() -> None:
    """After a whole index is rewritten.

    SQLite: the full-text index's segments and the deletions they carry merge
    into one (`optimize`; at 100,000 entries rewritten a search used 1.9 times
    the CPU before it). PostgreSQL: the dead rows go, the GIN pending lists
    merge into the indexes and the planner gets fresh statistics, as
    autovacuum would some minutes later. VACUUM cannot run inside a
    transaction: inside one (a test, a caller's atomic block), autovacuum does
    it later."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(SQLITE_OPTIMIZE)
        elif connection.vendor == "postgresql" and not connection.in_atomic_block:
            cursor.execute(
                f"VACUUM (ANALYZE) {SearchEntry._meta.db_table}, "
                f"{SearchTerm._meta.db_table}"
            )


def entry_build(key: str, document: Document) -> SearchEntry:
    """An unsaved entry for `document`, for bulk loading."""
    entry = SearchEntry(key=key)
    _fill(entry, document)
    return entry


QUERY_RETENTION_DAYS = 90
MAX_LOGGED_CHARS = 200


def query_count_add(*, site, query: str, results: int, day=None) -> bool:
    """Count one search of `query` in `site` today: its folded words only.

    Nothing about who asked is kept. Returns False when there is nothing to
    count (no commune, an empty query) or the count could not be written (the
    search itself must not fail for a statistic).
    """
    from django.db import DatabaseError
    from django.utils import timezone

    from .models import QueryCount

    folded = " ".join(vi_text.tokens(query))[:MAX_LOGGED_CHARS].strip()
    if site is None or not folded:
        return False
    day = day or timezone.localdate()
    table = QueryCount._meta.db_table
    # One statement, atomic by itself: a savepoint is needed only inside an
    # outer transaction, so that a failed count cannot abort it (PostgreSQL).
    guard = transaction.atomic() if connection.in_atomic_block else nullcontext()
    try:
        with guard, connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (site_id, day, query, searches, results) "  # noqa: S608
                "VALUES (%s, %s, %s, 1, %s) "
                "ON CONFLICT (site_id, day, query) DO UPDATE "
                f"SET searches = {table}.searches + 1, results = excluded.results",
                [site.pk, day, folded, max(0, int(results))],
            )
    except DatabaseError:
        return False
    return True


def query_counts_purge(*, days: int = QUERY_RETENTION_DAYS, dry_run: bool = False):
    """Forget the counts older than `days` days; the number of rows concerned."""
    from datetime import timedelta

    from django.utils import timezone

    from .models import QueryCount

    old = QueryCount.objects.filter(day__lt=timezone.localdate() - timedelta(days=days))
    count = old.count()
    if not dry_run and count:
        old._raw_delete(old.db)
    return count
