"""The province operator sees every commune; commune people never see the view."""

from io import BytesIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry, Site

from congxa.editorial.enums import Role
from congxa.editorial.services import commune_roles_setup
from congxa.news.factories import ArticlePageFactory, NewsIndexPageFactory
from congxa.portal.communes import CommuneSpec, commune_create
from congxa.province.services import operator_add
from tests.editorial.conftest import make_member


@pytest.fixture
def operator(db):
    user = get_user_model().objects.create_user("tinh", password="mat-khau-dai-12345")
    operator_add(user=user)
    return user


@pytest.fixture
def province(db):
    a = commune_create(CommuneSpec(host="xa-a.vn", name="Xã An Phú")).site
    b = commune_create(CommuneSpec(host="xa-b.vn", name="Phường Bình Minh")).site
    return a, b


def test_operator_sees_every_commune(client, operator, province):
    client.force_login(operator)
    html = client.get(reverse("province_overview")).content.decode()
    assert "Quản trị cấp tỉnh" in html
    assert "Xã An Phú" in html and "Phường Bình Minh" in html
    assert "Mục bắt buộc còn trống" in html or "Trống" in html


def test_sort_and_filter(client, operator, province):
    a, b = province
    section = NewsIndexPageFactory(parent=a.root_page, title="Tin An Phú")
    ArticlePageFactory(parent=section, title="Tin mới")
    client.force_login(operator)
    url = reverse("province_overview")
    html = client.get(url, {"sap-xep": "-name"}).content.decode()
    assert html.index("Xã An Phú") < html.index("Phường Bình Minh")
    html = client.get(url, {"q": "binh minh"}).content.decode()
    assert "Phường Bình Minh" in html and "Xã An Phú" not in html
    call_command("commune", "disable", "xa-b.vn", stdout=None)
    html = client.get(url, {"loc": "disabled"}).content.decode()
    assert "Phường Bình Minh" in html and "Xã An Phú" not in html


def test_xlsx_export(client, operator, province):
    client.force_login(operator)
    response = client.get(reverse("province_overview"), {"xuat": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Xã, phường"
    assert {row[1] for row in rows[1:]} == {"xa-a.vn", "xa-b.vn"}


@pytest.mark.parametrize("role", [Role.WRITER, Role.ADMIN])
def test_commune_people_never_see_the_province_view(client, province, role):
    a, _b = province
    user = make_member(a, role, f"nguoi-{role}")
    client.force_login(user)
    for name in ("province_overview", "province_commune_add"):
        response = client.get(reverse(name))
        # Wagtail answers the refusal with a redirect to the dashboard.
        assert response.status_code in (302, 403)
        assert response.status_code == 403 or response["Location"] == "/admin/"
    assert "Quản trị cấp tỉnh" not in client.get("/admin/").content.decode()


def test_operator_adds_a_commune_and_its_first_administrator(client, operator):
    client.force_login(operator)
    response = client.post(
        reverse("province_commune_add"),
        {"name": "Xã Cam Lộ", "kind": "xa", "host": "camlo.vn", "aliases": ""},
    )
    site = Site.objects.get(hostname="camlo.vn")
    assert response["Location"] == reverse("province_administrator", args=[site.pk])
    assert ModelLogEntry.objects.filter(action="congxa.commune_created").exists()
    url = reverse("province_administrator", args=[site.pk])
    typo = client.post(url, {"username": "quantri-cl"})
    assert "Không có tài khoản “quantri-cl”" in typo.content.decode()
    response = client.post(
        url,
        {"username": "quantri-cl", "full_name": "Lê Văn Hải", "create": "on"},
        follow=True,
    )
    assert "Đã tạo tài khoản quantri-cl" in response.content.decode()
    admin = get_user_model().objects.get(username="quantri-cl")
    assert admin.get_full_name() == "Lê Văn Hải"
    board = site.editorial_board
    assert board.roles.get(role=Role.ADMIN).group.user_set.filter(pk=admin.pk).exists()


def test_bad_host_in_the_form_is_refused_in_vietnamese(client, operator, province):
    client.force_login(operator)
    response = client.post(
        reverse("province_commune_add"),
        {"name": "Xã C", "kind": "xa", "host": "xa-a.vn"},
    )
    assert response.status_code == 200
    assert "đã được dùng cho Xã An Phú" in response.content.decode()


def test_operator_unlocks_and_resets_two_factor_with_an_audit_entry(
    client, operator, province
):
    a, _b = province
    writer = make_member(a, Role.WRITER, "phongvien")
    client.force_login(operator)
    detail = client.get(reverse("province_commune", args=[a.pk])).content.decode()
    assert "phongvien" in detail
    client.post(reverse("province_unlock", args=[a.pk, writer.pk]))
    client.post(reverse("province_two_factor_reset", args=[a.pk, writer.pk]))
    actions = set(
        ModelLogEntry.objects.filter(
            object_id=str(writer.pk), user=operator
        ).values_list("action", flat=True)
    )
    assert {"congxa.unlocked", "congxa.two_factor_reset"} <= actions


def test_operator_cannot_edit_content_unless_on_the_board(client, operator, province):
    a, _b = province
    section = NewsIndexPageFactory(parent=a.root_page, title="Tin An Phú")
    article = ArticlePageFactory(parent=section, title="Tin mới")
    client.force_login(operator)
    edit = reverse("wagtailadmin_pages:edit", args=[article.pk])
    assert client.get(edit).status_code in (302, 403, 404)
    commune_roles_setup(site=a)
    from congxa.editorial.services import editor_add

    editor_add(user=operator, site=a, role=Role.EDITOR)
    operator = get_user_model().objects.get(pk=operator.pk)
    client.force_login(operator)
    assert client.get(edit).status_code == 200


def test_add_province_operator_command(db):
    from io import StringIO

    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Không có tài khoản “tinh2”"):
        call_command("add_province_operator", "tinh2")
    out = StringIO()
    call_command("add_province_operator", "tinh2", create=True, stdout=out)
    assert "Quản trị cấp tỉnh" in out.getvalue()
    user = get_user_model().objects.get(username="tinh2")
    assert user.has_perm("portal.manage_communes")
    assert not user.is_superuser
