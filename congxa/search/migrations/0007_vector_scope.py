"""PostgreSQL: the commune of an entry becomes a lexeme of its vector (`@s12`),
so a search in one commune is one GIN lookup instead of reading every match of
the commune's rows to filter them (issue 13). SQLite: nothing (its FTS table
already holds the scope)."""

from django.db import migrations

ENTRY_TABLE = "congxa_search_searchentry"
# A copy of engines.VECTOR_EXPRESSION as it was when this migration was written.
VECTOR = """setweight(to_tsvector('simple'::regconfig, title_index), 'A')
    || setweight(to_tsvector('simple'::regconfig, body_index), 'B')
    || array_to_tsvector(ARRAY['@' || scope])"""
OLD_VECTOR = """setweight(to_tsvector('simple'::regconfig, title_index), 'A')
    || setweight(to_tsvector('simple'::regconfig, body_index), 'B')"""


def _replace(schema_editor, expression):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in [
        f"DROP INDEX IF EXISTS {ENTRY_TABLE}_vector",
        f"ALTER TABLE {ENTRY_TABLE} DROP COLUMN IF EXISTS vector",
        f"ALTER TABLE {ENTRY_TABLE} ADD COLUMN vector tsvector "
        f"GENERATED ALWAYS AS ({expression}) STORED",
        f"CREATE INDEX {ENTRY_TABLE}_vector ON {ENTRY_TABLE} USING gin (vector)",
        f"ANALYZE {ENTRY_TABLE}",
    ]:
        schema_editor.execute(statement)


def forwards(apps, schema_editor):
    _replace(schema_editor, VECTOR)


def backwards(apps, schema_editor):
    _replace(schema_editor, OLD_VECTOR)


class Migration(migrations.Migration):
    dependencies = [("congxa_search", "0006_title_vectors")]

    operations = [migrations.RunPython(forwards, backwards)]
