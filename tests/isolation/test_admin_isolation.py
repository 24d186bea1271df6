"""Nothing of another commune shows in a commune's admin, whatever the URL.

The matrix is generated from the URL configuration: every admin URL whose
parameters name a page, an image, a document, a site or a person is requested
by each role, once with commune A's object and once with commune B's, so a new
admin URL is covered as soon as it exists. The crawl opens every admin page
without parameters, and every one filled with the writer's own objects, and
fails if commune B's name appears.
"""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import URLPattern, URLResolver, get_resolver

from congxa.editorial.enums import Role
from congxa.news.factories import ArticlePageFactory
from congxa.portal.alerts import EmergencyAlert
from tests.editorial.conftest import make_member

OTHER_NAME = "Gio Linh"
ROLES = [Role.WRITER, Role.EDITOR, Role.APPROVER, Role.ADMIN, "province"]
# URLs that only act (POST) or stream files; the matrix still checks they do not
# answer another commune's object with a 200.
PARAM_RE = re.compile(r"<(?:(\w+):)?(\w+)>")


def _walk(resolvers, prefix="", namespace=""):
    for entry in resolvers:
        if isinstance(entry, URLResolver):
            ns = namespace
            if entry.namespace:
                ns = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), namespace, entry.name


def admin_routes():
    routes = []
    for route, namespace, name in _walk(get_resolver().url_patterns):
        if not route.startswith("admin/") or route.startswith("^"):
            continue
        if "(?P" in route or "\\" in route:
            continue
        routes.append((route, namespace, name))
    return sorted(set(routes))


def _fill(route: str, namespace: str, objects: dict) -> str | None:
    """The URL with every parameter filled from `objects`, or None."""

    def value(match):
        name = match.group(2)
        if name in ("app_name", "app_label") and namespace == "wagtailsettings":
            return "portal"
        if name == "model_name" and namespace == "wagtailsettings":
            return "communesettings"
        if namespace == "wagtailsettings" and name == "pk":
            return str(objects["site"])
        if name in ("page_id", "parent_page_id") or (
            name == "pk" and namespace == "wagtailadmin_pages"
        ):
            return str(objects["page"])
        if name in ("image_id",) or (name == "pk" and "wagtailimages" in namespace):
            return str(objects["image"])
        if name in ("document_id", "doc_id") or (
            name == "pk" and "wagtaildocs" in namespace
        ):
            return str(objects["document"])
        if name == "site_id":
            return str(objects["site"])
        if name == "user_id":
            return str(objects["user"])
        if name == "pk" and "emergencyalert" in namespace:
            return str(objects["alert"])
        if name == "query_id" and namespace == "wagtailsearchpromotions":
            return str(objects["query"])
        raise LookupError(name)

    try:
        return "/" + PARAM_RE.sub(value, route)
    except LookupError:
        return None


@pytest.fixture
def communes(site, other_site, board, other_board, section, other_section):
    own_user = make_member(site, Role.WRITER, "phongvien-a")
    other_user = make_member(other_site, Role.WRITER, "phongvien-b")
    other_user.first_name, other_user.last_name = "Linh", "Gio"
    other_user.save()
    from tests.editorial.conftest import tiny_jpeg

    Image = __import__("wagtail.images", fromlist=["x"]).get_image_model()
    own_image = Image.objects.create(
        title="Ảnh Vĩnh Thủy", file=tiny_jpeg(), collection=board.collection
    )
    other_image = Image.objects.create(
        title="Ảnh Gio Linh", file=tiny_jpeg(), collection=other_board.collection
    )
    Document = __import__("wagtail.documents", fromlist=["x"]).get_document_model()
    from django.core.files.base import ContentFile

    own_doc = Document.objects.create(
        title="Văn bản Vĩnh Thủy",
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="a.pdf"),
        collection=board.collection,
    )
    other_doc = Document.objects.create(
        title="Văn bản Gio Linh",
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="b.pdf"),
        collection=other_board.collection,
    )
    own_article = ArticlePageFactory(parent=section, title="Tin Vĩnh Thủy")
    other_article = ArticlePageFactory(parent=other_section, title="Tin Gio Linh")
    other_draft = ArticlePageFactory(
        parent=other_section, title="Bản nháp Gio Linh", live=False
    )
    from django.utils import timezone

    alerts = {}
    for key, commune in (("own", site), ("other", other_site)):
        alerts[key] = EmergencyAlert.objects.create(
            site=commune,
            title=f"Cảnh báo {commune.site_name}",
            message="Bão",
            starts_at=timezone.now(),
            ends_at=timezone.now() + timezone.timedelta(days=1),
        )
    # Search promotions: the same words promoted by both communes (commune A
    # opens them and must not see B's page), and words only B promoted.
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    shared = Query.get("lam giay to")
    SearchPromotion.objects.create(query=shared, page=own_article, sort_order=0)
    SearchPromotion.objects.create(query=shared, page=other_article, sort_order=1)
    theirs = Query.get("chi xa ben kia")
    SearchPromotion.objects.create(query=theirs, page=other_article, sort_order=0)
    return {
        "own": {
            "query": shared.pk,
            "site": site.pk,
            "page": own_article.pk,
            "image": own_image.pk,
            "document": own_doc.pk,
            "user": own_user.pk,
            "alert": alerts["own"].pk,
        },
        "other": {
            "query": theirs.pk,
            "site": other_site.pk,
            "page": other_article.pk,
            "image": other_image.pk,
            "document": other_doc.pk,
            "user": other_user.pk,
            "alert": alerts["other"].pk,
            "draft": other_draft.pk,
        },
    }


def person(site, role):
    if role == "province":
        user = get_user_model().objects.create_user(
            "tinh", password="mat-khau-dai-12345"
        )
        group = Group.objects.create(name="Quản trị cấp tỉnh")
        group.permissions.add(
            Permission.objects.get(codename="manage_communes"),
            Permission.objects.get(codename="access_admin"),
        )
        user.groups.add(group)
        return user
    return make_member(site, role, f"nguoi-{role}")


OK_FOR_OTHER = {403, 404, 405}


@pytest.mark.parametrize("role", ROLES)
def test_no_admin_url_opens_another_communes_object(client, site, communes, role):
    user = person(site, role)
    client.force_login(user)
    leaks = []
    checked = 0
    for route, namespace, name in admin_routes():
        if not PARAM_RE.search(route):
            continue
        other_url = _fill(route, namespace, communes["other"])
        if other_url is None:
            continue
        checked += 1
        response = client.get(other_url)
        if role == "province" and (name or "").startswith("province_"):
            # The province operator's own screens cover every commune.
            assert response.status_code in (200, 405), other_url
            continue
        if response.status_code in OK_FOR_OTHER:
            continue
        if response.status_code in (301, 302):
            # A redirect must not land on the other commune's object either.
            location = response["Location"]
            if str(communes["other"]["page"]) not in location:
                continue
        body = b"" if response.streaming else response.content
        if OTHER_NAME.encode() in body or response.status_code == 200:
            leaks.append(f"{namespace}:{name} {other_url} -> {response.status_code}")
    assert checked > 40
    assert leaks == []


def _crawl_urls(objects):
    for route, namespace, name in admin_routes():
        if "logout" in route or "failwhale" in route or "test404" in route:
            continue
        if PARAM_RE.search(route):
            url = _fill(route, namespace, objects)
            if url is None:
                continue
        else:
            url = "/" + route
        yield f"{namespace}:{name}", url


@pytest.mark.parametrize("role", [Role.WRITER, Role.ADMIN])
def test_admin_crawl_never_shows_the_other_communes_name(client, site, communes, role):
    user = person(site, role)
    client.force_login(user)
    seen = []
    crawled = 0
    for label, url in _crawl_urls(communes["own"]):
        response = client.get(url, follow=True)
        if response.status_code >= 500:
            seen.append(f"{label} {url} -> {response.status_code}")
            continue
        if response.streaming:
            continue
        crawled += 1
        if OTHER_NAME in response.content.decode("utf-8", "replace"):
            seen.append(f"{label} {url}")
    assert crawled > 80
    assert seen == [], seen


def test_page_chooser_does_not_browse_or_search_the_other_commune(
    client, site, communes
):
    writer = person(site, Role.WRITER)
    client.force_login(writer)
    root = client.get("/admin/choose-page/").content.decode()
    assert OTHER_NAME not in root
    search = client.get("/admin/choose-page/search/?q=Gio").content.decode()
    assert OTHER_NAME not in search
    other_section_id = communes["other"]["page"]
    assert client.get(f"/admin/choose-page/{other_section_id}/").status_code == 404


def test_settings_of_the_shared_admin_host_go_to_the_own_commune(
    client, site, other_site, communes
):
    admin = person(other_site, Role.ADMIN)  # commune B's administrator
    client.force_login(admin)
    response = client.get("/admin/settings/portal/communesettings/")
    assert response.status_code == 302
    assert response["Location"].endswith(f"/{other_site.pk}/")
    page = client.get(response["Location"]).content.decode()
    assert "vinhthuy.localhost" not in page
    from congxa.editorial.services import site_settings_models

    for model in site_settings_models():
        meta = model._meta
        own = f"/admin/settings/{meta.app_label}/{meta.model_name}/{other_site.pk}/"
        assert client.get(own).status_code == 200, meta.label
    other = f"/admin/settings/portal/communesettings/{site.pk}/"
    assert client.get(other).status_code == 403
