"""The manuals' tests reuse the browser fixtures (chromium, artifacts)."""

from tests.browser.conftest import artifacts, browser  # noqa: F401
