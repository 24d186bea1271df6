"""How complete each commune's mandatory information is (Decree 42/2022/NĐ-CP).

Each content app registers the categories it publishes from its
`AppConfig.ready`, naming its models by "app_label.ModelName" strings (the
portal imports no content app):

    from congxa.portal.compliance import PageCategory, register_compliance_category

    register_compliance_category(
        PageCategory(
            name="documents",
            label=_("Legal documents"),
            model="documents.LegalDocumentPage",
            date_field="issue_date",
            parent_model="documents.DocumentIndexPage",
            order=20,
        )
    )

`SnippetCategory` does the same for a model with a `site` foreign key. A
category is *empty* with no item, *stale* when its newest item is older than
its `stale_days` (default: the `CONGXA_STALE_DAYS` setting, 90), else *present*.
The admin view summarises every category for every commune the user manages
with one or two queries per category, whatever the number of communes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.apps import apps
from django.conf import settings
from django.db.models import Count, Max
from django.db.models.functions import Substr
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

DEFAULT_STALE_DAYS = 90


class ComplianceState:
    PRESENT = "present"
    EMPTY = "empty"
    STALE = "stale"


STATE_LABELS = {
    ComplianceState.PRESENT: _("Present"),
    ComplianceState.EMPTY: _("Empty"),
    ComplianceState.STALE: _("Stale"),
}


@dataclass(frozen=True)
class Summary:
    count: int = 0
    newest: date | datetime | None = None


@dataclass
class CategoryStatus:
    name: str
    label: str
    state: str
    count: int
    newest: date | None
    stale_days: int
    add_url: str | None
    add_label: str

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]


@dataclass(frozen=True)
class ComplianceCategory:
    """One mandatory category; subclasses say how to count and where to add."""

    name: str
    label: str
    order: int = 100
    stale_days: int | None = None
    add_label: str = field(default=_("Add one"))

    def is_available(self) -> bool:
        return True

    def summarise(self, sites: list[Site]) -> dict[int, Summary]:
        raise NotImplementedError

    def add_urls(self, sites: list[Site]) -> dict[int, str | None]:
        return {}


def _get_model(dotted: str):
    app_label, model_name = dotted.split(".")
    try:
        return apps.get_model(app_label, model_name)
    except LookupError:
        return None


@dataclass(frozen=True)
class PageCategory(ComplianceCategory):
    """Live pages of one type inside each commune's page tree.

    `date_field` dates the newest item (default: the last publication). The add
    link opens the "add page" form under the first `parent_model` page of the
    commune; without one, under the home page when the type may live there.
    """

    model: str = ""
    date_field: str | None = None
    parent_model: str | None = None
    filters: dict = field(default_factory=dict)

    def is_available(self) -> bool:
        return _get_model(self.model) is not None

    def _by_root(self, queryset, sites: list[Site], annotations: dict):
        """Group `queryset` rows by the site whose tree holds them."""
        roots = {site.root_page.path: site.pk for site in sites}
        result = {}
        for depth in {site.root_page.depth for site in sites}:
            length = depth * Page.steplen
            prefixes = [path for path in roots if len(path) == length]
            rows = (
                queryset.annotate(root_path=Substr("path", 1, length))
                .filter(root_path__in=prefixes)
                .values("root_path")
                .annotate(**annotations)
                .order_by()
            )
            for row in rows:
                result[roots[row["root_path"]]] = row
        return result

    def summarise(self, sites):
        model = _get_model(self.model)
        date_field = self.date_field or "last_published_at"
        queryset = model.objects.live().filter(**self.filters)
        rows = self._by_root(
            queryset, sites, {"count": Count("pk"), "newest": Max(date_field)}
        )
        return {
            site_id: Summary(row["count"], row["newest"])
            for site_id, row in rows.items()
        }

    def add_urls(self, sites):
        model = _get_model(self.model)
        parent_model = _get_model(self.parent_model) if self.parent_model else None
        parents = {}
        if parent_model is not None:
            rows = self._by_root(
                parent_model.objects.all(), sites, {"parent_id": Max("pk")}
            )
            parents = {site_id: row["parent_id"] for site_id, row in rows.items()}
        urls = {}
        for site in sites:
            if site.pk in parents:
                urls[site.pk] = _add_page_url(model, parents[site.pk])
            elif parent_model is not None:
                urls[site.pk] = _add_page_url(parent_model, site.root_page_id)
            else:
                urls[site.pk] = _add_page_url(model, site.root_page_id)
        return urls


def _add_page_url(model, parent_id: int) -> str:
    return reverse(
        "wagtailadmin_pages:add",
        args=(model._meta.app_label, model._meta.model_name, parent_id),
    )


@dataclass(frozen=True)
class SnippetCategory(ComplianceCategory):
    """Records of a model with a `site` foreign key (officials, schedule...)."""

    model: str = ""
    date_field: str = "updated_at"
    filters: dict = field(default_factory=dict)

    def is_available(self) -> bool:
        return _get_model(self.model) is not None

    def summarise(self, sites):
        model = _get_model(self.model)
        rows = (
            model._default_manager.filter(site__in=[s.pk for s in sites])
            .filter(**self.filters)
            .values("site_id")
            .annotate(count=Count("pk"), newest=Max(self.date_field))
            .order_by()
        )
        return {row["site_id"]: Summary(row["count"], row["newest"]) for row in rows}

    def add_urls(self, sites):
        model = _get_model(self.model)
        viewset = getattr(model, "snippet_viewset", None)
        try:
            url = reverse(viewset.get_url_name("add")) if viewset else None
        except NoReverseMatch:
            url = None
        return {site.pk: url for site in sites}


@dataclass(frozen=True)
class CustomCategory(ComplianceCategory):
    """Anything else: give the two functions."""

    summarise_fn: Callable[[list[Site]], dict[int, Summary]] | None = None
    add_urls_fn: Callable[[list[Site]], dict[int, str | None]] | None = None

    def summarise(self, sites):
        return self.summarise_fn(sites)

    def add_urls(self, sites):
        return self.add_urls_fn(sites) if self.add_urls_fn else {}


_categories: dict[str, ComplianceCategory] = {}


def register_compliance_category(category: ComplianceCategory) -> None:
    """Add or replace (by name) a mandatory category."""
    _categories[category.name] = category


def registered_categories() -> list[ComplianceCategory]:
    return sorted(
        (c for c in _categories.values() if c.is_available()),
        key=lambda c: (c.order, c.name),
    )


def default_stale_days() -> int:
    return int(getattr(settings, "CONGXA_STALE_DAYS", DEFAULT_STALE_DAYS))


def _as_date(value) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value
    return value


def state_for(summary: Summary, stale_days: int, today: date | None = None) -> str:
    if not summary.count:
        return ComplianceState.EMPTY
    today = today or timezone.localdate()
    newest = _as_date(summary.newest)
    if newest is None or newest < today - timedelta(days=stale_days):
        return ComplianceState.STALE
    return ComplianceState.PRESENT


def compliance_overview(sites: list[Site]) -> list[tuple[Site, list[CategoryStatus]]]:
    """For each site, the state of every registered category."""
    sites = list(sites)
    if not sites:
        return []
    today = timezone.localdate()
    columns = []
    for category in registered_categories():
        stale_days = category.stale_days or default_stale_days()
        columns.append(
            (category, stale_days, category.summarise(sites), category.add_urls(sites))
        )
    overview = []
    for site in sites:
        statuses = []
        for category, stale_days, summaries, urls in columns:
            summary = summaries.get(site.pk, Summary())
            statuses.append(
                CategoryStatus(
                    name=category.name,
                    label=category.label,
                    state=state_for(summary, stale_days, today),
                    count=summary.count,
                    newest=_as_date(summary.newest),
                    stale_days=stale_days,
                    add_url=urls.get(site.pk),
                    add_label=category.add_label,
                )
            )
        overview.append((site, statuses))
    return overview


def _register_defaults() -> None:
    # News and announcements belong to the portal's own floor of the design: a
    # commune without news is the first thing an inspector notices.
    register_compliance_category(
        PageCategory(
            name="news",
            label=_("News and announcements"),
            model="news.ArticlePage",
            date_field="date",
            parent_model="news.NewsIndexPage",
            order=10,
            add_label=_("Add an article"),
        )
    )


_register_defaults()

__all__ = [
    "ComplianceCategory",
    "ComplianceState",
    "CustomCategory",
    "PageCategory",
    "SnippetCategory",
    "Summary",
    "compliance_overview",
    "register_compliance_category",
    "registered_categories",
    "state_for",
]
