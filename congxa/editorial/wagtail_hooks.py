from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from congxa.editorial.manuals import MANUALS
from congxa.portal.admin_menu import PermittedMenuItem
from congxa.portal.site_access import is_province_operator
from congxa.portal.wagtail_patches import workflow_state_memo

from . import selectors, services, slugs, views
from .enums import Role
from .page_form import SLUG_NOTE_ATTRIBUTE


@hooks.register("register_admin_urls")
def register_board_urls():
    return [
        path("ban-bien-tap/", views.board_index, name="editorial_board_index"),
        path("ban-bien-tap/<int:site_id>/", views.board, name="editorial_board"),
        path(
            "ban-bien-tap/<int:site_id>/nhat-ky/",
            views.audit_log,
            name="editorial_audit_log",
        ),
        path(
            "ban-bien-tap/<int:site_id>/bo/<int:user_id>/<str:role>/",
            views.member_remove,
            name="editorial_member_remove",
        ),
        path(
            "ban-bien-tap/<int:site_id>/mo-khoa/<int:user_id>/",
            views.member_unlock,
            name="editorial_member_unlock",
        ),
        path(
            "huong-dan/anh/<str:image>",
            views.manual_image,
            name="editorial_manual_image",
        ),
        path("huong-dan/<slug:name>/", views.manual, name="editorial_manual"),
        path(
            "huong-dan/<slug:name>/ban-in/",
            views.manual_print,
            name="editorial_manual_print",
        ),
    ]


def _may_manage_a_board(user) -> bool:
    return user.is_superuser or selectors.sites_for_user(user, role=Role.ADMIN).exists()


@hooks.register("register_admin_menu_item")
def register_board_menu_item():
    return PermittedMenuItem(
        _("Editorial board"),
        reverse("editorial_board_index"),
        shown=_may_manage_a_board,
        icon_name="group",
        order=9000,
    )


@hooks.register("register_log_actions")
def register_role_actions(actions):
    actions.register_action(services.ROLE_GRANTED, _("Role granted"), _("Role granted"))
    actions.register_action(services.ROLE_REVOKED, _("Role removed"), _("Role removed"))


@hooks.register("construct_page_chooser_queryset")
def page_chooser_in_own_communes(pages, request):
    """The link and page choosers browse and search only the user's communes
    (and the pages above their home page, to browse down)."""
    from congxa.portal.site_access import site_access

    return pages.filter(site_access(request.user).pages_q())


@hooks.register("insert_global_admin_js")
def congxa_admin_script():
    return slugs.admin_script_tag()


@hooks.register("after_create_page")
def tell_about_a_taken_address(request, page):
    note = getattr(page, SLUG_NOTE_ATTRIBUTE, None)
    if note:
        messages.warning(request, note)


@hooks.register("construct_help_menu")
def vietnamese_manuals_in_help_menu(request, menu_items):
    """The Help menu opens congxa's manuals, not Wagtail's English guide and news."""
    menu_items[:] = [
        item
        for item in menu_items
        if item.name != "editor-guide" and not item.name.startswith("whats-new")
    ]
    for order, name in enumerate(MANUALS):
        menu_items.append(
            MenuItem(
                views.MANUAL_LABELS[name],
                reverse("editorial_manual", args=[name]),
                name=f"manual-{name}",
                icon_name="help",
                order=900 + order,
            )
        )
    menu_items.sort(key=lambda item: item.order)


@hooks.register("register_log_actions", order=100)
def created_as_an_event(actions):
    """Wagtail's "Created" log message shares its msgid with the "Created" date
    column (Ngày tạo); in the history it is the event (Đã tạo)."""
    actions.register_action(
        "wagtail.create", _("Create"), pgettext_lazy("log entry", "Created")
    )


@hooks.register("construct_reports_menu")
def deployment_reports_for_the_province(request, menu_items):
    """The page-type report counts every commune's pages; the middleware lets
    only the province see it, so nobody else is offered a menu item that
    answers "no access"."""
    if not is_province_operator(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]


@hooks.register("before_edit_page")
def read_workflow_once(request, page):
    """The edit form asks for the page's workflow three times (two action-menu
    entries, the "submit" label); Wagtail reads it from `_congxa_workflow`
    (`portal.wagtail_patches.page_workflow_memo`). Found once for a GET, where
    nothing in the request changes it (a POST may submit or cancel the
    workflow, so it reads afresh). The workflow state is shared the same way
    by `portal.wagtail_patches.page_edit_prefetch`."""
    if request.method == "GET":
        page._congxa_workflow = selectors.nearest_workflow(page)
        # A page in moderation: its workflow state reads this workflow
        # (`portal.wagtail_patches.workflow_state_memo`).
        states = page.__dict__.get("_current_workflow_states")
        if states:
            workflow_state_memo.workflow_share(states[0], page._congxa_workflow)
