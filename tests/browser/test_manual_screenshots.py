"""Walk the tasks of the manuals in a real browser and take their screenshots.

Every image the manuals show (`congxa/editorial/manuals/img/`) is taken here, by
the person whose role does the task, so the manuals show the admin as it is. A
test run writes them into a temporary folder and leaves the source tree alone.
After an admin change, write them into the manuals and commit the changed images:

    CONGXA_UPDATE_MANUAL_IMAGES=1 pytest tests/browser/test_manual_screenshots.py
"""

import re
import time
from pathlib import Path

import pytest
from django.urls import reverse
from PIL import Image
from playwright.sync_api import expect

from congxa.editorial import manuals
from congxa.engagement.services import question_submit
from congxa.news.factories import ArticlePageFactory, NewsIndexPageFactory
from congxa.news.models import ArticlePage
from congxa.portal.factories import ImageFactory
from congxa.settings import env_bool
from tests.browser.admin_helpers import commune_with_board, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VIEWPORT = {"width": 1200, "height": 760}
TITLE = "Xã tổ chức tiêm phòng cho đàn gia súc"


@pytest.fixture
def images(tmp_path) -> Path:
    """Where the screenshots go: the manuals' own folder only when asked."""
    if env_bool("CONGXA_UPDATE_MANUAL_IMAGES"):
        return manuals.DEFAULT_SOURCE / "img"
    return tmp_path


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


def shot(page, images: Path, name: str) -> None:
    page.wait_for_load_state("networkidle")
    page.screenshot(path=images / name)


def not_written(images: Path, start: float, manual: str) -> list[str]:
    """The images of a manual that this run did not write as a PNG of the viewport."""
    size = (VIEWPORT["width"], VIEWPORT["height"])
    wrong = []
    for name in manuals.read_manual(manual).images:
        path = images / name
        if not path.is_file() or path.stat().st_mtime < start:
            wrong.append(name)
            continue
        with Image.open(path) as image:
            image.verify()  # raises on a damaged file
            if image.format != "PNG" or image.size != size:
                wrong.append(name)
    return wrong


def test_user_manual_screenshots(live_server, browser, commune, images):
    start = time.time() - 1
    site, section = commune
    url = live_server.url

    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.goto(url + "/admin/login/")
    shot(page, images, "dang-nhap.png")
    context.close()

    context, page = person(browser, url, "phongvien")
    shot(page, images, "bang-dieu-khien.png")
    page.goto(f"{url}/admin/pages/add/news/articlepage/{section.pk}/")
    form = page.locator("#page-edit-form")
    # Wagtail's autosave makes the new article a draft once it sees an edit. It
    # looks for edits from about 2 s after the form opens (`has-edits` is set
    # from then on): a person always types past that point, so the walk waits
    # for it and goes the same way on an idle or a loaded machine.
    expect(form).to_have_attribute(
        "data-w-unsaved-has-edits-value", "false", timeout=15_000
    )
    page.locator("#id_title").focus()
    page.keyboard.type(TITLE)
    page.locator("#id_title").blur()
    expect(page.locator("#id_slug")).not_to_have_value("")
    page.fill("#id_lead", "Ủy ban nhân dân xã tổ chức tiêm phòng đợt 1 năm 2026.")
    # Submit once the draft exists (the form has moved to its edit view): sent
    # from the create view, the submit and an autosave still due there make
    # two articles (the second gets the address "...-2").
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/"), timeout=15_000)
    expect(form).to_have_attribute("data-w-unsaved-has-edits-value", "false")
    shot(page, images, "viet-bai.png")
    with page.expect_navigation(url=f"{url}/admin/pages/{section.pk}/"):
        page.locator("button[name=action-submit]").evaluate("e => e.click()")
    page.goto(f"{url}/admin/pages/{section.pk}/")
    shot(page, images, "gui-duyet.png")
    context.close()
    article = ArticlePage.objects.get(title=TITLE)
    assert article.current_workflow_state is not None

    context, page = person(browser, url, "bientap")
    page.goto(url + reverse("wagtailimages:index"))
    shot(page, images, "hinh-anh.png")
    page.goto(url + reverse("engagement_question:index"))
    shot(page, images, "hoi-dap.png")
    index = site.root_page.get_children().get(slug="van-ban")
    page.goto(f"{url}/admin/pages/add/documents/legaldocumentpage/{index.pk}/")
    shot(page, images, "van-ban.png")
    page.goto(url + reverse("congxa_compliance"))
    shot(page, images, "tuan-thu.png")
    context.close()

    context, page = person(browser, url, "truongban")
    page.goto(f"{url}/admin/pages/{article.pk}/edit/")
    shot(page, images, "duyet-bai.png")
    page.locator("[data-side-panel-toggle=status]").first.click()
    page.wait_for_timeout(400)
    shot(page, images, "hen-gio.png")
    page.goto(url + reverse("wagtailsnippets_portal_emergencyalert:add"))
    shot(page, images, "thong-bao-khan.png")
    context.close()

    context, page = person(browser, url, "quantri")
    page.goto(
        url
        + reverse(
            "wagtailsettings:edit", args=["procedures", "procedureselection", site.pk]
        )
    )
    shot(page, images, "thu-tuc.png")
    context.close()

    assert not_written(images, start, "huong-dan-su-dung") == []


def test_admin_manual_screenshots(live_server, browser, commune, settings, images):
    start = time.time() - 1
    site, _ = commune
    url = live_server.url
    context, page = person(browser, url, "quantri")
    page.goto(url + reverse("editorial_board", args=[site.pk]))
    shot(page, images, "ban-bien-tap.png")
    context.close()

    settings.CONGXA_REQUIRE_2FA = True
    context, page = person(browser, url, "bientap")
    assert "/admin/xac-thuc-hai-buoc/thiet-lap/" in page.url
    shot(page, images, "xac-thuc-hai-buoc.png")
    context.close()

    assert not_written(images, start, "huong-dan-quan-tri") == []
