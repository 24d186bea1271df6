"""Editors manage units, officials and schedule entries in the admin, per commune."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from congxa.people.enums import ScheduleKind
from congxa.people.factories import (
    OfficialFactory,
    OrganisationUnitFactory,
    ScheduleEntryFactory,
)
from congxa.people.models import (
    IntroductionPage,
    Official,
    OrganisationUnit,
    ScheduleEntry,
    WorkSchedulePage,
)
from congxa.portal.factories import ImageFactory

from .conftest import commune_editor

pytestmark = pytest.mark.django_db


def url(model, view, *args):
    return reverse(f"wagtailsnippets_people_{model}:{view}", args=args)


def test_admin_creates_a_unit_and_an_official_with_every_field(admin_client, site):
    response = admin_client.post(
        url("organisationunit", "add"),
        {
            "site": site.pk,
            "name": "Văn phòng HĐND và UBND xã",
            "parent": "",
            "functions": "Tham mưu tổng hợp.",
            "address": "Thôn Linh Hải",
            "phone": "0233 3826 124",
            "email": "vanphong@quangtri.gov.vn",
            "sort_order": "10",
        },
    )
    assert response.status_code == 302
    unit = OrganisationUnit.objects.get()
    assert (unit.site, unit.phone) == (site, "0233 3826 124")

    photo = ImageFactory(title="Chân dung")
    response = admin_client.post(
        url("official", "add"),
        {
            "site": site.pk,
            "name": "Lê Thanh Hải",
            "position": "Phó Bí thư Thường trực Đảng ủy",
            "position_en": "Standing Deputy Party Secretary",
            "unit": unit.pk,
            "photo": photo.pk,
            "phone": "0913 400 300",
            "email": "lethanhhai@quangtri.gov.vn",
            "is_leader": "on",
            "is_information_contact": "on",
            "sort_order": "1",
        },
    )
    assert response.status_code == 302
    official = Official.objects.get()
    assert official.unit == unit
    assert official.photo == photo
    assert official.is_leader and official.is_information_contact


def test_admin_edits_an_official(admin_client, site):
    official = OfficialFactory(site=site, name="Lê Thanh Hải", position="Cán bộ")
    response = admin_client.get(url("official", "edit", official.pk))
    assert response.status_code == 200
    assert "Lê Thanh Hải" in response.content.decode()
    response = admin_client.post(
        url("official", "edit", official.pk),
        {
            "site": site.pk,
            "name": "Lê Thanh Hải",
            "position": "Phó Bí thư Thường trực Đảng ủy",
            "sort_order": "1",
        },
    )
    assert response.status_code == 302
    official.refresh_from_db()
    assert official.position == "Phó Bí thư Thường trực Đảng ủy"


def test_admin_creates_and_edits_a_schedule_entry(admin_client, site):
    response = admin_client.post(
        url("scheduleentry", "add"),
        {
            "site": site.pk,
            "kind": ScheduleKind.CITIZEN_RECEPTION,
            "date": "2026-11-26",
            "start_time": "07:30",
            "end_time": "11:00",
            "content": "Tiếp công dân định kỳ",
            "chair": "Đ/c Nguyễn Đức Thắng",
            "participants": "Văn phòng",
            "location": "Phòng tiếp công dân",
        },
    )
    assert response.status_code == 302
    entry = ScheduleEntry.objects.get()
    assert entry.kind == ScheduleKind.CITIZEN_RECEPTION
    assert str(entry.date) == "2026-11-26"
    response = admin_client.post(
        url("scheduleentry", "edit", entry.pk),
        {
            "site": site.pk,
            "kind": ScheduleKind.WORK,
            "date": "2026-11-27",
            "start_time": "08:00",
            "end_time": "",
            "content": "Họp giao ban",
        },
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.kind, str(entry.date), entry.end_time) == ("work", "2026-11-27", None)


def test_end_time_before_start_time_is_refused_in_vietnamese(admin_client, site):
    response = admin_client.post(
        url("scheduleentry", "add"),
        {
            "site": site.pk,
            "kind": "work",
            "date": "2026-11-26",
            "start_time": "14:00",
            "end_time": "08:00",
            "content": "Họp sai giờ",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Giờ kết thúc phải sau giờ bắt đầu." in html
    assert "Họp sai giờ" in html  # what was typed is kept
    assert not ScheduleEntry.objects.exists()


def test_a_unit_cannot_be_its_own_ancestor(admin_client, site):
    parent = OrganisationUnitFactory(site=site, name="UBND xã")
    child = OrganisationUnitFactory(site=site, name="Văn phòng", parent=parent)
    response = admin_client.post(
        url("organisationunit", "edit", parent.pk),
        {"site": site.pk, "name": "UBND xã", "parent": child.pk, "sort_order": "1"},
    )
    assert response.status_code == 200
    assert "Không thể đặt một đơn vị làm cấp dưới của chính nó." in (
        response.content.decode()
    )
    parent.refresh_from_db()
    assert parent.parent is None


def test_official_cannot_join_a_unit_of_another_commune(admin_client, site, other_site):
    foreign_unit = OrganisationUnitFactory(site=other_site)
    response = admin_client.post(
        url("official", "add"),
        {
            "site": site.pk,
            "name": "Trần Văn B",
            "position": "Chuyên viên",
            "unit": foreign_unit.pk,
            "sort_order": "1",
        },
    )
    assert response.status_code == 200
    assert "Đơn vị phải thuộc cùng một xã." in response.content.decode()
    assert not Official.objects.exists()


def test_admin_creates_an_introduction_page_with_a_table(admin_client, home):
    from congxa.people.factories import IntroductionIndexPageFactory

    index = IntroductionIndexPageFactory(parent=home)
    response = admin_client.post(
        reverse(
            "wagtailadmin_pages:add", args=("people", "introductionpage", index.pk)
        ),
        nested_form_data(
            {
                "title": "Vị trí địa lý",
                "slug": "vi-tri-dia-ly",
                "lead": "Nằm bên bờ Bắc sông Bến Hải.",
                "body": streamfield(
                    [("paragraph", rich_text("<p>Diện tích khoảng 72 km².</p>"))]
                ),
                "action-publish": "publish",
            }
        ),
    )
    assert response.status_code == 302
    page = IntroductionPage.objects.get(slug="vi-tri-dia-ly")
    assert page.live
    assert "72 km²" in str(page.body)


def test_admin_adds_the_work_schedule_page_under_the_home_page(admin_client, home):
    response = admin_client.post(
        reverse("wagtailadmin_pages:add", args=("people", "workschedulepage", home.pk)),
        nested_form_data(
            {
                "title": "Lịch công tác",
                "slug": "lich-cong-tac",
                "intro": rich_text("<p>Lịch tuần.</p>"),
                "action-publish": "publish",
            }
        ),
    )
    assert response.status_code == 302
    assert WorkSchedulePage.objects.get().live


def test_admin_menu_and_lists_are_in_vietnamese(admin_client, site):
    OfficialFactory(site=site, name="Lê Thanh Hải")
    html = admin_client.get(url("official", "list")).content.decode()
    assert "Lê Thanh Hải" in html
    assert "<title>Cán bộ" in html
    assert "Chức vụ" in html


# Isolation between communes -----------------------------------------------------


def test_commune_editor_lists_only_own_communes_records(client, site, other_site):
    client.force_login(commune_editor(site))
    OfficialFactory(site=site, name="Cán bộ Vĩnh Thủy")
    OfficialFactory(site=other_site, name="Cán bộ Gio Linh")
    ScheduleEntryFactory(site=site, content="Lịch Vĩnh Thủy")
    ScheduleEntryFactory(site=other_site, content="Lịch Gio Linh")
    OrganisationUnitFactory(site=other_site, name="Phòng Gio Linh")
    officials = client.get(url("official", "list")).content.decode()
    assert "Cán bộ Vĩnh Thủy" in officials
    assert "Cán bộ Gio Linh" not in officials
    schedule = client.get(url("scheduleentry", "list")).content.decode()
    assert "Lịch Vĩnh Thủy" in schedule
    assert "Lịch Gio Linh" not in schedule
    units = client.get(url("organisationunit", "list")).content.decode()
    assert "Phòng Gio Linh" not in units


def test_commune_editor_cannot_open_edit_or_delete_another_communes_official(
    client, site, other_site
):
    client.force_login(commune_editor(site))
    foreign = OfficialFactory(site=other_site, name="Cán bộ Gio Linh")
    assert client.get(url("official", "edit", foreign.pk)).status_code == 404
    response = client.post(
        url("official", "edit", foreign.pk),
        {"site": site.pk, "name": "Bị sửa", "position": "x", "sort_order": "1"},
    )
    assert response.status_code == 404
    assert client.post(url("official", "delete", foreign.pk)).status_code == 404
    foreign.refresh_from_db()
    assert foreign.name == "Cán bộ Gio Linh"


def test_commune_editor_cannot_save_a_record_for_another_commune(
    client, site, other_site
):
    client.force_login(commune_editor(site))
    form = client.get(url("scheduleentry", "add")).content.decode()
    assert "Xã Gio Linh" not in form
    response = client.post(
        url("scheduleentry", "add"),
        {
            "site": other_site.pk,
            "kind": "work",
            "date": "2026-11-26",
            "start_time": "07:30",
            "content": "Lịch cài sang xã khác",
        },
    )
    assert response.status_code == 200
    assert not ScheduleEntry.objects.exists()


def test_commune_editor_creates_and_edits_own_schedule(client, site):
    client.force_login(commune_editor(site))
    response = client.post(
        url("scheduleentry", "add"),
        {
            "site": site.pk,
            "kind": "work",
            "date": "2026-11-26",
            "start_time": "07:30",
            "content": "Giao ban",
        },
    )
    assert response.status_code == 302
    entry = ScheduleEntry.objects.get()
    assert entry.site == site
    assert client.get(url("scheduleentry", "edit", entry.pk)).status_code == 200


def test_unit_choices_offer_only_the_editors_commune(client, site, other_site):
    client.force_login(commune_editor(site))
    OrganisationUnitFactory(site=site, name="Phòng Kinh tế Vĩnh Thủy")
    OrganisationUnitFactory(site=other_site, name="Phòng Kinh tế Gio Linh")
    html = client.get(url("official", "add")).content.decode()
    assert "Phòng Kinh tế Vĩnh Thủy" in html
    assert "Phòng Kinh tế Gio Linh" not in html
