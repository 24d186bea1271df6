"""Fixtures shared by every test: communes, their home pages and articles."""

import pytest
from django.core.cache import cache

from congxa.portal.factories import create_commune_site
from congxa.portal.invalidation import GLOBAL_GENERATION_KEY
from tests.perf.clients import FastPathClient


@pytest.fixture
def client():
    """Requests go through the WSGI fast path first, as in production."""
    return FastPathClient()


@pytest.fixture(autouse=True)
def _clear_cache():
    # The page cache and generation numbers live in the shared cache.
    cache.clear()
    # With Redis, reading the epoch takes the generation lease now, not inside
    # a test's counted queries (tests/settings.py).
    cache.get(GLOBAL_GENERATION_KEY)
    yield
    cache.clear()


@pytest.fixture
def site(db):
    """Commune A, the default site."""
    return create_commune_site(
        name="Xã Vĩnh Thủy",
        hostname="vinhthuy.localhost",
        province="Tỉnh Quảng Trị",
        default=True,
    )


@pytest.fixture
def other_site(db):
    """Commune B, on its own host name."""
    return create_commune_site(
        name="Xã Gio Linh", hostname="giolinh.localhost", province="Tỉnh Quảng Trị"
    )


@pytest.fixture
def home(site):
    return site.root_page.specific


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium through Playwright, one for the whole run.

    Every browser, accessibility and manual-screenshot test shares it: Playwright's
    sync API allows one running instance per thread, so a second session fixture
    (one per test folder) fails with "Sync API inside the asyncio loop".
    """
    import shutil
    from pathlib import Path

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} not found: install Debian's chromium (apt-get install -y "
            "chromium); `make test` does it when run as root."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()
