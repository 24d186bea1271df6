"""The index follows the content: publish, edit, unpublish, move, delete, rebuild."""

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from congxa.news.factories import NewsIndexPageFactory
from congxa.search import selectors
from congxa.search.models import SearchEntry, SearchTerm

from .conftest import add_article, publish

pytestmark = pytest.mark.django_db


def titles(query, site):
    return [str(r.title) for r in selectors.search(query, site=site).results]


def plain_titles(query, site):
    return [t.replace("<mark>", "").replace("</mark>", "") for t in titles(query, site)]


def test_published_article_is_found_and_draft_is_not(site, section):
    add_article(section, "Lịch tiếp công dân tháng 12")
    add_article(section, "Kế hoạch tiếp công dân năm 2027", live=False)
    assert plain_titles("tiep cong dan", site) == ["Lịch tiếp công dân tháng 12"]


def test_edit_replaces_the_indexed_text(site, section):
    article = add_article(section, "Thông báo cắt điện")
    article.title = "Thông báo tạm ngừng cấp nước"
    publish(article)
    assert plain_titles("cat dien", site) == []
    assert plain_titles("cap nuoc", site) == ["Thông báo tạm ngừng cấp nước"]
    assert SearchEntry.objects.count() == 1
    assert not SearchTerm.objects.filter(term="dien").exists()


def test_unpublished_article_leaves_the_index(site, section):
    article = add_article(section, "Thông báo tuyển dụng viên chức")
    article.unpublish()
    assert plain_titles("tuyen dung", site) == []
    assert not SearchTerm.objects.filter(term="tuyen").exists()


def test_deleted_article_leaves_the_index(site, section):
    article = add_article(section, "Thông báo tuyển dụng viên chức")
    article.delete()
    assert plain_titles("tuyen dung", site) == []
    assert not SearchEntry.objects.filter(title__contains="tuyển dụng").exists()


def test_deleting_a_section_removes_its_articles(site, section):
    add_article(section, "Thông báo tuyển dụng viên chức")
    section.delete()
    assert SearchEntry.objects.count() == 0
    assert SearchTerm.objects.count() == 0


def test_moved_article_gets_its_new_address(site, home, section):
    other = NewsIndexPageFactory(parent=home, title="Thông báo", slug="thong-bao")
    publish(other)
    article = add_article(section, "Thông báo lịch tiêm chủng")
    article.move(other, pos="last-child")
    [entry] = SearchEntry.objects.filter(page=article)
    assert entry.url == "/thong-bao/" + article.slug + "/"


def test_article_moved_to_another_commune_changes_site(site, other_site, section):
    target = NewsIndexPageFactory(parent=other_site.root_page, slug="tin")
    article = add_article(section, "Hội thi tiếng hát dân ca")
    article.move(target, pos="last-child")
    assert plain_titles("hat dan ca", site) == []
    assert plain_titles("hat dan ca", other_site) == ["Hội thi tiếng hát dân ca"]


def test_new_section_slug_updates_article_addresses(site, section):
    article = add_article(section, "Khánh thành nhà văn hóa")
    section.slug = "tin-moi"
    publish(section)
    assert SearchEntry.objects.get(page=article).url.startswith("/tin-moi/")


def test_private_pages_are_not_indexed(site, section):
    article = add_article(section, "Tài liệu nội bộ chi bộ")
    PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.LOGIN
    )
    assert plain_titles("noi bo", site) == []


def test_rebuild_search_recreates_the_index(site, section):
    add_article(section, "Hướng dẫn đăng ký khai sinh")
    SearchEntry.objects.all().delete()
    SearchTerm.objects.all().delete()
    assert plain_titles("khai sinh", site) == []
    call_command("rebuild_search", verbosity=0)
    assert plain_titles("khai sinh", site) == ["Hướng dẫn đăng ký khai sinh"]
    assert SearchTerm.objects.get(term="khai").documents == 1


def test_rebuild_search_dry_run_writes_nothing(site, section, capsys):
    add_article(section, "Hướng dẫn đăng ký khai sinh")
    SearchEntry.objects.all().delete()
    call_command("rebuild_search", "--dry-run")
    assert SearchEntry.objects.count() == 0
    assert "2 mục" in capsys.readouterr().out


def test_vocabulary_counts_documents(site, section):
    add_article(section, "Khai sinh, khai tử")
    add_article(section, "Đăng ký khai sinh")
    assert SearchTerm.objects.get(term="khai").documents == 2
    assert SearchTerm.objects.get(term="tu").documents == 1
