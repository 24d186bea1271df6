"""Wagtail 7.4 words no catalog can reach, made translatable at start-up.

Wagtail evaluates a few interface strings once, when a module is imported, or
builds them from code names; whatever language is active then (English under a
management command such as `check` or `migrate`) stays for the life of the
process. Each fix below names the Wagtail code it corrects; `apply()` runs from
`EditorialConfig.ready` and refuses to start on another Wagtail version, so an
upgrade makes whoever does it look at each fix again.
"""

from __future__ import annotations

import wagtail
from django.core.exceptions import ImproperlyConfigured
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

FIXED_FOR = (7, 4)


def apply() -> None:
    if tuple(wagtail.VERSION[:2]) != FIXED_FOR:
        raise ImproperlyConfigured(
            "congxa/editorial/wagtail_texts.py sửa chữ của Wagtail "
            f"{FIXED_FOR[0]}.{FIXED_FOR[1]}; phiên bản đang cài là "
            f"{wagtail.__version__}: hãy kiểm tra lại từng chỗ sửa."
        )
    _redirect_filters()
    _site_columns()
    _page_search_count()


def _redirect_filters() -> None:
    # wagtail/contrib/redirects/filters.py imports `gettext` (not the lazy one)
    # for the labels of its filter panel.
    from wagtail.contrib.redirects.filters import RedirectsReportFilterSet

    kind = RedirectsReportFilterSet.base_filters["is_permanent"]
    kind.label = _("Type")
    kind.extra["choices"] = ((True, _("Permanent")), (False, _("Temporary")))
    kind.extra["empty_label"] = _("All")


def _site_columns() -> None:
    # wagtail/sites/views.py lists Column("site_name") etc. without a label, so
    # the column heading is the field name in English ("Site name").
    from wagtail.models import Site
    from wagtail.sites.views import IndexView

    for column in IndexView.columns:
        if column.name in ("port", "site_name", "root_page"):
            column.label = capfirst(Site._meta.get_field(column.name).verbose_name)


def _page_search_count() -> None:
    # wagtail/admin/views/pages/search.py has no model, so its result count reads
    # "1-1 of 1 None" ("%(model_name)s" is the view's verbose_name, or
    # verbose_name_plural past one result).
    from wagtail.admin.views.pages.search import SearchView
    from wagtail.models import Page

    SearchView.verbose_name = Page._meta.verbose_name
    SearchView.verbose_name_plural = Page._meta.verbose_name_plural


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
