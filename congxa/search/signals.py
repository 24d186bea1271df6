"""Keep the search index in step with the content, through Wagtail's signals.

Connected in `SearchConfig.ready`, so no content app imports search.
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import services
from .models import SearchEntry
from .registry import registry

DISPATCH = "congxa_search"


def page_was_published(sender, instance, **kwargs):
    services.entry_index(instance)
    new_url = (
        SearchEntry.objects.filter(key=f"page:{instance.pk}")
        .values_list("url", flat=True)
        .first()
    )
    if new_url and not instance.is_leaf():
        # A new slug moves the addresses of every page below.
        stale = (
            SearchEntry.objects.filter(
                page__path__startswith=instance.path, page__depth__gt=instance.depth
            )
            .exclude(url__startswith=new_url)
            .exists()
        )
        if stale:
            services.subtree_index(instance)


def page_was_unpublished(sender, instance, **kwargs):
    services.page_remove(instance)


def page_was_moved(sender, instance, **kwargs):
    services.subtree_index(instance)


def page_deleting(sender, instance, **kwargs):
    # Before the delete, so the vocabulary counts go down with the entry (the
    # foreign key's cascade would drop the entry without them).
    if isinstance(instance, Page):
        services.page_remove(instance)


def object_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        services.page_remove(instance)
    elif isinstance(instance, PageViewRestriction):
        restriction_changed(sender, instance)
    elif registry.adapter_for(instance) is not None:
        services.entry_remove(registry.adapter_for(instance).key(instance))


def object_saved(sender, instance, raw=False, **kwargs):
    """Non-page models index on save; pages wait until they are published."""
    if raw or isinstance(instance, Page):
        return
    if isinstance(instance, PageViewRestriction):
        restriction_changed(sender, instance)
    elif registry.adapter_for(instance) is not None:
        services.entry_index(instance)


PEOPLE_RECORDS = ("people.official", "people.organisationunit")
PEOPLE_PAGES = ("people.OrganisationPage", "people.ContactPage")


def people_record_changed(sender, instance, **kwargs):
    """An official or a unit changed: re-index the pages that show them."""
    if kwargs.get("raw"):
        return
    from wagtail.models import Site

    site = Site.objects.filter(pk=instance.site_id).select_related("root_page").first()
    if site is None:
        return
    for label in PEOPLE_PAGES:
        app_label, model_name = label.split(".")
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            continue
        for page in model.objects.live().descendant_of(site.root_page):
            services.entry_index(page)


def restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        services.subtree_index(page)


def synonyms_changed(sender, **kwargs):
    from .selectors import lexicons_forget

    lexicons_forget()


def connect() -> None:
    from .models import ProvinceSynonym, Synonym

    for model in (Synonym, ProvinceSynonym):
        post_save.connect(
            synonyms_changed,
            sender=model,
            dispatch_uid=f"{DISPATCH}:syn:{model.__name__}:s",
        )
        post_delete.connect(
            synonyms_changed,
            sender=model,
            dispatch_uid=f"{DISPATCH}:syn:{model.__name__}:d",
        )
    page_published.connect(page_was_published, dispatch_uid=f"{DISPATCH}:published")
    page_unpublished.connect(
        page_was_unpublished, dispatch_uid=f"{DISPATCH}:unpublished"
    )
    post_page_move.connect(page_was_moved, dispatch_uid=f"{DISPATCH}:moved")
    pre_delete.connect(page_deleting, dispatch_uid=f"{DISPATCH}:deleting")
    post_delete.connect(object_deleted, dispatch_uid=f"{DISPATCH}:deleted")
    for label in PEOPLE_RECORDS:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        post_save.connect(
            people_record_changed, sender=model, dispatch_uid=f"{DISPATCH}:{label}:s"
        )
        post_delete.connect(
            people_record_changed, sender=model, dispatch_uid=f"{DISPATCH}:{label}:d"
        )
    for model in [PageViewRestriction, *registry.registered_models()]:
        if not issubclass(model, Page):
            post_save.connect(
                object_saved, sender=model, dispatch_uid=f"{DISPATCH}:saved:{model}"
            )
