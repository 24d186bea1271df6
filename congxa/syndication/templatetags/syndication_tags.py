"""Head tags every page carries (JSON-LD, Open Graph, Twitter card, feed links)
and the share and print tools of articles and documents."""

from __future__ import annotations

from urllib.parse import quote

from django import template
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from congxa.portal.models import CommuneSettings
from congxa.syndication.structured_data import as_script, collect, page_subject

register = template.Library()

FACEBOOK_SHARE = "https://www.facebook.com/sharer/sharer.php?u={url}"
ZALO_SHARE = (
    "https://button-share.zalo.me/share_external?layout=1&customize=false&url={url}"
)


@register.simple_tag(takes_context=True)
def structured_data(context) -> SafeString:
    """Every JSON-LD block of the page."""
    return mark_safe("".join(as_script(data) for data in collect(context)))  # noqa: S308


def _image_url(request, subject, commune) -> str:
    image = getattr(subject, "featured_image", None)
    if image is not None:
        rendition = image.get_rendition("fill-1200x630|format-jpeg")
        return request.build_absolute_uri(rendition.url)
    if commune is not None and commune.logo_id:
        rendition = commune.logo.get_rendition("fill-512x512|format-png")
        return request.build_absolute_uri(rendition.url)
    return ""


@register.inclusion_tag("syndication/includes/social_meta.html", takes_context=True)
def social_meta(context) -> dict:
    """Open Graph and Twitter card tags for any page kind."""
    request = context.get("request")
    if request is None:
        return {}
    subject = page_subject(context)
    commune = CommuneSettings.for_request(request)
    name = commune.commune_name
    title = ""
    if subject is not None:
        title = (
            getattr(subject, "seo_title", "")
            or getattr(subject, "title", "")
            or getattr(subject, "name", "")
        )
    title = context.get("meta_title") or title or name
    description = (
        getattr(subject, "description", "")
        or getattr(subject, "search_description", "")
        or gettext("Official electronic information portal of %(name)s")
        % {"name": name}
    )
    date = getattr(subject, "date", None)
    return {
        "og_type": "article" if date is not None else "website",
        "title": title,
        "description": description,
        "url": request.build_absolute_uri(request.path),
        "site_name": name,
        "image": _image_url(request, subject, commune),
        "published": date,
    }


def _feed(label: str, kind: str, **kwargs) -> dict:
    return {
        "title": label,
        "rss": reverse(f"feed-rss-{kind}", kwargs=kwargs),
        "atom": reverse(f"feed-atom-{kind}", kwargs=kwargs),
    }


@register.inclusion_tag("syndication/includes/feed_links.html", takes_context=True)
def feed_links(context) -> dict:
    """Autodiscovery `<link>`s: the commune's news and the feed of this section."""
    feeds = [_feed(gettext("News"), "news")]
    page = context.get("page")
    model = page._meta.model_name if page is not None else ""
    if model in ("newsindexpage", "articlepage"):
        section = page if model == "newsindexpage" else _section_of(page)
        if section is not None:
            feeds.append(_feed(section.title, "section", section_slug=section.slug))
    elif model in ("documentindexpage", "legaldocumentpage"):
        feeds.append(_feed(gettext("New documents"), "documents"))
    elif model == "questionindexpage":
        feeds.append(_feed(gettext("Published answers"), "answers"))
    return {"feeds": feeds}


def _section_of(article):
    parent = getattr(article, "_cached_parent_obj", None) or article.get_parent()
    return parent if parent is not None and parent.depth == 3 else None


@register.inclusion_tag("syndication/includes/share_tools.html", takes_context=True)
def share_tools(context, print_button: bool = True) -> dict:
    """Plain share links (no third-party script) and a print button."""
    request = context["request"]
    url = quote(request.build_absolute_uri(request.path), safe="")
    return {
        "facebook": FACEBOOK_SHARE.format(url=url),
        "zalo": ZALO_SHARE.format(url=url),
        "print_button": print_button,
    }
