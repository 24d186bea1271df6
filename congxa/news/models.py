"""News sections (“Tin tức - Sự kiện”, “Thông báo”, ...) and their articles."""

from django.db import models
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from congxa.portal.cache import generation_memo
from congxa.portal.pagination import paginate

from .blocks import ArticleBodyBlock

OTHER_NEWS_COUNT = 6


class NewsIndexPage(Page):
    """A news section: lists its articles, newest first."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["news.ArticlePage"]

    class Meta:
        verbose_name = _("news section")
        verbose_name_plural = _("news sections")

    def articles(self):
        return (
            ArticlePage.objects.child_of(self)
            .live()
            .public()
            .select_related("featured_image")
            .order_by("-date", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = paginate(request, self.articles(), per_page=10)
        return context


class ArticlePage(Page):
    """One news article, as a commune portal prints it."""

    date = models.DateTimeField(
        _("publication date"),
        default=timezone.now,
        help_text=_("The date and time printed on the article."),
    )
    lead = models.TextField(
        _("lead"),
        blank=True,
        help_text=_("The opening paragraph, shown in bold and in lists."),
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"), blank=True)
    signature = models.CharField(
        _("signature"),
        max_length=120,
        blank=True,
        help_text=_("Author or source printed at the end, e.g. “BBT”."),
    )
    featured_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("featured image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    featured = models.BooleanField(
        _("featured"),
        default=False,
        help_text=_("Shown at the top of the home page."),
    )
    view_count = models.PositiveIntegerField(
        _("view count"),
        null=True,
        blank=True,
        help_text=_("Views counted by the old portal, kept when it was imported."),
    )
    # Where an imported article came from: re-running an import finds it here.
    source_url = models.CharField(
        _("source URL"), max_length=1000, blank=True, db_index=True, editable=False
    )
    source_digest = models.CharField(max_length=64, blank=True, editable=False)

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        FieldPanel("body"),
        FieldPanel("signature"),
        MultiFieldPanel(
            [
                FieldPanel("date"),
                FieldPanel("featured_image"),
                FieldPanel("featured"),
                FieldPanel("view_count"),
            ],
            heading=_("Publication"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("signature"),
        index.FilterField("date"),
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    @property
    def description(self) -> str:
        """Meta description: the editor's, or the lead cut to a search snippet."""
        return self.search_description or Truncator(self.lead).chars(160)

    def json_ld(self, request, url: str) -> dict:
        """schema.org NewsArticle, the signature as its author."""
        from congxa.portal.models import CommuneSettings

        publisher = CommuneSettings.for_request(request).json_ld(request)
        data = {
            "@type": "NewsArticle",
            "headline": Truncator(self.title).chars(110),
            "description": self.description,
            "url": url,
            "mainEntityOfPage": url,
            "inLanguage": "vi",
            "datePublished": timezone.localtime(self.date).isoformat(),
            "dateModified": timezone.localtime(
                max(self.date, self.last_published_at or self.date)
            ).isoformat(),
            "author": (
                {"@type": "Person", "name": self.signature}
                if self.signature
                else {"@id": publisher["@id"], "name": publisher["name"]}
            ),
            "publisher": publisher,
            "articleSection": self.get_parent().title,
        }
        if self.featured_image_id:
            rendition = self.featured_image.get_rendition("fill-1200x630|format-jpeg")
            data["image"] = [request.build_absolute_uri(rendition.url)]
        return data

    def feed_item(self, request) -> dict:
        """What a news reader shows of the article; the lead image as enclosure."""
        item = {
            "title": self.title,
            "link": self.get_full_url(request),
            "description": self.lead or self.description,
            "pubdate": self.date,
            "updateddate": max(self.date, self.last_published_at or self.date),
            "author_name": self.signature,
            "categories": [self.get_parent().title],
        }
        if self.featured_image_id:
            rendition = self.featured_image.get_rendition("width-720|format-jpeg")
            item["enclosure"] = (
                request.build_absolute_uri(rendition.url),
                str(rendition.file.size),
                "image/jpeg",
            )
        return item

    @property
    def featured_in_body(self) -> bool:
        """The featured picture is also in the body (imported): shown once."""
        if not self.featured_image_id:
            return False
        return any(
            block.block_type == "image"
            and getattr(block.value.get("image"), "pk", None) == self.featured_image_id
            for block in self.body
        )

    def other_news(self):
        """The most recent other published articles of the same section."""
        parent = self.get_parent()
        return (
            ArticlePage.objects.child_of(parent)
            .live()
            .public()
            .exclude(pk=self.pk)
            .order_by("-date", "-pk")[:OTHER_NEWS_COUNT]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The same for every visitor until the site's next publish.
        context["other_news"] = generation_memo(
            request, "other-news", self.pk, lambda: list(self.other_news())
        )
        return context
