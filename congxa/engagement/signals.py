"""Keep cached public pages in step with the questions they show."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from congxa.portal.cache import bump_site_generation

from .models import Question, Topic


@receiver(post_delete, sender=Question)
def question_deleted(sender, instance, **kwargs):
    if instance.is_public:
        bump_site_generation(instance.site_id)


@receiver(post_save, sender=Topic)
@receiver(post_delete, sender=Topic)
def topic_changed(sender, instance, **kwargs):
    # A field's name shows on every published question of it.
    bump_site_generation(instance.site_id)


@receiver(post_save, sender=Question)
def question_saved(sender, instance, **kwargs):
    # Services bump on unpublish too; this catches any other write to a public one.
    if instance.is_public:
        bump_site_generation(instance.site_id)
