"""Every change that makes a commune's public pages stale, in one place.

A cached page (`portal/cache.py`), a cached fragment and nginx's micro-cache are
all keyed by a generation number: the deployment's, and the site's. This module
is the only one that moves them. Each trigger below names what changed, which
generation it bumps, and why.

==================================  ====================  =====================
Change                              Bumps                 Why
==================================  ====================  =====================
page published, unpublished         the page's site       the page, its lists
(scheduled and expiring too)
page deleted (each of a subtree)    the page's site       lists, menus
page moved                          the sites before and  lists on both sides
                                    after; all sites if   (restricted paths are
                                    a view restriction    memoised per
                                    moved with it         deployment generation)
page view restriction saved or      all sites             `visibility.py` memo
deleted
Site saved or deleted               all sites             host and root memos
site setting saved or deleted       its site (and its     header, footer,
(any `BaseSiteSetting`: commune     settings generation)  contacts, procedures
settings, procedures shown, Q&A),                         shown, Q&A settings
a commune's website link
emergency alert                     its site              banner on every page
commune record, commune host name   its site              names, canonical host
organisation unit, official,        its site              introduction,
schedule entry                                            schedule, home blocks
question saved while public before  its site              Q&A list and detail
or after; public question deleted
question topic                      its site              shown on questions
administrative procedure            all sites             the shared catalog
procedure chosen for a commune      that commune          its procedure list
document type, document field       all sites             shared managed lists
Wagtail document or image saved     the communes whose    file size, title,
or deleted                          pages or records use  picture (Wagtail's
                                    it; all sites if a    `ReferenceIndex` says
                                    user is neither       who uses it)
stored files renamed                all sites             file addresses
(`rename_stored_files`, explicit)
legacy import (`page_cache_batch`)  the commune, once     every article added
search promotion saved or deleted   its page's site,      its search results
                                    before and after      page
synonym saved or deleted            its site (all sites   search results pages
                                    for the province's)   and the synonym lists
==================================  ====================  =====================

Rules:

- A bump is written when the transaction commits (an earlier bump would let a
  request that read the old rows store them under the new generation), and each
  generation is bumped at most once per transaction however many signals one
  change fires (a page delete fires one per descendant).
- A bulk operation (an import) wraps its writes in `deferred()`: the bumps it
  causes are collected and written once, when the outermost block ends.
- Content apps sit above `portal`, so their models are named here by app label
  and looked up when the apps are ready; no content app module is imported.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_init, post_save, pre_delete
from django.dispatch import Signal

GLOBAL_GENERATION_KEY = "congxa:gen:all"
SITE_GENERATION_KEY = "congxa:gen:site:{site_id}"
# Moved with the site's generation when only its settings change, so the
# per-process copy of the settings outlives a publish (`cache.prepare_request`).
SETTINGS_GENERATION_KEY = "congxa:gen:settings:{site_id}"

# Sent with `key` once a generation is really written (after the commit): for
# tests, and for anything that keeps its own copy of pages (a mirror, a proxy).
generation_bumped = Signal()

ALL_SITES = None  # the site id that stands for "every site"

DISPATCH = "congxa_invalidation"


def generation_key(site_id: int | None) -> str:
    if site_id is None:
        return GLOBAL_GENERATION_KEY
    return SITE_GENERATION_KEY.format(site_id=site_id)


def new_generation() -> int:
    return time.time_ns()


def _write(key: str) -> None:
    cache.set(key, new_generation(), timeout=None)
    generation_bumped.send(sender=None, key=key)


@dataclass
class _Batch:
    """The generations to write when the current transaction commits."""

    block: object  # the outermost `atomic` block it belongs to
    keys: set[str] = field(default_factory=set)
    done: bool = False
    position: int = -1  # where its callback sits in `run_on_commit`

    def flush(self) -> None:
        from .cache_backends import holding

        self.done = True
        # A write the cache loses waits once for the whole batch (`holding`).
        with holding():
            for key in sorted(self.keys):
                _write(key)

    def takes_more(self, connection, block) -> bool:
        if self.done or block is not self.block:
            return False
        hooks = connection.run_on_commit
        if 0 <= self.position < len(hooks) and hooks[self.position][1] == self.flush:
            return True
        # A savepoint rolled back rebuilds the list: is it still there?
        return any(hook[1] == self.flush for hook in hooks)


_state = threading.local()


def _outermost_block(connection):
    """The transaction's outermost `atomic` block, not counting those a test
    case opens around each test (so a test's on-commit capture sees its bumps)."""
    for block in connection.atomic_blocks:
        if not getattr(block, "_from_testcase", False):
            return block
    return None


def _schedule(connection, keys: set[str]) -> None:
    block = _outermost_block(connection)
    batch: _Batch | None = getattr(_state, "batch", None)
    if block is not None and batch is not None and batch.takes_more(connection, block):
        batch.keys.update(keys)
        return
    batch = _Batch(block=block, keys=set(keys))
    transaction.on_commit(batch.flush)
    batch.position = len(connection.run_on_commit) - 1
    _state.batch = batch if block is not None else None


def bump(
    site_ids: int | None | Iterable[int | None], *, settings: bool = False
) -> None:
    """Invalidate every cached page of these sites (`None`: of every site).

    `settings`: the sites' settings changed too (not only their pages).
    """
    if site_ids is None or isinstance(site_ids, int):
        site_ids = [site_ids]
    keys = set()
    for site_id in site_ids:
        keys.add(generation_key(site_id))
        if settings and site_id is not None:
            keys.add(SETTINGS_GENERATION_KEY.format(site_id=site_id))
    _bump_keys(keys)


def _bump_keys(keys: set[str]) -> None:
    if not keys:
        return
    pending: set[str] | None = getattr(_state, "deferred", None)
    if pending is not None:
        pending.update(keys)
        return
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        from .cache_backends import holding

        with holding():
            for key in sorted(keys):
                _write(key)
        return
    _schedule(connection, keys)


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """Collect the bumps of a bulk operation and write each once, at the end."""
    outermost = getattr(_state, "deferred", None) is None
    if outermost:
        _state.deferred = set()
    try:
        yield
    finally:
        if outermost:
            keys = _state.deferred
            _state.deferred = None
            _bump_keys(keys)


# Scopes: which sites one changed object concerns.


def _site_of_page(page) -> list[int | None]:
    site = page.get_site()
    return [site.pk if site else ALL_SITES]


def _own_site(instance) -> list[int | None]:
    return [instance.site_id]


def _all_sites(instance) -> list[int | None]:
    return [ALL_SITES]


def sites_of_pages(page_ids: Iterable[int]) -> set[int | None]:
    """The sites whose trees hold these pages."""
    from wagtail.models import Page, Site

    paths = list(
        Page.objects.filter(pk__in=set(page_ids)).values_list("path", flat=True)
    )
    if not paths:
        return set()
    roots = list(Site.objects.values_list("pk", "root_page__path"))
    found: set[int | None] = set()
    for path in paths:
        owners = [pk for pk, root in roots if path.startswith(root)]
        # A page outside every site's tree shows nowhere; the tree root itself
        # (above every site) could show anywhere.
        if owners:
            found.update(owners)
        elif len(path) <= 4:
            found.add(ALL_SITES)
    return found


def sites_using(obj) -> set[int | None]:
    """The communes that show `obj` (an image, a document), by Wagtail's
    reference index: a page using it, or a commune's record (one with a `site`)."""
    from wagtail.models import Page, ReferenceIndex

    page_ids: set[int] = set()
    sites: set[int | None] = set()
    references = ReferenceIndex.get_references_to(obj).values_list(
        "base_content_type", "object_id"
    )
    by_model: dict[int, set[str]] = {}
    for content_type_id, object_id in references:
        by_model.setdefault(content_type_id, set()).add(object_id)
    from django.contrib.contenttypes.models import ContentType

    for content_type_id, object_ids in by_model.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            sites.add(ALL_SITES)
        elif issubclass(model, Page):
            page_ids.update(int(pk) for pk in object_ids)
        elif any(f.name == "site" for f in model._meta.concrete_fields):
            sites.update(
                model._default_manager.filter(pk__in=object_ids).values_list(
                    "site_id", flat=True
                )
            )
        else:
            sites.add(ALL_SITES)
    sites.update(sites_of_pages(page_ids))
    return sites


# Only the file's size or hash filled in lazily while a page renders: the page
# already shows the new value, nothing to invalidate.
_LAZY_FIELDS = {"file_size", "file_hash"}


def _media_saved(sender, instance, created=False, update_fields=None, **kwargs):
    if created or (update_fields and set(update_fields) <= _LAZY_FIELDS):
        return  # a new file is used nowhere yet
    bump(sites_using(instance))


def _media_deleting(sender, instance, **kwargs):
    # Before the delete: the references to it are gone afterwards.
    bump(sites_using(instance))


# Triggers, connected once the apps are ready.


@dataclass(frozen=True)
class Trigger:
    model: str  # "app_label.ModelName"
    scope: Callable[[object], Iterable[int | None]]
    signals: tuple = (post_save, post_delete)
    when: Callable[[object], bool] | None = None


def _question_public_before_or_after(question) -> bool:
    return question.is_public or getattr(question, "_congxa_was_public", False)


def _question_remember(sender, instance, **kwargs):
    instance._congxa_was_public = instance.is_public


def _website_link_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        bump(instance.settings.site_id, settings=True)


def _selected_procedure_site(selected) -> list[int | None]:
    return [selected.selection.site_id]


def _promotion_remember(sender, instance, **kwargs):
    instance._congxa_page_before = instance.page_id


def _promoted_page_sites(promotion) -> set[int | None]:
    """A promotion shows on the search page of its page's commune only."""
    pages = {promotion.page_id, getattr(promotion, "_congxa_page_before", None)}
    return sites_of_pages(pages - {None})


TRIGGERS: tuple[Trigger, ...] = (
    Trigger("wagtailcore.Site", _all_sites),
    Trigger("wagtailcore.PageViewRestriction", _all_sites),
    Trigger("portal.EmergencyAlert", _own_site),
    Trigger("portal.Commune", _own_site),
    Trigger("portal.CommuneHost", _own_site),
    Trigger("people.OrganisationUnit", _own_site),
    Trigger("people.Official", _own_site),
    Trigger("people.ScheduleEntry", _own_site),
    Trigger("engagement.Topic", _own_site),
    Trigger(
        "engagement.Question",
        _own_site,
        signals=(post_save,),
        when=_question_public_before_or_after,
    ),
    Trigger(
        "engagement.Question",
        _own_site,
        signals=(post_delete,),
        when=lambda question: question.is_public,
    ),
    Trigger("procedures.AdministrativeProcedure", _all_sites),
    Trigger("procedures.SelectedProcedure", _selected_procedure_site),
    Trigger("documents.DocumentType", _all_sites),
    Trigger("documents.DocumentField", _all_sites),
    Trigger("wagtailsearchpromotions.SearchPromotion", _promoted_page_sites),
    # A commune's synonym (no commune: the province's list, so every commune).
    Trigger("congxa_search.Synonym", _own_site),
    Trigger("congxa_search.ProvinceSynonym", _all_sites),
)


def _handler(trigger: Trigger):
    def changed(sender, instance, raw=False, **kwargs):
        if raw:
            return  # loading fixtures
        if trigger.when is not None and not trigger.when(instance):
            return
        bump(trigger.scope(instance))

    return changed


def _page_published(sender, instance, **kwargs):
    bump(_site_of_page(instance))


def _page_deleting(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        bump(_site_of_page(instance))


def _page_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    from wagtail.models import PageViewRestriction

    from .visibility import forget_restrictions

    if PageViewRestriction.objects.filter(
        page__path__startswith=instance.path
    ).exists():
        forget_restrictions()
        bump(ALL_SITES)
        return
    bump(sites_of_pages([parent_page_before.pk, parent_page_after.pk, instance.pk]))


def _restriction_changed(sender, instance, **kwargs):
    from .visibility import forget_restrictions

    forget_restrictions()


def _setting_changed(sender, instance, raw=False, **kwargs):
    from wagtail.contrib.settings.models import BaseSiteSetting

    if not raw and isinstance(instance, BaseSiteSetting):
        bump(instance.site_id, settings=True)


_handlers: list = []  # signals hold receivers weakly


def connect() -> None:
    """Wire every trigger above; called from `PortalConfig.ready`."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import PageViewRestriction
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(_page_published, dispatch_uid=f"{DISPATCH}:published")
    page_unpublished.connect(_page_published, dispatch_uid=f"{DISPATCH}:unpublished")
    post_page_move.connect(_page_moved, dispatch_uid=f"{DISPATCH}:moved")
    pre_delete.connect(_page_deleting, dispatch_uid=f"{DISPATCH}:page-deleting")
    post_save.connect(_setting_changed, dispatch_uid=f"{DISPATCH}:setting")
    post_delete.connect(_setting_changed, dispatch_uid=f"{DISPATCH}:setting-deleted")
    for signal in (post_save, post_delete):
        signal.connect(
            _restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"{DISPATCH}:restriction:{id(signal)}",
        )
    website_link = apps.get_model("portal.WebsiteLink")
    for signal in (post_save, post_delete):
        signal.connect(
            _website_link_changed,
            sender=website_link,
            dispatch_uid=f"{DISPATCH}:website-link:{id(signal)}",
        )
    for media in (get_document_model(), get_image_model()):
        post_save.connect(
            _media_saved, sender=media, dispatch_uid=f"{DISPATCH}:{media._meta.label}"
        )
        pre_delete.connect(
            _media_deleting,
            sender=media,
            dispatch_uid=f"{DISPATCH}:{media._meta.label}:deleting",
        )
    for number, trigger in enumerate(TRIGGERS):
        if trigger.model.partition(".")[0] not in apps.app_configs:
            continue
        model = apps.get_model(trigger.model)
        handler = _handler(trigger)
        _handlers.append(handler)
        for signal in trigger.signals:
            signal.connect(
                handler,
                sender=model,
                dispatch_uid=f"{DISPATCH}:{trigger.model}:{number}:{id(signal)}",
            )
    if "wagtailsearchpromotions" in apps.app_configs:
        for signal in (post_init, post_save):
            signal.connect(
                _promotion_remember,
                sender=apps.get_model("wagtailsearchpromotions.SearchPromotion"),
                dispatch_uid=f"{DISPATCH}:promotion:{id(signal)}",
            )
    if "engagement" in apps.app_configs:
        post_init.connect(
            _question_remember,
            sender=apps.get_model("engagement.Question"),
            dispatch_uid=f"{DISPATCH}:question-init",
        )
        post_save.connect(
            _question_remember,
            sender=apps.get_model("engagement.Question"),
            dispatch_uid=f"{DISPATCH}:question-saved",
        )
