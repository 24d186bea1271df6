"""The admin's slug field folds Vietnamese titles as the editor types, exactly
as the server's `congxa.vi.text.slugify` does."""

import pytest
from playwright.sync_api import expect

from congxa.news.factories import NewsIndexPageFactory
from congxa.news.models import ArticlePage
from congxa.vi.text import slugify

from .admin_helpers import commune_with_board, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TYPED = {
    "Tin tức - Sự kiện": "tin-tuc-su-kien",
    "Hỏi đáp": "hoi-dap",
    "Đường giao thông nông thôn": "duong-giao-thong-nong-thon",
    "Xã Ea M’Droh": "xa-ea-mdroh",
}
# Real titles of commune portals, for the JavaScript-against-Python comparison.
TITLES = [
    *TYPED,
    "Thủ tục hành chính",
    "Lịch công tác tuần",
    "Lịch tiếp công dân",
    "Công khai ngân sách",
    "Giới thiệu chung",
    "Cơ cấu tổ chức",
    "Phản ánh, kiến nghị",
    "Văn bản chỉ đạo, điều hành",
    "Quyết định 15/2025/QĐ-UBND về quản lý trật tự xây dựng",
    "Nghị quyết số 42/NQ-HĐND ngày 1.2.2026",
    "Xã Vĩnh Thủy chủ động ứng phó bão số 12",
    "Hội nghị tổng kết công tác năm 2025 – phương hướng 2026",
    "Kỹ thuật nuôi ƯƠNG cá giống",
    "Thông báo tuyển quân năm 2027!",
    "Lý Sơn — đảo tiền tiêu",
    "Buôn Ma Thuột",
    "Xã Ia H'Drai",
    "Ủy ban nhân dân xã Đắk Glong",
    "Hỏi đáp về đăng ký khai sinh (trực tuyến)",
    "Ho\u0309i \u0111a\u0301p",  # marks typed as separate characters
]


@pytest.fixture
def new_article_page(live_server, browser, artifacts):
    site = commune_with_board()
    section = NewsIndexPageFactory(
        parent=site.root_page, title="Tin tức", slug="tin-tuc"
    )
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    log_in(page, live_server.url, "phongvien")
    page.goto(f"{live_server.url}/admin/pages/add/news/articlepage/{section.pk}/")
    yield page, section
    context.close()


def test_typed_titles_fill_a_vietnamese_address(new_article_page, artifacts):
    page, _ = new_article_page
    slug = page.locator("#id_slug")
    for title, expected in TYPED.items():
        page.locator("#id_title").fill("")
        page.locator("#id_title").focus()
        page.keyboard.type(title)
        page.locator("#id_title").blur()
        # A locator, not wait_for_function: the admin's CSP forbids eval.
        expect(slug).to_have_value(expected)
        assert slug.input_value() == expected == slugify(title)
    page.screenshot(path=artifacts / "slug-vietnamese.png", full_page=True)


def test_browser_rule_matches_the_server_rule(new_article_page):
    page, _ = new_article_page
    in_browser = page.evaluate(
        """titles => {
            const input = document.querySelector('#id_slug');
            const slug = window.wagtail.app.getControllerForElementAndIdentifier(
                input, 'w-slug');
            return titles.map(
                value => slug.urlify(
                    {detail: {value}}, {ignoreUpdate: true, runFormat: true}));
        }""",
        TITLES,
    )
    assert dict(zip(TITLES, in_browser, strict=True)) == {
        title: slugify(title) for title in TITLES
    }


def test_saved_draft_keeps_the_folded_address(new_article_page, live_server):
    page, section = new_article_page
    page.locator("#id_title").focus()
    page.keyboard.type("Đường giao thông nông thôn")
    page.locator("#id_title").blur()
    expect(page.locator("#id_slug")).not_to_have_value("")
    page.fill("#id_lead", "Xã làm mới 3 km đường bê tông.")
    with page.expect_navigation():
        page.locator("button[name=action-submit]").evaluate("e => e.click()")
    article = ArticlePage.objects.child_of(section).get()
    assert article.slug == "duong-giao-thong-nong-thon"
