"""Keep the page cache honest: anything that changes what a site shows bumps it."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .cache import bump_site_generation


def bump_for_page(page: Page) -> None:
    site = page.get_site()
    bump_site_generation(site.pk if site else None)


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(sender, instance, **kwargs):
    bump_for_page(instance)


@receiver(post_page_move)
def page_moved(sender, instance, **kwargs):
    # A move can cross sites: invalidate them all.
    bump_site_generation(None)


@receiver(post_delete)
def model_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        # The page is gone from the tree already; its site is unknown now.
        bump_site_generation(None)
    elif isinstance(instance, Site):
        bump_site_generation(None)


@receiver(post_save)
def model_saved(sender, instance, **kwargs):
    if isinstance(instance, Site):
        bump_site_generation(None)
    elif isinstance(instance, BaseSiteSetting):
        bump_site_generation(instance.site_id)
