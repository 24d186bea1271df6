"""Existing communes' editors, approvers and administrators get the search
promotions rights (`editorial.services.PROMOTION_PERMISSIONS`), as the role
set-up now grants them to new communes; the admin scopes them to the commune
(`congxa/search/promotions.py`)."""

from django.db import migrations

ROLES = ("editor", "approver", "admin")
CODENAMES = {
    "add_searchpromotion": "Can add search promotion",
    "change_searchpromotion": "Can change search promotion",
    "delete_searchpromotion": "Can delete search promotion",
}


def grant(apps, schema_editor):
    BoardRole = apps.get_model("editorial", "BoardRole")
    groups = list(
        BoardRole.objects.filter(role__in=ROLES).values_list("group_id", flat=True)
    )
    if not groups:
        return  # a new database: the role set-up grants them
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailsearchpromotions", model="searchpromotion"
    )
    permissions = [
        Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )[0]
        for codename, name in CODENAMES.items()
    ]
    Through = apps.get_model("auth", "Group").permissions.through
    have = set(
        Through.objects.filter(
            group_id__in=groups, permission__in=permissions
        ).values_list("group_id", "permission_id")
    )
    Through.objects.bulk_create(
        [
            Through(group_id=group, permission_id=permission.pk)
            for group in groups
            for permission in permissions
            if (group, permission.pk) not in have
        ]
    )


class Migration(migrations.Migration):
    dependencies = [
        ("congxa_search", "0007_vector_scope"),
        ("editorial", "0003_vietnamese_default_workflow"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
