"""The engine's full-text index over the search entries (SQLite FTS5 or PostgreSQL).

The SQL depends on the database, so it runs in Python; see `congxa/search/engines.py`.
"""

from django.db import migrations


def install(apps, schema_editor):
    from congxa.search.engines import engine_for

    for statement in engine_for(schema_editor.connection.vendor).install_sql:
        schema_editor.execute(statement)


def uninstall(apps, schema_editor):
    from congxa.search.engines import engine_for

    for statement in engine_for(schema_editor.connection.vendor).uninstall_sql:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("congxa_search", "0001_initial")]

    operations = [migrations.RunPython(install, uninstall)]
