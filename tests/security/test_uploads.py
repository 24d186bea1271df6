"""Uploads checked by content: polyglots, fake PDFs, bombs, SVG, huge bodies."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.handlers.wsgi import WSGIHandler
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model


@pytest.fixture
def admin(client, django_user_model):
    user = django_user_model.objects.create_superuser("bbt", "bbt@example.vn", "x" * 14)
    client.force_login(user)
    return user


def png_bytes(size=(32, 24)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (20, 120, 200)).save(buffer, format="PNG")
    return buffer.getvalue()


def upload_image(client, name: str, content: bytes, content_type="image/png"):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Ảnh thử",
            "file": SimpleUploadedFile(name, content, content_type=content_type),
            "collection": "1",
        },
    )


def test_real_png_is_accepted_and_renamed(client, admin):
    response = upload_image(client, "ảnh của tôi.png", png_bytes())
    assert response.status_code == 302
    image = get_image_model().objects.get()
    assert "ảnh" not in image.file.name
    assert image.file.name.endswith(".png")


def test_polyglot_png_with_html_is_refused_with_message(client, admin):
    content = png_bytes() + b"<html><script>alert(document.cookie)</script></html>"
    response = upload_image(client, "anh.png", content)
    assert response.status_code == 200
    assert "có chứa mã HTML hoặc mã lệnh" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_svg_with_script_is_refused(client, admin):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    response = upload_image(client, "logo.svg", svg, "image/svg+xml")
    assert response.status_code == 200
    assert not get_image_model().objects.exists()


def test_html_renamed_png_is_refused(client, admin):
    response = upload_image(client, "anh.png", b"<html><body>hi</body></html>")
    assert response.status_code == 200
    assert not get_image_model().objects.exists()


def test_truncated_image_is_refused(client, admin):
    buffer = io.BytesIO()
    PILImage.new("RGB", (400, 300), (200, 10, 10)).save(buffer, format="JPEG")
    response = upload_image(client, "hong.jpg", buffer.getvalue()[:600], "image/jpeg")
    assert response.status_code == 200
    assert not get_image_model().objects.exists()


def decompression_bomb_png(width=20000, height=20000) -> bytes:
    """A valid PNG header of 400 million pixels with a tiny compressed body."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    row = b"\x00" + b"\x00" * (width // 8)
    compressor = zlib.compressobj(9)
    body = b"".join(compressor.compress(row) for _ in range(200)) + compressor.flush()
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", body)
        + chunk(b"IEND", b"")
    )


def test_decompression_bomb_is_refused_before_decoding(client, admin):
    bomb = decompression_bomb_png()
    assert len(bomb) < 100_000
    response = upload_image(client, "bom.png", bomb)
    assert response.status_code == 200
    assert not get_image_model().objects.exists()


def test_html_renamed_pdf_document_is_refused(client, admin):
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Văn bản giả",
            "file": SimpleUploadedFile(
                "quyet-dinh.pdf",
                b"<html><script>alert(1)</script></html>",
                content_type="application/pdf",
            ),
            "collection": "1",
        },
    )
    assert response.status_code == 200
    assert not get_document_model().objects.exists()


class LazyZeros(io.RawIOBase):
    """A request body of `size` bytes that is never held in memory."""

    def __init__(self, size: int):
        self.remaining = size
        self.read_bytes = 0

    def readable(self):
        return True

    def readinto(self, buffer):
        count = min(len(buffer), self.remaining)
        buffer[:count] = b"\x00" * count
        self.remaining -= count
        self.read_bytes += count
        return count


def test_200_megabyte_upload_is_refused_without_being_read(db):
    size = 200 * 1024 * 1024
    body = LazyZeros(size)
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/admin/images/add/",
        "SERVER_NAME": "vinhthuy.localhost",
        "SERVER_PORT": "80",
        "HTTP_HOST": "vinhthuy.localhost",
        "CONTENT_TYPE": "multipart/form-data; boundary=xyz",
        "CONTENT_LENGTH": str(size),
        "wsgi.input": body,
        "wsgi.url_scheme": "http",
        "wsgi.errors": io.StringIO(),
    }
    statuses = []
    chunks = WSGIHandler()(environ, lambda status, headers: statuses.append(status))
    html = b"".join(chunks).decode()
    assert statuses[0].startswith("413")
    assert "Tệp quá lớn" in html
    assert body.read_bytes < 1024 * 1024
