"""Stored HTML is sanitised whatever saves it: admin, import, demo or code."""

from django.db.models.signals import pre_save
from django.dispatch import receiver
from wagtail.models import Revision

from .sanitize import rich_fields, sanitize_instance


@receiver(pre_save)
def sanitize_before_save(sender, instance, raw=False, **kwargs):
    if raw:
        return
    if isinstance(instance, Revision):
        sanitize_revision(instance)
    elif rich_fields(sender):
        sanitize_instance(instance)


def sanitize_revision(revision: Revision) -> None:
    """A draft is stored as a revision: clean its rich fields the same way."""
    model = revision.content_type.model_class() if revision.content_type_id else None
    if (
        model is None
        or not rich_fields(model)
        or not isinstance(revision.content, dict)
    ):
        return
    obj = revision.as_object()
    sanitize_instance(obj)
    for field in rich_fields(model):
        if field.name in revision.content:
            revision.content[field.name] = field.value_to_string(obj)
