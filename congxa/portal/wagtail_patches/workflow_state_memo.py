"""The page edit form reads a workflow state's tasks once, not five times.

Written for Wagtail 7.4. A reviewer opening a page that waits in the workflow
(GET of the edit form) costs 45-47 queries, ten more than a draft: on the one
`WorkflowState` instance the view, the lock, the action menu and the side
panels share, Wagtail runs `all_tasks_with_status` three times (the view, the
lock message, the lock side panel; two queries the first time), and
`all_tasks_with_state` once (the status panel, two queries) for the same
rows; `is_at_final_task` runs `get_next_task`'s query twice (first and last
of one list); `user_can_cancel` loads the page again through
`content_object` and the person who submitted it twice (`requested_by`, then
the page's `owner`, usually the same person).

`page_edit_prefetch` calls `memo_enable(state, record)` when it shares the
record's workflow state with the edited page, for a GET only (a POST may
approve, reject or cancel, and reads afresh as Wagtail does), and
`congxa.editorial`'s `before_edit_page` hook `workflow_share(state,
workflow)`. Then, on that instance only:

- `all_tasks_with_state` runs Wagtail's code once and keeps the list;
  `all_tasks_with_status` is derived from it: Wagtail's two methods pick the
  same task state per task (the latest applicable one by `-started_at, -id`),
  one annotates its id, the other its status;
- `get_next_task` and `is_at_final_task` read one list: Wagtail's query for
  the remaining tasks, its first and its last row;
- `user_can_cancel` finds `content_object` (a base `Page`) as the record
  `dispatch` read, and the submitter and the record's owner as one object
  when they are the same person (the request's user when it is them);
- the state's `workflow` is the one `page_workflow_memo` found when it is the
  same workflow.

Any other `WorkflowState` runs Wagtail's code unchanged.
"""

from __future__ import annotations

from . import require_source, require_version

NAME = "workflow_state_memo"
WAGTAIL = "7.4"
DIGESTS = {
    "all_tasks_with_state": "0311de1490117604",
    "all_tasks_with_status": "13d66990a5aa2a11",
    "get_next_task": "f307ec47b3644d97",
    "is_at_final_task": "006f8816cab2a514",
    "user_can_cancel": "4d73651fc72c9da7",
}
ATTRIBUTE = "_congxa_memo"

_originals: dict = {}


class Memo:
    def __init__(self, record):
        self.record = record
        self.tasks = None
        self.remaining = None


def memo_enable(state, record) -> None:
    """Read `state`'s tasks once for this request: a GET of the edit form of
    `record` (the page as `EditView.dispatch` read it from the database)."""
    state.__dict__[ATTRIBUTE] = Memo(record)


def workflow_share(state, workflow) -> None:
    """`state.workflow` is `workflow` when it is the same one (no query)."""
    from wagtail.models import WorkflowState

    descriptor = WorkflowState.workflow
    if (
        _memo(state) is not None
        and workflow is not None
        and state.workflow_id == workflow.pk
        and not descriptor.is_cached(state)
    ):
        descriptor.field.set_cached_value(state, workflow)


def _memo(state):
    return state.__dict__.get(ATTRIBUTE)


def all_tasks_with_state(self):
    memo = _memo(self)
    if memo is None:
        return _originals["all_tasks_with_state"](self)
    if memo.tasks is None:
        memo.tasks = _originals["all_tasks_with_state"](self)
    return list(memo.tasks)


def all_tasks_with_status(self):
    from django.utils.translation import gettext_lazy as _
    from wagtail.models import TaskState

    if _memo(self) is None:
        return _originals["all_tasks_with_status"](self)
    status_choices = dict(TaskState.STATUS_CHOICES)
    tasks = all_tasks_with_state(self)
    for task in tasks:
        task.status = task.task_state.status if task.task_state else None
        task.status_display = status_choices.get(task.status, _("Not started"))
    return tasks


def _remaining(self, memo):
    from wagtail.models import Task

    if memo.remaining is None:
        # Wagtail's `get_next_task` query, every row.
        memo.remaining = list(
            Task.objects.filter(workflow_tasks__workflow=self.workflow, active=True)
            .exclude(task_states__in=self.successful_task_states)
            .order_by("workflow_tasks__sort_order")
        )
    return memo.remaining


def get_next_task(self):
    memo = _memo(self)
    if memo is None:
        return _originals["get_next_task"](self)
    remaining = _remaining(self, memo)
    return remaining[0] if remaining else None


def is_at_final_task(self):
    memo = _memo(self)
    if memo is None:
        return _originals["is_at_final_task"](self)
    remaining = _remaining(self, memo)
    if not remaining:
        return True  # Wagtail: None == None
    return remaining[0] == remaining[-1]


def _share_people(state, memo, user) -> None:
    from django.contrib.contenttypes.models import ContentType
    from django.utils.functional import empty
    from wagtail.models import WorkflowState

    record = memo.record
    # `content_object` is the base `Page` (`base_content_type`), the record.
    content_object = WorkflowState._meta.get_field("content_object")
    if (
        not content_object.is_cached(state)
        and str(state.object_id) == str(record.pk)
        and state.base_content_type_id
        == ContentType.objects.get_for_model(record, for_concrete_model=False).pk
    ):
        content_object.set_cached_value(state, record)
    if state.requested_by_id is None or user is None:
        return
    user = getattr(user, "_wrapped", user)  # the request's (lazy) user
    if user is empty:
        return
    requested_by = WorkflowState.requested_by
    if not requested_by.is_cached(state):
        if state.requested_by_id == user.pk:
            requested_by.field.set_cached_value(state, user)
        elif state.requested_by_id == record.owner_id and not (
            record.locked and record.locked_by_id != user.pk
        ):
            # Wagtail reads the submitter next, then the owner: one read
            # for both when they are the same person.
            state.requested_by  # noqa: B018
    owner = type(record).owner
    if (
        record.owner_id == state.requested_by_id
        and not owner.is_cached(record)
        and requested_by.is_cached(state)
    ):
        owner.field.set_cached_value(record, state.requested_by)


def user_can_cancel(self, user):
    memo = _memo(self)
    if memo is not None:
        _share_people(self, memo, user)
    return _originals["user_can_cancel"](self, user)


def _wagtails():
    from wagtail.models import WorkflowState

    return {
        "all_tasks_with_state": WorkflowState.all_tasks_with_state,
        "all_tasks_with_status": WorkflowState.all_tasks_with_status,
        "get_next_task": WorkflowState.get_next_task,
        "is_at_final_task": WorkflowState.is_at_final_task.fget,
        "user_can_cancel": WorkflowState.user_can_cancel,
    }


def check() -> None:
    require_version("wagtail", WAGTAIL, NAME)
    # After `apply()` the attributes are ours: check the functions they replaced.
    found = _originals or _wagtails()
    for name, digest in DIGESTS.items():
        require_source(found[name], digest, NAME)


def apply() -> None:
    from wagtail.models import WorkflowState

    if _originals:
        return
    _originals.update(_wagtails())
    for name, function in (
        ("all_tasks_with_state", all_tasks_with_state),
        ("all_tasks_with_status", all_tasks_with_status),
        ("get_next_task", get_next_task),
        ("user_can_cancel", user_can_cancel),
    ):
        function.__doc__ = _originals[name].__doc__
        setattr(WorkflowState, name, function)
    is_at_final_task.__doc__ = _originals["is_at_final_task"].__doc__
    WorkflowState.is_at_final_task = property(is_at_final_task)
