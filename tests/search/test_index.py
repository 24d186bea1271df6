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


def test_codes_are_one_term_and_found_by_any_run_of_their_parts(site, section):
    """`42/2022/NĐ-CP` is indexed as its parts and as `42x2022`, `2022xnd`...:
    a search for a code is one index lookup, and finds it by any run of two
    parts or more, not by the numbers apart."""
    add_article(section, "Thực hiện Nghị định 42/2022/NĐ-CP về cổng thông tin")
    add_article(section, "Năm 2022 có 42 hộ thoát nghèo")
    entry = SearchEntry.objects.get(title__contains="Nghị định")
    assert "42x2022" in entry.title_index.split()
    assert "2022xndxcp" in entry.title_index.split()
    # The words keep their positions: the codes come after them.
    assert entry.title_index.startswith("thuc hien nghi dinh 42 2022 nd cp ve")
    want = ["Thực hiện Nghị định 42/2022/NĐ-CP về cổng thông tin"]
    for query in (
        "42/2022",
        "42/2022/NĐ-CP",
        "2022/nd-cp",
        "nghi dinh 42/2022",
        "42/20",
    ):
        assert plain_titles(query, site) == want, query
    assert plain_titles("42 2022 ho thoat ngheo", site) == [
        "Năm 2022 có 42 hộ thoát nghèo"
    ]


def test_the_migration_gives_existing_entries_their_code_terms(site, section):
    """Entries indexed before codes were terms get them from their own title and
    body (migration 0011), and the vocabulary counts them."""
    import importlib

    from django.apps import apps

    add_article(section, "Quyết định 15/2025/QĐ-UBND về đất đai")
    entry = SearchEntry.objects.get()
    old = " ".join(w for w in entry.title_index.split() if "x" not in w)
    SearchEntry.objects.filter(pk=entry.pk).update(title_index=old)
    SearchTerm.objects.filter(term__contains="x2025").delete()
    assert plain_titles("15/2025", site) == []

    migration = importlib.import_module("congxa.search.migrations.0011_code_terms")
    migration.add_code_terms(apps, None)  # it needs no schema editor
    assert plain_titles("15/2025", site) == ["Quyết định 15/2025/QĐ-UBND về đất đai"]
    assert SearchTerm.objects.get(term="15x2025xqd").documents == 1


@pytest.mark.django_db(transaction=True)
def test_rebuild_tidies_the_index_on_postgresql(site, section):
    """After the whole index is rewritten, PostgreSQL vacuums it (dead rows,
    GIN pending lists, statistics); inside a transaction, and on SQLite,
    nothing is run."""
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    add_article(section, "Hướng dẫn đăng ký khai sinh")

    def vacuums() -> list[str]:
        with CaptureQueriesContext(connection) as queries:
            call_command("rebuild_search", verbosity=0)
        return [q["sql"] for q in queries if q["sql"].startswith("VACUUM")]

    ran = vacuums()
    if connection.vendor == "postgresql":
        assert ran == [
            "VACUUM (ANALYZE) congxa_search_searchentry, congxa_search_searchterm"
        ]
    else:
        assert ran == []
    with transaction.atomic():
        assert vacuums() == []
    assert plain_titles("khai sinh", site) == ["Hướng dẫn đăng ký khai sinh"]
