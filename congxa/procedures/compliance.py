"""Administrative procedures in the compliance overview.

The catalog is shared by the province; a commune is "present" when it shows
procedures on a procedures page, dated by the newest import of one of them.
"""

from django.db.models import Count, Max
from django.utils.translation import gettext_lazy as _

from congxa.portal.compliance import (
    CustomCategory,
    PageCategory,
    Summary,
    register_compliance_category,
)

from .models import DEFAULT_LEVEL, AdministrativeProcedure, SelectedProcedure

_index_page = PageCategory(
    name="procedure-page",
    model="procedures.ProcedureIndexPage",
    label=_("Administrative procedures"),
)


def summarise(sites) -> dict[int, Summary]:
    """Two queries whatever the number of communes, besides the page check.

    `AdministrativeProcedure.objects.for_site` per commune, at once: a commune
    that chose procedures shows its choice (one grouped query over every
    commune's choice); the others show the commune-level procedures (one
    aggregate, the same for all of them).
    """
    pages = _index_page.summarise(sites)
    present = [site.pk for site in sites if site.pk in pages]
    if not present:
        return {}
    chosen = {
        row["selection__site_id"]: Summary(row["count"], row["newest"])
        for row in SelectedProcedure.objects.filter(selection__site_id__in=present)
        .values("selection__site_id")
        .annotate(count=Count("procedure_id"), newest=Max("procedure__updated_at"))
        .order_by()
    }
    default = None
    if len(chosen) < len(present):
        totals = AdministrativeProcedure.objects.filter(
            level__icontains=DEFAULT_LEVEL
        ).aggregate(count=Count("pk"), newest=Max("updated_at"))
        default = Summary(totals["count"], totals["newest"])
    return {site_id: chosen.get(site_id, default) for site_id in present}


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
