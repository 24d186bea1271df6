"""Through the admin in a real browser: two-step set-up, and an article's way
from writer to editor to approver to the public site."""

import base64

import pytest
from django.contrib.auth import get_user_model
from django_otp.oath import totp
from playwright.sync_api import expect

from congxa.editorial.enums import Role
from congxa.editorial.services import commune_roles_setup, editor_add
from congxa.news.factories import NewsIndexPageFactory
from congxa.news.models import ArticlePage
from congxa.portal.factories import create_commune_site

from .admin_helpers import reset_tree_roots

PASSWORD = "mat-khau-rat-dai-2026"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, base_url: str, username: str) -> None:
    page.goto(base_url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_load_state()


def code_for(secret: str) -> str:
    key = base64.b32decode(
        secret.replace(" ", "") + "=" * (-len(secret.replace(" ", "")) % 8)
    )
    return f"{totp(key):06d}"


def test_admin_sets_up_two_step_verification_in_vietnamese(
    live_server, browser, settings, artifacts
):
    settings.CONGXA_REQUIRE_2FA = True
    get_user_model().objects.create_superuser("quantri", "qt@vinhthuy.gov.vn", PASSWORD)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    log_in(page, live_server.url, "quantri")

    assert "/admin/xac-thuc-hai-buoc/thiet-lap/" in page.url
    assert "Thiết lập xác thực hai bước" in page.content()
    assert page.locator(".congxa-qr svg").first.is_visible()
    page.screenshot(path=artifacts / "two-factor-setup.png", full_page=True)
    secret = page.locator("[data-totp-secret]").first.inner_text()
    form = page.locator("form[data-two-factor-form]").first
    form.locator("#id_token").fill(code_for(secret))
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()

    page.screenshot(path=artifacts / "two-factor-after.png", full_page=True)
    codes = set(page.locator(".congxa-recovery-codes code").all_inner_texts())
    assert len(codes) == 10
    assert "Đã bật xác thực hai bước" in page.content()
    page.locator("a.button").last.click()
    page.wait_for_load_state()
    assert page.url.rstrip("/").endswith("/admin")
    context.close()


def approve(page, base_url: str, article_id: int) -> None:
    """Open the edit page and press the footer's plain "approve" action."""
    page.goto(f"{base_url}/admin/pages/{article_id}/edit/")
    button = page.locator(
        "[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
    )
    with page.expect_navigation():
        button.evaluate("element => element.click()")
    page.wait_for_load_state()


@pytest.fixture
def tree_roots():
    reset_tree_roots()


def test_article_goes_from_writer_to_published_through_the_approver(
    live_server, browser, artifacts, tree_roots
):
    site = create_commune_site(name="Xã Vĩnh Thủy", hostname="localhost", default=True)
    site.root_page.save_revision().publish()
    section = NewsIndexPageFactory(
        parent=site.root_page, title="Tin tức", slug="tin-tuc"
    )
    commune_roles_setup(site=site)
    User = get_user_model()
    for username, role in (
        ("phongvien", Role.WRITER),
        ("bientap", Role.EDITOR),
        ("truongban", Role.APPROVER),
    ):
        user = User.objects.create_user(username, f"{username}@vt.gov.vn", PASSWORD)
        editor_add(user=user, site=site, role=role)

    # The writer drafts and submits.
    writer_context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = writer_context.new_page()
    log_in(page, live_server.url, "phongvien")
    page.goto(f"{live_server.url}/admin/pages/add/news/articlepage/{section.pk}/")
    page.fill("#id_title", "Xã tổ chức tiêm phòng cho đàn gia súc")
    # Wagtail fills the slug from the title when the title loses focus; on a
    # busy machine a submit can race it, so leave the field and wait.
    page.locator("#id_title").blur()
    expect(page.locator("#id_slug")).not_to_have_value("")
    page.fill("#id_lead", "Ủy ban nhân dân xã tổ chức tiêm phòng đợt 1 năm 2026.")
    page.screenshot(path=artifacts / "workflow-draft.png", full_page=True)
    with page.expect_navigation():
        page.locator("button[name=action-submit]").evaluate(
            "element => element.click()"
        )
    page.wait_for_load_state()
    page.screenshot(path=artifacts / "workflow-after-submit.png", full_page=True)
    article = ArticlePage.objects.get(title="Xã tổ chức tiêm phòng cho đàn gia súc")
    assert not article.live
    assert article.current_workflow_task.name.endswith("Biên tập viên duyệt")
    page.screenshot(path=artifacts / "workflow-submitted.png", full_page=True)
    writer_context.close()

    for username, final in (("bientap", False), ("truongban", True)):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        log_in(page, live_server.url, username)
        approve(page, live_server.url, article.pk)
        page.screenshot(path=artifacts / f"workflow-{username}.png", full_page=True)
        article.refresh_from_db()
        assert article.live is final
        context.close()

    context = browser.new_context()
    page = context.new_page()
    page.goto(live_server.url + article.url)
    assert page.locator("h1").inner_text() == "Xã tổ chức tiêm phòng cho đàn gia súc"
    context.close()
