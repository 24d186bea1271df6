"""`PagePermissionTester.can_delete` answers a leaf page without a query.

Written for Wagtail 7.4. The page explorer asks `can_delete` twice per row
(the "Move" and "Delete" entries of each row's menu), and for a commune
writer (add, no change) each ask is a query over the row's descendants:
`get_descendants(inclusive=True).exclude(live=False, owner=user).exists()`.
With 20 articles listed that was 40 of the explorer's 78 queries
(bench/RESULTS.md, issue 10). For a leaf page (`numchild == 0`, Wagtail's own
`is_leaf()`), "its descendants, inclusive" is the page itself, so the same
rule is read from the row's `live` and `owner_id` already loaded. Anything
else (a page with children, the root, a superuser, an inactive user) goes to
Wagtail's code unchanged.
"""

from __future__ import annotations

from . import require_source, require_version

NAME = "leaf_delete"
WAGTAIL = "7.4"
CAN_DELETE_DIGEST = "772a5d125cfbf563"

_original = None


def leaf_can_delete(tester) -> bool | None:
    """Wagtail's `can_delete` rule for a leaf page, or None when not a leaf case."""
    page, user = tester.page, tester.user
    if (
        not user.is_active
        or user.is_superuser
        or tester.page_is_root
        or page.numchild != 0
    ):
        return None
    permissions = tester.permissions
    if "change" in permissions:
        return "publish" in permissions or not page.live
    if "add" in permissions:
        owned = page.owner_id is not None and page.owner_id == user.pk
        if "publish" in permissions:
            return owned
        return owned and not page.live
    return False


def can_delete(self, ignore_bulk=False):
    answer = leaf_can_delete(self)
    if answer is None:
        return _original(self, ignore_bulk=ignore_bulk)
    return answer


def check() -> None:
    from wagtail.models.pages import PagePermissionTester

    require_version("wagtail", WAGTAIL, NAME)
    # After `apply()` the attribute is ours: check the function it replaced.
    require_source(
        _original or PagePermissionTester.can_delete, CAN_DELETE_DIGEST, NAME
    )


def apply() -> None:
    global _original
    from wagtail.models.pages import PagePermissionTester

    if _original is None:
        _original = PagePermissionTester.can_delete
        PagePermissionTester.can_delete = can_delete
