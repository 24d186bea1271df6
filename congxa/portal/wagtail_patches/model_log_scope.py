"""The admin's history of a commune's records is shown to that commune only.

Written for Wagtail 7.4. `ModelLogEntryManager.viewable_by_user` gives a
person every log entry of every model they hold a permission on, whatever the
commune: the site history (`/admin/reports/site-history/`) of commune A's
editor listed commune B's officials, schedule entries, synonyms and alerts by
name. The replacement keeps Wagtail's answer and narrows the entries of every
model with a `site` foreign key (congxa's `SiteOwned` records and the per-site
settings) to the objects of the communes `site_access` gives the person; an
entry of a record since deleted, whose commune can no longer be told, is left
out. Superusers keep Wagtail's answer. Search promotions have their own log
model with the commune on it (congxa/search/models.py).
"""

from __future__ import annotations

import functools

from . import require_source, require_version

NAME = "model_log_scope"
WAGTAIL = "7.4"
VIEWABLE_BY_USER_DIGEST = "975ce3fc7006eea7"

_original = None


@functools.cache
def site_owned_models() -> tuple[type, ...]:
    """Every installed model with a `site` foreign key to Wagtail's Site; read
    once (Wagtail asks `viewable_by_user` several times per request)."""
    from django.apps import apps
    from wagtail.models import Site

    found = []
    for model in apps.get_models():
        field = next((f for f in model._meta.fields if f.name == "site"), None)
        if field is not None and field.related_model is Site:
            found.append(model)
    return tuple(found)


def viewable_by_user(self, user):
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import CharField, Q
    from django.db.models.functions import Cast

    from congxa.portal.site_access import site_ids_for_user

    queryset = _original(self, user)
    if user.is_superuser:
        return queryset
    site_ids = site_ids_for_user(user)
    owned = []
    allowed = Q()
    for model in site_owned_models():
        content_type = ContentType.objects.get_for_model(
            model, for_concrete_model=False
        )
        owned.append(content_type.pk)
        ids = (
            model._base_manager.filter(site_id__in=site_ids)
            .annotate(congxa_id=Cast("pk", CharField()))
            .values("congxa_id")
        )
        allowed |= Q(content_type_id=content_type.pk, object_id__in=ids)
    return queryset.filter(~Q(content_type_id__in=owned) | allowed)


def check() -> None:
    from wagtail.models.audit_log import ModelLogEntryManager

    require_version("wagtail", WAGTAIL, NAME)
    require_source(
        _original or ModelLogEntryManager.viewable_by_user,
        VIEWABLE_BY_USER_DIGEST,
        NAME,
    )


def apply() -> None:
    global _original
    from wagtail.models.audit_log import ModelLogEntryManager

    if _original is None:
        _original = ModelLogEntryManager.viewable_by_user
        ModelLogEntryManager.viewable_by_user = viewable_by_user
