from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import selectors, services, views
from .enums import Role


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
    ]


class BoardMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        return (
            user.is_superuser
            or selectors.sites_for_user(user, role=Role.ADMIN).exists()
        )


@hooks.register("register_admin_menu_item")
def register_board_menu_item():
    return BoardMenuItem(
        _("Editorial board"),
        reverse("editorial_board_index"),
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
