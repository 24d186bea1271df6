"""Search promotions get their own log entries, with the commune they belong
to, so the site history shows them to that commune's people only; the entries
Wagtail wrote before (`ModelLogEntry`) move there."""

import django.core.serializers.json
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


FIELDS = (
    "content_type_id",
    "label",
    "action",
    "data",
    "timestamp",
    "uuid",
    "content_changed",
    "deleted",
    "object_id",
    "revision_id",
    "user_id",
)


def move_entries(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.filter(
        app_label="wagtailsearchpromotions", model="searchpromotion"
    ).first()
    if content_type is None:
        return
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    entries = ModelLogEntry.objects.filter(content_type=content_type)
    if not entries.exists():
        return
    SearchPromotion = apps.get_model("wagtailsearchpromotions", "SearchPromotion")
    Site = apps.get_model("wagtailcore", "Site")
    roots = list(Site.objects.values_list("pk", "root_page__path"))
    paths = dict(SearchPromotion.objects.values_list("pk", "page__path"))

    def site_of(object_id):
        path = paths.get(int(object_id)) if object_id.isdigit() else None
        for pk, root in roots:
            if path and path.startswith(root):
                return pk
        return None  # a deleted promotion: superusers only

    PromotionLogEntry = apps.get_model("congxa_search", "PromotionLogEntry")
    PromotionLogEntry.objects.bulk_create(
        [
            PromotionLogEntry(
                site_id=site_of(entry.object_id),
                **{name: getattr(entry, name) for name in FIELDS},
            )
            for entry in entries
        ]
    )
    entries.delete()


class Migration(migrations.Migration):

    dependencies = [
        ('congxa_search', '0008_commune_promotion_rights'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('wagtailcore', '0097_baselogentry_uuid_action_timestamp_indexes'),
        ('wagtailsearchpromotions', '0008_query_verbose_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='PromotionLogEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('label', models.TextField()),
                ('action', models.CharField(blank=True, db_index=True, max_length=255)),
                ('data', models.JSONField(blank=True, default=dict, encoder=django.core.serializers.json.DjangoJSONEncoder)),
                ('timestamp', models.DateTimeField(db_index=True, verbose_name='timestamp (UTC)')),
                ('uuid', models.UUIDField(blank=True, editable=False, help_text='Log entries that happened as part of the same user action are assigned the same UUID', null=True)),
                ('content_changed', models.BooleanField(db_index=True, default=False)),
                ('deleted', models.BooleanField(default=False)),
                ('object_id', models.CharField(db_index=True, max_length=255)),
                ('content_type', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='contenttypes.contenttype', verbose_name='content type')),
                ('revision', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='wagtailcore.revision')),
                ('site', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.site', verbose_name='commune')),
                ('user', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'search promotion log entry',
                'verbose_name_plural': 'search promotion log entries',
                'ordering': ['-timestamp', '-id'],
                'abstract': False,
                'indexes': [models.Index(fields=['uuid', 'action', '-timestamp'], name='congxa_sear_uuid_e90d8c_idx')],
            },
        ),
        migrations.RunPython(move_entries, migrations.RunPython.noop),
    ]
