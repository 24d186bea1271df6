from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from congxa.portal.admin_menu import PermittedMenuItem

from . import audit, lockout, views


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path(
            "xac-thuc-hai-buoc/thiet-lap/",
            views.two_factor_setup,
            name="accounts_two_factor_setup",
        ),
        path(
            "xac-thuc-hai-buoc/",
            views.two_factor_verify,
            name="accounts_two_factor_verify",
        ),
        path(
            "dang-nhap-bi-khoa/",
            views.locked_logins,
            name="accounts_locked_logins",
        ),
    ]


@hooks.register("register_settings_menu_item")
def register_locked_logins_menu_item():
    return PermittedMenuItem(
        _("Locked logins"),
        reverse("accounts_locked_logins"),
        shown=lockout.may_unlock,
        icon_name="lock",
        order=650,
    )


@hooks.register("register_log_actions")
def register_account_actions(actions):
    actions.register_action(audit.LOGIN, _("Log in"), _("Logged in"))
    actions.register_action(audit.LOGIN_FAILED, _("Failed login"), _("Failed login"))
    actions.register_action(
        audit.LOCKED_OUT, _("Locked out"), _("Locked out after repeated failures")
    )
    actions.register_action(
        audit.UNLOCKED, _("Account unlocked"), _("Account unlocked")
    )
    actions.register_action(
        audit.TWO_FACTOR_ENABLED,
        _("Two-step verification on"),
        _("Two-step verification turned on"),
    )
    actions.register_action(
        audit.TWO_FACTOR_RESET,
        _("Two-step verification reset"),
        _("Two-step verification reset"),
    )
