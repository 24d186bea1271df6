"""Browser tests: Playwright driving Debian's chromium against a live server.

Screenshots land in test-artifacts/ at the top of the repository.
"""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CONGXA_CHROMIUM", "/usr/bin/chromium")
REPO = Path(__file__).resolve().parents[2]
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


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory):
    """The demo commune as `make demo` serves it: `congxa demo`, then `congxa serve`.

    Always the embedded default (SQLite, on-disk cache) in its own data directory,
    whatever database the rest of the suite runs on.
    """
    data_dir = tmp_path_factory.mktemp("demo-data")
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("CONGXA_", "DJANGO_", "DATABASE_URL", "CACHE_URL"))
    }
    env.update(
        CONGXA_DATA_DIR=str(data_dir),
        CONGXA_ALLOWED_HOSTS="127.0.0.1,localhost",
        # The officials' side is driven through the admin; its two-step login
        # has its own browser test (test_editorial.py).
        CONGXA_REQUIRE_2FA="0",
        PYTHONPATH=str(REPO),
    )
    congxa = [sys.executable, "-m", "congxa.cli"]
    prepared = subprocess.run(  # noqa: S603 (fixed argv)
        [*congxa, "demo", "--no-serve"],
        cwd=REPO,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=600,
    )
    password = re.search(r"mật khẩu:\s+(\S+)", prepared.stdout).group(1)
    port = _free_port()
    log = (data_dir / "serve.log").open("w")
    server = subprocess.Popen(  # noqa: S603 (fixed argv)
        [*congxa, "serve", "--port", str(port), "--workers", "2", "--no-access-log"],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while True:
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=5):  # noqa: S310
                break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                log.close()
                pytest.fail(
                    "congxa serve did not start:\n"
                    + (data_dir / "serve.log").read_text()
                )
            time.sleep(0.5)
    yield DemoServer(url=url, admin_password=password)
    server.terminate()
    server.wait(timeout=30)
    log.close()
