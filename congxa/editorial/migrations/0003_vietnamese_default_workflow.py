"""Wagtail's first migrations make a workflow and a task both called "Moderators
approval"; congxa detaches that workflow from the tree root
(`congxa.portal.communes.wagtail_defaults_remove`, which finds it by its page,
not its name) but it stays listed in the admin. It is renamed here."""

from django.db import migrations

OLD = "Moderators approval"
NEW = "Quy trình duyệt mặc định của Wagtail (không dùng)"


def rename(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=OLD).update(name=NEW)
    apps.get_model("wagtailcore", "Task").objects.filter(name=OLD).update(name=NEW)


def restore(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=NEW).update(name=OLD)
    apps.get_model("wagtailcore", "Task").objects.filter(name=NEW).update(name=OLD)


class Migration(migrations.Migration):
    dependencies = [("editorial", "0002_vietnamese_tree_roots")]

    operations = [migrations.RunPython(rename, restore)]
