"""Serving a document's file under a Vietnamese name."""

from __future__ import annotations

from urllib.parse import quote

from django.http import FileResponse, Http404, HttpRequest

from congxa.vi.text import strip_marks

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
    if attachment is None:
        raise Http404
    document = attachment.document
    try:
        handle = document.file.open("rb")
    except (FileNotFoundError, OSError) as exc:
        raise Http404 from exc
    extension = extension_of(document.file.name)
    response = FileResponse(
        handle,
        content_type=CONTENT_TYPES.get(extension, "application/octet-stream"),
    )
    response["Content-Disposition"] = content_disposition(
        page.download_file_name(attachment)
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
