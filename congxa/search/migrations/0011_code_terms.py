"""Codes indexed as one term as well as their parts (`42/2022` -> `42x2022`), so
that a search for a document number or a procedure code is one index lookup
(issue 13 point 5, issue 15 point 5); and, on PostgreSQL, a bound on the GIN
indexes' pending list.

Existing entries get their code terms here, from the title and body each entry
keeps (the same normaliser as new entries: `congxa.vi.text`, which holds no
model). Only entries whose text holds a code change.

A GIN index adds new entries to a pending list that every search reads in full
until a vacuum merges it (4 MB by default: a search then read 275 index pages
instead of 15). 256 kB keeps the list short between vacuums. On SQLite the
full-text index is optimised after the rewrite.
"""

from collections import Counter

from django.db import migrations

from congxa.vi import text as vi_text

BATCH = 500
ENTRY_TABLE = "congxa_search_searchentry"
GIN_INDEXES = [f"{ENTRY_TABLE}_vector", f"{ENTRY_TABLE}_exact_vector"]


def _with_codes(index: str, text: str) -> str:
    codes = vi_text.code_terms(text)
    return " ".join([*vi_text.tokens(text), *codes]) if codes else index


def add_code_terms(apps, schema_editor):
    entry_model = apps.get_model("congxa_search", "SearchEntry")
    term_model = apps.get_model("congxa_search", "SearchTerm")
    counts: Counter = Counter()
    changed = []
    rows = entry_model.objects.only("id", "title", "body", "title_index", "body_index")
    for entry in rows.order_by("id").iterator(chunk_size=BATCH):
        title_index = _with_codes(entry.title_index, entry.title)
        body_index = _with_codes(entry.body_index, entry.body)
        if (title_index, body_index) == (entry.title_index, entry.body_index):
            continue
        before = set(entry.title_index.split()) | set(entry.body_index.split())
        entry.title_index, entry.body_index = title_index, body_index
        counts.update((set(title_index.split()) | set(body_index.split())) - before)
        changed.append(entry)
        if len(changed) >= BATCH:
            entry_model.objects.bulk_update(changed, ["title_index", "body_index"])
            changed = []
    if changed:
        entry_model.objects.bulk_update(changed, ["title_index", "body_index"])
    if schema_editor is not None and schema_editor.connection.vendor == "sqlite":
        # The rewritten rows left the full-text index in many segments carrying
        # their deletions: merged into one, searches cost what they did.
        schema_editor.execute(
            "INSERT INTO congxa_search_fts(congxa_search_fts) VALUES ('optimize')"
        )
    # New terms only (codes were not terms before): their counts start here.
    terms = [
        term_model(term=term, documents=n)
        for term, n in counts.items()
        if len(term) <= 40
    ]
    term_model.objects.bulk_create(
        terms,
        batch_size=BATCH,
        update_conflicts=True,
        unique_fields=["term"],
        update_fields=["documents"],
    )


def short_pending_lists(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for index in GIN_INDEXES:
            schema_editor.execute(
                f"ALTER INDEX IF EXISTS {index} SET (gin_pending_list_limit = 256)"
            )


def default_pending_lists(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for index in GIN_INDEXES:
            schema_editor.execute(
                f"ALTER INDEX IF EXISTS {index} RESET (gin_pending_list_limit)"
            )


class Migration(migrations.Migration):
    dependencies = [("congxa_search", "0010_narrow_entry_rows")]

    operations = [
        migrations.RunPython(add_code_terms, migrations.RunPython.noop),
        migrations.RunPython(short_pending_lists, default_pending_lists),
    ]
