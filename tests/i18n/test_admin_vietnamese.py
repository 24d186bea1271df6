"""The Wagtail admin screens a commune editor uses read in Vietnamese.

Each test opens one admin screen as an editor and fails when English interface
words remain in what a person reads there (see `english.py` for how text and
English are found, and for the allow-list of product names and acronyms).
"""

import json

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection

from congxa.news.factories import ArticlePageFactory, NewsIndexPageFactory
from congxa.portal.factories import ImageFactory

from .english import english_words, visible_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, db):
    user = get_user_model().objects.create_superuser(
        "bientap", "bientap@vinhthuy.gov.vn", "mat-khau-thu-nghiem", first_name="Lan"
    )
    client.force_login(user)
    return user


@pytest.fixture
def content(home, editor):
    section = NewsIndexPageFactory(parent=home, title="Tin tức - Sự kiện")
    article = ArticlePageFactory(parent=section, title="Hội nghị tổng kết năm 2025")
    article.save_revision(user=editor).publish()
    image = ImageFactory(title="Hội nghị", collection=Collection.get_first_root_node())
    document = get_document_model().objects.create(
        title="Quyết định số 15",
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="quyet-dinh-15.pdf"),
    )
    return {
        "home": home,
        "section": section,
        "article": article,
        "image": image,
        "document": document,
    }


SCREENS = {
    "dashboard": lambda c: reverse("wagtailadmin_home"),
    "explorer of the home page": lambda c: reverse(
        "wagtailadmin_explore", args=[c["home"].pk]
    ),
    "explorer of a section": lambda c: reverse(
        "wagtailadmin_explore", args=[c["section"].pk]
    ),
    "article editor": lambda c: reverse(
        "wagtailadmin_pages:edit", args=[c["article"].pk]
    ),
    "choose a page type": lambda c: reverse(
        "wagtailadmin_pages:add_subpage", args=[c["home"].pk]
    ),
    "new article": lambda c: reverse(
        "wagtailadmin_pages:add", args=["news", "articlepage", c["section"].pk]
    ),
    "page history": lambda c: reverse(
        "wagtailadmin_pages:history", args=[c["article"].pk]
    ),
    "images": lambda c: reverse("wagtailimages:index"),
    "image editor": lambda c: reverse("wagtailimages:edit", args=[c["image"].pk]),
    "documents": lambda c: reverse("wagtaildocs:index"),
    "document editor": lambda c: reverse("wagtaildocs:edit", args=[c["document"].pk]),
    "snippets": lambda c: reverse("wagtailsnippets:index"),
    "commune settings": lambda c: reverse(
        "wagtailsettings:edit",
        args=["portal", "communesettings", c["home"].get_site().pk],
    ),
    "locked pages report": lambda c: reverse("wagtailadmin_reports:locked_pages"),
    "site history report": lambda c: reverse("wagtailadmin_reports:site_history"),
    "workflows report": lambda c: reverse("wagtailadmin_reports:workflow"),
    "account": lambda c: reverse("wagtailadmin_account"),
    "workflows": lambda c: reverse("wagtailadmin_workflows:index"),
    "search": lambda c: reverse("wagtailadmin_pages:search") + "?q=h%E1%BB%99i",
    "users": lambda c: reverse("wagtailusers_users:index"),
    "groups": lambda c: reverse("wagtailusers_groups:index"),
    "collections": lambda c: reverse("wagtailadmin_collections:index"),
    "redirects": lambda c: reverse("wagtailredirects:index"),
}


def english_on(client, url: str) -> list[str]:
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200, url
    return english_words(visible_text(response.content.decode()))


@pytest.mark.parametrize("screen", SCREENS)
def test_admin_screen_is_in_vietnamese(client, content, screen):
    url = SCREENS[screen](content)
    found = english_on(client, url)
    assert not found, f"English on {url}:\n" + "\n".join(found)


def test_dashboard_speaks_the_glossary(client, content):
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    text = " ".join(visible_text(html))
    assert "Bảng điều khiển" in text
    assert "Trang" in text and "Hình ảnh" in text and "Tài liệu" in text


def test_article_editor_tabs_and_actions(client, content):
    url = reverse("wagtailadmin_pages:edit", args=[content["article"].pk])
    text = " ".join(visible_text(client.get(url).content.decode()))
    for words in ("Nội dung", "Quảng bá", "Cài đặt", "Lưu bản nháp", "Xuất bản"):
        assert words in text, words


def test_login_page_is_in_vietnamese(client, db):
    response = client.get(reverse("wagtailadmin_login"), HTTP_ACCEPT_LANGUAGE="en")
    pieces = visible_text(response.content.decode())
    assert english_words(pieces) == []
    assert "Đăng nhập" in " ".join(pieces)


def test_detector_catches_english():
    html = (
        "<main><h1>Pages</h1><button title='Save draft'>Lưu</button>"
        "<script>var Delete = 1;</script><p>Các tin khác</p></main>"
    )
    assert english_words(visible_text(html)) == ["Pages", "Save draft"]


def test_javascript_catalog_is_vietnamese(client, editor):
    # The editor's JavaScript (comments, sidebar, block editor) reads its strings
    # from this catalog; LOCALE_PATHS makes ours win over Wagtail's.
    response = client.get(reverse("wagtailadmin_javascript_catalog"))
    script = response.content.decode()
    for vietnamese in ("Chèn khối", "Thu gọn tất cả"):  # Insert a block, Collapse all
        assert vietnamese in script or json.dumps(vietnamese)[1:-1] in script
