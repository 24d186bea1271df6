"""Formerly created the engine's full-text index; 0003 now creates it with the
scope column, from the SQL in `congxa/search/engines.py`."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("congxa_search", "0001_initial")]

    operations = []
