"""Menus, breadcrumbs and Vietnamese dates for every page of a commune."""

from datetime import date, datetime

from django import template
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

from congxa.portal.cache import generation_memo
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


@register.simple_tag(takes_context=True)
def main_menu(context) -> str:
    """The commune's menu, the current page's section marked.

    Rendered once per process for the site's generation and the item marked
    (`cache.generation_memo`): the same HTML on every page of a section.
    """
    root = _site_root(context)
    current = context.get("page")
    current_path = current.path if current else ""
    request = context.get("request")
    items = []
    if root is not None:
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
    home_active = root is not None and current_path == root.path
    menu = {"items": items, "home_active": home_active, "request": request}

    def render() -> str:
        return render_to_string("portal/includes/main_menu.html", menu)

    if request is None:
        return render()
    active = tuple(item.pk for item, is_active in items if is_active)
    vary = (request.get_host(), request.scheme, home_active, active)
    return generation_memo(request, "fragment:main-menu", vary, render)


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


class GenerationCacheNode(template.Node):
    def __init__(self, nodelist, name, vary):
        self.nodelist = nodelist
        self.name = name
        self.vary = vary

    def render(self, context) -> str:
        request = context.get("request")
        if request is None:
            return self.nodelist.render(context)
        vary = (
            request.get_host(),
            request.scheme,
            translation.get_language(),
            *(value.resolve(context) for value in self.vary),
        )
        return generation_memo(
            request,
            "fragment:" + self.name,
            vary,
            lambda: mark_safe(self.nodelist.render(context)),  # noqa: S308
        )


@register.tag
def generation_cache(parser, token):
    """`{% generation_cache "name" value... %}...{% endgeneration_cache %}`

    The enclosed HTML, rendered once per process for the site's generation
    (`cache.generation_memo`), the host, the scheme, the language and the
    values given (the page's id, say): whatever the fragment shows must be
    something a bump of that generation invalidates (`invalidation.py`).
    Not for anything that depends on the visitor, the time of day or the
    query string. Previews and requests outside the page cache render it.
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(
            "generation_cache needs a fragment name: "
            '{% generation_cache "name" value... %}'
        )
    nodelist = parser.parse(("endgeneration_cache",))
    parser.delete_first_token()
    name = bits[1].strip("\"'")
    vary = [parser.compile_filter(bit) for bit in bits[2:]]
    return GenerationCacheNode(nodelist, name, vary)
