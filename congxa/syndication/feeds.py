"""RSS 2.0 and Atom feeds of a commune: its news, each section, new documents and
published answers.

Each content type says what its feed item is (`feed_item` next to its model);
the feeds here pick the items of the request's commune and render them with
Django's feed generator. They are cached with the pages (anonymous GETs) and so
renew on every publish.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.translation import gettext
from wagtail.models import Page, Site

from congxa.documents.models import LegalDocumentPage
from congxa.engagement.models import Question, QuestionIndexPage
from congxa.news.models import ArticlePage, NewsIndexPage
from congxa.portal.models import CommuneSettings

ITEM_COUNT = 30


@dataclass
class FeedSource:
    """One feed of one commune: its channel data and its items (dicts)."""

    title: str
    link: str
    description: str
    author: str
    items: list[dict] = field(default_factory=list)
    feed_url: str = ""


def _commune(request: HttpRequest) -> tuple[Site, CommuneSettings]:
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    return site, CommuneSettings.for_site(site)


def _source(request, title: str, link: str, description: str, items) -> FeedSource:
    _site, commune = _commune(request)
    return FeedSource(
        title=f"{title} - {commune.commune_name}" if commune.commune_name else title,
        link=link,
        description=description,
        author=commune.agency or commune.commune_name,
        items=items,
        feed_url=request.build_absolute_uri(request.path),
    )


def news_source(request: HttpRequest, section_slug: str | None = None) -> FeedSource:
    site, commune = _commune(request)
    articles = (
        ArticlePage.objects.live()
        .public()
        .descendant_of(site.root_page)
        .select_related("featured_image")
        .order_by("-date", "-pk")
    )
    if section_slug is None:
        title = gettext("News")
        link = site.root_page.get_full_url(request)
        description = gettext("Latest news of %(name)s") % {
            "name": commune.commune_name
        }
    else:
        section = (
            NewsIndexPage.objects.live()
            .public()
            .child_of(site.root_page)
            .filter(slug=section_slug)
            .first()
        )
        if section is None:
            raise Http404
        articles = articles.child_of(section)
        title = section.title
        link = section.get_full_url(request)
        description = section.intro or title
    items = [article.feed_item(request) for article in articles[:ITEM_COUNT]]
    return _source(request, title, link, description, items)


def documents_source(request: HttpRequest) -> FeedSource:
    site, _commune_settings = _commune(request)
    documents = (
        LegalDocumentPage.objects.live()
        .public()
        .descendant_of(site.root_page)
        .select_related("document_type")
        .order_by("-first_published_at", "-pk")
    )
    items = [document.feed_item(request) for document in documents[:ITEM_COUNT]]
    index = Page.objects.live().public().child_of(site.root_page)
    index = index.filter(content_type__model="documentindexpage").first()
    link = (index or site.root_page).get_full_url(request)
    title = gettext("New documents")
    return _source(request, title, link, title, items)


def answers_source(request: HttpRequest) -> FeedSource:
    site, _commune_settings = _commune(request)
    index = (
        QuestionIndexPage.objects.live().public().descendant_of(site.root_page).first()
    )
    if index is None:
        raise Http404
    base = index.get_full_url(request)
    questions = (
        Question.objects.for_site(site)
        .published()
        .select_related("topic")
        .order_by("-published_at", "-pk")[:ITEM_COUNT]
    )
    items = [
        question.feed_item(
            request, base + index.reverse_subpage("detail", args=[question.pk])
        )
        for question in questions
    ]
    title = gettext("Published answers")
    return _source(request, title, base, index.intro or title, items)


SOURCES = {
    "news": news_source,
    "section": news_source,
    "documents": documents_source,
    "answers": answers_source,
}


def _local(moment):
    return timezone.localtime(moment) if moment is not None else None


class CommuneRssFeed(Feed):
    """A commune's feed in RSS 2.0; the subclass below is the same one in Atom."""

    feed_type = Rss201rev2Feed

    def get_object(self, request, kind: str, section_slug: str | None = None):
        if kind == "section":
            return news_source(request, section_slug)
        return SOURCES[kind](request)

    def title(self, source: FeedSource) -> str:
        return source.title

    def link(self, source: FeedSource) -> str:
        return source.link

    def feed_url(self, source: FeedSource) -> str:
        return source.feed_url

    def description(self, source: FeedSource) -> str:
        return source.description

    def subtitle(self, source: FeedSource) -> str:
        return source.description

    def author_name(self, source: FeedSource) -> str:
        return source.author

    def feed_extra_kwargs(self, source: FeedSource) -> dict:
        return {}

    def items(self, source: FeedSource) -> list[dict]:
        return source.items

    def item_title(self, item: dict) -> str:
        return item["title"]

    def item_description(self, item: dict) -> str:
        return item.get("description", "")

    def item_link(self, item: dict) -> str:
        return item["link"]

    def item_guid(self, item: dict) -> str:
        return item["link"]

    def item_pubdate(self, item: dict):
        # In the portal's time zone: readers show +07:00, as the pages do.
        return _local(item.get("pubdate"))

    def item_updateddate(self, item: dict):
        return _local(item.get("updateddate") or item.get("pubdate"))

    def item_author_name(self, item: dict) -> str | None:
        return item.get("author_name") or None

    def item_categories(self, item: dict) -> list[str]:
        return item.get("categories", [])

    def item_enclosures(self, item: dict) -> list[Enclosure]:
        if "enclosure" not in item:
            return []
        url, length, mime_type = item["enclosure"]
        return [Enclosure(url, length, mime_type)]


class CommuneAtomFeed(CommuneRssFeed):
    feed_type = Atom1Feed
