"""Every admin menu item, opened by each kind of person, reads in Vietnamese.

The menu items are read from the admin's own sidebar (the JSON island Wagtail
renders), so a menu item added later is walked without touching this test.
Each screen fails when English interface words remain (see `english.py`).
"""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page

from congxa.editorial.enums import Role
from congxa.editorial.services import commune_roles_setup
from congxa.news.factories import ArticlePageFactory, NewsIndexPageFactory
from tests.editorial.conftest import make_member

from .english import english_words, visible_text

pytestmark = pytest.mark.django_db

ROLES = {
    "writer": Role.WRITER,
    "editor": Role.EDITOR,
    "approver": Role.APPROVER,
    "commune admin": Role.ADMIN,
}


def sidebar_urls(html: str) -> list[str]:
    props = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>',
        html,
        re.S,
    ).group(1)
    urls: list[str] = []

    def walk(node):
        if isinstance(node, dict):
            url = node.get("url")
            if isinstance(url, str) and url.startswith("/admin/") and url not in urls:
                urls.append(url)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(json.loads(props))
    return urls


WELCOME = "Welcome to your new Wagtail site!"


@pytest.fixture
def person(request, site):
    # A set-up deployment: the welcome page of Wagtail's first migration is gone
    # (the demo and the commune set-up remove it).
    Page.objects.filter(depth=2, title=WELCOME).delete()
    commune_roles_setup(site=site)
    section = NewsIndexPageFactory(parent=site.root_page, title="Tin tức - Sự kiện")
    article = ArticlePageFactory(parent=section, title="Hội nghị tổng kết năm 2025")
    if request.param == "superuser":
        user = get_user_model().objects.create_superuser(
            "vanhanh", "vanhanh@quangtri.gov.vn", "mat-khau-thu-nghiem"
        )
    else:
        user = make_member(site, ROLES[request.param], f"nguoi-{request.param[:4]}")
    user.last_name, user.first_name = "Nguyễn Thị", "Hoa"
    user.save()
    article.save_revision(user=user)
    user.walk_urls = [
        reverse("wagtailadmin_explore", args=[section.pk]),
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        reverse("wagtailadmin_pages:history", args=[article.pk]),
        reverse("wagtailadmin_pages:revisions_index", args=[article.pk]),
        reverse("wagtailadmin_pages:add", args=["news", "articlepage", section.pk]),
        reverse("wagtailadmin_pages:add_subpage", args=[site.root_page.pk]),
        reverse("wagtailadmin_pages:search") + "?q=h%E1%BB%99i",
        reverse("wagtailadmin_account"),
    ]
    return user


def screens_of(client, user) -> dict[str, str]:
    """The dashboard, every page its menu leads to and the screens of writing an
    article (those this person may open), as {url: html}."""
    client.force_login(user)
    home = client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="en")
    assert home.status_code == 200
    pages = {reverse("wagtailadmin_home"): home.content.decode()}
    for url in sidebar_urls(home.content.decode()):
        response = client.get(url, follow=True, HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 200, url
        pages[url] = response.content.decode()
    for url in user.walk_urls:
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code in (200, 302), url
        if response.status_code == 200:
            pages[url] = response.content.decode()
    return pages


@pytest.mark.parametrize("person", [*ROLES, "superuser"], indirect=True)
def test_every_menu_screen_is_in_vietnamese(client, person):
    pages = screens_of(client, person)
    assert len(pages) > 3
    found = {
        url: english
        for url, html in pages.items()
        if (english := english_words(visible_text(html)))
    }
    assert not found, "\n".join(f"{url}: {words}" for url, words in found.items())


def test_superuser_is_the_operator_and_flags_are_words(client, site):
    operator = get_user_model().objects.create_superuser(
        "vanhanh", "vanhanh@quangtri.gov.vn", "mat-khau-thu-nghiem"
    )
    client.force_login(operator)
    pieces = visible_text(
        client.get(reverse("wagtailusers_users:index")).content.decode()
    )
    assert "Vận hành hệ thống" in pieces
    assert "Quản trị" not in pieces
    assert "True" not in pieces and "False" not in pieces
    assert "Có" in pieces


def test_history_says_the_page_was_created(client, site):
    commune_roles_setup(site=site)
    section = NewsIndexPageFactory(parent=site.root_page, title="Tin tức - Sự kiện")
    writer = make_member(site, Role.WRITER, "phongvien")
    article = ArticlePageFactory(parent=section, title="Tin mới")
    from wagtail.log_actions import log

    log(article, "wagtail.create", user=writer)
    editor = make_member(site, Role.EDITOR, "bientap")
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_pages:history", args=[article.pk]))
    assert response.status_code == 200
    pieces = visible_text(response.content.decode())
    assert "Đã tạo" in pieces
    assert "Ngày tạo" not in pieces
