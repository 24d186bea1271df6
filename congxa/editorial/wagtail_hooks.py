from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

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


@hooks.register("insert_global_admin_js")
def vietnamese_slug_fields():
    return slugs.slug_script_tag()


@hooks.register("after_create_page")
def tell_about_a_taken_address(request, page):
    note = getattr(page, SLUG_NOTE_ATTRIBUTE, None)
    if note:
        messages.warning(request, note)
