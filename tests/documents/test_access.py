"""Files follow their pages: every URL that reaches a file asks one gate."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.models import Collection, PageViewRestriction, ReferenceIndex

from congxa.documents.access import file_may_be_served
from congxa.documents.factories import (
    LegalDocumentAttachmentFactory,
    PdfDocumentFactory,
)
from congxa.documents.models import PublicCollection
from congxa.documents.pdf import simple_pdf
from congxa.documents.storage_names import looks_unguessable
from congxa.news.factories import ArticlePageFactory, NewsIndexPageFactory
from congxa.portal.factories import ImageFactory

from .conftest import HOST

pytestmark = pytest.mark.django_db


def get(client, url):
    return client.get(url, HTTP_HOST=HOST)


def body_of(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def every_url(page, attachment) -> list[str]:
    """The three addresses that reach the bytes of one attached file."""
    document = attachment.document
    return [
        document.url,  # Wagtail's /documents/<id>/<name>
        "/media/" + document.file.name,  # the stored file
        page.attachment_url(attachment),  # the document page's download
    ]


def statuses(client, urls) -> list[int]:
    return [get(client, url).status_code for url in urls]


@pytest.fixture
def attached(decision):
    attachment = decision.attachments.select_related("document").get()
    return decision, attachment


def test_file_of_a_live_public_page_is_served_at_every_url(client, attached):
    page, attachment = attached
    for url in every_url(page, attachment):
        response = get(client, url)
        assert response.status_code == 200, url
        assert body_of(response).startswith(b"%PDF-")


def test_unpublished_page_takes_its_file_down_everywhere(client, attached):
    page, attachment = attached
    urls = every_url(page, attachment)
    page.unpublish()
    assert statuses(client, urls) == [404, 404, 404]
    assert "Không tìm thấy" in get(client, urls[0]).content.decode()


def test_deleted_page_takes_its_file_down_everywhere(client, attached):
    page, attachment = attached
    urls = every_url(page, attachment)[:2]
    page.delete()
    assert get_document_model().objects.filter(pk=attachment.document_id).exists()
    assert statuses(client, urls) == [404, 404]


def test_file_of_a_private_page_goes_only_to_those_it_admits(client, attached):
    page, attachment = attached
    urls = every_url(page, attachment)[:2]
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    assert statuses(client, urls) == [404, 404]
    citizen = get_user_model().objects.create_user("cudan", password="x" * 16)
    client.force_login(citizen)
    assert statuses(client, urls) == [200, 200]


def test_file_of_a_group_restricted_page_is_refused_outside_the_group(client, attached):
    page, attachment = attached
    group = Group.objects.create(name="Cán bộ xã")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    outsider = get_user_model().objects.create_user("nguoingoai", password="x" * 16)
    client.force_login(outsider)
    assert statuses(client, every_url(page, attachment)[:2]) == [404, 404]


def test_file_linked_from_a_second_live_page_stays_up(client, attached, index):
    page, attachment = attached
    other = index.add_child(
        instance=type(page)(
            title="Bản sao",
            slug="ban-sao",
            document_type=page.document_type,
            issuing_body="UBND xã",
        )
    )
    LegalDocumentAttachmentFactory(page=other, document=attachment.document)
    other.save_revision().publish()
    page.unpublish()
    assert statuses(client, every_url(page, attachment)[:2]) == [200, 200]


def test_orphan_file_is_not_served_unless_its_collection_is_public(client, site):
    document = PdfDocumentFactory(title="Mẫu đơn")
    urls = [document.url, "/media/" + document.file.name]
    assert statuses(client, urls) == [404, 404]
    forms = Collection.get_first_root_node().add_child(name="Biểu mẫu công khai")
    document.collection = forms
    document.save()
    PublicCollection.objects.create(collection=forms, note="Biểu mẫu cho dân")
    assert statuses(client, urls) == [200, 200]


def test_editor_who_manages_the_file_can_open_it(client, site):
    document = PdfDocumentFactory(title="Dự thảo")
    admin = get_user_model().objects.create_superuser(
        "bientap", "bt@vinhthuy.gov.vn", "x" * 16
    )
    client.force_login(admin)
    assert get(client, document.url).status_code == 200


def test_file_linked_from_rich_text_follows_the_article(client, home):
    document = PdfDocumentFactory(title="Thông báo")
    section = NewsIndexPageFactory(parent=home)
    article = ArticlePageFactory(
        parent=section,
        body=[
            (
                "paragraph",
                f'<p>Xem <a linktype="document" id="{document.pk}">thông báo</a></p>',
            )
        ],
    )
    article.save_revision().publish()
    assert ReferenceIndex.get_references_to(document).exists()
    assert get(client, document.url).status_code == 200
    article.unpublish()
    assert get(client, document.url).status_code == 404


def test_original_image_follows_its_pages(client, home):
    image = ImageFactory(title="Lũ về")
    section = NewsIndexPageFactory(parent=home)
    url = "/media/" + image.file.name
    assert get(client, url).status_code == 404
    article = ArticlePageFactory(parent=section, featured_image=image)
    article.save_revision().publish()
    response = get(client, url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    article.unpublish()
    assert get(client, url).status_code == 404


def test_gated_responses_are_never_kept_by_proxies(client, attached):
    page, attachment = attached
    for url in every_url(page, attachment)[1:]:
        assert "private" in get(client, url)["Cache-Control"]


def test_path_tricks_do_not_reach_the_media_folder(client, attached):
    page, attachment = attached
    name = attachment.document.file.name.split("/", 1)[1]
    page.unpublish()
    for url in (
        f"/media/documents/../documents/{name}",
        f"/media/documents/%2e%2e/documents/{name}",
        f"/media/documents/./{name}",
        f"/media/images/../documents/{name}",
        f"/media/images/%2e%2e/documents/{name}",
        f"/media//documents/{name}",
        f"/media/Documents/{name}",
    ):
        assert get(client, url).status_code == 404, url


def test_gate_without_a_request_is_public_access_only(attached):
    page, attachment = attached
    assert file_may_be_served(attachment.document) is True
    page.unpublish()
    assert file_may_be_served(attachment.document) is False


def test_upload_through_the_admin_gets_an_unguessable_name(client, site):
    admin = get_user_model().objects.create_superuser(
        "quantri", "qt@vinhthuy.gov.vn", "x" * 16
    )
    client.force_login(admin)
    upload = SimpleUploadedFile(
        "15-2025-QD-UBND.pdf", simple_pdf(["Quyết định 15"]), "application/pdf"
    )
    response = client.post(
        "/admin/documents/add/",
        {
            "title": "Quyết định 15",
            "file": upload,
            "collection": Collection.get_first_root_node().pk,
        },
        HTTP_HOST=HOST,
    )
    assert response.status_code == 302
    document = get_document_model().objects.get(title="Quyết định 15")
    assert "15-2025" not in document.file.name
    assert document.file.name.startswith("documents/")
    assert document.file.name.endswith(".pdf")
    assert looks_unguessable(document.file.name)


def test_rename_command_renames_old_files_once(client, attached, capsys):
    page, attachment = attached
    document = attachment.document
    old_name = document.file.name
    assert not looks_unguessable(old_name)
    call_command("rename_stored_files", dry_run=True)
    assert "Sẽ đổi tên 1 tệp" in capsys.readouterr().out
    document.refresh_from_db()
    assert document.file.name == old_name

    call_command("rename_stored_files")
    assert "Đã đổi tên 1 tệp" in capsys.readouterr().out
    document.refresh_from_db()
    assert looks_unguessable(document.file.name)
    assert not document.file.storage.exists(old_name)
    assert get(client, "/media/" + old_name).status_code == 404
    assert get(client, document.url).status_code == 200
    assert body_of(get(client, document.url)).startswith(b"%PDF-")

    call_command("rename_stored_files")
    assert "Đã đổi tên 0 tệp; giữ nguyên 1 tệp" in capsys.readouterr().out
