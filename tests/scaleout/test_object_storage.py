"""Media in S3 (moto's server, a real HTTP process): public images, private
documents, and what an unreachable storage does to pages and uploads."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.images import get_image_model
from wagtail.models import Collection

from congxa.documents.factories import PdfDocumentFactory
from congxa.operations.media_url import s3_storage_options
from congxa.portal.factories import ImageFactory, generated_jpeg

from .services import S3_ACCESS_KEY, S3_SECRET_KEY, MotoS3, get

HOST = "vinhthuy.localhost"


@pytest.fixture(scope="module")
def s3():
    server = MotoS3()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def s3_media(s3, settings, monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", S3_ACCESS_KEY)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", S3_SECRET_KEY)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "congxa.operations.storage.MediaStorage",
            "OPTIONS": s3_storage_options(s3.media_url("unit")),
        },
    }
    yield s3
    if s3.relay._listener is None:
        s3.relay.start()


def test_media_url_is_read_into_storage_options():
    options = s3_storage_options(
        "s3://anh-xa/tinh-qt?endpoint_url=https://s3.example.vn&region=hn-1"
    )
    assert options["bucket_name"] == "anh-xa"
    assert options["location"] == "tinh-qt"
    assert options["endpoint_url"] == "https://s3.example.vn"
    assert options["region_name"] == "hn-1"
    assert options["querystring_auth"] is False
    assert options["file_overwrite"] is False
    assert options["object_acls"] is True
    public = s3_storage_options("s3://b?public_url=https://media.tinh.gov.vn/anh&acl=0")
    assert public["custom_domain"] == "media.tinh.gov.vn/anh"
    assert public["object_acls"] is False


@pytest.mark.parametrize(
    "url",
    [
        "https://bucket/x",
        "s3:///prefix",
        "s3://bucket?endpoint=http://x",
        "s3://bucket?endpoint_url=ftp://x",
        "s3://bucket?acl=yes",
    ],
)
def test_bad_media_url_gets_a_vietnamese_message(url):
    with pytest.raises(ImproperlyConfigured, match="CONGXA_MEDIA_URL"):
        s3_storage_options(url)


def test_renditions_are_public_and_originals_go_through_the_app(db, s3_media):
    image = ImageFactory()
    rendition = image.get_rendition("fill-100x100")
    assert rendition.url.startswith(s3_media.endpoint + "/congxa-media/unit/")
    status, _, body = get(rendition.url)
    assert status == 200
    assert body[:3] == b"\xff\xd8\xff"
    # The original of a picture follows its pages (documents/access.py): its
    # address is the app's gated route, and the object itself is private.
    assert image.file.url == f"/media/{image.file.name}"
    direct = f"{s3_media.endpoint}/congxa-media/unit/{image.file.name}"
    assert get(direct)[0] == 403


def test_public_pages_let_images_come_from_the_storage(db, s3_media, client, home):
    csp = client.get("/", HTTP_HOST=HOST)["Content-Security-Policy"]
    assert f"img-src 'self' data: {s3_media.endpoint};" in csp
    assert "script-src 'self';" in csp


def test_documents_are_private_and_served_only_through_the_app(
    db, s3_media, client, admin_client
):
    document = PdfDocumentFactory(title="Quyết định số 12")
    key = f"unit/{document.file.name}"
    # The object's own address refuses an anonymous reader...
    status, _, _ = get(f"{s3_media.endpoint}/congxa-media/{key}")
    assert status == 403
    # ...and the app never hands that address out.
    with pytest.raises(NotImplementedError):
        document.file.url  # noqa: B018 (the property raises)
    assert document.url.startswith("/documents/")
    # The app's gate (congxa/documents/access.py) decides: a file no live page
    # refers to is refused to a visitor, streamed from S3 to its managers.
    assert client.get(document.url, HTTP_HOST=HOST).status_code == 404
    response = admin_client.get(document.url, HTTP_HOST=HOST)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_unreachable_storage_pages_render_uploads_fail_and_nothing_is_saved(
    db, s3_media, admin_user, home
):
    # As a server would: the exception becomes a response, not a test error.
    admin_client = Client(raise_request_exception=False)
    admin_client.force_login(admin_user)
    ImageFactory()
    images = get_image_model().objects.count()
    s3_media.relay.cut()
    assert admin_client.get("/", HTTP_HOST=HOST).status_code == 200
    picture = generated_jpeg(seed=3)
    picture.seek(0)
    response = admin_client.post(
        "/admin/images/add/",
        {
            "title": "Ảnh lúc kho lưu trữ gián đoạn",
            "collection": str(Collection.get_first_root_node().pk),
            "file": SimpleUploadedFile("a.jpg", picture.read(), "image/jpeg"),
        },
        HTTP_HOST=HOST,
    )
    html = response.content.decode()
    assert response.status_code == 503, (
        response.context and response.context.get("form").errors
    )
    assert response["Retry-After"] == "30"
    assert "Kho lưu trữ tệp tạm thời gián đoạn" in html
    assert get_image_model().objects.count() == images


def test_missing_image_file_renders_without_an_error(db, s3_media):
    image = ImageFactory()
    s3_media.relay.cut()
    # No rendition yet, and the original cannot be read: Wagtail's "not found"
    # rendition instead of an exception.
    from wagtail.images.shortcuts import get_rendition_or_not_found

    rendition = get_rendition_or_not_found(image, "fill-80x80")
    assert rendition is not None
