"""Search promotions ("Kết quả được đề xuất") per commune: Wagtail's own admin
screens, scoped to the commune of the promoted page, and the public search."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import get_resolver, resolve, reverse
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from congxa.editorial.enums import Role
from congxa.editorial.services import board_group, commune_roles_setup
from congxa.news.factories import NewsIndexPageFactory
from congxa.search import promotions
from congxa.search.models import QueryCount
from tests.editorial.conftest import make_member

pytestmark = pytest.mark.django_db

PREFIX = "editors_picks"


def picks_data(*forms, initial=0):
    """POST data of Wagtail's promotions formset: one dict per promoted page."""
    data = {
        f"{PREFIX}-TOTAL_FORMS": str(len(forms)),
        f"{PREFIX}-INITIAL_FORMS": str(initial),
        f"{PREFIX}-MIN_NUM_FORMS": "0",
        f"{PREFIX}-MAX_NUM_FORMS": "1000",
    }
    for number, form in enumerate(forms):
        data[f"{PREFIX}-{number}-ORDER"] = str(number)
        data[f"{PREFIX}-{number}-DELETE"] = ""
        for name, value in form.items():
            data[f"{PREFIX}-{number}-{name}"] = "" if value is None else str(value)
    return data


def url(name, *args):
    return reverse(f"wagtailsearchpromotions:{name}", args=args)


def promote(query_text, page, description="", order=0):
    return SearchPromotion.objects.create(
        query=Query.get(query_text),
        page=page,
        description=description,
        sort_order=order,
    )


@pytest.fixture
def pages(site, other_site):
    commune_roles_setup(site=site)
    commune_roles_setup(site=other_site)
    return {
        "own": NewsIndexPageFactory(
            parent=site.root_page, title="Đất đai Vĩnh Thủy", slug="dat-dai"
        ),
        "own_other": NewsIndexPageFactory(
            parent=site.root_page, title="Hộ tịch Vĩnh Thủy", slug="ho-tich"
        ),
        "theirs": NewsIndexPageFactory(
            parent=other_site.root_page, title="Đất đai Gio Linh", slug="dat-dai"
        ),
    }


@pytest.fixture
def editor_a(client, site, pages):
    client.force_login(make_member(site, Role.EDITOR, "bientap.a"))
    return client


def test_commune_roles_may_manage_promotions_and_writers_may_not(site, pages):
    for role in Role:
        user = make_member(site, role, f"nguoi-{role}")
        expected = role != Role.WRITER
        for action in promotions.PERMISSIONS:
            perm = f"wagtailsearchpromotions.{action}_searchpromotion"
            assert user.has_perm(perm) is expected, (role, perm)


def test_commune_editor_adds_edits_and_deletes_their_promotion(editor_a, pages, site):
    listing = editor_a.get(url("index"))
    assert listing.status_code == 200
    assert "Kết quả được đề xuất" in listing.content.decode()
    add = editor_a.get(url("add") + "?q=lam+so+do")
    assert add.status_code == 200
    html = add.content.decode()
    assert 'value="lam so do"' in html
    assert "Địa chỉ liên kết bên ngoài" not in html  # a promotion is a page

    response = editor_a.post(
        url("add"),
        {
            "query_string": "Làm sổ đỏ",
            **picks_data({"page": pages["own"].pk, "description": "Hồ sơ đất đai"}),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    pick = SearchPromotion.objects.get()
    assert pick.page_id == pages["own"].pk and pick.description == "Hồ sơ đất đai"
    listing = editor_a.get(url("index")).content.decode()
    assert "Đất đai Vĩnh Thủy" in listing and "Xã Vĩnh Thủy" in listing

    query = pick.query
    assert editor_a.get(url("edit", query.pk)).status_code == 200
    response = editor_a.post(
        url("edit", query.pk),
        {
            "query_string": query.query_string,
            **picks_data(
                {"id": pick.pk, "page": pages["own_other"].pk, "description": "Mới"},
                initial=1,
            ),
        },
    )
    assert response.status_code == 302
    pick.refresh_from_db()
    assert (pick.page_id, pick.description) == (pages["own_other"].pk, "Mới")

    assert editor_a.get(url("delete", query.pk)).status_code == 200
    assert editor_a.post(url("delete", query.pk)).status_code == 302
    assert not SearchPromotion.objects.exists()


def test_commune_editor_never_sees_nor_reaches_another_communes_promotions(
    editor_a, pages, site, other_site
):
    shared_theirs = promote("lam so do", pages["theirs"], "Của Gio Linh")
    only_theirs = promote("rieng xa ben kia", pages["theirs"])
    ours = promote("lam so do", pages["own"], "Của Vĩnh Thủy", order=1)
    shared = ours.query

    listing = editor_a.get(url("index")).content.decode()
    assert "lam so do" in listing
    assert "Gio Linh" not in listing and "rieng xa ben kia" not in listing
    results = editor_a.get(url("index_results") + "?q=rieng").content.decode()
    assert "rieng xa ben kia" not in results

    for name in ("edit", "delete"):
        assert editor_a.get(url(name, only_theirs.query_id)).status_code == 404
    assert editor_a.post(url("delete", only_theirs.query_id)).status_code == 404
    assert SearchPromotion.objects.filter(pk=only_theirs.pk).exists()

    edit = editor_a.get(url("edit", shared.pk)).content.decode()
    assert "Đất đai Vĩnh Thủy" in edit and "Gio Linh" not in edit

    # Their promotion's id slipped into our form is not theirs to change.
    response = editor_a.post(
        url("edit", shared.pk),
        {
            "query_string": shared.query_string,
            **picks_data(
                {"id": shared_theirs.pk, "page": pages["own"].pk, "description": "x"},
                initial=1,
            ),
        },
    )
    assert response.status_code == 200
    shared_theirs.refresh_from_db()
    assert (shared_theirs.page_id, shared_theirs.description) == (
        pages["theirs"].pk,
        "Của Gio Linh",
    )

    # New words for our promotion move ours only; deleting ours leaves theirs.
    response = editor_a.post(
        url("edit", shared.pk),
        {
            "query_string": "so do",
            **picks_data(
                {"id": ours.pk, "page": pages["own"].pk, "description": "y"}, initial=1
            ),
        },
    )
    assert response.status_code == 302
    ours.refresh_from_db()
    shared_theirs.refresh_from_db()
    assert ours.query.query_string == "so do"
    assert shared_theirs.query_id == shared.pk
    assert editor_a.post(url("delete", ours.query_id)).status_code == 302
    assert not SearchPromotion.objects.filter(pk=ours.pk).exists()
    assert SearchPromotion.objects.filter(pk=shared_theirs.pk).exists()


def test_commune_editor_cannot_promote_a_page_of_another_commune(editor_a, pages):
    response = editor_a.post(
        url("add"),
        {"query_string": "dat dai", **picks_data({"page": pages["theirs"].pk})},
    )
    assert response.status_code == 200
    assert "Hãy chọn một trang của xã mà bạn quản lý." in response.content.decode()
    assert not SearchPromotion.objects.exists()
    response = editor_a.post(url("add"), {"query_string": "dat dai", **picks_data({})})
    assert response.status_code == 200
    assert not SearchPromotion.objects.exists()


def test_popular_search_terms_are_the_communes_own(editor_a, site, other_site):
    today = timezone.localdate()
    QueryCount.objects.create(site=site, day=today, query="bia do", searches=3)
    QueryCount.objects.create(site=other_site, day=today, query="bia xanh", searches=9)
    chooser = editor_a.get(url("chooser"))
    assert chooser.status_code == 200
    body = chooser.content.decode()
    assert "bia do" in body and "bia xanh" not in body
    found = editor_a.get(url("chooserresults") + "?q=BÌA").content.decode()
    assert "bia do" in found and "bia xanh" not in found


def test_writer_has_no_promotions_screens(client, site, pages):
    client.force_login(make_member(site, Role.WRITER, "phongvien"))
    for address in (url("index"), url("add"), url("chooser")):
        assert client.get(address).status_code in (302, 403), address


def test_superuser_sees_every_communes_promotions_with_the_commune(
    client, site, other_site, pages
):
    promote("lam so do", pages["own"])
    promote("lam so do", pages["theirs"])
    admin = get_user_model().objects.create_superuser("vanhanh", "v@example.vn", "x")
    client.force_login(admin)
    listing = client.get(url("index")).content.decode()
    for text in (
        "Đất đai Vĩnh Thủy",
        "Đất đai Gio Linh",
        "Xã Vĩnh Thủy",
        "Xã Gio Linh",
    ):
        assert text in listing, text
    edit = client.get(url("edit", Query.get("lam so do").pk)).content.decode()
    assert "Xã: Xã Gio Linh" in edit.replace("\n", " ") or "Xã Gio Linh" in edit


def test_public_search_shows_the_communes_own_promotion_only(client, site, pages):
    promote("lam so do", pages["own"], "Hồ sơ đất đai ở Vĩnh Thủy")
    promote("lam so do", pages["theirs"], "Hồ sơ đất đai ở Gio Linh")
    a = client.get(
        "/tim-kiem/", {"q": "Làm sổ đỏ"}, HTTP_HOST="vinhthuy.localhost"
    ).content.decode()
    assert "Kết quả được đề xuất" in a
    assert "Hồ sơ đất đai ở Vĩnh Thủy" in a and "Gio Linh" not in a
    b = client.get(
        "/tim-kiem/", {"q": "lam so do"}, HTTP_HOST="giolinh.localhost"
    ).content.decode()
    assert "Hồ sơ đất đai ở Gio Linh" in b and "Vĩnh Thủy" not in b


def test_a_new_promotion_shows_on_a_search_page_already_cached(
    client, editor_a, site, pages, django_capture_on_commit_callbacks
):
    from django.test import Client

    visitor = Client()
    first = visitor.get("/tim-kiem/", {"q": "so hong"}, HTTP_HOST="vinhthuy.localhost")
    assert "Kết quả được đề xuất" not in first.content.decode()
    cached = visitor.get("/tim-kiem/", {"q": "so hong"}, HTTP_HOST="vinhthuy.localhost")
    assert cached.get("ETag") == first.get("ETag")
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_a.post(
            url("add"),
            {
                "query_string": "so hong",
                **picks_data({"page": pages["own"].pk, "description": "Sổ hồng ở đây"}),
            },
        )
    assert response.status_code == 302
    again = visitor.get("/tim-kiem/", {"q": "so hong"}, HTTP_HOST="vinhthuy.localhost")
    assert "Sổ hồng ở đây" in again.content.decode()


def test_statistics_row_promotes_a_page_for_a_commune_editor(editor_a, site, pages):
    QueryCount.objects.create(
        site=site, day=timezone.localdate(), query="so do", searches=4, results=0
    )
    report = editor_a.get(reverse("congxa_search_queries")).content.decode()
    assert "Đề xuất một trang" in report
    form = editor_a.get(reverse("congxa_search_promote") + f"?q=so+do&site={site.pk}")
    assert form.status_code == 200
    response = editor_a.post(
        reverse("congxa_search_promote"), {"query": "so do", "page": pages["own"].pk}
    )
    assert response.status_code == 302
    assert SearchPromotion.objects.get().page_id == pages["own"].pk
    again = editor_a.post(
        reverse("congxa_search_promote"), {"query": "so do", "page": pages["own"].pk}
    )
    assert again.status_code == 200
    assert SearchPromotion.objects.count() == 1


def test_every_promotions_address_is_answered_by_the_scoped_views():
    resolver = get_resolver()
    names = [
        name
        for name in resolver.namespace_dict["wagtailsearchpromotions"][1].reverse_dict
        if isinstance(name, str) and not name.startswith("search_terms")
    ]
    assert {"index", "add", "edit", "delete", "chooser", "chooserresults"} <= set(names)
    for name in names:
        address = url(name, 1) if name in ("edit", "delete") else url(name)
        view = resolve(address).func
        module = getattr(view, "view_class", view).__module__
        assert module == promotions.__name__, (name, module)


def test_migration_gives_existing_boards_the_promotions_rights(site, pages):
    group = board_group(site=site, role=Role.EDITOR)
    writers = board_group(site=site, role=Role.WRITER)
    codenames = [f"{a}_searchpromotion" for a in promotions.PERMISSIONS]
    group.permissions.remove(*Permission.objects.filter(codename__in=codenames))
    migration = importlib.import_module(
        "congxa.search.migrations.0008_commune_promotion_rights"
    )
    migration.grant(django_apps, None)
    migration.grant(django_apps, None)  # twice: nothing added twice
    assert sorted(
        group.permissions.filter(codename__in=codenames).values_list(
            "codename", flat=True
        )
    ) == sorted(codenames)
    assert not writers.permissions.filter(codename__in=codenames).exists()


def test_site_history_shows_a_promotion_to_its_own_commune_only(editor_a, pages, site):
    from wagtail.log_actions import log

    from congxa.search.models import PromotionLogEntry

    log(promote("lam so do", pages["own"]), "wagtail.create")
    log(promote("lam so do", pages["theirs"]), "wagtail.create")
    assert set(PromotionLogEntry.objects.values_list("site__site_name", flat=True)) == {
        "Xã Vĩnh Thủy",
        "Xã Gio Linh",
    }
    history = editor_a.get(reverse("wagtailadmin_reports:site_history"))
    assert history.status_code == 200
    html = history.content.decode()
    assert "lam so do - Đất đai Vĩnh Thủy" in html
    assert "Gio Linh" not in html


def test_migration_moves_earlier_promotion_log_entries_to_their_commune(pages, site):
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ModelLogEntry

    from congxa.search.models import PromotionLogEntry

    pick = promote("lam so do", pages["theirs"])
    ModelLogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(SearchPromotion),
        object_id=str(pick.pk),
        label=str(pick),
        action="wagtail.create",
        timestamp=timezone.now(),
    )
    migration = importlib.import_module(
        "congxa.search.migrations.0009_promotion_log_entry"
    )
    migration.move_entries(django_apps, None)
    entry = PromotionLogEntry.objects.get()
    assert (entry.object_id, entry.site.site_name) == (str(pick.pk), "Xã Gio Linh")
    assert not ModelLogEntry.objects.filter(object_id=str(pick.pk)).exists()
