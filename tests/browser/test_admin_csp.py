"""The editor still works under the admin's Content-Security-Policy: image
upload, the image chooser, rich text, inline panels and the live preview, with
no policy violation reported by the browser."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from PIL import Image as PILImage
from playwright.sync_api import expect
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site

from congxa.documents.factories import DocumentIndexPageFactory
from congxa.documents.models import LegalDocumentPage
from congxa.news.factories import NewsIndexPageFactory
from congxa.news.models import ArticlePage
from congxa.portal.factories import create_commune_site

PASSWORD = "mat-khau-rat-dai-2026"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Runs before any page script, outside the page's policy (Playwright injects
# it), and records what the policy blocked.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.fixture
def commune(db):
    Site.objects.all().delete()
    Locale.objects.get_or_create(language_code="vi")
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root"))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    site = create_commune_site(name="Xã Vĩnh Thủy", hostname="localhost", default=True)
    site.root_page.save_revision().publish()
    get_user_model().objects.create_superuser("quantri", "qt@vinhthuy.gov.vn", PASSWORD)
    return site


@pytest.fixture
def editor(browser, live_server, commune):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    console = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "quantri")
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_load_state()
    page.console_csp = console
    yield page
    context.close()


def violations(page) -> list[str]:
    return [*page.evaluate("window.__cspViolations"), *page.console_csp]


def jpeg(tmp_path):
    path = tmp_path / "lu-lut.jpg"
    buffer = io.BytesIO()
    PILImage.new("RGB", (320, 200), (40, 110, 170)).save(buffer, format="JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def test_upload_choose_write_and_preview_under_the_policy(
    editor, live_server, commune, tmp_path, artifacts
):
    base = live_server.url
    page = editor
    response = page.goto(base + "/admin/")
    assert "default-src 'self'" in response.headers["content-security-policy"]

    # Image upload (the multiple-upload screen, all JavaScript).
    page.goto(base + "/admin/images/multiple/add/")
    page.set_input_files("input[type=file]", str(jpeg(tmp_path)))
    # Locators, not wait_for_function: that one evaluates a string in the
    # page, which the policy (rightly) forbids.
    page.locator("#upload-list li.upload-success").first.wait_for(timeout=30_000)
    assert get_image_model().objects.count() == 1
    assert violations(page) == []

    # An article with its picture chosen in the chooser, then previewed.
    section = NewsIndexPageFactory(
        parent=commune.root_page, title="Tin tức", slug="tin-tuc"
    )
    page.goto(f"{base}/admin/pages/add/news/articlepage/{section.pk}/")
    page.fill("#id_title", "Xã ứng phó lũ lụt")
    page.locator("#id_title").blur()
    expect(page.locator("#id_slug")).not_to_have_value("")
    page.fill("#id_lead", "Ủy ban nhân dân xã thông tin tình hình lũ.")
    page.locator("#id_featured_image-chooser [data-chooser-action-choose]").click()
    page.locator(".modal a.image-choice").first.click()
    expect(page.locator("#id_featured_image")).not_to_have_value("", timeout=15_000)
    page.locator("button[data-side-panel-toggle=preview]").click()
    preview = page.frame_locator("iframe[data-w-preview-target=iframe]").first
    # The preview renders the page being edited, not yet saved, in the iframe.
    preview.locator("h1", has_text="Xã ứng phó lũ lụt").first.wait_for(
        state="attached", timeout=30_000
    )
    page.screenshot(path=artifacts / "admin-csp-preview.png", full_page=True)
    # Closed again: Wagtail remembers an open panel for the next page, whose
    # preview would keep reloading while the test moves on.
    page.locator("button[data-side-panel-toggle=preview]").click()
    with page.expect_navigation():
        page.locator("button[name=action-publish]").evaluate("b => b.click()")
    article = ArticlePage.objects.get(title="Xã ứng phó lũ lụt")
    assert article.featured_image_id == get_image_model().objects.get().pk
    assert violations(page) == []

    # A legal document: rich text typed in the editor, a file row added in
    # the inline panel.
    index = DocumentIndexPageFactory(parent=commune.root_page)
    page.goto(f"{base}/admin/pages/add/documents/legaldocumentpage/{index.pk}/")
    page.fill("#id_title", "Về việc sơ tán dân vùng trũng")
    page.locator("#id_title").blur()
    expect(page.locator("#id_slug")).not_to_have_value("")
    # The document type is a snippet, picked in its chooser.
    page.locator("#id_document_type-chooser [data-chooser-action-choose]").click()
    page.locator(".modal a[data-chooser-modal-choice]").first.click()
    expect(page.locator("#id_document_type")).not_to_have_value("", timeout=15_000)
    page.fill("#id_issuing_body", "Ủy ban nhân dân xã Vĩnh Thủy")
    editor_box = page.locator(".Draftail-Editor [contenteditable=true]").first
    editor_box.click()
    page.keyboard.type("Sơ tán trước 17 giờ.")
    expect(editor_box).to_contain_text("Sơ tán trước 17 giờ.")
    # Draftail keeps the field's hidden input in step as one types.
    expect(page.locator("input[name=body]")).to_have_value(
        re.compile("17 gi"), timeout=15_000
    )
    page.locator("#id_attachments-ADD").click()
    page.locator("#inline_child_attachments-0").wait_for()
    page.locator("#inline_child_attachments-0 [id$=DELETE-button]").click()
    with page.expect_navigation():
        page.locator("button[name=action-publish]").evaluate("b => b.click()")
    page.screenshot(path=artifacts / "admin-csp-document.png", full_page=True)
    document = LegalDocumentPage.objects.get(title="Về việc sơ tán dân vùng trũng")
    assert "Sơ tán trước 17 giờ." in document.body
    assert violations(page) == []


def test_wagtail_inline_scripts_run_and_injected_ones_do_not(editor, live_server):
    page = editor
    # The promotion form: Wagtail's inline formset script, under the nonce.
    page.goto(live_server.url + "/admin/searchpicks/add/")
    forms_before = page.locator("#id_query_string").count()
    assert forms_before == 1
    assert violations(page) == []
    # A handler or a script that got into the page by a bug is refused.
    page.evaluate(
        """() => {
            const button = document.createElement("button");
            button.setAttribute("onclick", "window.__injected = 'handler'");
            document.body.append(button);
            button.click();
            const holder = document.createElement("div");
            holder.innerHTML =
                '<img src="/khong-co.png" onerror="window.__injected = 1">';
            document.body.append(holder);
        }"""
    )
    page.wait_for_timeout(500)
    assert page.evaluate("window.__injected === undefined")
    assert any("script-src" in v for v in violations(page))
