"""The catalog in the Wagtail admin: browse and inspect; imports do the writing."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import AdministrativeProcedure


class AdministrativeProcedureViewSet(SnippetViewSet):
    model = AdministrativeProcedure
    icon = "list-ul"
    menu_label = _("Administrative procedures")
    menu_name = "procedures"
    menu_order = 250
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["code", "name", "sector", "level", UpdatedAtColumn()]
    list_filter = {"sector": ["exact"], "level": ["icontains"]}
    list_per_page = 50
    search_fields = ["code", "name", "sector"]
    ordering = ["sector", "name"]
    inspect_view_fields = [
        "code",
        "name",
        "sector",
        "level",
        "procedure_type",
        "decision_number",
        "target_groups",
        "competent_agency",
        "receiving_address",
        "authorised_agency",
        "coordinating_agency",
        "implementing_agency",
        "related_procedures",
        "steps",
        "channels",
        "documents",
        "legal_basis",
        "results",
        "conditions",
        "online_service_level",
        "detail_url",
        "updated_at",
    ]


register_snippet(AdministrativeProcedureViewSet)
