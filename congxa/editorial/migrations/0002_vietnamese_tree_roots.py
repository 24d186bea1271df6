"""Wagtail's first migrations name the page-tree root and the root collection
"Root"; every superuser and every chooser shows that name. Existing
installations are renamed here; `congxa.portal.communes.ensure_tree_roots`
uses the same names when it recreates them."""

from django.db import migrations

ROOT_PAGE_TITLE = "Tất cả các xã, phường"
ROOT_COLLECTION_NAME = "Thư viện chung"


def rename(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    Page.objects.filter(depth=1, title="Root").update(
        title=ROOT_PAGE_TITLE, draft_title=ROOT_PAGE_TITLE
    )
    Collection.objects.filter(depth=1, name="Root").update(name=ROOT_COLLECTION_NAME)


def restore(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    Page.objects.filter(depth=1, title=ROOT_PAGE_TITLE).update(
        title="Root", draft_title="Root"
    )
    Collection.objects.filter(depth=1, name=ROOT_COLLECTION_NAME).update(name="Root")


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(rename, restore)]
