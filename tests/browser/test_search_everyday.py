"""On a phone, what citizens type the way they ask finds the right item (issue 15)."""

EVERYDAY = [
    ("lam so do", "/hoi-dap/4/"),
    ("cong chung hop dong", "/thu-tuc-hanh-chinh/2.001035/"),
    ("dk ket hon", "/thu-tuc-hanh-chinh/1.000894/"),
    ("cccd", "/tin-tuc-su-kien/cong-an-xa-cap-can-cuoc-tai-nha/"),
    ("giay chung sinh", "/thu-tuc-hanh-chinh/1.001193/"),
    ("so dien thoai cong an xa", "/gioi-thieu/co-cau-to-chuc/"),
    ("qd 15", "/van-ban/qd-15-2025-quy-che-dat-cong-ich/"),
]


def test_everyday_queries_find_the_right_item_on_a_phone(demo_server, phone, artifacts):
    page = phone
    for query, wanted in EVERYDAY:
        page.goto(demo_server.url + "/")
        box = page.get_by_role("searchbox", name="Tìm kiếm trên cổng thông tin")
        box.fill(query)
        box.press("Enter")
        page.wait_for_load_state()
        links = page.locator(".search-results > li > a")
        top = [links.nth(i).get_attribute("href") for i in range(min(3, links.count()))]
        assert wanted in top, (query, top)
    page.goto(demo_server.url + "/")
    box = page.get_by_role("searchbox", name="Tìm kiếm trên cổng thông tin")
    box.fill("dk ket hon")
    box.press("Enter")
    page.wait_for_load_state()
    page.locator(".search-results > li > a").first.click()
    page.wait_for_load_state()
    assert "kết hôn" in page.locator("h1").first.inner_text().lower()
    page.screenshot(path=artifacts / "search-everyday-phone.png", full_page=True)
