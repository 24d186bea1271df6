"""A province adds a second commune from the command line; its writer drafts,
submits and, after approval, the article is published on the commune's own host,
and nothing of the first commune shows in that writer's admin."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from playwright.sync_api import expect
from wagtail.models import Collection, Locale, Page, Site

from congxa.news.factories import ArticlePageFactory
from congxa.news.models import ArticlePage, NewsIndexPage
from tests.browser.test_editorial import PASSWORD, approve, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
FIRST = "Vĩnh Thủy"


@pytest.fixture
def tree_roots():
    Site.objects.all().delete()
    Locale.objects.get_or_create(language_code="vi")
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root"))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def person(username: str, host: str, role: str) -> None:
    run("add_editor", username, "--site", host, "--role", role, "--create")
    user = get_user_model().objects.get(username=username)
    user.set_password(PASSWORD)
    user.save()


def test_second_commune_from_the_command_line_publishes_on_its_own_host(
    live_server, browser, artifacts, tree_roots
):
    port = live_server.url.rsplit(":", 1)[1]
    run(
        "commune",
        "add",
        "--host",
        "localhost",
        "--name",
        f"Xã {FIRST}",
        "--scheme",
        "http",
    )
    first_section = NewsIndexPage.objects.get(
        slug="tin-tuc-su-kien", url_path__startswith="/localhost/"
    )
    ArticlePageFactory(parent=first_section, title=f"Tin nội bộ {FIRST}", live=False)
    person("phongvien-vt", "localhost", "writer")

    made = run(
        "commune",
        "add",
        "--host",
        "xa-b.localhost",
        "--name",
        "Xã Hải Lăng",
        "--kind",
        "xa",
        "--province",
        "Tỉnh Quảng Trị",
        "--scheme",
        "http",
    )
    assert "Đã tạo xã “Xã Hải Lăng”" in made
    for username, role in (
        ("pv-hl", "writer"),
        ("btv-hl", "editor"),
        ("tb-hl", "approver"),
    ):
        person(username, "xa-b.localhost", role)
    base = f"http://xa-b.localhost:{port}"

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base + "/")
    assert "Xã Hải Lăng" in page.content()
    log_in(page, base, "pv-hl")
    for url in (
        "/admin/",
        "/admin/pages/",
        "/admin/choose-page/",
        "/admin/images/",
        "/admin/documents/",
    ):
        page.goto(base + url)
        assert FIRST not in page.content(), url
    section = NewsIndexPage.objects.get(
        url_path__startswith="/xa-b-localhost/", slug="tin-tuc-su-kien"
    )
    page.goto(f"{base}/admin/pages/{section.pk}/")
    assert FIRST not in page.content()
    page.goto(f"{base}/admin/pages/add/news/articlepage/{section.pk}/")
    page.fill("#id_title", "Hải Lăng ra quân làm thủy lợi nội đồng")
    page.locator("#id_title").blur()
    # A locator, not wait_for_function: the admin's CSP forbids eval.
    expect(page.locator("#id_slug")).not_to_have_value("")
    page.fill("#id_lead", "Nhân dân các thôn ra quân nạo vét kênh mương.")
    with page.expect_navigation():
        page.locator("button[name=action-submit]").evaluate(
            "element => element.click()"
        )
    page.wait_for_load_state()
    assert FIRST not in page.content()
    page.screenshot(
        path=artifacts / "province-second-commune-writer.png", full_page=True
    )
    context.close()

    article = ArticlePage.objects.get(title="Hải Lăng ra quân làm thủy lợi nội đồng")
    assert not article.live
    assert article.current_workflow_task.name.startswith("Xã Hải Lăng")
    for username, final in (("btv-hl", False), ("tb-hl", True)):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        log_in(page, base, username)
        approve(page, base, article.pk)
        article.refresh_from_db()
        assert article.live is final
        context.close()

    context = browser.new_context()
    page = context.new_page()
    page.goto(base + "/tin-tuc-su-kien/" + article.slug + "/")
    assert page.locator("h1").inner_text() == "Hải Lăng ra quân làm thủy lợi nội đồng"
    page.goto(f"http://localhost:{port}/tin-tuc-su-kien/{article.slug}/")
    assert "Hải Lăng ra quân" not in page.locator("main").inner_text()
    context.close()
