"""The portal's own home page blocks."""

from .home import HomeBlock, register_home_block


def website_links_context(request, home_page):
    from .models import CommuneSettings

    # for_request: the settings this request already loaded, no new query.
    links = list(CommuneSettings.for_request(request).website_links.all())
    return {"links": links} if links else None


def register() -> None:
    register_home_block(
        HomeBlock(
            name="website-links",
            template="portal/includes/website_links.html",
            get_context=website_links_context,
            area="side",
            order=90,
        )
    )
