"""Whether a stored file may be served: files follow their pages.

The one decision every route that can reach a document's (or an original
image's) bytes asks: Wagtail's document serve view (`before_serve_document`
hook), the `/media/documents/` and `/media/original_images/` addresses of the
embedded default, the document page's own download route and, through the same
app, the nginx recipe (which hands those two folders to the app instead of
reading them from disk). Object storage (S3) keeps the same files private and
serves them only through these routes.

A file is served only while at least one live page that lets the visitor in
refers to it (a document page's attachment, a disclosure item, a link in rich
text: what Wagtail's reference index records of each page's live content; a
private page's file goes only to those its restriction admits), or when it sits
in a collection an administrator made public on purpose (`PublicCollection`).
People who may manage the file in the admin always get it, so an editor can open
a draft's attachment. Everything else is a 404, never a 403: a withdrawn file
must not even be confirmed to exist.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest
from wagtail.models import Page, ReferenceIndex

# What the admin lets a person do with a file that makes them see it.
MANAGE_ACTIONS = ["add", "change", "choose", "delete"]


def _referencing_page_ids(obj) -> list[int]:
    """Pages whose stored (live) content refers to `obj`, by Wagtail's index."""
    page_type = ContentType.objects.get_for_model(Page)
    return [
        int(object_id)
        for object_id in ReferenceIndex.get_references_to(obj)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
        .distinct()
    ]


# Pages looked at per request: a file linked from more live pages than this,
# all of them private, is refused (fail closed).
MAX_PAGES_CHECKED = 20


def referenced_by_open_page(obj, request: HttpRequest | None = None) -> bool:
    """At least one live page refers to `obj` and lets this visitor in: a public
    page, or a private one whose restrictions `request` satisfies (logged in,
    in the group, or the page's password given)."""
    page_ids = _referencing_page_ids(obj)
    if not page_ids:
        return False
    live = Page.objects.filter(pk__in=page_ids).live()
    if live.public().exists():
        return True
    if request is None:
        return False
    for page in live.order_by("pk")[:MAX_PAGES_CHECKED]:
        restrictions = page.get_view_restrictions()
        if all(restriction.accept_request(request) for restriction in restrictions):
            return True
    return False


def in_public_collection(obj) -> bool:
    from .models import PublicCollection

    collection_id = getattr(obj, "collection_id", None)
    return (
        collection_id is not None
        and PublicCollection.objects.filter(collection_id=collection_id).exists()
    )


def _manages(user, obj) -> bool:
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    from wagtail.documents import get_document_model

    if isinstance(obj, get_document_model()):
        from wagtail.documents.permissions import permission_policy
    else:
        from wagtail.images.permissions import permission_policy
    return permission_policy.user_has_any_permission_for_instance(
        user, MANAGE_ACTIONS, obj
    )


def file_may_be_served(obj, request: HttpRequest | None = None) -> bool:
    """Whether the file of `obj` (a document, or an image's original) may go to
    whoever sent `request`. The only place this is decided."""
    if request is not None and _manages(getattr(request, "user", None), obj):
        return True
    return in_public_collection(obj) or referenced_by_open_page(obj, request)


def document_for_storage_name(name: str):
    """The document stored under `name` (`documents/...`), or None."""
    from wagtail.documents import get_document_model

    return get_document_model().objects.filter(file=name).first()


def image_for_storage_name(name: str):
    """The image whose original is stored under `name`, or None."""
    from wagtail.images import get_image_model

    return get_image_model().objects.filter(file=name).first()
