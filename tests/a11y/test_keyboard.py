"""What a keyboard user meets: the skip link, the question form's order, the error
summary, the phone menu, and a focus ring that shows on every background; plus
320 px reflow on every page kind."""

from pathlib import Path

import pytest

from tests.a11y.conftest import PAGE_KINDS


@pytest.fixture
def desktop_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@pytest.fixture
def phone_page(browser):
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True
    )
    yield context.new_page()
    context.close()


def active(page) -> dict:
    return page.evaluate(
        """() => {
          const el = document.activeElement;
          return {id: el.id, tag: el.tagName, cls: el.className,
                  text: (el.textContent || '').trim().slice(0, 60),
                  summary: el.hasAttribute('data-error-summary')};
        }"""
    )


def test_skip_link_is_first_and_moves_to_the_content(live_demo, desktop_page):
    desktop_page.goto(live_demo.url + "/")
    desktop_page.keyboard.press("Tab")
    focused = active(desktop_page)
    assert focused["cls"] == "skip-link"
    assert focused["text"] == "Bỏ qua, đến nội dung chính"
    box = desktop_page.locator(".skip-link").bounding_box()
    assert box["x"] >= 0 and box["y"] >= 0  # on screen while focused
    desktop_page.keyboard.press("Enter")
    assert active(desktop_page)["id"] == "main"


def test_question_form_focus_follows_the_visual_order(live_demo, desktop_page):
    desktop_page.goto(live_demo.url + "/hoi-dap/gui-cau-hoi/")
    desktop_page.focus("#id_name")
    order = [active(desktop_page)["id"]]
    for _ in range(10):
        desktop_page.keyboard.press("Tab")
        focused = active(desktop_page)
        order.append(focused["id"] or focused["tag"])
        if focused["tag"] == "BUTTON":
            break
    fields = [f for f in order if f.startswith("id_")]
    assert fields[:4] == ["id_name", "id_phone", "id_email", "id_address"]
    assert (
        fields.index("id_title") < fields.index("id_text") < fields.index("id_consent")
    )
    assert "id_website" not in order  # the honeypot is never reached
    assert order[-1] == "BUTTON"


def test_error_summary_takes_focus_and_links_to_each_field(live_demo, desktop_page):
    desktop_page.goto(live_demo.url + "/hoi-dap/gui-cau-hoi/")
    desktop_page.click("form.engagement-form button[type=submit]")
    desktop_page.wait_for_selector("[data-error-summary]")
    assert active(desktop_page)["summary"]
    summary = desktop_page.locator("[data-error-summary]")
    assert "Có lỗi cần sửa" in summary.inner_text()
    links = summary.locator("a")
    assert links.count() >= 2
    for index in range(links.count()):
        target = links.nth(index).get_attribute("href")[1:]
        assert desktop_page.locator(f"#{target}").count() == 1
        described = desktop_page.get_attribute(f"#{target}", "aria-describedby")
        for reference in described.split():
            assert desktop_page.locator(f"#{reference}").count() == 1
    first = links.first.get_attribute("href")[1:]
    links.first.click()
    assert active(desktop_page)["id"] == first


def test_phone_menu_keeps_the_focused_item_in_view(live_demo, phone_page):
    phone_page.goto(live_demo.url + "/")
    items = phone_page.locator(".main-nav__list a")
    assert items.count() >= 8
    phone_page.focus(".main-nav__list a >> nth=0")
    for index in range(items.count()):
        if index:
            phone_page.keyboard.press("Tab")
        visible = phone_page.evaluate(
            """() => {
              const a = document.activeElement;
              const box = a.getBoundingClientRect();
              const view = a.closest('.main-nav__list').getBoundingClientRect();
              const right = Math.min(box.right, view.right);
              return (right - Math.max(box.left, view.left)) / box.width;
            }"""
        )
        assert visible >= 0.99, f"menu item {index} only {visible:.0%} visible"


# Relative luminance and contrast ratio (WCAG 2.2), computed in the page from the
# focused element's outline and ring against the background behind it.
FOCUS_CONTRAST = (Path(__file__).parent / "focus_contrast.js").read_text()


@pytest.mark.parametrize("kind", ["home", "article", "ask", "document", "search"])
def test_focus_ring_is_at_least_3_to_1_on_every_background(
    live_demo, desktop_page, kind
):
    desktop_page.goto(live_demo.url + PAGE_KINDS[kind])
    seen = 0
    for _ in range(80):
        desktop_page.keyboard.press("Tab")
        result = desktop_page.evaluate(FOCUS_CONTRAST)
        if result["where"].startswith("<body"):
            break
        assert result["best"] >= 3, result
        seen += 1
    assert seen > 10


# Elements wider than the screen, outside the parts meant to scroll sideways.
OVERFLOW = """() => [
  document.documentElement.scrollWidth, window.innerWidth,
  [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
      && !e.closest(
        '.table-scroll, .main-nav__list, .visually-hidden, .skip-link, .hp'))
    .slice(0, 3).map(e => e.outerHTML.slice(0, 80))]"""


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_page_reflows_at_320_px_without_sideways_scrolling(browser, live_demo, kind):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        page.goto(live_demo.url + PAGE_KINDS[kind])
        overflow = page.evaluate(OVERFLOW)
        assert overflow[0] <= overflow[1], overflow
        assert overflow[2] == [], overflow
    finally:
        context.close()


def test_pages_are_in_vietnamese_and_the_english_page_says_so(live_demo, desktop_page):
    desktop_page.goto(live_demo.url + "/")
    assert desktop_page.get_attribute("html", "lang") == "vi"
    desktop_page.goto(live_demo.url + PAGE_KINDS["english"])
    assert desktop_page.get_attribute("html", "lang") == "vi"
    assert desktop_page.locator("article[lang=en]").count() == 1


def test_focus_contrast_check_fails_the_old_yellow_ring(browser, live_demo):
    """The old ring (#ffbf47 alone, 1.6:1 on white) is caught by the check above."""
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    try:
        page.goto(live_demo.url + "/")
        page.add_style_tag(
            content=":focus-visible { outline: 3px solid #ffbf47 !important;"
            " box-shadow: none !important; }"
        )
        page.focus("#search-q")
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        assert page.evaluate(FOCUS_CONTRAST)["best"] < 3
        page.goto(live_demo.url + PAGE_KINDS["article"])
        page.focus("main a >> nth=0")
        assert page.evaluate(FOCUS_CONTRAST)["best"] >= 3
    finally:
        context.close()
