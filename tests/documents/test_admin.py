"""Editors manage documents and upload their files in the Wagtail admin."""

import io
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from congxa.documents.enums import DocumentStatus
from congxa.documents.factories import LegalDocumentPageFactory, PdfDocumentFactory
from congxa.documents.models import DocumentType, LegalDocumentPage
from congxa.documents.pdf import simple_pdf

pytestmark = pytest.mark.django_db

Document = get_document_model()


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("bientap", "bt@example.com", "x")
    client.force_login(user)
    return client


def page_data(**overrides):
    data = {
        "title": "Về việc ban hành Kế hoạch cải cách hành chính năm 2026",
        "slug": "ke-hoach-cai-cach-hanh-chinh-2026",
        "document_type": str(DocumentType.objects.get(slug="ke-hoach").pk),
        "number": "21/KH-UBND",
        "issuing_body": "Ủy ban nhân dân xã Vĩnh Thủy",
        "field": "",
        "signer": "Phó Chủ tịch Trần Thị Mai",
        "issue_date": "2026-01-15",
        "effective_date": "2026-01-15",
        "expiry_date": "",
        "status": DocumentStatus.IN_FORCE,
        "comment_opens_at": "",
        "comment_closes_at": "",
        "replaced_by": "",
        "body": rich_text("<p>Kế hoạch gồm 5 nhóm nhiệm vụ.</p>"),
        "attachments": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def form_errors(response):
    form = response.context["form"]
    return form.errors, [f.errors for f in form.formsets["attachments"].forms]


def add_url(index):
    return reverse(
        "wagtailadmin_pages:add", args=("documents", "legaldocumentpage", index.pk)
    )


def test_editor_creates_and_publishes_a_document_with_a_file(admin_client, index):
    pdf = PdfDocumentFactory(title="Kế hoạch 21")
    data = page_data(attachments=inline_formset([{"document": pdf.pk, "title": ""}]))
    response = admin_client.post(add_url(index), data)
    assert response.status_code == 302, form_errors(response)
    page = LegalDocumentPage.objects.get(slug="ke-hoach-cai-cach-hanh-chinh-2026")
    assert page.live
    assert page.number == "21/KH-UBND"
    assert page.issue_date.isoformat() == "2026-01-15"
    assert page.signer == "Phó Chủ tịch Trần Thị Mai"
    assert [a.document for a in page.attachments.all()] == [pdf]
    html = admin_client.get(page.url).content.decode()
    assert "Kế hoạch 21-KH-UBND.pdf" in html
    assert "Kế hoạch gồm 5 nhóm nhiệm vụ." in html


def test_editor_edits_a_document(admin_client, decision):
    url = reverse("wagtailadmin_pages:edit", args=(decision.pk,))
    assert admin_client.get(url).status_code == 200
    attachment = decision.attachments.get()
    data = page_data(
        title=decision.title,
        slug=decision.slug,
        document_type=str(decision.document_type_id),
        number="15/2025/QĐ-UBND",
        expiry_date="2025-12-31",
        effective_date="2025-03-22",
        issue_date="2025-03-12",
        attachments=inline_formset(
            [{"id": attachment.pk, "document": attachment.document_id, "title": ""}],
            initial=1,
        ),
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    decision.refresh_from_db()
    assert decision.expiry_date.isoformat() == "2025-12-31"
    assert decision.current_status() == DocumentStatus.EXPIRED
    assert decision.attachments.count() == 1


def test_draft_for_comment_needs_its_comment_period(admin_client, index):
    data = page_data(status=DocumentStatus.DRAFT_FOR_COMMENT)
    response = admin_client.post(add_url(index), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dự thảo lấy ý kiến cần có thời điểm bắt đầu nhận ý kiến." in html
    assert not LegalDocumentPage.objects.filter(slug=data["slug"]).exists()


def test_comment_period_must_close_after_it_opens(admin_client, index):
    data = page_data(
        status=DocumentStatus.DRAFT_FOR_COMMENT,
        comment_opens_at="2026-03-10 08:00",
        comment_closes_at="2026-03-01 08:00",
    )
    response = admin_client.post(add_url(index), data)
    assert "Thời điểm kết thúc nhận ý kiến phải sau thời điểm bắt đầu." in (
        response.content.decode()
    )


def test_legal_document_refuses_an_opendocument_attachment(admin_client, index):
    odt = Document.objects.create(
        title="Bản ODT", file=SimpleUploadedFile("ban.odt", opendocument("text"))
    )
    data = page_data(attachments=inline_formset([{"document": odt.pk, "title": ""}]))
    response = admin_client.post(add_url(index), data)
    assert response.status_code == 200
    assert "Văn bản chỉ đính kèm tệp PDF, Word (DOC, DOCX)" in response.content.decode()


def test_document_types_are_managed_in_the_admin(admin_client):
    url = reverse("wagtailsnippets_documents_documenttype:add")
    response = admin_client.post(
        url, {"name": "Quyết định liên tịch", "slug": "", "sort_order": "200"}
    )
    assert response.status_code == 302
    assert DocumentType.objects.get(name="Quyết định liên tịch").slug == (
        "quyet-dinh-lien-tich"
    )
    listing = admin_client.get(reverse("wagtailsnippets_documents_documenttype:list"))
    assert "Quyết định liên tịch" in listing.content.decode()


def test_document_type_in_use_cannot_be_deleted(decision):
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        decision.document_type.delete()


# Uploads through the Wagtail documents library.


def opendocument(kind: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("mimetype", f"application/vnd.oasis.opendocument.{kind}")
        package.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def upload(admin_client, name: str, content: bytes):
    return admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": name, "file": SimpleUploadedFile(name, content), "collection": "1"},
    )


def test_a_real_pdf_is_accepted(admin_client):
    response = upload(admin_client, "quyet-dinh.pdf", simple_pdf(["Quyết định"]))
    assert response.status_code == 302
    assert Document.objects.filter(title="quyet-dinh.pdf").exists()


def test_html_renamed_to_pdf_is_refused_in_vietnamese(admin_client):
    content = b"<html><body><script>alert(1)</script></body></html>"
    response = upload(admin_client, "quyet-dinh.pdf", content)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nội dung tệp không đúng định dạng PDF" in html
    assert not Document.objects.exists()


def test_oversized_file_is_refused_in_vietnamese(admin_client, settings):
    settings.DOCUMENTS_MAX_UPLOAD_SIZE = 1024
    content = simple_pdf(["Báo cáo"]) + b" " * 2048
    response = upload(admin_client, "bao-cao.pdf", content)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tệp quá lớn" in html
    assert "Dung lượng tối đa cho phép là 1,0" in html
    assert not Document.objects.exists()


def test_multiple_upload_checks_content_too(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("bang-tinh.xlsx", b"not a spreadsheet")},
    )
    assert "Nội dung tệp không đúng định dạng XLSX" in response.json()["error_message"]
    assert not Document.objects.exists()


def test_replacing_a_file_with_bad_content_keeps_the_old_file(admin_client):
    document = PdfDocumentFactory(title="Tờ trình")
    original = document.file.name
    response = admin_client.post(
        reverse("wagtaildocs:edit", args=(document.pk,)),
        {
            "title": "Tờ trình",
            "file": SimpleUploadedFile("to-trinh.docx", b"PK\x03\x04 broken"),
            "collection": str(document.collection_id),
        },
    )
    assert response.status_code == 200
    assert "Nội dung tệp không đúng định dạng DOCX" in response.content.decode()
    document.refresh_from_db()
    assert document.file.name == original


def test_other_commune_document_is_listed_only_under_its_own_tree(
    admin_client, decision, other_site
):
    from congxa.documents.factories import DocumentIndexPageFactory

    other_index = DocumentIndexPageFactory(parent=other_site.root_page)
    LegalDocumentPageFactory(parent=other_index, number="77/QĐ-UBND-GL")
    explorer = admin_client.get(reverse("wagtailadmin_explore", args=(other_index.pk,)))
    html = explorer.content.decode()
    assert decision.title not in html
