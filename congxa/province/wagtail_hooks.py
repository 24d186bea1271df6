from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from congxa.portal.admin_menu import PermittedMenuItem
from congxa.portal.site_access import is_province_operator

from . import views


@hooks.register("register_admin_urls")
def register_province_urls():
    return [
        path("tinh/", views.overview, name="province_overview"),
        path("tinh/them-xa/", views.commune_add, name="province_commune_add"),
        path("tinh/<int:site_id>/", views.commune_detail, name="province_commune"),
        path(
            "tinh/<int:site_id>/quan-tri-xa/",
            views.first_administrator,
            name="province_administrator",
        ),
        path(
            "tinh/<int:site_id>/mo-khoa/<int:user_id>/",
            views.account_unlock,
            name="province_unlock",
        ),
        path(
            "tinh/<int:site_id>/dat-lai-2-buoc/<int:user_id>/",
            views.account_two_factor_reset,
            name="province_two_factor_reset",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_province_menu_item():
    return PermittedMenuItem(
        _("Province administration"),
        reverse("province_overview"),
        shown=is_province_operator,
        icon_name="site",
        order=50,
    )


@hooks.register("register_log_actions")
def register_province_actions(actions):
    actions.register_action(
        views.COMMUNE_CREATED, _("Commune created"), _("Commune created")
    )
