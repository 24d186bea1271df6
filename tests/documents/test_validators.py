"""Files are judged by their content, not their name."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from congxa.documents.pdf import simple_pdf
from congxa.documents.validators import (
    OLE2_MAGIC,
    content_matches_extension,
    validate_document_upload,
)


def package(*names: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("a.pdf", simple_pdf(["Thông báo"])),
        ("a.doc", OLE2_MAGIC + b"\0" * 504),
        ("a.xls", OLE2_MAGIC + b"\0" * 504),
        ("a.docx", package("[Content_Types].xml", "word/document.xml")),
        ("a.xlsx", package("[Content_Types].xml", "xl/workbook.xml")),
    ],
)
def test_genuine_files_pass(name, content):
    validate_document_upload(SimpleUploadedFile(name, content))


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("a.pdf", b"<html>gambling</html>"),
        ("a.doc", b"%PDF-1.4"),
        ("a.docx", package("[Content_Types].xml", "xl/workbook.xml")),
        ("a.xlsx", package("[Content_Types].xml", "word/document.xml")),
        ("a.xlsx", b"PK\x03\x04 truncated"),
        ("a.odt", package("mimetype")),
    ],
)
def test_content_that_does_not_match_its_name_is_refused(name, content):
    with pytest.raises(ValidationError) as error:
        validate_document_upload(SimpleUploadedFile(name, content))
    assert "Nội dung tệp không đúng định dạng" in error.value.messages[0]


def test_unknown_kind_of_file_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_document_upload(SimpleUploadedFile("a.exe", b"MZ"))
    assert "Không nhận loại tệp “.exe”" in error.value.messages[0]


def test_check_leaves_the_file_readable_from_the_start():
    file = SimpleUploadedFile("a.pdf", simple_pdf(["x"]))
    assert content_matches_extension(file, "pdf")
    assert file.read(5) == b"%PDF-"
