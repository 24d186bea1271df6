"""Reads of the procedure catalog for the public pages and the home page."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, QuerySet
from wagtail.models import Page, Site

from .models import AdministrativeProcedure, ProcedureIndexPage

HOME_PROCEDURE_COUNT = 5


def procedure_list_context(
    procedures: QuerySet[AdministrativeProcedure], field: str
) -> dict[str, Any]:
    """Fields with their counts, and the procedures (of one field if it exists).

    Two queries whatever the size of the catalog. An unknown ``field`` is ignored.
    """
    fields = [
        (row["field"], row["count"])
        for row in procedures.order_by("field")
        .values("field")
        .annotate(count=Count("pk"))
    ]
    known = {name for name, _count in fields}
    selected = field if field in known else ""
    listed = procedures.only("code", "name", "field").order_by("field", "name")
    if selected:
        listed = listed.filter(field=selected)
    groups: list[tuple[str, list[AdministrativeProcedure]]] = []
    for procedure in listed:
        if not groups or groups[-1][0] != procedure.field:
            groups.append((procedure.field, []))
        groups[-1][1].append(procedure)
    return {
        "fields": fields,
        "selected_field": selected,
        "unknown_field": field if field and not selected else "",
        "groups": groups,
        "total": sum(count for _name, count in fields),
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
        .only("code", "name", "field")
        .order_by("field", "name")[:HOME_PROCEDURE_COUNT]
    )
