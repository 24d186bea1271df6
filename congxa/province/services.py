"""The province operator's role (“Quản trị cấp tỉnh”)."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.log_actions import log

OPERATOR_GROUP = "Quản trị cấp tỉnh"
ROLE_GRANTED = "congxa.role_granted"


@transaction.atomic
def operator_group() -> Group:
    """The group carrying the role: every commune's state, no content rights."""
    group, _ = Group.objects.get_or_create(name=OPERATOR_GROUP)
    group.permissions.add(
        Permission.objects.get(
            content_type__app_label="portal", codename="manage_communes"
        ),
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        ),
    )
    return group


@transaction.atomic
def operator_add(*, user, actor=None) -> Group:
    group = operator_group()
    group.user_set.add(user)
    log(
        instance=user,
        action=ROLE_GRANTED,
        user=actor,
        data={"group": group.name, "site": "", "role": "province"},
    )
    return group
