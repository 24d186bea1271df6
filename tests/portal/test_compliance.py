"""The compliance overview: each mandatory category present, empty or stale."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission

from congxa.news.factories import ArticlePageFactory, NewsIndexPageFactory
from congxa.people.factories import OfficialFactory, ScheduleEntryFactory
from congxa.portal import compliance
from congxa.portal.compliance import (
    ComplianceState,
    CustomCategory,
    Summary,
    compliance_overview,
    register_compliance_category,
    state_for,
)

pytestmark = pytest.mark.django_db

OVERVIEW_URL = "/admin/compliance/"


def statuses_of(site, overview) -> dict:
    return {
        s.name: s for found, statuses in overview if found == site for s in statuses
    }


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("quantri", "qt@example.com", "x")
    client.force_login(user)
    return client


def test_state_is_empty_present_or_stale():
    today = datetime.date(2026, 11, 26)
    assert state_for(Summary(0, None), 90, today) == ComplianceState.EMPTY
    recent = Summary(3, datetime.date(2026, 10, 1))
    assert state_for(recent, 90, today) == ComplianceState.PRESENT
    old = Summary(3, datetime.date(2026, 8, 1))
    assert state_for(old, 90, today) == ComplianceState.STALE
    assert state_for(old, 180, today) == ComplianceState.PRESENT


def test_news_category_reports_empty_present_and_stale(site, home, settings):
    settings.CONGXA_STALE_DAYS = 30
    statuses = statuses_of(site, compliance_overview([site]))
    assert statuses["news"].state == ComplianceState.EMPTY
    assert statuses["news"].count == 0
    # No news section yet: the link adds one under the home page.
    assert statuses["news"].add_url == reverse(
        "wagtailadmin_pages:add", args=("news", "newsindexpage", home.pk)
    )

    section = NewsIndexPageFactory(parent=home)
    ArticlePageFactory(
        parent=section, date=timezone.now() - datetime.timedelta(days=45)
    )
    news = statuses_of(site, compliance_overview([site]))["news"]
    assert news.state == ComplianceState.STALE
    assert news.stale_days == 30
    assert news.add_url == reverse(
        "wagtailadmin_pages:add", args=("news", "articlepage", section.pk)
    )

    ArticlePageFactory(parent=section, date=timezone.now())
    news = statuses_of(site, compliance_overview([site]))["news"]
    assert news.state == ComplianceState.PRESENT
    assert news.count == 2
    assert news.newest == timezone.localdate()


def test_people_categories_report_their_state(site):
    statuses = statuses_of(site, compliance_overview([site]))
    assert statuses["organisation"].state == ComplianceState.EMPTY
    assert statuses["work-schedule"].state == ComplianceState.EMPTY
    assert statuses["organisation"].add_url == reverse(
        "wagtailsnippets_people_official:add"
    )
    OfficialFactory(site=site)
    ScheduleEntryFactory(
        site=site, date=timezone.localdate() - datetime.timedelta(days=30)
    )
    statuses = statuses_of(site, compliance_overview([site]))
    assert statuses["organisation"].state == ComplianceState.PRESENT
    assert statuses["work-schedule"].state == ComplianceState.STALE
    ScheduleEntryFactory(site=site, date=timezone.localdate())
    statuses = statuses_of(site, compliance_overview([site]))
    assert statuses["work-schedule"].state == ComplianceState.PRESENT


def test_one_communes_content_does_not_count_for_another(site, other_site):
    section = NewsIndexPageFactory(parent=other_site.root_page)
    ArticlePageFactory(parent=section)
    OfficialFactory(site=other_site)
    overview = compliance_overview([site, other_site])
    assert statuses_of(site, overview)["news"].state == ComplianceState.EMPTY
    assert statuses_of(site, overview)["organisation"].state == ComplianceState.EMPTY
    assert statuses_of(other_site, overview)["news"].state == ComplianceState.PRESENT


def test_a_content_app_registers_its_own_category(site, monkeypatch):
    monkeypatch.setattr(compliance, "_categories", dict(compliance._categories))
    register_compliance_category(
        CustomCategory(
            name="questions",
            label="Hỏi đáp",
            order=60,
            summarise_fn=lambda sites: {
                s.pk: Summary(1, timezone.localdate()) for s in sites
            },
            add_urls_fn=lambda sites: {s.pk: "/admin/hoi-dap/them/" for s in sites},
        )
    )
    status = statuses_of(site, compliance_overview([site]))["questions"]
    assert status.state == ComplianceState.PRESENT
    assert status.add_url == "/admin/hoi-dap/them/"


def test_overview_page_shows_each_commune_in_vietnamese(admin_client, site, home):
    section = NewsIndexPageFactory(parent=home)
    ArticlePageFactory(parent=section, date=timezone.now())
    response = admin_client.get(OVERVIEW_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mức độ đầy đủ thông tin" in html
    assert "Xã Vĩnh Thủy" in html
    assert "Tin tức, thông báo" in html
    assert "Đã có" in html
    assert "Cơ cấu tổ chức, cán bộ" in html
    assert "Trống" in html
    assert "Thêm cán bộ" in html
    assert timezone.localdate().strftime("%-d-%-m-%Y") in html


def test_overview_shows_stale_with_its_number_of_days(admin_client, site):
    ScheduleEntryFactory(
        site=site, date=timezone.localdate() - datetime.timedelta(days=60)
    )
    html = admin_client.get(OVERVIEW_URL).content.decode()
    assert "Lâu chưa cập nhật" in html
    assert "không có nội dung mới trong 14 ngày" in html


def test_commune_editor_sees_only_own_commune(client, site, other_site):
    group = Group.objects.create(name="Biên tập Vĩnh Thủy")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group,
        page=site.root_page,
        permission=Permission.objects.get(codename="change_page"),
    )
    user = get_user_model().objects.create_user("bientap", "bt@example.com")
    user.groups.add(group)
    client.force_login(user)
    html = client.get(OVERVIEW_URL).content.decode()
    assert "Xã Vĩnh Thủy" in html
    assert "Xã Gio Linh" not in html


def test_user_without_commune_is_told_so(client, site):
    group = Group.objects.create(name="Chỉ vào quản trị")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = get_user_model().objects.create_user("khach", "k@example.com")
    user.groups.add(group)
    client.force_login(user)
    html = client.get(OVERVIEW_URL).content.decode()
    assert "Bạn chưa quản lý xã nào." in html
