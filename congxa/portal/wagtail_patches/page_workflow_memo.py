"""`Page.has_workflow` and `Page.get_workflow` read a workflow already found.

Written for Wagtail 7.4. The page edit form asks `has_workflow` twice (two
action-menu entries test `can_submit_for_moderation`) and `get_workflow` once
more (the "submit" entry names the workflow): six queries over the page's
ancestors, the same answer each time. `congxa.editorial` finds the workflow
once per GET of the edit form (`editorial.selectors.nearest_workflow`, one
query) and stores it on the page as `_congxa_workflow`; these two read it when
present and otherwise run Wagtail's code unchanged. `has_workflow` is
"`get_workflow()` is not None": both look for the nearest page, the page
itself included, with an active workflow.
"""

from __future__ import annotations

from . import require_source, require_version

NAME = "page_workflow_memo"
WAGTAIL = "7.4"
HAS_WORKFLOW_DIGEST = "0aa6903bded8e74a"
GET_WORKFLOW_DIGEST = "801997418119e540"
ATTRIBUTE = "_congxa_workflow"

_originals: dict = {}


def check() -> None:
    from wagtail.models import Page

    require_version("wagtail", WAGTAIL, NAME)
    # After `apply()` the attributes are ours: check the functions they replaced.
    has_workflow = _originals.get("has_workflow") or Page.has_workflow.fget
    require_source(has_workflow, HAS_WORKFLOW_DIGEST, NAME)
    require_source(
        _originals.get("get_workflow") or Page.get_workflow, GET_WORKFLOW_DIGEST, NAME
    )


def apply() -> None:
    from wagtail.models import Page

    if _originals:
        return
    _originals["has_workflow"] = has_workflow = Page.has_workflow.fget
    _originals["get_workflow"] = get_workflow = Page.get_workflow

    def memo_has_workflow(self):
        if ATTRIBUTE in self.__dict__:
            return self.__dict__[ATTRIBUTE] is not None
        return has_workflow(self)

    def memo_get_workflow(self):
        if ATTRIBUTE in self.__dict__:
            return self.__dict__[ATTRIBUTE]
        return get_workflow(self)

    memo_has_workflow.__doc__ = has_workflow.__doc__
    memo_get_workflow.__doc__ = get_workflow.__doc__
    Page.has_workflow = property(memo_has_workflow)
    Page.get_workflow = memo_get_workflow
