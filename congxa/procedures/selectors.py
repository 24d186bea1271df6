"""Reads of the procedure catalog for the public pages and the home page."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from wagtail.models import Page, Site

from .models import AdministrativeProcedure, ProcedureIndexPage

HOME_PROCEDURE_COUNT = 5


def procedure_list_context(
    procedures: QuerySet[AdministrativeProcedure], field: str
) -> dict[str, Any]:
    """Fields with their counts, and the procedures (of one field if it exists).

    One query whatever the size of the catalog: a commune shows a few hundred
    procedures at most, and the unfiltered page lists them all anyway. An unknown
    ``field`` is ignored.
    """
    listed = list(procedures.only("code", "name", "sector").order_by("sector", "name"))
    counts: dict[str, int] = {}
    for procedure in listed:
        counts[procedure.sector] = counts.get(procedure.sector, 0) + 1
    selected = field if field in counts else ""
    groups: list[tuple[str, list[AdministrativeProcedure]]] = []
    for procedure in listed:
        if selected and procedure.sector != selected:
            continue
        if not groups or groups[-1][0] != procedure.sector:
            groups.append((procedure.sector, []))
        groups[-1][1].append(procedure)
    return {
        "fields": list(counts.items()),
        "selected_field": selected,
        "unknown_field": field if field and not selected else "",
        "groups": groups,
        "total": len(listed),
    }


def procedure_index_for(home_page: Page) -> ProcedureIndexPage | None:
    return (
        ProcedureIndexPage.objects.descendant_of(home_page)
        .live()
        .public()
        .order_by("path")
        .first()
    )


def home_procedures(site: Site | None) -> list[AdministrativeProcedure]:
    """A few procedures for the home page: the commune's first choices."""
    return list(
        AdministrativeProcedure.objects.for_site(site)
        .only("code", "name", "sector")
        .order_by("sector", "name")[:HOME_PROCEDURE_COUNT]
    )
