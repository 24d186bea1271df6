"""What the news app shows on a commune's home page."""

from django.contrib.contenttypes.models import ContentType

from congxa.portal.home import HomeBlock, home_children, register_home_block

LATEST_COUNT = 6
PER_SECTION_COUNT = 4
FEATURED_COUNT = 3


def _articles_of(home_page):
    from .models import ArticlePage

    return (
        ArticlePage.objects.descendant_of(home_page)
        .live()
        .public()
        .select_related("featured_image")
        .order_by("-date", "-pk")
    )


def featured_context(request, home_page):
    featured = list(_articles_of(home_page).filter(featured=True)[:FEATURED_COUNT])
    latest = list(
        _articles_of(home_page).exclude(pk__in=[a.pk for a in featured])[:LATEST_COUNT]
    )
    if not featured and not latest:
        return None
    return {"featured": featured, "latest": latest}


def sections_context(request, home_page):
    from .models import ArticlePage, NewsIndexPage

    sections = [
        child
        for child in home_children(request, home_page)
        if child.content_type_id == ContentType.objects.get_for_model(NewsIndexPage).pk
    ]
    if not sections:
        return None
    # One query for all sections: the newest articles under the home page,
    # grouped by parent path in Python.
    by_parent: dict[str, list] = {section.path: [] for section in sections}
    step = NewsIndexPage.steplen
    recent = (
        ArticlePage.objects.descendant_of(home_page)
        .live()
        .public()
        .order_by("-date", "-pk")
        .only("title", "url_path", "path", "depth", "date", "lead")[:200]
    )
    for article in recent:
        bucket = by_parent.get(article.path[:-step])
        if bucket is not None and len(bucket) < PER_SECTION_COUNT:
            bucket.append(article)
    return {
        "sections": [
            (section, by_parent[section.path])
            for section in sections
            if by_parent[section.path]
        ]
    }


def register() -> None:
    register_home_block(
        HomeBlock(
            name="news-featured",
            template="news/includes/home_featured.html",
            get_context=featured_context,
            order=10,
        )
    )
    register_home_block(
        HomeBlock(
            name="news-sections",
            template="news/includes/home_sections.html",
            get_context=sections_context,
            order=20,
        )
    )
