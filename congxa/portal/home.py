"""Blocks of the home page, contributed by the content apps.

The portal sits below the content apps and imports none of them; each app
registers the blocks it shows on the home page from its `AppConfig.ready`.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from django.http import HttpRequest

from .cache import generation_memo


@dataclass(frozen=True)
class HomeBlock:
    name: str
    template: str
    get_context: Callable[[HttpRequest, Any], dict[str, Any] | None]
    area: Literal["main", "side"] = "main"
    order: int = 100


_blocks: dict[str, HomeBlock] = {}


def register_home_block(block: HomeBlock) -> None:
    _blocks[block.name] = block


def render_plan(request: HttpRequest, home_page, area: str) -> list[tuple[str, dict]]:
    """(template, context) for each block of an area that has something to show."""
    plan = []
    for block in sorted(_blocks.values(), key=lambda b: (b.order, b.name)):
        if block.area != area:
            continue
        context = block.get_context(request, home_page)
        if context is not None:
            plan.append((block.template, context))
    return plan


def home_children(request: HttpRequest, home_page) -> list:
    """The live, public pages right under the home page, read once a request.

    The menu and the home page's blocks all look there (news sections, the
    documents, procedures and schedule pages); one query serves them all.
    """
    memo = getattr(request, "_congxa_home_children", None)
    if memo is None or memo[0] != home_page.pk:
        # Kept per process for the site's generation: a publish re-reads them.
        children = generation_memo(
            request,
            "home-children",
            home_page.pk,
            lambda: list(home_page.get_children().live().public()),
        )
        memo = (home_page.pk, [copy.copy(child) for child in children])
        request._congxa_home_children = memo
    return memo[1]


def home_child_of_type(request: HttpRequest, home_page, model):
    """The first page of `model` right under the home page (a plain `Page`,
    enough for its title and address), or None."""
    from django.contrib.contenttypes.models import ContentType

    content_type_id = ContentType.objects.get_for_model(model).pk
    for child in home_children(request, home_page):
        if child.content_type_id == content_type_id:
            return child
    return None
