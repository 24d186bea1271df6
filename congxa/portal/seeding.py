"""Helpers the content apps' demo data share (`congxa.<app>.demo.seed`).

The demo commune is made by `congxa.portal.communes.commune_create`, which
creates the standard sections with their titles only; each app's demo then
fills its section with the demo's text and adds pages under it. Every helper
here is idempotent: running the demo again changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from wagtail.models import Page


def publish(page: Page) -> None:
    page.save_revision().publish()


def child_page(
    parent: Page,
    model: type[Page],
    slug: str,
    *,
    build: Callable[..., Page] | None = None,
    **fields,
) -> Page:
    """The `model` child of `parent` at `slug`, created and published when
    missing. A page that exists already (a section the commune service made)
    gets the given values of the fields it still has blank, and is published
    again only when one was blank."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is None:
        page = (build or model)(slug=slug, **fields)
        parent.add_child(instance=page)
        publish(page)
        return page
    blank = {
        name: value
        for name, value in fields.items()
        if value and not getattr(existing, name)
    }
    if blank:
        for name, value in blank.items():
            setattr(existing, name, value)
        publish(existing)
    return existing


def image_titled(title: str, make_file: Callable[[], object]):
    """The image with this title, made (with `make_file()` as its file) when
    missing: demo pictures are drawn once, whatever page uses them."""
    from wagtail.images import get_image_model

    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(title=title, description=title)
        image.file = make_file()
        image.save()
    return image
