"""The JSON-LD of a page: what its subject says about itself, plus breadcrumbs.

Each content type describes itself with a `json_ld(request, url)` method next to
its model; this module only collects. A view that shows something other than a
page (a procedure under the procedures page) names it `json_ld_subject` in its
context.
"""

from __future__ import annotations

import json

from django.utils.html import _json_script_escapes
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from wagtail.models import Page

from congxa.portal.templatetags.portal_tags import breadcrumb

SCHEMA_CONTEXT = "https://schema.org"


def page_subject(context) -> object | None:
    """What the page is about: a routed object, or the page itself."""
    return context.get("json_ld_subject") or context.get("page")


def subject_name(subject) -> str:
    return str(getattr(subject, "title", None) or getattr(subject, "name", ""))


def breadcrumb_list(context, page: Page | None, subject, url: str) -> dict:
    """schema.org BreadcrumbList from the commune's home page to the subject.

    The ancestors are the visible breadcrumb's, read without a query where the
    router left them on the page.
    """
    request = context["request"]
    items: list[tuple[str, str]] = []
    if page is not None and page.depth >= 2:
        if page.depth > 2:
            ancestors = breadcrumb(context)["ancestors"]
            items = [
                (
                    gettext("Home") if ancestor.depth == 2 else ancestor.title,
                    ancestor.get_full_url(request),
                )
                for ancestor in ancestors
            ]
        items.append(
            (
                gettext("Home") if page.depth == 2 else page.title,
                page.get_full_url(request),
            )
        )
    if subject is not None and subject is not page:
        items.append((subject_name(subject), url))
    if not items:
        items.append((gettext("Home"), request.build_absolute_uri("/")))
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": link}
            for position, (name, link) in enumerate(items, start=1)
        ],
    }


def collect(context) -> list[dict]:
    """Every JSON-LD object of the page being rendered, each with its @context."""
    request = context.get("request")
    if request is None:
        return []
    page = context.get("page")
    subject = page_subject(context)
    url = request.build_absolute_uri(request.path)
    objects = []
    describe = getattr(subject, "json_ld", None)
    if callable(describe):
        data = describe(request, url)
        if data:
            objects.append(data)
    objects.append(breadcrumb_list(context, page, subject, url))
    return [{"@context": SCHEMA_CONTEXT, **data} for data in objects]


def as_script(data: dict) -> SafeString:
    """A `<script type="application/ld+json">`, safe to put inside HTML."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return mark_safe(  # noqa: S308 (JSON escaped for a script element)
        '<script type="application/ld+json">'
        + text.translate(_json_script_escapes)
        + "</script>"
    )
