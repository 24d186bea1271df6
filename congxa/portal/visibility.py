"""Which parts of the page tree are private, asked once per generation.

Wagtail's `PageQuerySet.public()` reads every `PageViewRestriction` each time it
is called: a query per list on a page (menu, other news, side blocks). Private
sections are rare and change rarely, so each process keeps their paths and
re-reads them when the deployment's cache generation moves; saving or deleting
a restriction (and moving a restricted page) bumps that generation
(`invalidation.py`).
"""

from __future__ import annotations

from django.db.models import Q
from wagtail.query import PageQuerySet

from .cache import GLOBAL_GENERATION_KEY, _generation

_memo: tuple[int, list[str]] | None = None


def restricted_paths() -> list[str]:
    """Tree paths of the pages that carry a view restriction."""
    global _memo
    generation = _generation(GLOBAL_GENERATION_KEY)
    if _memo is None or _memo[0] != generation:
        from wagtail.models import PageViewRestriction

        paths = sorted(
            set(PageViewRestriction.objects.values_list("page__path", flat=True))
        )
        _memo = (generation, paths)
    return _memo[1]


def private_q(self) -> Q:
    """Same result as Wagtail's `PageQuerySet.private_q`, without the query."""
    q = Q()
    for path in restricted_paths():
        q |= Q(path__startswith=path)
    # Match no page when no private section exists, as Wagtail does.
    return q if q else Q(pk__in=[])


def forget_restrictions() -> None:
    """A restriction changed: this process re-reads at once, the others when
    the deployment's generation moves (at commit; `invalidation.py`)."""
    global _memo
    _memo = None


def view_restrictions_of(page):
    """Wagtail's `Page.get_view_restrictions`, skipping the two queries when no
    restriction lies on the page's path (the usual case)."""
    from wagtail.models import PageViewRestriction

    if not any(page.path.startswith(path) for path in restricted_paths()):
        return PageViewRestriction.objects.none()
    return _wagtail_get_view_restrictions(page)


_wagtail_get_view_restrictions = None


def install() -> None:
    global _wagtail_get_view_restrictions
    from wagtail.models import Page

    PageQuerySet.private_q = private_q
    if _wagtail_get_view_restrictions is None:
        _wagtail_get_view_restrictions = Page.get_view_restrictions
        Page.get_view_restrictions = view_restrictions_of
