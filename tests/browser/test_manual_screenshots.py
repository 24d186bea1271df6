"""Walk the tasks of the manuals in a real browser and save their screenshots.

Every image the manuals show (`congxa/editorial/manuals/img/`) is written here, by the
person whose role does the task, so the manuals show the admin as it is. After
an admin change, run `pytest tests/browser/test_manual_screenshots.py` and
commit the changed images.
"""

import time

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from congxa.editorial import manuals
from congxa.engagement.services import question_submit
from congxa.news.factories import ArticlePageFactory, NewsIndexPageFactory
from congxa.news.models import ArticlePage
from congxa.portal.factories import ImageFactory
from tests.browser.admin_helpers import commune_with_board, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

IMAGES = manuals.DEFAULT_SOURCE / "img"
VIEWPORT = {"width": 1200, "height": 760}


@pytest.fixture
def commune(live_server):
    site = commune_with_board()
    section = NewsIndexPageFactory(
        parent=site.root_page, title="Tin tức - Sự kiện", slug="tin-tuc-su-kien"
    )
    from congxa.documents.factories import DocumentIndexPageFactory

    DocumentIndexPageFactory(parent=site.root_page, title="Văn bản", slug="van-ban")
    ArticlePageFactory(
        parent=section, title="Ra quân thu hoạch lúa Hè Thu", slug="ra-quan"
    )
    board = site.editorial_board
    for number, title in enumerate(("Hội nghị tổng kết", "Nhà văn hóa thôn")):
        ImageFactory(title=title, collection=board.collection, file__seed=number)
    question_submit(
        site=site,
        kind="question",
        name="Nguyễn Văn An",
        phone="0912345678",
        email="an@example.vn",
        address="Thôn Linh Hải",
        title="Thủ tục đăng ký khai sinh cho con",
        text="Tôi muốn đăng ký khai sinh cho con thì cần giấy tờ gì?",
    )
    return site, section


def person(browser, base_url: str, username: str):
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    log_in(page, base_url, username)
    return context, page


def shot(page, name: str) -> None:
    page.wait_for_load_state("networkidle")
    page.screenshot(path=IMAGES / name)


def written_since(start: float, manual: str) -> list[str]:
    """The images of a manual not written by this run."""
    return [
        image
        for image in manuals.read_manual(manual).images
        if (IMAGES / image).stat().st_mtime < start
    ]


def test_user_manual_screenshots(live_server, browser, commune):
    start = time.time() - 1
    site, section = commune
    url = live_server.url

    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.goto(url + "/admin/login/")
    shot(page, "dang-nhap.png")
    context.close()

    context, page = person(browser, url, "phongvien")
    shot(page, "bang-dieu-khien.png")
    page.goto(f"{url}/admin/pages/add/news/articlepage/{section.pk}/")
    page.locator("#id_title").focus()
    page.keyboard.type("Xã tổ chức tiêm phòng cho đàn gia súc")
    page.locator("#id_title").blur()
    expect(page.locator("#id_slug")).not_to_have_value("")
    page.fill("#id_lead", "Ủy ban nhân dân xã tổ chức tiêm phòng đợt 1 năm 2026.")
    shot(page, "viet-bai.png")
    with page.expect_navigation():
        page.locator("button[name=action-submit]").evaluate("e => e.click()")
    page.goto(f"{url}/admin/pages/{section.pk}/")
    shot(page, "gui-duyet.png")
    context.close()
    article = ArticlePage.objects.get(title="Xã tổ chức tiêm phòng cho đàn gia súc")

    context, page = person(browser, url, "bientap")
    page.goto(url + reverse("wagtailimages:index"))
    shot(page, "hinh-anh.png")
    page.goto(url + reverse("engagement_question:index"))
    shot(page, "hoi-dap.png")
    index = site.root_page.get_children().get(slug="van-ban")
    page.goto(f"{url}/admin/pages/add/documents/legaldocumentpage/{index.pk}/")
    shot(page, "van-ban.png")
    page.goto(url + reverse("congxa_compliance"))
    shot(page, "tuan-thu.png")
    context.close()

    context, page = person(browser, url, "truongban")
    page.goto(f"{url}/admin/pages/{article.pk}/edit/")
    shot(page, "duyet-bai.png")
    page.locator("[data-side-panel-toggle=status]").first.click()
    page.wait_for_timeout(400)
    shot(page, "hen-gio.png")
    page.goto(url + reverse("wagtailsnippets_portal_emergencyalert:add"))
    shot(page, "thong-bao-khan.png")
    context.close()

    context, page = person(browser, url, "quantri")
    page.goto(
        url
        + reverse(
            "wagtailsettings:edit", args=["procedures", "procedureselection", site.pk]
        )
    )
    shot(page, "thu-tuc.png")
    context.close()

    assert written_since(start, "huong-dan-su-dung") == []


def test_admin_manual_screenshots(live_server, browser, commune, settings):
    start = time.time() - 1
    site, _ = commune
    url = live_server.url
    context, page = person(browser, url, "quantri")
    page.goto(url + reverse("editorial_board", args=[site.pk]))
    shot(page, "ban-bien-tap.png")
    context.close()

    settings.CONGXA_REQUIRE_2FA = True
    context, page = person(browser, url, "bientap")
    assert "/admin/xac-thuc-hai-buoc/thiet-lap/" in page.url
    shot(page, "xac-thuc-hai-buoc.png")
    context.close()

    assert written_since(start, "huong-dan-quan-tri") == []
