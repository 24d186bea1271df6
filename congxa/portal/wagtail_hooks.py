"""The portal's admin: emergency alerts and the compliance overview."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, UpdatedAtColumn
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.snippets.models import register_snippet

from .alerts import EmergencyAlert
from .compliance import compliance_overview
from .site_access import SiteScopedViewSet, sites_for_user


class EmergencyAlertViewSet(SiteScopedViewSet):
    model = EmergencyAlert
    icon = "warning"
    menu_label = _("Emergency alerts")
    menu_name = "emergency-alerts"
    menu_order = 290
    add_to_admin_menu = True
    copy_view_enabled = False
    list_display = [
        "title",
        Column("site", label=_("commune")),
        "level",
        "starts_at",
        "ends_at",
        UpdatedAtColumn(),
    ]
    list_filter = ["level"]
    search_fields = ["title", "message"]
    ordering = ["-starts_at"]


register_snippet(EmergencyAlertViewSet)


class ComplianceOverviewView(WagtailAdminTemplateMixin, TemplateView):
    """Each mandatory category of each commune the user manages: present, empty
    or stale, with its newest item and a link to add one."""

    template_name = "portal/compliance/overview.html"
    page_title = _("Information completeness")
    header_icon = "tasks"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["overview"] = compliance_overview(sites_for_user(self.request.user))
        return context


@hooks.register("register_admin_urls")
def register_compliance_url():
    return [
        path(
            "compliance/",
            ComplianceOverviewView.as_view(),
            name="congxa_compliance",
        )
    ]


@hooks.register("register_admin_menu_item")
def register_compliance_menu_item():
    return MenuItem(
        _("Information completeness"),
        reverse("congxa_compliance"),
        name="compliance",
        icon_name="tasks",
        order=150,
    )
