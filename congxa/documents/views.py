"""Serving a document's file under a Vietnamese name, and the stored files of
documents and original images, each only when `access.file_may_be_served`."""

from __future__ import annotations

import mimetypes
from urllib.parse import quote

from django.http import FileResponse, Http404, HttpRequest

from congxa.vi.text import strip_marks

from .access import (
    document_for_storage_name,
    file_may_be_served,
    image_for_storage_name,
)
from .validators import CONTENT_TYPES, extension_of


def ascii_file_name(name: str) -> str:
    """`Quyet dinh 15-2025-QD-UBND.pdf`: the name for clients without RFC 5987."""
    return "".join(
        ch if ch.isascii() and ch.isprintable() and ch not in '"\\' else "_"
        for ch in strip_marks(name)
    )


def content_disposition(file_name: str) -> str:
    """`attachment` with an ASCII fallback and the UTF-8 name (RFC 6266/5987)."""
    return (
        f'attachment; filename="{ascii_file_name(file_name)}"; '
        f"filename*=UTF-8''{quote(file_name, safe='')}"
    )


def serve_attachment(request: HttpRequest, page, attachment_id: int) -> FileResponse:
    """The file of one attachment of a live page of this commune.

    Wagtail's routing has already found `page` within the request's site, live
    and (through its hooks) visible to this visitor.
    """
    attachment = (
        page.attachments.select_related("document").filter(pk=attachment_id).first()
    )
    if attachment is None or not file_may_be_served(attachment.document, request):
        raise Http404
    return _stored_file_response(
        attachment.document, attachment_name=page.download_file_name(attachment)
    )


# Not kept by browsers or proxies: a file withdrawn now must be gone now.
PRIVATE_CACHE_CONTROL = "private, no-cache"


def _stored_file_response(obj, *, attachment_name: str = "") -> FileResponse:
    try:
        handle = obj.file.open("rb")
    except (FileNotFoundError, OSError, ValueError) as exc:
        raise Http404 from exc
    extension = extension_of(obj.file.name)
    response = FileResponse(
        handle,
        content_type=CONTENT_TYPES.get(extension)
        or mimetypes.guess_type(obj.file.name)[0]
        or "application/octet-stream",
    )
    if attachment_name:
        response["Content-Disposition"] = content_disposition(attachment_name)
    response["Cache-Control"] = PRIVATE_CACHE_CONTROL
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def media_document(request: HttpRequest, path: str) -> FileResponse:
    """`/media/documents/<name>`: the stored file, through the same gate."""
    document = document_for_storage_name(f"documents/{path}")
    if document is None or not file_may_be_served(document, request):
        raise Http404
    return _stored_file_response(document, attachment_name=document.filename)


def media_original_image(request: HttpRequest, path: str) -> FileResponse:
    """`/media/original_images/<name>`: an image's upload, through the gate.

    Public pages show renditions (`/media/images/`), never the original; an
    original goes out only while a page that lets this visitor in uses it.
    """
    image = image_for_storage_name(f"original_images/{path}")
    if image is None or not file_may_be_served(image, request):
        raise Http404
    return _stored_file_response(image)
