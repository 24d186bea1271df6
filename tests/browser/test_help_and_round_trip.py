"""In a real browser: the Help menu opens the Vietnamese manual, and a writer's
article goes to publication with no English on any screen anyone sees."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from congxa.news.factories import NewsIndexPageFactory
from congxa.news.models import ArticlePage
from tests.i18n.english import english_words, visible_text

from .admin_helpers import PASSWORD, commune_with_board, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DESKTOP = {"width": 1280, "height": 900}


def english_on(page) -> list[str]:
    page.wait_for_load_state("networkidle")
    return english_words(visible_text(page.content()))


def test_help_menu_opens_the_vietnamese_manual(live_server, browser, artifacts):
    commune_with_board()
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    log_in(page, live_server.url, "phongvien")
    page.get_by_role("button", name="Trợ giúp").click()
    help_menu = page.get_by_role("list", name="Trợ giúp")
    help_menu.get_by_role("link", name="Hướng dẫn sử dụng").click()
    page.wait_for_load_state()
    assert page.url.endswith("/admin/huong-dan/huong-dan-su-dung/")
    assert page.locator("h1").first.inner_text().startswith("Hướng dẫn sử dụng")
    assert page.get_by_text("Viết và gửi duyệt một tin bài có ảnh").first.is_visible()
    loaded = page.evaluate(
        "[...document.querySelectorAll('.congxa-manual img')]"
        ".every(img => img.complete && img.naturalWidth > 0)"
    )
    assert loaded
    page.screenshot(path=artifacts / "help-manual.png")
    assert english_on(page) == []
    context.close()


def test_writer_round_trip_shows_no_english(live_server, browser, artifacts):
    site = commune_with_board()
    section = NewsIndexPageFactory(
        parent=site.root_page, title="Tin tức - Sự kiện", slug="tin-tuc-su-kien"
    )
    seen: dict[str, list[str]] = {}

    def look(page, screen: str) -> None:
        found = english_on(page)
        if found:
            seen[screen] = found

    base = live_server.url
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(base + "/admin/login/")
    look(page, "login")
    log_in(page, base, "phongvien")
    look(page, "writer dashboard")
    page.goto(f"{base}/admin/pages/{section.pk}/")
    look(page, "section explorer")
    page.goto(f"{base}/admin/pages/add/news/articlepage/{section.pk}/")
    look(page, "new article")
    page.locator("#id_title").focus()
    page.keyboard.type("Xã tổ chức tiêm phòng cho đàn gia súc")
    page.locator("#id_title").blur()
    expect(page.locator("#id_slug")).not_to_have_value("")
    page.fill("#id_lead", "Ủy ban nhân dân xã tổ chức tiêm phòng đợt 1 năm 2026.")
    with page.expect_navigation():
        page.locator("button.action-save").first.evaluate("e => e.click()")
    look(page, "draft saved")
    with page.expect_navigation():
        page.locator("button[name=action-submit]").evaluate("e => e.click()")
    look(page, "after submit")
    article = ArticlePage.objects.get(slug="xa-to-chuc-tiem-phong-cho-dan-gia-suc")
    page.goto(f"{base}/admin/pages/{article.pk}/history/")
    look(page, "article history")
    context.close()

    for username in ("bientap", "truongban"):
        context = browser.new_context(viewport=DESKTOP)
        page = context.new_page()
        log_in(page, base, username)
        look(page, f"{username} dashboard")
        page.goto(f"{base}/admin/pages/{article.pk}/edit/")
        look(page, f"{username} article editor")
        button = page.locator(
            "[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
        )
        with page.expect_navigation():
            button.evaluate("element => element.click()")
        look(page, f"{username} after approval")
        context.close()

    article.refresh_from_db()
    assert article.live
    assert get_user_model().objects.filter(username="phongvien").exists()
    assert PASSWORD
    assert seen == {}, "\n".join(f"{k}: {v}" for k, v in seen.items())
