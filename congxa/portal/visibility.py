"""Which parts of the page tree are private, asked once per generation.

Wagtail's `PageQuerySet.public()` reads every `PageViewRestriction` each time it
is called: a query per list on a page (menu, other news, side blocks). Private
sections are rare and change rarely, so each process keeps their paths and
re-reads them when the deployment's cache generation moves; saving or deleting
a restriction (and moving a restricted page) bumps that generation
(`invalidation.py`). The patch that makes Wagtail use them is
`wagtail_patches/page_privacy.py`.
"""

from __future__ import annotations

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


def forget_restrictions() -> None:
    """A restriction changed: this process re-reads at once, the others when
    the deployment's generation moves (at commit; `invalidation.py`)."""
    global _memo
    _memo = None
