"""Page addresses made in the admin: Vietnamese folding, `-2` on a collision,
existing pages untouched, sections shown in menus."""

import json
import re

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from congxa.editorial.slugs import free_slug, slug_formatters_json
from congxa.news.factories import ArticlePageFactory
from congxa.news.models import ArticlePage, NewsIndexPage
from congxa.vi.text import SLUG_REPLACEMENTS

pytestmark = pytest.mark.django_db


def article_data(title: str, slug: str = "") -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "lead": "Tóm tắt.",
            "body": streamfield([]),
            "signature": "BBT",
            "date": "2026-02-11 21:40",
            "comments": inline_formset([]),
        }
    )


def add_article(client, section, title: str, slug: str = ""):
    url = reverse("wagtailadmin_pages:add", args=["news", "articlepage", section.pk])
    return client.post(url, article_data(title, slug), follow=True)


def test_empty_address_is_the_folded_title(client, section, writer):
    client.force_login(writer)
    response = add_article(client, section, "Đường giao thông nông thôn")
    assert response.status_code == 200
    assert ArticlePage.objects.get(title="Đường giao thông nông thôn").slug == (
        "duong-giao-thong-nong-thon"
    )


def test_taken_address_gets_a_number_and_a_vietnamese_message(client, section, writer):
    ArticlePageFactory(parent=section, title="Hỏi đáp", slug="hoi-dap")
    client.force_login(writer)
    response = add_article(client, section, "Hỏi đáp", slug="hoi-dap")
    html = response.content.decode()
    assert ArticlePage.objects.child_of(section).filter(slug="hoi-dap-2").exists()
    assert "đã có trang khác dùng" in html and "hoi-dap-2" in html
    add_article(client, section, "Hỏi đáp", slug="hoi-dap")
    assert ArticlePage.objects.child_of(section).filter(slug="hoi-dap-3").exists()


def test_existing_page_keeps_its_address(client, section, editor):
    old = ArticlePageFactory(parent=section, title="Tin cũ", slug="tin-cu")
    ArticlePageFactory(parent=section, title="Tin khác", slug="tin-khac")
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=[old.pk])
    data = article_data("Tin cũ đã sửa tiêu đề", slug="tin-cu")
    client.post(url, data)
    old.refresh_from_db()
    assert old.slug == "tin-cu"
    # Renaming it onto a taken address is refused (in Vietnamese), not renumbered.
    response = client.post(url, article_data("Tin cũ", slug="tin-khac"))
    old.refresh_from_db()
    assert old.slug == "tin-cu"
    assert response.status_code == 200
    assert "tin-khac" in response.content.decode()


def test_free_slug_counts_up_under_one_parent(section, other_section):
    ArticlePageFactory(parent=section, slug="thong-bao")
    ArticlePageFactory(parent=section, slug="thong-bao-2")
    assert free_slug("thong-bao", section) == "thong-bao-3"
    assert free_slug("thong-bao", other_section) == "thong-bao"


def test_new_section_under_home_starts_shown_in_menus(client, site, commune_admin):
    client.force_login(commune_admin)
    url = reverse(
        "wagtailadmin_pages:add", args=["news", "newsindexpage", site.root_page.pk]
    )
    html = client.get(url).content.decode()
    checkbox = re.search(r'<input[^>]*name="show_in_menus"[^>]*>', html).group()
    assert "checked" in checkbox


def test_new_article_inside_a_section_is_not_put_in_menus(client, section, writer):
    client.force_login(writer)
    url = reverse("wagtailadmin_pages:add", args=["news", "articlepage", section.pk])
    html = client.get(url).content.decode()
    checkbox = re.search(r'<input[^>]*name="show_in_menus"[^>]*>', html)
    assert checkbox is None or "checked" not in checkbox.group()


def test_admin_pages_carry_the_slug_rule_in_a_script_tag(client, section, writer):
    client.force_login(writer)
    url = reverse("wagtailadmin_pages:add", args=["news", "articlepage", section.pk])
    html = client.get(url).content.decode()
    tag = re.search(r'<script\b[^>]*src="[^"]*editorial/js/admin[^"]*"[^>]*>', html)
    tag = tag.group()
    assert "data-slug-formatters" in tag
    formatters = json.loads(slug_formatters_json())
    assert [(pattern, replacement) for (pattern, _), replacement in formatters] == (
        SLUG_REPLACEMENTS
    )


def test_a_section_made_in_the_admin_appears_in_the_menu(client, site, commune_admin):
    client.force_login(commune_admin)
    url = reverse(
        "wagtailadmin_pages:add", args=["news", "newsindexpage", site.root_page.pk]
    )
    html = client.get(url).content.decode()
    assert 'name="show_in_menus"' in html
    data = nested_form_data(
        {"title": "Tin tức - Sự kiện", "slug": "", "show_in_menus": "on"}
    )
    data["action-publish"] = "1"
    client.post(url, data)
    section = NewsIndexPage.objects.get(title="Tin tức - Sự kiện")
    assert section.slug == "tin-tuc-su-kien" and section.show_in_menus
