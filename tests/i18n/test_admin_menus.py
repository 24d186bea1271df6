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
    return user


def screens_of(client, user) -> dict[str, str]:
    """The dashboard and every page its menu leads to, as {url: html}."""
    client.force_login(user)
    home = client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="en")
    assert home.status_code == 200
    pages = {reverse("wagtailadmin_home"): home.content.decode()}
    for url in sidebar_urls(home.content.decode()):
        response = client.get(url, follow=True, HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 200, url
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
