"""Page privacy answered without a query when no private section exists.

Written for Wagtail 7.4. Wagtail's `PageQuerySet.public()` builds its filter in
`private_q()` by reading every `PageViewRestriction`, and `Page.serve` asks
`Page.get_view_restrictions()` (two queries: the ancestors, the restrictions)
for every page it serves: a query per list on a page (menu, "Các tin khác", side
blocks) and two per request, for restrictions that are rare and change rarely.
Both are answered from the memoised restricted paths
(`congxa.portal.visibility.restricted_paths`, re-read when the deployment's
generation moves); measured in bench/RESULTS.md (home page at 10 queries).

Same results as Wagtail's: a restricted page and its descendants are excluded by
`public()`; a page under a restriction still gets Wagtail's own
`get_view_restrictions()` (aliases resolved), so 401/403/login answers are
Wagtail's. tests/portal/test_wagtail_patches.py checks the behaviour.
"""

from __future__ import annotations

from django.db.models import Q

from . import require_signature, require_source, require_version

NAME = "page_privacy"
WAGTAIL = "7.4"
# sha256 (16 hex) of the source of the functions replaced, in Wagtail 7.4.4.
PRIVATE_Q_DIGEST = "eb30b1c0017f13c2"
VIEW_RESTRICTIONS_DIGEST = "f41021bde7cdda11"

_wagtail_get_view_restrictions = None


def _originals():
    from wagtail.models import Page
    from wagtail.query import PageQuerySet

    private_q = getattr(PageQuerySet.private_q, "congxa_original", None)
    view = getattr(Page.get_view_restrictions, "congxa_original", None)
    return (
        private_q or PageQuerySet.private_q,
        view or Page.get_view_restrictions,
    )


def check() -> None:
    require_version("wagtail", WAGTAIL, NAME)
    private_q, view_restrictions = _originals()
    require_signature(private_q, "(self)", NAME)
    require_signature(view_restrictions, "(self)", NAME)
    require_source(private_q, PRIVATE_Q_DIGEST, NAME)
    require_source(view_restrictions, VIEW_RESTRICTIONS_DIGEST, NAME)


def private_q(self) -> Q:
    """Same result as Wagtail's `PageQuerySet.private_q`, without the query."""
    from congxa.portal.visibility import restricted_paths

    q = Q()
    for path in restricted_paths():
        q |= Q(path__startswith=path)
    # Match no page when no private section exists, as Wagtail does.
    return q if q else Q(pk__in=[])


def view_restrictions_of(page):
    """Wagtail's `Page.get_view_restrictions`, skipping the two queries when no
    restriction lies on the page's path (the usual case)."""
    from wagtail.models import PageViewRestriction

    from congxa.portal.visibility import restricted_paths

    if not any(page.path.startswith(path) for path in restricted_paths()):
        return PageViewRestriction.objects.none()
    return _wagtail_get_view_restrictions(page)


def apply() -> None:
    global _wagtail_get_view_restrictions
    from wagtail.models import Page
    from wagtail.query import PageQuerySet

    original_private_q, original_view = _originals()
    _wagtail_get_view_restrictions = original_view
    private_q.congxa_original = original_private_q
    view_restrictions_of.congxa_original = original_view
    PageQuerySet.private_q = private_q
    Page.get_view_restrictions = view_restrictions_of
