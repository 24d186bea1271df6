"""Legal and administrative documents (văn bản) of a commune.

Documents are pages under the commune's “Văn bản” index: the page tree scopes
them to a commune and gives them revisions, moderation and search. The document
types and fields are managed lists shared by every commune of a deployment (they
follow the national nomenclature of Decree 30/2020/NĐ-CP), so they have no site.
"""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import NoReverseMatch
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    TitleFieldPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, Site
from wagtail.search import index

from congxa.vi.text import fold, slugify

from .enums import CommentPeriod, DocumentStatus
from .validators import ATTACHMENT_EXTENSIONS, extension_of

LIST_PER_PAGE = 15


class ManagedListItem(models.Model):
    """An entry of a list editors keep (types, fields): a name, its slug for
    the filter address, and a position."""

    sort_order = models.PositiveSmallIntegerField(_("order"), default=100)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)


class DocumentType(ManagedListItem):
    """Loại văn bản: Quyết định, Nghị quyết, Kế hoạch, ..."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        blank=True,
        help_text=_(
            "Used in the address of the filtered list, e.g. “quyet-dinh”; "
            "made from the name when left blank."
        ),
    )

    class Meta(ManagedListItem.Meta):
        verbose_name = _("document type")
        verbose_name_plural = _("document types")


class DocumentField(ManagedListItem):
    """Lĩnh vực: land, finance, culture and society, ..."""

    name = models.CharField(_("name"), max_length=150, unique=True)
    slug = models.SlugField(
        _("slug"),
        max_length=150,
        unique=True,
        blank=True,
        help_text=_("Made from the name when left blank."),
    )

    class Meta(ManagedListItem.Meta):
        verbose_name = _("document field")
        verbose_name_plural = _("document fields")


class DocumentIndexPage(Page):
    """The commune's “Văn bản” section: every document, filterable."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["documents.LegalDocumentPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("documents section")
        verbose_name_plural = _("documents sections")

    def documents(self):
        return (
            LegalDocumentPage.objects.child_of(self)
            .live()
            .public()
            .select_related("document_type", "field")
            .order_by(
                models.F("issue_date").desc(nulls_last=True),
                "-first_published_at",
                "-pk",
            )
        )

    def get_context(self, request, *args, **kwargs):
        from .selectors import document_list_context

        context = super().get_context(request, *args, **kwargs)
        context.update(document_list_context(request, self))
        return context


class LegalDocumentPage(RoutablePageMixin, Page):
    """One document, with its number, dates, signer and files.

    The page title is the summary (trích yếu), as portals print it.
    """

    document_type = models.ForeignKey(
        DocumentType,
        verbose_name=_("document type"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    number = models.CharField(
        _("number and symbol"),
        max_length=80,
        blank=True,
        help_text=_("As printed on the document, e.g. “15/2025/QĐ-UBND”."),
    )
    issuing_body = models.CharField(
        _("issuing body"),
        max_length=200,
        help_text=_("E.g. “Ủy ban nhân dân xã Vĩnh Thủy”."),
    )
    field = models.ForeignKey(
        DocumentField,
        verbose_name=_("field"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    issue_date = models.DateField(_("issue date"), null=True, blank=True)
    effective_date = models.DateField(_("effective date"), null=True, blank=True)
    expiry_date = models.DateField(_("expiry date"), null=True, blank=True)
    replaced_by = models.ForeignKey(
        "documents.LegalDocumentPage",
        verbose_name=_("replaced by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaces",
    )
    signer = models.CharField(
        _("signer"),
        max_length=150,
        blank=True,
        help_text=_("Position and name, e.g. “Chủ tịch Nguyễn Văn A”."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=DocumentStatus.choices,
        default=DocumentStatus.IN_FORCE,
    )
    comment_opens_at = models.DateTimeField(
        _("comments open at"),
        null=True,
        blank=True,
        help_text=_("For a draft for public comment: when comments open."),
    )
    comment_closes_at = models.DateTimeField(
        _("comments close at"),
        null=True,
        blank=True,
        help_text=_("For a draft for public comment: when comments close."),
    )
    body = RichTextField(
        _("content"),
        blank=True,
        features=["bold", "italic", "ol", "ul", "link", "h3"],
        help_text=_("Optional: the text of the document or a short note."),
    )
    # Folded number, summary and issuer: what the list's own search matches.
    search_text = models.TextField(editable=False, blank=True, default="")

    content_panels = [
        TitleFieldPanel("title", heading=_("Summary (trích yếu)")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("document_type"), FieldPanel("number")]),
                FieldRowPanel([FieldPanel("issuing_body"), FieldPanel("field")]),
                FieldPanel("signer"),
            ],
            heading=_("Identification"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("issue_date"),
                        FieldPanel("effective_date"),
                        FieldPanel("expiry_date"),
                    ]
                ),
                FieldPanel("status"),
                FieldRowPanel(
                    [FieldPanel("comment_opens_at"), FieldPanel("comment_closes_at")]
                ),
                FieldPanel("replaced_by"),
            ],
            heading=_("Dates and status"),
        ),
        InlinePanel(
            "attachments",
            heading=_("Files"),
            label=_("file"),
            help_text=_("PDF, Word (DOC, DOCX) or Excel (XLS, XLSX)."),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("number"),
        index.SearchField("issuing_body"),
        index.SearchField("signer"),
        index.SearchField("body"),
        index.AutocompleteField("number"),
        index.FilterField("issue_date"),
    ]
    parent_page_types = ["documents.DocumentIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("legal document")
        verbose_name_plural = _("legal documents")

    def save(self, *args, **kwargs):
        self.search_text = " ".join(
            fold(part) for part in (self.number, self.title, self.issuing_body)
        )
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        if self.status == DocumentStatus.DRAFT_FOR_COMMENT:
            if not self.comment_opens_at:
                errors["comment_opens_at"] = (
                    "Dự thảo lấy ý kiến cần có thời điểm bắt đầu nhận ý kiến."
                )
            if not self.comment_closes_at:
                errors["comment_closes_at"] = (
                    "Dự thảo lấy ý kiến cần có thời điểm kết thúc nhận ý kiến."
                )
        if (
            self.comment_opens_at
            and self.comment_closes_at
            and self.comment_closes_at <= self.comment_opens_at
        ):
            errors["comment_closes_at"] = (
                "Thời điểm kết thúc nhận ý kiến phải sau thời điểm bắt đầu."
            )
        if (
            self.effective_date
            and self.expiry_date
            and self.expiry_date < self.effective_date
        ):
            errors["expiry_date"] = (
                "Ngày hết hiệu lực không được trước ngày có hiệu lực."
            )
        if self.replaced_by_id and self.pk and self.replaced_by_id == self.pk:
            errors["replaced_by"] = "Văn bản không thể thay thế chính nó."
        if errors:
            raise ValidationError(errors)

    @property
    def description(self) -> str:
        """Meta description: the editor's, or type, number and summary."""
        if self.search_description:
            return self.search_description
        parts = [str(self.document_type), self.number, self.title]
        return Truncator(" ".join(p for p in parts if p)).chars(160)

    def is_open_for_comment(self, now: datetime | None = None) -> bool:
        """Whether citizens may comment on this draft right now."""
        return self.comment_period(now) == CommentPeriod.OPEN

    def comment_period(self, now: datetime | None = None) -> CommentPeriod | None:
        """Where a draft for comment stands; None for any other document."""
        if self.status != DocumentStatus.DRAFT_FOR_COMMENT:
            return None
        if not (self.comment_opens_at and self.comment_closes_at):
            return None
        now = now or timezone.now()
        if now < self.comment_opens_at:
            return CommentPeriod.UPCOMING
        if now < self.comment_closes_at:
            return CommentPeriod.OPEN
        return CommentPeriod.CLOSED

    def next_change_at(self, now: datetime | None = None) -> datetime | None:
        """When this page will read differently by itself (a comment period edge)."""
        now = now or timezone.now()
        moments = [
            moment
            for moment in (self.comment_opens_at, self.comment_closes_at)
            if moment and moment > now
        ]
        return min(moments, default=None)

    def current_status(self, today: date | None = None) -> str:
        """The status a reader should see: past its expiry date it has expired."""
        today = today or timezone.localdate()
        if self.status == DocumentStatus.IN_FORCE and (
            (self.expiry_date and self.expiry_date < today) or self.replaced_by_id
        ):
            return DocumentStatus.EXPIRED
        return self.status

    def current_status_label(self, today: date | None = None) -> str:
        return DocumentStatus(self.current_status(today)).label

    def download_file_name(self, attachment: LegalDocumentAttachment) -> str:
        """`Quyết định 15-2025-QĐ-UBND.pdf`: type, number, and the file's label."""
        base = str(self.document_type)
        if self.number:
            base = f"{base} {self.number}"
        elif self.issue_date:
            base = f"{base} {self.issue_date:%d-%m-%Y}"
        if attachment.title:
            base = f"{base} - {attachment.title}"
        # Slashes and other path separators cannot appear in a file name.
        for forbidden in '/\\:*?"<>|':
            base = base.replace(forbidden, "-")
        base = " ".join(base.split())[:150]
        extension = extension_of(attachment.document.file.name)
        return f"{base}.{extension}" if extension else base

    def attachment_url(self, attachment: LegalDocumentAttachment, request=None) -> str:
        return self.get_url(request) + self.reverse_subpage(
            "download", kwargs={"attachment_id": attachment.pk}
        )

    def files(self, request=None) -> list[tuple[LegalDocumentAttachment, str, str]]:
        """(attachment, download URL, file name) of each attached file, in order."""
        return [
            (
                attachment,
                self.attachment_url(attachment, request),
                self.download_file_name(attachment),
            )
            for attachment in self.attachments.select_related("document")
        ]

    def comment_form_url(self, request) -> str:
        """Where citizens comment on this draft: the Q&A page's form, if any.

        The engagement app is looked up by name, not imported: content apps
        import only `portal` and `vi`.
        """
        from django.apps import apps

        try:
            index_model = apps.get_model("engagement", "QuestionIndexPage")
        except LookupError:
            return ""
        site = Site.find_for_request(request) if request else None
        if site is None:
            return ""
        index = (
            index_model.objects.live()
            .public()
            .descendant_of(site.root_page)
            .only("url_path", "path", "depth")
            .first()
        )
        if index is None or not hasattr(index, "reverse_subpage"):
            return ""
        try:
            route = index.reverse_subpage("draft_comment", args=[self.pk])
        except NoReverseMatch:
            return ""
        return index.get_url(request) + route

    def json_ld(self, request, url: str) -> dict:
        """schema.org Legislation: number, type, issuer, dates and legal force."""
        force = {
            DocumentStatus.IN_FORCE: "InForce",
            DocumentStatus.EXPIRED: "NotInForce",
        }.get(self.current_status())
        data = {
            "@type": "Legislation",
            "name": self.title,
            "url": url,
            "inLanguage": "vi",
            "legislationType": str(self.document_type),
            "legislationPassedBy": {
                "@type": "GovernmentOrganization",
                "name": self.issuing_body,
            },
            "legislationJurisdiction": "VN",
        }
        if self.number:
            data["legislationIdentifier"] = self.number
        if self.issue_date:
            data["legislationDate"] = self.issue_date.isoformat()
        if self.effective_date:
            data["legislationDateOfApplicability"] = self.effective_date.isoformat()
        if self.expiry_date:
            data["expires"] = self.expiry_date.isoformat()
        if force:
            data["legislationLegalForce"] = force
        if self.signer:
            data["legislationResponsible"] = {"@type": "Person", "name": self.signer}
        if self.field_id:
            data["about"] = str(self.field)
        return data

    def _issue_moment(self) -> datetime | None:
        if self.issue_date is None:
            return None
        return timezone.make_aware(
            datetime.combine(self.issue_date, datetime.min.time())
        )

    def feed_item(self, request) -> dict:
        """A new document as a news reader lists it: type, number, summary."""
        heading = " ".join(
            part for part in (str(self.document_type), self.number) if part
        )
        return {
            "title": f"{heading}: {self.title}",
            "link": self.get_full_url(request),
            "description": self.description,
            "pubdate": self.first_published_at
            or self.last_published_at
            or self._issue_moment(),
            "updateddate": self.last_published_at,
            "author_name": self.issuing_body,
            "categories": [str(self.document_type)],
        }

    @path("tep/<int:attachment_id>/", name="download")
    def download(self, request, attachment_id: int):
        from .views import serve_attachment

        return serve_attachment(request, self, attachment_id)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from congxa.portal.cache import expire_page_cache_at

        now = timezone.now()
        moment = self.next_change_at(now)
        if moment is not None:
            expire_page_cache_at(request, moment)
        context["files"] = self.files(request)
        context["replaces"] = (
            LegalDocumentPage.objects.sibling_of(self, inclusive=False)
            .live()
            .filter(replaced_by=self)
            .select_related("document_type")
        )
        context["comment_period"] = self.comment_period(now)
        context["comment_form_url"] = (
            self.comment_form_url(request)
            if context["comment_period"] == CommentPeriod.OPEN
            else ""
        )
        context["print_view"] = request.GET.get("print") == "1"
        return context


class LegalDocumentAttachment(Orderable):
    """A file attached to a document: the signed PDF, an annex, a spreadsheet."""

    page = ParentalKey(
        LegalDocumentPage, on_delete=models.CASCADE, related_name="attachments"
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("file"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    title = models.CharField(
        _("label"),
        max_length=120,
        blank=True,
        help_text=_("Optional, e.g. “Phụ lục kèm theo”; added to the file name."),
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("attached file")
        verbose_name_plural = _("attached files")

    def __str__(self):
        return self.title or str(self.document)

    def clean(self):
        super().clean()
        if self.document_id is None:
            return
        extension = extension_of(self.document.file.name)
        if extension not in ATTACHMENT_EXTENSIONS:
            raise ValidationError(
                {
                    "document": "Văn bản chỉ đính kèm tệp PDF, Word (DOC, DOCX) "
                    "hoặc Excel (XLS, XLSX)."
                }
            )


class PublicCollection(models.Model):
    """A collection whose files are public on purpose, linked from a page or not
    (forms to download, a logo kit): every other file is served only while a
    live, public page refers to it (`congxa.documents.access`)."""

    collection = models.OneToOneField(
        "wagtailcore.Collection",
        verbose_name=_("collection"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    note = models.CharField(
        _("why it is public"),
        max_length=200,
        blank=True,
        help_text=_("E.g. “Blank forms citizens download”."),
    )

    panels = [FieldPanel("collection"), FieldPanel("note")]

    class Meta:
        verbose_name = _("public collection")
        verbose_name_plural = _("public collections")

    def __str__(self):
        return str(self.collection)
