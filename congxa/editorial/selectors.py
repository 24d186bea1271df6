"""Who belongs to which commune's board."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from wagtail.models import Site

from .enums import Role
from .models import BoardRole


def sites_for_user(user, *, role: Role | None = None) -> QuerySet[Site]:
    """The communes where a user has a role (or the given role)."""
    roles = BoardRole.objects.filter(group__user=user)
    if role is not None:
        roles = roles.filter(role=role)
    return Site.objects.filter(editorial_board__roles__in=roles).distinct()


def user_administers_site(user, site_id: int) -> bool:
    if user.is_superuser:
        return True
    return sites_for_user(user, role=Role.ADMIN).filter(pk=site_id).exists()


def board_members(site: Site) -> list[tuple[BoardRole, list]]:
    """Each role of a commune's board with its members, in role order."""
    User = get_user_model()
    order = {role: index for index, role in enumerate(Role)}
    roles = sorted(
        BoardRole.objects.filter(board__site=site).select_related("group"),
        key=lambda board_role: order[Role(board_role.role)],
    )
    return [
        (
            board_role,
            list(User.objects.filter(groups=board_role.group).order_by("username")),
        )
        for board_role in roles
    ]


def board_member_ids(site: Site) -> set[int]:
    User = get_user_model()
    return set(
        User.objects.filter(groups__board_role__board__site=site).values_list(
            "pk", flat=True
        )
    )
