"""axe-core finds no violation on any page kind, on a phone and a desktop, before
and after a failed form submission."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.a11y.conftest import FORMS, PAGE_KINDS

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
WIDTHS = {"phone": 360, "desktop": 1280}
AXE = Axe()


@pytest.fixture(scope="module", params=list(WIDTHS))
def screen(request, browser):
    context = browser.new_context(
        viewport={"width": WIDTHS[request.param], "height": 800}
    )
    page = context.new_page()
    yield page
    context.close()


def violations(page) -> list[str]:
    result = AXE.run(
        page,
        options={
            "runOnly": {"type": "tag", "values": TAGS},
            "resultTypes": ["violations"],
        },
    )
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]} "
        f"{v['nodes'][0]['failureSummary']}"
        for v in result.response["violations"]
    ]


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_no_axe_violation(live_demo, screen, kind):
    response = screen.goto(live_demo.url + PAGE_KINDS[kind])
    assert response.status == (404 if kind == "not-found" else 200)
    assert violations(screen) == []


@pytest.mark.parametrize("form", list(FORMS))
def test_no_axe_violation_after_a_failed_submission(live_demo, screen, form):
    screen.goto(live_demo.url + FORMS[form])
    screen.click("form.engagement-form button[type=submit]")
    screen.wait_for_selector("[data-error-summary]")
    assert violations(screen) == []
