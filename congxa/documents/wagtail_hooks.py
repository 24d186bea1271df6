"""The managed lists in the admin, under the “Snippets” menu."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .access import file_may_be_served
from .models import DocumentField, DocumentType, PublicCollection


class _NamedListViewSet(SnippetViewSet):
    """A short list an editor keeps in order: document types, fields."""

    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


class DocumentTypeViewSet(_NamedListViewSet):
    model = DocumentType
    icon = "doc-full"
    menu_label = _("Document types")


class DocumentFieldViewSet(_NamedListViewSet):
    model = DocumentField
    icon = "tag"
    menu_label = _("Document fields")


register_snippet(DocumentTypeViewSet)
register_snippet(DocumentFieldViewSet)


class PublicCollectionViewSet(SnippetViewSet):
    model = PublicCollection
    icon = "folder-open-inverse"
    menu_label = _("Public collections")
    list_display = ["collection", "note"]


register_snippet(PublicCollectionViewSet)


@hooks.register("before_serve_document")
def serve_only_files_that_follow_a_public_page(document, request):
    """Wagtail's /documents/<id>/<name> answers 404 for a withdrawn file."""
    if not file_may_be_served(document, request):
        raise Http404
