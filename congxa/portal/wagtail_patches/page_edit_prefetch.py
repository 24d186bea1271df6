"""The page edit form's page keeps what Wagtail already read for the record.

Written for Wagtail 7.4. `EditView.dispatch` reads the page record with its
workflow states prefetched, its latest and its scheduled revision, then edits
`get_latest_revision_as_object()`: a new instance built from the revision,
which has none of these, so the lock, the action menu, the status side panel
and the template read each one again (the workflow state a dozen times, a
query each). For a GET, where the request changes none of them, this copies
them from the record onto the edited instance, and the parent the record read
for `with_content_json` (treebeard's `_cached_parent_obj`, which
`treebeard_parent` guards); a POST (which may submit, approve or cancel)
reads afresh as Wagtail does.
"""

from __future__ import annotations

from . import require_source, require_version, workflow_state_memo

NAME = "page_edit_prefetch"
WAGTAIL = "7.4"
GET_OBJECT_DIGEST = "fe77f6d827f8788a"
# `dispatch` sets `latest_revision` and `scheduled_revision` before it calls
# `get_object`; a change there must be reviewed here.
DISPATCH_DIGEST = "dec0aa9ca040c674"

_original = None


def share_record_reads(view, page) -> None:
    record = view.real_page_record
    if page is record or view.request.method != "GET":
        return
    if page.pk != record.pk:
        return
    if hasattr(record, "_current_workflow_states"):
        page._current_workflow_states = record._current_workflow_states
        if record._current_workflow_states:
            # A page in moderation: its tasks read once (workflow_state_memo).
            workflow_state_memo.memo_enable(record._current_workflow_states[0], record)
    latest = getattr(view, "latest_revision", None)
    if latest is not None and page.latest_revision_id == latest.pk:
        page.latest_revision = latest
    if "scheduled_revision" in record.__dict__:
        page.__dict__["scheduled_revision"] = record.__dict__["scheduled_revision"]
    # `with_content_json` read the parent of the revision's page (to set the
    # url path) and gave the edited page its path: `dispatch` reads the same
    # parent next.
    source = _revision_object(latest)
    parent = getattr(source, "_cached_parent_obj", None)
    if parent is not None and page.path == source.path:
        page._cached_parent_obj = parent


def _revision_object(revision):
    """The page the revision built the edited page from, if it was read."""
    if revision is None:
        return None
    from wagtail.models import Revision

    field = Revision._meta.get_field("content_object")
    return field.get_cached_value(revision, default=None)


def get_object(self):
    page = _original(self)
    share_record_reads(self, page)
    return page


def check() -> None:
    from wagtail.admin.views.pages.edit import EditView

    require_version("wagtail", WAGTAIL, NAME)
    # After `apply()` the attribute is ours: check the function it replaced.
    require_source(_original or EditView.get_object, GET_OBJECT_DIGEST, NAME)
    require_source(EditView.dispatch, DISPATCH_DIGEST, NAME)


def apply() -> None:
    global _original
    from wagtail.admin.views.pages.edit import EditView

    if _original is None:
        _original = EditView.get_object
        EditView.get_object = get_object
