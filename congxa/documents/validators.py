"""Uploaded files are checked by what they contain, not by what they are called.

A `.pdf` must start like a PDF, a `.doc`/`.xls` must be an OLE2 compound file, a
`.docx`/`.xlsx` a ZIP package holding a Word or Excel part, an `.odt`/`.ods` an
OpenDocument package of the right kind. Anything else, an HTML page renamed
`.pdf` say, is refused before it is stored.
"""

from __future__ import annotations

import zipfile
from pathlib import PurePath
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

PDF_MAGIC = b"%PDF-"
OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
ZIP_MAGIC = b"PK\x03\x04"
# The PDF specification lets a header follow up to 1024 bytes of leading junk.
PDF_HEADER_WINDOW = 1024

OPENDOCUMENT_MIMETYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}
OOXML_PARTS = {"docx": "word/", "xlsx": "xl/"}

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}
# What a legal document may have attached: the formats citizens can open.
ATTACHMENT_EXTENSIONS = ("pdf", "doc", "docx", "xls", "xlsx")


def extension_of(name: str) -> str:
    return PurePath(name or "").suffix.lower().lstrip(".")


def max_upload_size() -> int:
    return settings.DOCUMENTS_MAX_UPLOAD_SIZE


def _head(file: IO[bytes], size: int) -> bytes:
    file.seek(0)
    head = file.read(size)
    file.seek(0)
    return head


def _zip_names(file: IO[bytes]) -> list[str] | None:
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as package:
            return package.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        file.seek(0)


def _opendocument_kind(file: IO[bytes]) -> bytes | None:
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as package:
            return package.read("mimetype").strip()
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return None
    finally:
        file.seek(0)


def content_matches_extension(file: IO[bytes], extension: str) -> bool:
    """Whether the bytes of `file` are really of the kind its extension says."""
    if extension == "pdf":
        return PDF_MAGIC in _head(file, PDF_HEADER_WINDOW)
    if extension in ("doc", "xls"):
        return _head(file, len(OLE2_MAGIC)) == OLE2_MAGIC
    if extension in OOXML_PARTS:
        if _head(file, len(ZIP_MAGIC)) != ZIP_MAGIC:
            return False
        names = _zip_names(file) or []
        part = OOXML_PARTS[extension]
        return "[Content_Types].xml" in names and any(
            name.startswith(part) for name in names
        )
    if extension in OPENDOCUMENT_MIMETYPES:
        if _head(file, len(ZIP_MAGIC)) != ZIP_MAGIC:
            return False
        return _opendocument_kind(file) == OPENDOCUMENT_MIMETYPES[extension]
    return False


def validate_document_upload(file) -> None:
    """Refuse a file that is too large or whose content does not match its name.

    Messages are in Vietnamese directly: they are read by commune editors.
    """
    limit = max_upload_size()
    if file.size is not None and file.size > limit:
        raise ValidationError(
            "Tệp quá lớn (%(size)s). Dung lượng tối đa cho phép là %(limit)s.",
            code="file_too_large",
            params={"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
        )
    extension = extension_of(file.name)
    if extension not in CONTENT_TYPES:
        raise ValidationError(
            "Không nhận loại tệp “.%(extension)s”. Chỉ nhận tệp PDF, Word (DOC, "
            "DOCX), Excel (XLS, XLSX) hoặc OpenDocument (ODT, ODS).",
            code="unsupported_type",
            params={"extension": extension},
        )
    if not content_matches_extension(file, extension):
        raise ValidationError(
            "Nội dung tệp không đúng định dạng %(kind)s như phần mở rộng “.%(ext)s” "
            "của tên tệp. Vui lòng tải lên đúng tệp gốc.",
            code="content_mismatch",
            params={"kind": extension.upper(), "ext": extension},
        )
