"""Organisation, officials and schedules in the Wagtail admin, per commune."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from congxa.portal.site_access import SiteScopedViewSet

from .models import Official, OrganisationUnit, ScheduleEntry


class OrganisationUnitViewSet(SiteScopedViewSet):
    model = OrganisationUnit
    icon = "group"
    menu_label = _("Organisation units")
    menu_name = "organisation-units"
    copy_view_enabled = False
    list_display = [
        "name",
        Column("parent", label=_("parent unit")),
        Column("site", label=_("commune")),
        "phone",
        "sort_order",
    ]
    search_fields = ["name", "functions"]
    ordering = ["site", "sort_order", "name"]


class OfficialViewSet(SiteScopedViewSet):
    model = Official
    icon = "user"
    menu_label = _("Officials")
    menu_name = "officials"
    copy_view_enabled = False
    list_display = [
        "name",
        "position",
        Column("unit", label=_("unit")),
        Column("site", label=_("commune")),
        "is_leader",
        "is_information_contact",
        UpdatedAtColumn(),
    ]
    list_filter = ["is_leader", "is_information_contact"]
    search_fields = ["name", "position"]
    ordering = ["site", "sort_order", "name"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("unit")


class ScheduleEntryViewSet(SiteScopedViewSet):
    model = ScheduleEntry
    icon = "date"
    menu_label = _("Schedule entries")
    menu_name = "schedule-entries"
    copy_view_enabled = True
    list_display = [
        "date",
        "start_time",
        "content",
        "kind",
        "chair",
        Column("site", label=_("commune")),
    ]
    list_filter = {"kind": ["exact"], "date": ["gte", "lte"]}
    search_fields = ["content", "chair", "location"]
    ordering = ["-date", "start_time"]


class PeopleViewSetGroup(SnippetViewSetGroup):
    items = (OfficialViewSet, OrganisationUnitViewSet, ScheduleEntryViewSet)
    menu_icon = "group"
    menu_label = _("Organisation and schedule")
    menu_name = "people"
    menu_order = 260


register_snippet(PeopleViewSetGroup)
