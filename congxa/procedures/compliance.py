"""Administrative procedures in the compliance overview.

The catalog is shared by the province; a commune is "present" when it shows
procedures on a procedures page, dated by the newest import of one of them.
"""

from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from congxa.portal.compliance import (
    CustomCategory,
    PageCategory,
    Summary,
    register_compliance_category,
)

from .models import AdministrativeProcedure

_index_page = PageCategory(
    name="procedure-page",
    model="procedures.ProcedureIndexPage",
    label=_("Administrative procedures"),
)


def summarise(sites) -> dict[int, Summary]:
    pages = _index_page.summarise(sites)
    summaries = {}
    for site in sites:
        if site.pk not in pages:
            continue
        shown = AdministrativeProcedure.objects.for_site(site)
        summaries[site.pk] = Summary(
            shown.count(), shown.aggregate(newest=Max("updated_at"))["newest"]
        )
    return summaries


def add_urls(sites) -> dict[int, str | None]:
    return _index_page.add_urls(sites)


def register() -> None:
    register_compliance_category(
        CustomCategory(
            name="procedures",
            label=_("Administrative procedures"),
            order=30,
            stale_days=365,
            summarise_fn=summarise,
            add_urls_fn=add_urls,
        )
    )
