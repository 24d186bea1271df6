"""PostgreSQL: entry rows narrow enough that ranking thousands of matches reads
few table pages (issue 13 point 5, search at 100,000 pages). SQLite: nothing.

A row held its title, folded texts and vectors inline up to PostgreSQL's 2 kB
toast threshold: about five rows a page, so a common word's matches touched
nearly every page of the table (21,000 at 100,000 entries, more than the shared
buffers). With `toast_tuple_target = 256` the bodies and the full vectors go to
the TOAST table and a row keeps what the ranking reads (id, kind, date and the
title vectors, kept in the row by `STORAGE MAIN`): about fifteen rows a page.

It applies to rows written from now on; `congxa rebuild-search` rewrites the
existing ones.
"""

from django.db import migrations

ENTRY_TABLE = "congxa_search_searchentry"
# A copy of engines.NARROW_ROWS_SQL as it was when this migration was written.
NARROW = [
    f"ALTER TABLE {ENTRY_TABLE} SET (toast_tuple_target = 256)",
    f"""ALTER TABLE {ENTRY_TABLE}
        ALTER COLUMN title_vector SET STORAGE MAIN,
        ALTER COLUMN title_exact_vector SET STORAGE MAIN""",
]
WIDE = [
    f"ALTER TABLE {ENTRY_TABLE} RESET (toast_tuple_target)",
    f"""ALTER TABLE {ENTRY_TABLE}
        ALTER COLUMN title_vector SET STORAGE EXTENDED,
        ALTER COLUMN title_exact_vector SET STORAGE EXTENDED""",
]


def narrow(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in NARROW:
            schema_editor.execute(statement)


def wide(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in WIDE:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("congxa_search", "0009_promotion_log_entry")]

    operations = [migrations.RunPython(narrow, wide)]
