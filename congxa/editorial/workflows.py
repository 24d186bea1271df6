"""Wagtail's "awaiting your review" without a query per workflow task.

`TaskState.objects.reviewable_by(user)` asks every active task in turn; congxa
makes two tasks per commune, so at 150 communes a commune writer's dashboard ran
over 300 queries. Group approval tasks are answered in one query (the same rule
as `GroupApprovalTask.get_task_states_user_can_moderate`: a superuser, or a
member of one of the task's groups); only other task types are still asked one
by one.
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


def install() -> None:
    from wagtail.models.workflows import BaseTaskStateManager

    BaseTaskStateManager.reviewable_by = reviewable_by
