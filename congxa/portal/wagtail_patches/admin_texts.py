"""Wagtail's admin words no catalog can reach, made translatable at start-up.

Written for Wagtail 7.4. Wagtail evaluates a few interface strings once, when a
module is imported, or builds them from code names; whatever language is
active then (English under a management command such as `check` or `migrate`)
stays for the life of the process. Each fix below names the Wagtail code it
corrects, and `check()` hashes that code, so an upgrade makes whoever does it
look at each fix again:

- wagtail/contrib/redirects/filters.py imports `gettext` (not the lazy one) for
  the labels of its filter panel;
- wagtail/sites/views.py lists `Column("site_name")` etc. without a label, so
  the column heading is the field name in English ("Site name");
- wagtail/admin/views/pages/search.py has no model, so its result count reads
  "1-1 of 1 None" ("%(model_name)s" is the view's verbose_name, or
  verbose_name_plural past one result).

`filter_lookups()` is no patch: settings.py points django-filter's
FILTERS_VERBOSE_LOOKUPS here (django-filter has no Vietnamese catalog).
"""

from __future__ import annotations

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from . import require_source, require_version

NAME = "admin_texts"
WAGTAIL = "7.4"
REDIRECT_FILTERS_DIGEST = "ed534ed1c7e8df20"
SITE_INDEX_DIGEST = "d206d12e54021c12"
PAGE_SEARCH_DIGEST = "560db08b6c3dd90f"
SITE_COLUMNS = ("port", "site_name", "root_page")


def _fixed():
    from wagtail.admin.views.pages.search import SearchView
    from wagtail.contrib.redirects.filters import RedirectsReportFilterSet
    from wagtail.sites.views import IndexView

    return RedirectsReportFilterSet, IndexView, SearchView


def check() -> None:
    require_version("wagtail", WAGTAIL, NAME)
    redirect_filters, site_index, page_search = _fixed()
    require_source(redirect_filters, REDIRECT_FILTERS_DIGEST, NAME)
    require_source(site_index, SITE_INDEX_DIGEST, NAME)
    require_source(page_search, PAGE_SEARCH_DIGEST, NAME)


def apply() -> None:
    from wagtail.models import Page, Site

    redirect_filters, site_index, page_search = _fixed()

    kind = redirect_filters.base_filters["is_permanent"]
    kind.label = _("Type")
    kind.extra["choices"] = ((True, _("Permanent")), (False, _("Temporary")))
    kind.extra["empty_label"] = _("All")

    for column in site_index.columns:
        if column.name in SITE_COLUMNS:
            column.label = capfirst(Site._meta.get_field(column.name).verbose_name)

    page_search.verbose_name = Page._meta.verbose_name
    page_search.verbose_name_plural = Page._meta.verbose_name_plural


# django-filter's words for lookups ("Ngày is greater than or equal to" in a
# date range filter): it has no Vietnamese catalog; settings.py points
# FILTERS_VERBOSE_LOOKUPS here.
def filter_lookups() -> dict:
    return {
        "exact": "",
        "iexact": "",
        "contains": _("contains"),
        "icontains": _("contains"),
        "in": _("is in"),
        "gt": _("is greater than"),
        "gte": _("is greater than or equal to"),
        "lt": _("is less than"),
        "lte": _("is less than or equal to"),
        "startswith": _("starts with"),
        "istartswith": _("starts with"),
        "endswith": _("ends with"),
        "iendswith": _("ends with"),
        "range": _("is in range"),
        "isnull": _("is null"),
        "date": _("date"),
        "year": _("year"),
        "month": _("month"),
        "day": _("day"),
    }
