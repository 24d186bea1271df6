"""The managed lists in the admin, under the “Snippets” menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import DocumentField, DocumentType


class DocumentTypeViewSet(SnippetViewSet):
    model = DocumentType
    icon = "doc-full"
    menu_label = _("Document types")
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


class DocumentFieldViewSet(SnippetViewSet):
    model = DocumentField
    icon = "tag"
    menu_label = _("Document fields")
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


register_snippet(DocumentTypeViewSet)
register_snippet(DocumentFieldViewSet)
