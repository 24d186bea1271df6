"""Set up a commune's editorial board and put people in its roles."""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from congxa.vi.names import name_parts

from .enums import Role
from .models import BoardRole, EditorialBoard

ROLE_GRANTED = "congxa.role_granted"
ROLE_REVOKED = "congxa.role_revoked"

# Group names are content an administrator reads in the admin, so they are in
# Vietnamese: “Xã Vĩnh Thủy - Phóng viên”.
GROUP_SUFFIX = {
    Role.WRITER: "Phóng viên",
    Role.EDITOR: "Biên tập viên",
    Role.APPROVER: "Trưởng ban biên tập",
    Role.ADMIN: "Quản trị xã",
}
WORKFLOW_SUFFIX = "Quy trình duyệt tin"
REVIEW_TASK_SUFFIX = "Biên tập viên duyệt"
APPROVAL_TASK_SUFFIX = "Trưởng ban biên tập duyệt và xuất bản"

# Page permissions on the commune's home page (and so on everything below it).
# A writer with only "add" edits their own pages and submits them for review.
PAGE_PERMISSIONS = {
    Role.WRITER: ["add"],
    Role.EDITOR: ["add", "change"],
    Role.APPROVER: ["add", "change", "publish", "lock", "unlock"],
    Role.ADMIN: ["add", "change", "publish", "lock", "unlock"],
}
# Image and document permissions in the commune's collection.
MEDIA_PERMISSIONS = {
    Role.WRITER: ["add", "choose"],
    Role.EDITOR: ["add", "choose", "change"],
    Role.APPROVER: ["add", "choose", "change"],
    Role.ADMIN: ["add", "choose", "change", "delete"],
}
# Per-site settings the commune administrator edits; the editorial scope
# middleware keeps them to their own site. (app_label, model) pairs, skipped
# when the app is not installed.


def account_create(*, username: str, email: str, full_name: str):
    """A new person's account with a temporary password, returned once with it:
    (user, password). The admin screens and the commands that add an editor, a
    commune's first administrator or a province operator all make it so."""
    import secrets

    from django.contrib.auth import get_user_model

    password = secrets.token_urlsafe(12)
    first_name, last_name = name_parts(full_name)
    user = get_user_model().objects.create_user(
        username=username,
        email=email,
        password=password,
        first_name=first_name,
        last_name=last_name,
    )
    return user, password


def site_settings_models() -> list:
    """Every per-site settings model installed (commune identity, link allow
    list, procedure selection, engagement settings...)."""
    from wagtail.contrib.settings.models import BaseSiteSetting

    return [
        model
        for model in apps.get_models()
        if issubclass(model, BaseSiteSetting) and not model._meta.abstract
    ]


def commune_name(site: Site) -> str:
    from congxa.portal.models import CommuneSettings

    settings = CommuneSettings.objects.filter(site=site).first()
    return (settings and settings.commune_name) or site.site_name or site.hostname


def _unique_group_name(name: str, site: Site, board: EditorialBoard | None) -> str:
    taken = Group.objects.filter(name=name)
    if board is not None:
        taken = taken.exclude(board_role__board=board)
    if taken.exists():
        return f"{name} ({site.hostname})"
    return name


def _collection_for(name: str) -> Collection:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


SEARCH_PERMISSIONS = [
    "add_synonym",
    "change_synonym",
    "delete_synonym",
    "view_synonym",
    "view_querycount",
]
# The commune's search promotions ("Kết quả được đề xuất"): Wagtail's model
# permissions, scoped to the commune's pages by congxa/search/promotions.py.
PROMOTION_PERMISSIONS = [
    "add_searchpromotion",
    "change_searchpromotion",
    "delete_searchpromotion",
]


def _perm(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _media_permission(model, action: str) -> Permission:
    content_type = ContentType.objects.get_for_model(model)
    return Permission.objects.get(
        content_type=content_type, codename=f"{action}_{model._meta.model_name}"
    )


def _grant(group: Group, role: Role, board: EditorialBoard) -> None:
    home = board.site.root_page
    for action in PAGE_PERMISSIONS[role]:
        GroupPagePermission.objects.get_or_create(
            group=group, page=home, permission=_perm("wagtailcore", f"{action}_page")
        )
    for model in (get_image_model(), get_document_model()):
        for action in MEDIA_PERMISSIONS[role]:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=board.collection,
                permission=_media_permission(model, action),
            )
    group.permissions.add(_perm("wagtailadmin", "access_admin"))
    settings_permissions = [
        _perm(model._meta.app_label, f"change_{model._meta.model_name}")
        for model in site_settings_models()
    ]
    # A model-wide permission on a per-site setting opens it for every commune;
    # only the per-site one is kept (Wagtail's GroupSitePermission).
    group.permissions.remove(*settings_permissions)
    if role != Role.WRITER and apps.is_installed("congxa.search"):
        # The commune's own synonyms, its search statistics and its search
        # promotions (scoped to the commune by the search app's views).
        for codename in SEARCH_PERMISSIONS:
            group.permissions.add(_perm("congxa_search", codename))
        if apps.is_installed("wagtail.contrib.search_promotions"):
            for codename in PROMOTION_PERMISSIONS:
                group.permissions.add(_perm("wagtailsearchpromotions", codename))
    if role == Role.ADMIN:
        for permission in settings_permissions:
            GroupSitePermission.objects.get_or_create(
                group=group, site=board.site, permission=permission
            )
        # The commune's locked logins (congxa/accounts/lockout.py).
        if apps.is_installed("congxa.accounts"):
            group.permissions.add(_perm("accounts", "unlock_login"))


def _workflow(board_name: str, editor: Group, approver: Group) -> Workflow:
    workflow, _ = Workflow.objects.get_or_create(
        name=f"{board_name} - {WORKFLOW_SUFFIX}"
    )
    if not workflow.workflow_tasks.exists():
        review = GroupApprovalTask.objects.create(
            name=f"{board_name} - {REVIEW_TASK_SUFFIX}"
        )
        review.groups.set([editor])
        approval = GroupApprovalTask.objects.create(
            name=f"{board_name} - {APPROVAL_TASK_SUFFIX}"
        )
        approval.groups.set([approver])
        WorkflowTask.objects.create(workflow=workflow, task=review, sort_order=0)
        WorkflowTask.objects.create(workflow=workflow, task=approval, sort_order=1)
    return workflow


@transaction.atomic
def commune_roles_setup(*, site: Site) -> EditorialBoard:
    """Create (or complete) a commune's groups, collection and workflow.

    Idempotent: running it again adds whatever is missing and changes nothing else.
    """
    name = commune_name(site)
    board = EditorialBoard.objects.filter(site=site).first()
    groups: dict[Role, Group] = {}
    for role in Role:
        board_role = board and board.roles.filter(role=role).first()
        if board_role:
            groups[role] = board_role.group
        else:
            group_name = _unique_group_name(
                f"{name} - {GROUP_SUFFIX[role]}", site, board
            )
            groups[role] = Group.objects.get_or_create(name=group_name)[0]
    if board is None:
        board = EditorialBoard.objects.create(
            site=site,
            collection=_collection_for(name),
            workflow=_workflow(name, groups[Role.EDITOR], groups[Role.APPROVER]),
        )
    for role, group in groups.items():
        BoardRole.objects.get_or_create(board=board, role=role, group=group)
        _grant(group, role, board)
    WorkflowPage.objects.update_or_create(
        page=site.root_page, defaults={"workflow": board.workflow}
    )
    return board


def board_group(*, site: Site, role: Role) -> Group:
    board = EditorialBoard.objects.filter(site=site).first()
    if board is None:
        raise EditorialBoard.DoesNotExist(site)
    return board.roles.get(role=role).group


def _membership_change(*, user, site: Site, role: Role, actor, granted: bool):
    group = board_group(site=site, role=role)
    (group.user_set.add if granted else group.user_set.remove)(user)
    log(
        instance=user,
        action=ROLE_GRANTED if granted else ROLE_REVOKED,
        user=actor,
        data={"group": group.name, "site": site.hostname, "role": str(role)},
    )
    return group


@transaction.atomic
def editor_add(*, user, site: Site, role: Role, actor=None) -> Group:
    """Give a user a role on a commune's board; recorded in the audit log."""
    return _membership_change(
        user=user, site=site, role=role, actor=actor, granted=True
    )


@transaction.atomic
def editor_remove(*, user, site: Site, role: Role, actor=None) -> Group:
    """Take a role on a commune's board from a user; recorded in the audit log."""
    return _membership_change(
        user=user, site=site, role=role, actor=actor, granted=False
    )
