"""Links other apps' pages use to reach the engagement forms."""

from __future__ import annotations

from django import template
from wagtail.models import Site

from ..models import QuestionIndexPage

register = template.Library()


@register.simple_tag(takes_context=True)
def draft_comment_url(context, document) -> str:
    """Address of the comment form of a draft document, or "" without a Q&A page."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None or document is None:
        return ""
    index = (
        QuestionIndexPage.objects.live()
        .public()
        .descendant_of(site.root_page)
        .only("url_path", "path", "depth")
        .first()
    )
    if index is None:
        return ""
    return index.get_url(request) + index.reverse_subpage(
        "draft_comment", args=[document.pk]
    )
