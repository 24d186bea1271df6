"""Factories for documents, shared by the tests and the demo content."""

from __future__ import annotations

import datetime

import factory
import wagtail_factories
from django.core.files.base import ContentFile

from .models import (
    DocumentIndexPage,
    DocumentType,
    LegalDocumentAttachment,
    LegalDocumentPage,
)
from .pdf import simple_pdf


class DocumentTypeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Loại văn bản {n}")
    slug = factory.Sequence(lambda n: f"loai-van-ban-{n}")

    class Meta:
        model = DocumentType
        django_get_or_create = ("slug",)


class DocumentIndexPageFactory(wagtail_factories.PageFactory):
    title = "Văn bản"
    slug = "van-ban"
    show_in_menus = True

    class Meta:
        model = DocumentIndexPage


class LegalDocumentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Về việc ban hành kế hoạch số {n}")
    slug = factory.Sequence(lambda n: f"van-ban-{n}")
    document_type = factory.SubFactory(DocumentTypeFactory)
    number = factory.Sequence(lambda n: f"{n}/QĐ-UBND")
    issuing_body = "Ủy ban nhân dân xã Vĩnh Thủy"
    issue_date = datetime.date(2025, 3, 12)
    signer = "Chủ tịch Lê Văn Hùng"

    class Meta:
        model = LegalDocumentPage


def pdf_file(title: str, name: str = "van-ban.pdf") -> ContentFile:
    return ContentFile(simple_pdf([title]), name=name)


class PdfDocumentFactory(wagtail_factories.DocumentFactory):
    """A Wagtail document holding a small real PDF."""

    title = factory.Sequence(lambda n: f"Tệp văn bản {n}")
    file = factory.LazyAttribute(lambda o: pdf_file(o.title))


class LegalDocumentAttachmentFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(LegalDocumentPageFactory)
    document = factory.SubFactory(PdfDocumentFactory)
    title = ""

    class Meta:
        model = LegalDocumentAttachment
