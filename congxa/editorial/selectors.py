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
    """Answered by the portal's site access, like every other scope question."""
    from congxa.portal.site_access import user_administers_site as administers

    return administers(user, site_id)


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


def user_may_join_board(user, *, site: Site, actor) -> bool:
    """A commune administrator may add a person who has no group at all, or
    roles only in communes they administer too; never a superuser, never a
    holder of another group (a province operator), never someone of another
    commune."""
    if actor is not None and actor.is_superuser:
        return True
    if user.is_superuser:
        return False
    user_sites = set(sites_for_user(user).values_list("pk", flat=True))
    if not user_sites:
        return not user.groups.exists()
    if actor is None:
        return False
    allowed = set(sites_for_user(actor, role=Role.ADMIN).values_list("pk", flat=True))
    return user_sites <= allowed | {site.pk} and site.pk in allowed
