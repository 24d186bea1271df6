"""What the documents app shows on a commune's home page: “Văn bản mới”."""

from congxa.portal.home import HomeBlock, home_child_of_type, register_home_block

LATEST_COUNT = 5


def latest_documents_context(request, home_page):
    from .models import DocumentIndexPage, LegalDocumentPage

    documents = list(
        LegalDocumentPage.objects.descendant_of(home_page)
        .live()
        .public()
        .select_related("document_type")
        .order_by("-first_published_at", "-pk")[:LATEST_COUNT]
    )
    if not documents:
        return None
    index = home_child_of_type(request, home_page, DocumentIndexPage)
    return {"documents": documents, "index": index}


def register() -> None:
    register_home_block(
        HomeBlock(
            name="documents-latest",
            template="documents/includes/home_latest.html",
            get_context=latest_documents_context,
            area="side",
            order=20,
        )
    )
