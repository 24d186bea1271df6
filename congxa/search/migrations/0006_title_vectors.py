"""PostgreSQL: title-only tsvector columns, so ranking many matches by title
reads no body vectors (issue 13, search at 100,000 pages). SQLite: nothing."""

from django.db import migrations

ENTRY_TABLE = "congxa_search_searchentry"
# A copy of engines.TITLE_VECTORS_SQL as it was when this migration was written.
ADD = f"""ALTER TABLE {ENTRY_TABLE}
    ADD COLUMN IF NOT EXISTS title_vector tsvector GENERATED ALWAYS AS (
        to_tsvector('simple'::regconfig, title_index)) STORED,
    ADD COLUMN IF NOT EXISTS title_exact_vector tsvector GENERATED ALWAYS AS (
        to_tsvector('simple'::regconfig, title_exact)) STORED"""
DROP = (
    f"ALTER TABLE {ENTRY_TABLE} DROP COLUMN IF EXISTS title_vector, "
    "DROP COLUMN IF EXISTS title_exact_vector"
)


def add(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(ADD)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("congxa_search", "0005_synonym_provincesynonym_querycount")]

    operations = [migrations.RunPython(add, drop)]
