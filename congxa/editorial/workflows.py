"""Wagtail's "awaiting your review" without a query per workflow task.

`TaskState.objects.reviewable_by(user)` asks every active task in turn; congxa
makes two tasks per commune, so at 150 communes a commune writer's dashboard ran
over 300 queries. Group approval tasks are answered in one query (the same rule
as `GroupApprovalTask.get_task_states_user_can_moderate`: a superuser, or a
member of one of the task's groups); only other task types are still asked one
by one.

Written for Wagtail 7.4: `install()` refuses to patch another version, or a
`reviewable_by` or group-task rule whose source changed (the guards of
`congxa.portal.wagtail_patches`), so an upgrade cannot leave the dashboard
answering with an outdated rule.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType


def reviewable_by(self, user):
    from wagtail.models import GroupApprovalTask, Task, TaskState

    group_tasks = GroupApprovalTask.objects.filter(active=True)
    if not user.is_superuser:
        group_tasks = group_tasks.filter(groups__in=user.groups.all())
    states = TaskState.objects.filter(
        status=TaskState.STATUS_IN_PROGRESS,
        task__in=group_tasks.values("pk"),
    )
    others = (
        Task.objects.filter(active=True)
        .exclude(content_type=ContentType.objects.get_for_model(GroupApprovalTask))
        .specific()
    )
    for task in others:
        states = states | task.get_task_states_user_can_moderate(user=user)
    return states


PATCH = "editorial.workflows"
WAGTAIL = "7.4"
REVIEWABLE_BY_DIGEST = "8627545dec266a2e"
GROUP_RULE_DIGEST = "44a5fa7599f24967"

_original = None


def check() -> None:
    """Raise `PatchOutdated` unless Wagtail's code is the code this replaces."""
    from wagtail.models import GroupApprovalTask
    from wagtail.models.workflows import BaseTaskStateManager

    from congxa.portal.wagtail_patches import require_source, require_version

    require_version("wagtail", WAGTAIL, PATCH)
    require_source(
        _original or BaseTaskStateManager.reviewable_by, REVIEWABLE_BY_DIGEST, PATCH
    )
    # The one-query rule repeats this one: it must not have moved.
    require_source(
        GroupApprovalTask.get_task_states_user_can_moderate, GROUP_RULE_DIGEST, PATCH
    )


def install() -> None:
    global _original
    from wagtail.models.workflows import BaseTaskStateManager

    check()
    if _original is None:
        _original = BaseTaskStateManager.reviewable_by
    BaseTaskStateManager.reviewable_by = reviewable_by
