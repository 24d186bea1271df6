"""News sections (“Tin tức - Sự kiện”, “Thông báo”, ...) and their articles."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from congxa.portal.cache import generation_memo

from .blocks import ArticleBodyBlock

OTHER_NEWS_COUNT = 6


def paginate(request, queryset, per_page: int):
    """The requested page of a list; a bad or missing number gives the first page.

    A number past the end is a 404: that address does not exist.
    """
    paginator = Paginator(queryset, per_page)
    number = request.GET.get("page") or 1
    try:
        return paginator.page(number)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage as exc:
        raise Http404 from exc


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

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        FieldPanel("body"),
        FieldPanel("signature"),
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("featured_image"), FieldPanel("featured")],
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
