"""Menus, breadcrumbs and Vietnamese dates for every page of a commune."""

from datetime import date, datetime

from django import template
from django.utils import timezone
from wagtail.models import Page, Site

from congxa.portal.home import home_children
from congxa.vi.dates import long_date, portal_date, portal_datetime

register = template.Library()


@register.filter(name="portal_datetime")
def portal_datetime_filter(value: datetime | None) -> str:
    """`21:40, Thứ Tư, 11-2-2026` in the portal's time zone."""
    if not value:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return portal_datetime(value)


@register.filter(name="portal_date")
def portal_date_filter(value: date | datetime | None) -> str:
    if not value:
        return ""
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return portal_date(value)


@register.filter(name="long_date")
def long_date_filter(value: date | datetime | None) -> str:
    if not value:
        return ""
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return long_date(value)


@register.simple_tag(takes_context=True)
def today(context) -> date:
    return timezone.localdate()


def _site_root(context) -> Page | None:
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.inclusion_tag("portal/includes/main_menu.html", takes_context=True)
def main_menu(context) -> dict:
    root = _site_root(context)
    current = context.get("page")
    current_path = current.path if current else ""
    items = []
    if root is not None:
        request = context.get("request")
        children = (
            home_children(request, root)
            if request is not None
            else root.get_children().live().public()
        )
        items = [
            (item, current_path.startswith(item.path))
            for item in children
            if item.show_in_menus
        ]
    return {
        "items": items,
        "home_active": root is not None and current_path == root.path,
        "request": context.get("request"),
    }


@register.inclusion_tag("portal/includes/breadcrumb.html", takes_context=True)
def breadcrumb(context) -> dict:
    page = context.get("page")
    ancestors = []
    if page is not None and page.depth > 2:
        # Depth 1 is the tree root, depth 2 the commune's home page. Routing
        # leaves the parent on the page; with the site's root that is enough
        # for pages two levels down, without a query.
        parent = getattr(page, "_cached_parent_obj", None)
        root = _site_root(context)
        if page.depth == 3 and root is not None:
            ancestors = [root]
        elif page.depth == 4 and parent is not None and root is not None:
            ancestors = [root, parent]
        else:
            ancestors = list(page.get_ancestors().filter(depth__gte=2))
    return {"ancestors": ancestors, "page": page}
