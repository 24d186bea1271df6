"""A citizen opens the commune's home page and reads the sample article."""

import pytest

SAMPLE_TITLE = "Vĩnh Thủy: Tổng kết công tác bảo vệ nền tảng tư tưởng của Đảng"


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_citizen_reaches_the_sample_article_from_home(
    request, demo_server, artifacts, device
):
    page = request.getfixturevalue(device)
    page.goto(demo_server.url + "/")
    page.screenshot(path=artifacts / f"home-{device}.png", full_page=True)
    assert page.locator(".brand__name").inner_text().upper() == "XÃ VĨNH THỦY"
    page.get_by_role("link", name=SAMPLE_TITLE).first.click()
    page.wait_for_load_state()

    assert page.locator("h1").inner_text() == SAMPLE_TITLE
    assert page.locator(".article__date").inner_text() == "21:40, Thứ Tư, 11-2-2026"
    other_news = page.get_by_role("complementary", name="Các tin khác")
    assert other_news.is_visible()
    assert other_news.get_by_role("link").count() >= 3
    footer = page.locator("footer")
    assert "Ủy ban nhân dân xã Vĩnh Thủy" in footer.inner_text()
    assert "0233 3826 123" in footer.inner_text()
    assert "ubnd.vinhthuy@quangtri.gov.vn" in footer.inner_text()
    # Nothing overflows a small screen sideways.
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    page.screenshot(path=artifacts / f"article-{device}.png", full_page=True)


def test_keyboard_user_can_skip_to_the_content(demo_server, desktop):
    desktop.goto(demo_server.url + "/")
    desktop.keyboard.press("Tab")
    skip = desktop.get_by_role("link", name="Bỏ qua, đến nội dung chính")
    assert skip.is_visible()
    desktop.keyboard.press("Enter")
    assert desktop.evaluate("document.activeElement.id") == "main"
