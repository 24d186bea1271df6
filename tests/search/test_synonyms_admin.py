"""Synonyms, query counts and promotions in the admin: per commune, in Vietnamese."""

from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from congxa.search import selectors, services
from congxa.search.models import QueryCount, Synonym
from congxa.search.registry import Document
from tests.people.conftest import commune_editor
from tests.search.conftest import add_article

pytestmark = pytest.mark.django_db

SEARCH_MODELS = ("synonym", "querycount")


def synonym_url(view, *args):
    return reverse(f"wagtailsnippets_congxa_search_synonym:{view}", args=args)


def store(site, key, title):
    services.document_store(
        key,
        Document(title=title, body="", url=f"/{key}/", site_id=site.pk, kind="news"),
    )


@pytest.fixture
def editor_a(client, site):
    user = commune_editor(site, "bientap.timkiem", SEARCH_MODELS, "congxa_search")
    client.force_login(user)
    return client


def test_commune_editor_adds_a_synonym_that_applies_to_that_commune_only(
    editor_a, site, other_site
):
    store(site, "a-thue", "Thông báo nộp thuế đất năm 2026")
    store(other_site, "b-thue", "Thông báo nộp thuế đất năm 2026")
    assert selectors.search("tien mieng dat", site=site).total == 0

    form = editor_a.get(synonym_url("add"))
    html = form.content.decode()
    assert "Người dân gõ" in html and "Tìm thay bằng" in html
    assert f'value="{other_site.pk}"' not in html
    response = editor_a.post(
        synonym_url("add"),
        {"site": site.pk, "phrases": "tiền miếng đất", "meanings": "thuế đất"},
    )
    assert response.status_code == 302
    assert [r.url for r in selectors.search("tien mieng dat", site=site).results] == [
        "/a-thue/"
    ]
    assert selectors.search("tien mieng dat", site=other_site).total == 0


def test_commune_editor_cannot_see_or_edit_another_communes_synonyms(
    editor_a, site, other_site
):
    theirs = Synonym.objects.create(site=other_site, phrases="abc", meanings="xyz")
    listing = editor_a.get(synonym_url("list"))
    assert "abc" not in listing.content.decode()
    assert editor_a.get(synonym_url("edit", theirs.pk)).status_code == 404
    response = editor_a.post(
        synonym_url("add"),
        {"site": other_site.pk, "phrases": "def", "meanings": "uvw"},
    )
    assert response.status_code == 200
    assert not Synonym.objects.filter(phrases="def").exists()


def test_a_synonym_needs_words_and_a_commune(editor_a, site):
    response = editor_a.post(
        synonym_url("add"), {"site": "", "phrases": "!!!", "meanings": "thuế"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Hãy viết ít nhất một từ." in html
    assert not Synonym.objects.exists()


def test_province_synonyms_apply_to_every_commune(site, other_site):
    store(site, "a-dat", "Cấp giấy chứng nhận quyền sử dụng đất")
    store(other_site, "b-dat", "Cấp giấy chứng nhận quyền sử dụng đất")
    Synonym.objects.create(site=None, phrases="bìa xanh", meanings="giấy chứng nhận")
    assert selectors.search("bia xanh", site=site).results[0].url == "/a-dat/"
    assert selectors.search("bia xanh", site=other_site).results[0].url == "/b-dat/"


def test_search_counts_keep_the_folded_words_only(client, site):
    store(site, "a-khai-sinh", "Đăng ký khai sinh")
    client.get("/tim-kiem/", {"q": "Đăng Ký  KHAI sinh"}, HTTP_USER_AGENT="Zalo")
    client.get("/tim-kiem/", {"q": "dang ky khai sinh"})
    client.get("/tim-kiem/", {"q": "xyz khong co"})
    rows = {row.query: row for row in QueryCount.objects.all()}
    assert set(rows) == {"dang ki khai sinh", "xyz khong co"}
    assert rows["dang ki khai sinh"].searches == 2
    assert rows["dang ki khai sinh"].results == 1
    assert rows["xyz khong co"].results == 0
    fields = {f.name for f in QueryCount._meta.get_fields()}
    assert fields == {"id", "site", "day", "query", "searches", "results"}


def test_query_report_lists_zero_result_queries_first_with_one_click_actions(
    editor_a, site, other_site
):
    today = timezone.localdate()
    QueryCount.objects.create(
        site=site, day=today, query="thu tuc", searches=9, results=5
    )
    QueryCount.objects.create(
        site=site, day=today, query="bia xanh", searches=2, results=0
    )
    QueryCount.objects.create(
        site=other_site, day=today, query="cua xa khac", searches=4, results=0
    )
    response = editor_a.get(reverse("congxa_search_queries"))
    html = response.content.decode()
    assert response.status_code == 200
    # Without the right to promote a page, the row does not offer it.
    assert "Thêm từ đồng nghĩa" in html and "Đề xuất một trang" not in html
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    user = get_user_model().objects.get(username="bientap.timkiem")
    user.groups.first().permissions.add(
        Permission.objects.get(codename="add_searchpromotion")
    )
    response = editor_a.get(reverse("congxa_search_queries"))
    html = response.content.decode()
    assert "Thống kê từ khóa tìm kiếm" in html
    assert html.index("bia xanh") < html.index("thu tuc")
    assert "cua xa khac" not in html
    assert "Thêm từ đồng nghĩa" in html and "Đề xuất một trang" in html
    add = editor_a.get(synonym_url("add") + f"?phrases=bia+xanh&site={site.pk}")
    assert 'value="bia xanh"' in add.content.decode()


def test_query_report_needs_the_permission(client, site):
    QueryCount.objects.create(site=site, day=timezone.localdate(), query="bi mat")
    client.force_login(commune_editor(site, "khongquyen", (), "congxa_search"))
    response = client.get(reverse("congxa_search_queries"))
    # Wagtail turns a refusal into a redirect to the dashboard, with a message.
    assert response.status_code == 302
    assert "bi mat" not in response.content.decode()


def test_purge_forgets_counts_older_than_90_days(site):
    today = timezone.localdate()
    QueryCount.objects.create(site=site, day=today - timedelta(days=91), query="cu")
    QueryCount.objects.create(site=site, day=today - timedelta(days=10), query="moi")
    from io import StringIO

    out = StringIO()
    call_command("purge_search_queries", "--dry-run", stdout=out)
    assert "sẽ xóa 1 dòng" in out.getvalue()
    assert QueryCount.objects.count() == 2
    out = StringIO()
    call_command("purge_search_queries", stdout=out)
    assert "Đã xóa 1 dòng" in out.getvalue()
    assert list(QueryCount.objects.values_list("query", flat=True)) == ["moi"]
    with pytest.raises(CommandError, match="số nguyên dương"):
        call_command("purge_search_queries", "--days", "0")


def test_promoted_page_shows_first_for_its_commune_only(client, site, other_site):
    from django.contrib.auth import get_user_model
    from wagtail.contrib.search_promotions.models import SearchPromotion

    from congxa.news.factories import NewsIndexPageFactory

    page = NewsIndexPageFactory(parent=site.root_page, title="Đất đai", slug="dat-dai")
    admin = get_user_model().objects.create_superuser("qt", "qt@example.com", "x")
    client.force_login(admin)
    response = client.post(
        reverse("congxa_search_promote"),
        {"query": "Làm sổ đỏ", "page": page.pk, "description": "Hồ sơ đất đai"},
    )
    assert response.status_code == 302
    assert SearchPromotion.objects.count() == 1
    client.logout()
    html = client.get("/tim-kiem/", {"q": "lam so do"}).content.decode()
    assert "Kết quả được đề xuất" in html and "/dat-dai/" in html
    assert selectors.promoted("lam so do", other_site) == []


def test_promote_refuses_a_page_of_another_commune(client, site, other_site):
    from wagtail.contrib.search_promotions.models import SearchPromotion

    from congxa.news.factories import NewsIndexPageFactory

    theirs = NewsIndexPageFactory(parent=other_site.root_page, title="B", slug="b")
    user = commune_editor(site, "bt.promote", (), "congxa_search")
    from django.contrib.auth.models import Permission

    user.groups.first().permissions.add(
        Permission.objects.get(codename="add_searchpromotion")
    )
    client.force_login(user)
    response = client.post(
        reverse("congxa_search_promote"), {"query": "x", "page": theirs.pk}
    )
    assert response.status_code == 200
    assert "Hãy chọn một trang của xã mà bạn quản lý." in response.content.decode()
    assert not SearchPromotion.objects.exists()


def test_a_new_synonym_renews_the_communes_cached_search_pages_only(
    editor_a, site, other_site, section, django_capture_on_commit_callbacks
):
    from django.test import Client

    add_article(section, "Thông báo nộp thuế đất năm 2026")
    visitor = Client()
    query = {"q": "tien mieng dat"}
    first = visitor.get("/tim-kiem/", query, HTTP_HOST="vinhthuy.localhost")
    assert 'class="search-results"' not in first.content.decode()
    assert visitor.get("/tim-kiem/", query, HTTP_HOST="vinhthuy.localhost").get(
        "ETag"
    ) == first.get("ETag")
    theirs = visitor.get("/tim-kiem/", query, HTTP_HOST="giolinh.localhost")
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_a.post(
            synonym_url("add"),
            {"site": site.pk, "phrases": "tiền miếng đất", "meanings": "thuế đất"},
        )
    assert response.status_code == 302
    again = visitor.get("/tim-kiem/", query, HTTP_HOST="vinhthuy.localhost")
    assert 'class="search-results"' in again.content.decode()
    assert visitor.get("/tim-kiem/", query, HTTP_HOST="giolinh.localhost").get(
        "ETag"
    ) == theirs.get("ETag")


def test_a_process_reads_the_synonyms_again_when_the_communes_generation_moves(
    site, django_capture_on_commit_callbacks
):
    """Another process's change reaches this one by the generation it bumped,
    not by this process's signal."""
    from congxa.portal.cache import bump_site_generation

    store(site, "a-thue", "Thông báo nộp thuế đất năm 2026")
    assert selectors.search("tien mieng dat", site=site).total == 0
    Synonym.objects.bulk_create(  # no signal, as if saved by another process
        [Synonym(site=site, phrases="tiền miếng đất", meanings="thuế đất")]
    )
    assert selectors.search("tien mieng dat", site=site).total == 0
    with django_capture_on_commit_callbacks(execute=True):
        bump_site_generation(site.pk)
    assert selectors.search("tien mieng dat", site=site).total == 1
