"""Factories for the portal's models, shared by the tests and the demo content."""

import io
import random

import factory
import wagtail_factories
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.models import Site

from .communes import (
    ROOT_COLLECTION_NAME,
    ROOT_PAGE_TITLE,
    ensure_tree_roots,
    site_with_home,
)
from .models import CommuneSettings, HomePage

__all__ = ["ROOT_COLLECTION_NAME", "ROOT_PAGE_TITLE", "ensure_tree_roots"]


class HomePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Trang chủ xã {n}")
    slug = factory.Sequence(lambda n: f"xa-{n}")

    class Meta:
        model = HomePage


def create_commune_site(
    *, name: str, hostname: str, port: int = 80, province: str = "", default=False
) -> Site:
    """A bare commune for a test: its home page, Site and settings, without the
    sections and editorial board `communes.commune_create` adds."""
    site = site_with_home(host=hostname, name=name, port=port, default=default)
    CommuneSettings.objects.create(site=site, commune_name=name, province=province)
    return site


def generated_jpeg(
    *, seed: int, width: int = 1200, height: int = 800, label: str = ""
) -> ImageFile:
    """A landscape picture drawn in memory: demo and test images need no download."""
    rng = random.Random(seed)  # noqa: S311 (pictures, not secrets)
    sky = (rng.randint(90, 160), rng.randint(150, 200), rng.randint(200, 240))
    field = (rng.randint(40, 90), rng.randint(120, 170), rng.randint(40, 80))
    image = PILImage.new("RGB", (width, height), sky)
    draw = ImageDraw.Draw(image)
    horizon = int(height * rng.uniform(0.45, 0.65))
    for i in range(5):
        x = rng.randint(-200, width)
        peak = horizon - rng.randint(60, 220)
        shade = tuple(max(0, c - 30 - i * 8) for c in field)
        draw.polygon([(x, horizon), (x + 260, peak), (x + 560, horizon)], fill=shade)
    draw.rectangle([0, horizon, width, height], fill=field)
    for _ in range(30):
        y = rng.randint(horizon, height)
        draw.line([(0, y), (width, y + rng.randint(-40, 40))], fill=sky, width=2)
    sun = (rng.randint(50, width - 150), rng.randint(40, horizon - 150))
    draw.ellipse([sun, (sun[0] + 90, sun[1] + 90)], fill=(250, 220, 120))
    if label:
        draw.rectangle([0, height - 70, width, height], fill=(0, 0, 0))
        draw.text((24, height - 52), label, fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=82)
    return ImageFile(buffer, name=f"anh-{seed}.jpg")


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Ảnh {n}")
    file = factory.LazyAttribute(lambda o: generated_jpeg(seed=hash(o.title) % 10_000))
