"""Browser tests: Playwright driving Debian's chromium against a live server.

Screenshots land in test-artifacts/ at the top of the repository.
"""

import os
import re
from dataclasses import dataclass

import pytest

from tests.served_demo import REPO, served_demo

CHROMIUM = os.environ.get("CONGXA_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Playwright's sync API runs an event loop in this thread; the database calls
# the tests make between browser steps are ordinary synchronous ones.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def phone(browser):
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True
    )
    yield context.new_page()
    context.close()


@pytest.fixture
def desktop(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@dataclass(frozen=True)
class DemoServer:
    url: str
    admin_password: str


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory):
    """The demo commune as `make demo` serves it, and its administrator's password."""
    data_dir = tmp_path_factory.mktemp("demo-data")
    with served_demo(data_dir, serve_args=("--no-access-log",)) as demo:
        password = re.search(r"mật khẩu:\s+(\S+)", demo.demo_output).group(1)
        yield DemoServer(url=demo.url, admin_password=password)
