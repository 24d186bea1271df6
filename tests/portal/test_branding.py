"""Each commune looks like itself: colour from a checked palette, favicon."""

from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from congxa.portal.branding import (
    AA_TEXT,
    GOLD,
    PALETTE,
    WHITE,
    contrast_ratio,
    theme_css,
)
from congxa.portal.factories import ImageFactory
from congxa.portal.models import CommuneSettings

CSS = Path(__file__).resolve().parents[2] / "congxa/static/congxa/congxa.css"
HOST = "vinhthuy.localhost"


def test_contrast_ratio_of_known_pairs():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("colour", PALETTE, ids=lambda c: c.key)
def test_every_palette_colour_keeps_text_readable(colour):
    for background in (colour.base, colour.dark):
        assert contrast_ratio(WHITE, background) >= AA_TEXT
        assert contrast_ratio(GOLD, background) >= AA_TEXT


def test_the_stylesheet_carries_the_palette():
    css = CSS.read_text(encoding="utf-8")
    for line in theme_css().splitlines():
        assert line in css


def _home(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/", HTTP_HOST=HOST)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


@pytest.mark.django_db
def test_colour_is_a_class_and_costs_nothing(
    client, site, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_ENABLED = False
    _home(client)
    html, red_queries = _home(client)
    assert '<html lang="vi">' in html
    commune = CommuneSettings.objects.get(site=site)
    commune.primary_colour = "blue"
    with django_capture_on_commit_callbacks(execute=True):
        commune.save()
    _home(client)
    html, blue_queries = _home(client)
    assert '<html lang="vi" class="theme-blue">' in html
    assert "style=" not in html.split("<body", 1)[0]
    assert blue_queries == red_queries


@pytest.mark.django_db
def test_favicon_from_the_commune_settings(
    client, site, django_capture_on_commit_callbacks
):
    html, _ = _home(client)
    assert "congxa/favicon" in html
    commune = CommuneSettings.objects.get(site=site)
    commune.favicon = ImageFactory(title="Biểu trưng")
    with django_capture_on_commit_callbacks(execute=True):
        commune.save()
    html, _ = _home(client)
    head = html.split("</head>", 1)[0]
    assert '<link rel="icon" href="/media/images/' in head
