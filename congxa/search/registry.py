"""What search indexes and how: one adapter per model, found through a registry.

Every live, public Page is indexed by `PageAdapter` without any declaration: its
title, its `search_description` and the text of its Wagtail `search_fields`, so the
pages of a new content app are found the day it lands. A model that wants more
(a date, a kind, a shared record outside the page tree) either

- defines `search_document(self) -> dict | None` on itself (no import of this app
  needed: keys `title`, `body`, `url`, `site` (a Site, a site id, or None for an
  item every commune shares), optional `kind` and `date`; None means "not
  searchable now"), or
- is registered here, by the search app, with `registry.register(model, adapter)`,
  the way `indexables.py` registers the news articles.

Kinds are the result facets ("News", "Documents", ...); `registry.add_kind` adds one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from html import unescape

from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.search import index

MAX_BODY_CHARS = 60_000


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    order: int


@dataclass
class Document:
    """What the search index keeps of one item."""

    title: str
    body: str
    url: str
    site_id: int | None
    kind: str
    date: datetime | None = None
    page_id: int | None = None


def plain_text(value) -> str:
    """Text of a field value: rich text and HTML stripped, lists flattened."""
    if value is None:
        return ""
    if isinstance(value, str):
        text = value
    elif isinstance(value, list | tuple):
        return "\n".join(plain_text(item) for item in value)
    elif isinstance(value, dict):
        return "\n".join(plain_text(item) for item in value.values())
    else:
        text = str(value)
    if "<" in text:
        text = strip_tags(text.replace("</p>", "</p>\n").replace("<br", "\n<br"))
    if "&" in text:
        text = unescape(text)
    return text.strip()


class SiteLocator:
    """Which Site a page belongs to, and its address inside that site."""

    def __init__(self):
        self._roots: list[tuple[str, int]] | None = None

    def _site_roots(self) -> list[tuple[str, int]]:
        if self._roots is None:
            roots = [
                (site.root_page.url_path, site.pk)
                for site in Site.objects.select_related("root_page")
            ]
            # The deepest root wins when sites are nested.
            self._roots = sorted(roots, key=lambda item: -len(item[0]))
        return self._roots

    def locate(self, page: Page) -> tuple[int, str] | None:
        for root_path, site_id in self._site_roots():
            if page.url_path.startswith(root_path):
                return site_id, "/" + page.url_path[len(root_path) :]
        return None


class Adapter:
    """How one model is indexed. Subclasses fill in `document`."""

    kind = "pages"

    def key(self, obj: models.Model) -> str:
        return f"{obj._meta.label_lower}:{obj.pk}"

    def document(self, obj, locator: SiteLocator) -> Document | None:
        raise NotImplementedError

    def queryset(self, model: type[models.Model]) -> models.QuerySet:
        """Every object of `model` that may be searchable, for a full rebuild."""
        return model._default_manager.all()

    def resolve_urls(self, site: Site | None, pks: list[int]) -> dict[int, str]:
        """Addresses that depend on the visitor's site; none by default."""
        return {}


class PageAdapter(Adapter):
    """Any live, public page below a site's home page."""

    kind = "pages"

    def __init__(self, kind: str | None = None, date_field: str | None = None):
        if kind:
            self.kind = kind
        self.date_field = date_field

    def key(self, obj: Page) -> str:
        return f"page:{obj.pk}"

    def queryset(self, model):
        return model._default_manager.live().filter(depth__gt=2)

    def title(self, page: Page) -> str:
        return page.title

    def body(self, page: Page) -> str:
        texts = [page.search_description]
        for field in page.get_search_fields():
            if not isinstance(field, index.SearchField) or field.field_name in (
                "title",
                "search_description",
            ):
                continue
            texts.append(plain_text(field.get_value(page)))
        return "\n".join(text for text in texts if text)

    def date(self, page: Page) -> datetime | None:
        value = getattr(page, self.date_field, None) if self.date_field else None
        if isinstance(value, date) and not isinstance(value, datetime):
            value = timezone.make_aware(datetime.combine(value, time()))
        return value or page.first_published_at or page.last_published_at

    def document(self, page, locator):
        if not page.live or page.depth <= 2:
            return None
        located = locator.locate(page)
        if located is None:
            return None
        if restricted(page):
            return None
        site_id, url = located
        return Document(
            title=self.title(page),
            body=self.body(page)[:MAX_BODY_CHARS],
            url=url,
            site_id=site_id,
            kind=self.kind,
            date=self.date(page),
            page_id=page.pk,
        )


class SelfDescribedAdapter(Adapter):
    """A model that describes itself with `search_document()`."""

    def __init__(self, kind: str = "pages"):
        self.kind = kind

    def key(self, obj):
        if isinstance(obj, Page):
            return f"page:{obj.pk}"
        return super().key(obj)

    def queryset(self, model):
        if issubclass(model, Page):
            return model._default_manager.live()
        return model._default_manager.all()

    def document(self, obj, locator):
        data = obj.search_document()
        if not data:
            return None
        site = data.get("site")
        site_id = site.pk if isinstance(site, Site) else site
        return Document(
            title=data["title"],
            body=plain_text(data.get("body", ""))[:MAX_BODY_CHARS],
            url=data["url"],
            site_id=site_id,
            kind=data.get("kind", self.kind),
            date=data.get("date"),
            page_id=obj.pk if isinstance(obj, Page) else None,
        )


def restricted(page: Page) -> bool:
    """True when the page or an ancestor has a view restriction (not public)."""
    return PageViewRestriction.objects.filter(
        page__path__in=[page.path[:i] for i in range(4, len(page.path) + 1, 4)]
    ).exists()


class Registry:
    def __init__(self):
        self._adapters: dict[type[models.Model], Adapter] = {}
        self._kinds: dict[str, Kind] = {}
        self.page_adapter = PageAdapter()

    def add_kind(self, key: str, label: str, order: int = 50) -> None:
        self._kinds[key] = Kind(key, label, order)

    def kind(self, key: str) -> Kind:
        return self._kinds.get(key) or Kind(key, key, 99)

    def kinds(self) -> list[Kind]:
        return sorted(self._kinds.values(), key=lambda kind: kind.order)

    def register(self, model: type[models.Model], adapter: Adapter) -> None:
        self._adapters[model] = adapter

    def registered_models(self) -> Iterable[type[models.Model]]:
        return self._adapters.keys()

    def adapter_for_label(self, label: str) -> Adapter | None:
        """The adapter of a model named `app_label.modelname` (lower case)."""
        for model, adapter in self._adapters.items():
            if model._meta.label_lower == label:
                return adapter
        return None

    def adapter_for(self, obj_or_model) -> Adapter | None:
        model = obj_or_model if isinstance(obj_or_model, type) else type(obj_or_model)
        for klass in model.__mro__:
            if klass in self._adapters:
                return self._adapters[klass]
        if issubclass(model, Page):
            return self.page_adapter
        return None


registry = Registry()
registry.add_kind("news", _("News"), 10)
registry.add_kind("documents", _("Legal documents"), 20)
registry.add_kind("procedures", _("Procedures"), 30)
registry.add_kind("questions", _("Questions and answers"), 40)
registry.add_kind("pages", _("Other pages"), 90)
