"""Public disclosures (công khai thông tin) of a commune.

A “Công khai thông tin” index page holds one section page per category; each
section is an ordered list of dated items, each pointing at a page (a legal
document, an article) or a file. Linked pages are chosen by model string only,
so this app imports nothing of `documents`.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, Page, Site
from wagtail.search import index

from .enums import DisclosureCategory

INDEX_ITEMS_PER_SECTION = 5


def _items_with_targets():
    return DisclosureItem.objects.select_related("page", "document").order_by(
        "sort_order", "pk"
    )


def _site_root_path(request, page: Page) -> str:
    """Tree path of the commune's home page; linked pages must lie under it."""
    site = Site.find_for_request(request) if request is not None else None
    if site is not None:
        return site.root_page.path
    return page.path[: Page.steplen * 2]


class DisclosureIndexPage(Page):
    """“Công khai thông tin”: the sections, each with its first items."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["disclosures.DisclosureSectionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("disclosures section")
        verbose_name_plural = _("disclosures sections")

    def sections(self):
        return (
            DisclosureSectionPage.objects.child_of(self)
            .live()
            .public()
            .prefetch_related(Prefetch("items", queryset=_items_with_targets()))
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        root_path = _site_root_path(request, self)
        context["sections"] = [
            (section, section.visible_items(root_path)[:INDEX_ITEMS_PER_SECTION])
            for section in self.sections()
        ]
        return context


class DisclosureSectionPage(Page):
    """One disclosure section: plans, budget, public investment, ..."""

    category = models.CharField(
        _("category"),
        max_length=20,
        choices=DisclosureCategory.choices,
        default=DisclosureCategory.OTHER,
        help_text=_("Which obligation of Decree 42/2022/NĐ-CP this section meets."),
    )
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("category"),
        FieldPanel("intro"),
        InlinePanel(
            "items",
            heading=_("Items"),
            label=_("item"),
            help_text=_("In the order they are shown; newest first is customary."),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["disclosures.DisclosureIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("disclosure section")
        verbose_name_plural = _("disclosure sections")

    def visible_items(self, root_path: str) -> list[DisclosureItem]:
        """Items a visitor can open: a file, or a live page of this commune."""
        return [item for item in self.items.all() if item.is_visible_in(root_path)]

    def newest_item_date(self):
        """For the compliance overview: the date of the most recent item."""
        dates = [item.date for item in self.items.all() if item.date]
        return max(dates, default=None)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        root_path = _site_root_path(request, self)
        context["items"] = [
            item
            for item in _items_with_targets().filter(section=self)
            if item.is_visible_in(root_path)
        ]
        return context


class DisclosureItem(Orderable):
    """One disclosed item: a title, a date and a page or a file."""

    section = ParentalKey(
        DisclosureSectionPage, on_delete=models.CASCADE, related_name="items"
    )
    title = models.CharField(
        _("title"),
        max_length=255,
        blank=True,
        help_text=_("Leave blank to use the title of the page or file."),
    )
    date = models.DateField(_("date"))
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A document, an article or any other page of this portal."),
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("date"),
        FieldPanel("page"),
        FieldPanel("document"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("disclosure item")
        verbose_name_plural = _("disclosure items")

    def __str__(self):
        return self.display_title

    def clean(self):
        super().clean()
        if not self.page_id and not self.document_id:
            raise ValidationError(
                {"page": "Chọn một trang hoặc một tệp cho mục công khai này."}
            )
        if self.page_id and self.document_id:
            raise ValidationError(
                {
                    "document": "Mỗi mục chỉ trỏ tới một trang hoặc một tệp, "
                    "không cả hai."
                }
            )

    @property
    def display_title(self) -> str:
        if self.title:
            return self.title
        if self.page_id and self.page:
            return self.page.title
        if self.document_id and self.document:
            return self.document.title
        return ""

    def is_visible_in(self, root_path: str) -> bool:
        """A file, or a live page under the commune's home page (never another's)."""
        if self.page_id:
            page = self.page
            return bool(page and page.live and page.path.startswith(root_path))
        return bool(self.document_id and self.document)

    @property
    def file_extension(self) -> str:
        return self.document.file_extension if self.document_id else ""
