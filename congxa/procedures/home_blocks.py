"""What the procedures app shows on a commune's home page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from wagtail.models import Page, Site

from congxa.portal.home import HomeBlock, home_child_of_type, register_home_block


def side_context(request: HttpRequest, home_page: Page) -> dict[str, Any] | None:
    from .models import ProcedureIndexPage
    from .selectors import home_procedures, procedure_index_for

    index = home_child_of_type(
        request, home_page, ProcedureIndexPage
    ) or procedure_index_for(home_page)
    if index is None:
        return None
    base_url = index.get_url(request)
    procedures = home_procedures(Site.find_for_request(request))
    return {
        "index": index,
        "index_url": base_url,
        "procedures": [(p, f"{base_url}{p.code}/") for p in procedures],
    }


def register() -> None:
    register_home_block(
        HomeBlock(
            name="procedures",
            template="procedures/includes/home_side.html",
            get_context=side_context,
            area="side",
            order=20,
        )
    )
