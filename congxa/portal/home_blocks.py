"""The portal's own home page blocks."""

from wagtail.models import Site

from .home import HomeBlock, register_home_block


def website_links_context(request, home_page):
    from .models import CommuneSettings

    site = Site.find_for_request(request)
    links = list(CommuneSettings.for_site(site).website_links.all()) if site else []
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
