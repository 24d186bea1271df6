"""A commune editor turns a query that found nothing into a promoted page, from
the search statistics, and visitors then see that page first (issue 15)."""

import pytest
from playwright.sync_api import expect

from congxa.editorial.services import commune_roles_setup
from congxa.news.factories import NewsIndexPageFactory
from congxa.portal.factories import create_commune_site

from .admin_helpers import commune_with_board, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_promotes_a_page_from_a_zero_result_query(
    live_server, browser, artifacts
):
    site = commune_with_board()
    land = NewsIndexPageFactory(parent=site.root_page, title="Đất đai", slug="dat-dai")
    other = create_commune_site(name="Xã Gio Linh", hostname="giolinh.localhost")
    commune_roles_setup(site=other)
    NewsIndexPageFactory(parent=other.root_page, title="Đất đai Gio Linh")

    visitor = browser.new_context(viewport={"width": 360, "height": 740})
    public = visitor.new_page()
    public.goto(live_server.url + "/tim-kiem/?q=so+hong")
    assert public.locator(".search-promoted").count() == 0
    assert "Không tìm thấy kết quả nào" in public.content()

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    log_in(page, live_server.url, "bientap")
    page.goto(live_server.url + "/admin/search-queries/")
    row = page.locator("tr", has_text="so hong")
    expect(row).to_contain_text("Không tìm thấy")
    row.get_by_role("link", name="Đề xuất một trang").click()
    page.wait_for_load_state()
    expect(page.locator("#id_query")).to_have_value("so hong")

    page.locator("#id_page-chooser [data-chooser-action-choose]").click()
    modal = page.locator(".modal")
    search = modal.locator("input[name=q]")
    search.fill("dat dai")
    search.press("Enter")
    choice = modal.locator("a.choose-page", has_text="Đất đai")
    expect(choice.first).to_be_visible()
    assert "Gio Linh" not in modal.inner_text()
    choice.first.click()
    expect(page.locator("#id_page-chooser")).to_contain_text("Đất đai")
    page.get_by_role("button", name="Đề xuất trang này").click()
    page.wait_for_load_state()
    assert "/admin/search-queries/" in page.url
    assert "Đã đề xuất trang “Đất đai” cho từ khóa “so hong”." in page.content()
    page.screenshot(path=artifacts / "search-promote-from-statistics.png")

    page.goto(live_server.url + "/admin/searchpicks/")
    expect(page.locator("main")).to_contain_text("so hong")
    expect(page.locator("main")).to_contain_text("Xã Vĩnh Thủy")
    assert "Gio Linh" not in page.locator("main").inner_text()
    context.close()

    public.goto(live_server.url + "/tim-kiem/?q=S%E1%BB%95+h%E1%BB%93ng")  # Sổ hồng
    expect(public.locator(".search-promoted")).to_contain_text("Kết quả được đề xuất")
    links = public.locator("main .search-promoted a, main .search-results a")
    assert links.first.get_attribute("href") == land.relative_url(site)
    assert links.first.inner_text() == "Đất đai"
    public.screenshot(path=artifacts / "search-promoted-phone.png", full_page=True)
    visitor.close()
