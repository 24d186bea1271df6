"""What a citizen sees and clicks: documents, procedures, search, questions."""

import re
import time

import pytest

SEARCHES = [
    ("dang ky khai sinh", "đăng ký khai sinh"),
    ("Dang uy", "Đảng ủy"),
    ("ban cong tac 35", "Ban Công tác 35"),
    ("le thanh hai", "Lê Thanh Hải"),
    ("quan ly", "quản lý"),
    ("thur tucj hanhf chinhs", "thủ tục hành chính"),
    ("1.001193", "1.001193"),
]


def test_citizen_filters_documents_by_type_and_year(demo_server, desktop, artifacts):
    page = desktop
    page.goto(demo_server.url + "/van-ban/")
    everything = page.locator(".document-list > li").count()
    assert everything >= 10
    page.get_by_label("Loại văn bản").select_option(label="Quyết định")
    page.get_by_role("button", name="Lọc").click()
    page.wait_for_load_state()
    decisions = page.locator(".document-list > li")
    assert 0 < decisions.count() < everything
    for text in decisions.all_inner_texts():
        assert "Quyết định" in text
    assert "type=" in page.url
    page.screenshot(path=artifacts / "documents-filtered.png", full_page=True)

    page.get_by_label("Năm").select_option(index=1)
    page.get_by_role("button", name="Lọc").click()
    page.wait_for_load_state()
    year = re.search(r"year=(\d{4})", page.url).group(1)
    for text in page.locator(".document-list > li").all_inner_texts():
        assert year in text
    page.get_by_role("link", name="Xem tất cả").click()
    page.wait_for_load_state()
    assert page.locator(".document-list > li").count() == everything


def test_citizen_opens_a_procedure_from_home_and_sees_how_to_apply(
    demo_server, phone, artifacts
):
    page = phone
    page.goto(demo_server.url + "/")
    page.get_by_role("link", name="Thủ tục đăng ký khai sinh").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/thu-tuc-hanh-chinh/1.001193/")
    assert page.locator("h1").inner_text() == "Thủ tục đăng ký khai sinh"
    steps = page.locator(".procedure-steps > li")
    assert steps.count() >= 2
    body = page.locator("main").inner_text()
    for heading in ("Trình tự thực hiện", "Thành phần hồ sơ", "Căn cứ pháp lý"):
        assert heading.lower() in body.lower()
    assert "Việt Nam Đồng" in body or "Miễn phí" in body
    submit = page.get_by_role("link", name="Nộp hồ sơ trực tuyến").first
    assert submit.get_attribute("href").startswith("https://dichvucong.gov.vn/")
    page.screenshot(path=artifacts / "procedure-phone.png", full_page=True)


@pytest.mark.parametrize(("query", "expected"), SEARCHES)
def test_what_citizens_type_finds_the_right_item(demo_server, phone, query, expected):
    page = phone
    page.goto(demo_server.url + "/")
    box = page.get_by_role("searchbox", name="Tìm kiếm trên cổng thông tin")
    box.fill(query)
    box.press("Enter")
    page.wait_for_load_state()
    top = page.locator(".search-results > li").all_inner_texts()[:3]
    assert any(expected.lower() in text.lower() for text in top), top


def test_question_goes_from_citizen_to_official_and_back(
    demo_server, browser, artifacts
):
    title = "Hỏi về thủ tục cấp lại giấy khai sinh bị mất"
    phone_number = "0987654321"

    # A citizen asks on a small phone.
    citizen = browser.new_context(
        viewport={"width": 360, "height": 740}, is_mobile=True
    ).new_page()
    citizen.goto(demo_server.url + "/hoi-dap/gui-cau-hoi/")
    citizen.get_by_label("Họ và tên").fill("Trần Thị Hoa")
    citizen.locator("input[name=phone]").fill(phone_number)
    citizen.get_by_label("Lĩnh vực").select_option(index=1)
    citizen.get_by_label("Tiêu đề").fill(title)
    citizen.locator("textarea[name=text]").fill(
        "Giấy khai sinh của con tôi bị mất khi lũ về. Tôi cần làm gì để xin cấp lại?"
    )
    citizen.locator("input[name=consent]").check()
    time.sleep(3.5)  # a person takes longer than a bot to write a question
    citizen.screenshot(path=artifacts / "question-form-phone.png", full_page=True)
    citizen.get_by_role("button", name=re.compile("Gửi")).click()
    citizen.wait_for_load_state()
    code = citizen.locator(".tracking-code strong").inner_text().strip()
    assert len(code) >= 8

    # An official answers, approves and publishes it in the admin.
    official = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    official.goto(demo_server.url + "/admin/login/")
    official.locator("input[name=username]").fill("admin")
    official.locator("input[name=password]").fill(demo_server.admin_password)
    official.locator("button[type=submit]").click()
    official.wait_for_load_state()
    official.goto(demo_server.url + "/admin/engagement_question/")
    official.get_by_role("link", name=title).first.click()
    official.wait_for_load_state()
    answer = "Ông bà đến Bộ phận Một cửa xã để đăng ký khai sinh lại cho cháu."
    official.locator("textarea[name=answer_text]").fill(answer)
    official.get_by_role("button", name="Lưu câu trả lời để phê duyệt").click()
    official.wait_for_load_state()
    official.get_by_role("button", name="Phê duyệt câu trả lời").click()
    official.wait_for_load_state()
    official.get_by_role("button", name="Công khai trên cổng thông tin").click()
    official.wait_for_load_state()

    # The citizen reads the answer with the tracking code.
    citizen.goto(demo_server.url + "/hoi-dap/tra-cuu/")
    citizen.get_by_label("Mã tra cứu").fill(code)
    citizen.get_by_label("Số điện thoại hoặc thư điện tử đã khai").fill(phone_number)
    citizen.get_by_role("button", name=re.compile("Tra cứu")).click()
    citizen.wait_for_load_state()
    assert answer in citizen.locator("main").inner_text()
    citizen.screenshot(path=artifacts / "question-answer-phone.png", full_page=True)

    # Published: everyone sees it, without the citizen's contact details.
    public = browser.new_page()
    public.goto(demo_server.url + "/hoi-dap/")
    public.get_by_role("link", name=title).first.click()
    public.wait_for_load_state()
    text = public.locator("main").inner_text()
    assert answer in text
    assert phone_number not in public.content()
    assert "Trần Thị Hoa" not in text
