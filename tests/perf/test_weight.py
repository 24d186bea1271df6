"""Page weight: what a phone downloads for the article page."""

import gzip
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from .conftest import get

pytestmark = pytest.mark.django_db

BUDGET_WITHOUT_CONTENT_IMAGES = 40 * 1024
BUDGET_WITH_LEAD_IMAGE = 100 * 1024
ASSET = re.compile(
    r'<(?:link[^>]+href|script[^>]+src|img[^>]+src)="(/static/[^"?#]+)"', re.I
)


def static_bytes(url: str) -> bytes:
    path = finders.find(url.removeprefix(settings.STATIC_URL))
    assert path, url
    return Path(path).read_bytes()


def gzipped_size(data: bytes) -> int:
    # WhiteNoise serves the .gz copy it made at collectstatic, at level 9.
    return len(gzip.compress(data, compresslevel=9))


@pytest.fixture
def article_response(client, settings, article):
    settings.PAGE_CACHE_ENABLED = False
    return get(client, article.url, HTTP_ACCEPT_ENCODING="gzip")


def test_article_without_content_images_fits_40_kb(article_response):
    html = gzip.decompress(article_response.content)
    assets = sorted(set(ASSET.findall(html.decode())))
    assert any(url.endswith(".css") for url in assets)
    raw = len(html) + sum(len(static_bytes(url)) for url in assets)
    transferred = len(article_response.content) + sum(
        gzipped_size(static_bytes(url)) for url in assets
    )
    assert article_response["Content-Encoding"] == "gzip"
    # What a phone transfers is the budget; the raw bytes stay small too.
    assert transferred <= BUDGET_WITHOUT_CONTENT_IMAGES
    assert raw <= 2 * BUDGET_WITHOUT_CONTENT_IMAGES


def test_article_with_its_lead_image_fits_100_kb_on_a_phone(article_response):
    html = gzip.decompress(article_response.content).decode()
    assets = sorted(set(ASSET.findall(html)))
    transferred = len(article_response.content) + sum(
        gzipped_size(static_bytes(url)) for url in assets
    )
    # A 360 px wide phone picks the smallest candidate of the first <source>.
    picture = re.search(r"<picture>.*?</picture>", html, re.S).group(0)
    first_source = re.search(r'<source[^>]+srcset="([^"]+)"', picture).group(1)
    smallest = first_source.split(",")[0].split()[0]
    assert smallest.startswith(settings.MEDIA_URL)
    image = Path(settings.MEDIA_ROOT, smallest.removeprefix(settings.MEDIA_URL))
    assert transferred + image.stat().st_size <= BUDGET_WITH_LEAD_IMAGE


def test_images_have_dimensions_and_alt_text(
    article_response,
):
    html = gzip.decompress(article_response.content).decode()
    images = re.findall(r"<img[^>]*>", html)
    assert images
    for tag in images:
        assert re.search(r'\bwidth="\d+"', tag), tag
        assert re.search(r'\bheight="\d+"', tag), tag
        assert re.search(r'\balt="', tag), tag
