"""The demo commune's introduction, organisation, schedules and calm banner."""

import datetime

import pytest
from django.utils import timezone

from congxa.people import demo
from congxa.people.models import (
    CitizenReceptionPage,
    IntroductionIndexPage,
    IntroductionPage,
    Official,
    OrganisationUnit,
    ScheduleEntry,
    WorkSchedulePage,
)
from congxa.portal.alerts import EmergencyAlert

pytestmark = pytest.mark.django_db


def test_demo_fills_every_people_section_and_is_idempotent(site, home):
    first = demo.seed(home_page=home, site=site)
    assert first["people"] == len(demo.UNITS) + len(demo.OFFICIALS)
    second = demo.seed(home_page=home, site=site)
    assert second == {"pages": 2, "people": 0, "schedule": 0, "alerts": 0}

    index = IntroductionIndexPage.objects.get(slug="gioi-thieu")
    assert index.show_in_menus and index.get_parent().pk == home.pk
    assert IntroductionPage.objects.child_of(index).count() == 4
    schedule = WorkSchedulePage.objects.get(slug="lich-cong-tac")
    assert schedule.show_in_menus
    assert CitizenReceptionPage.objects.child_of(schedule).exists()
    assert OrganisationUnit.objects.for_site(site).count() == 9
    hai = Official.objects.get(name="Lê Thanh Hải")
    assert hai.position == "Phó Bí thư Thường trực Đảng ủy"
    assert hai.photo is not None
    assert Official.objects.filter(is_information_contact=True).count() == 1


def test_demo_schedule_fills_this_week_and_next(site, home):
    demo.seed(home_page=home, site=site)
    today = timezone.localdate()
    monday = today - datetime.timedelta(days=today.weekday())
    entries = ScheduleEntry.objects.for_site(site)
    assert entries.filter(date__range=(monday, monday + datetime.timedelta(6))).count()
    next_monday = monday + datetime.timedelta(days=7)
    assert entries.filter(
        date__range=(next_monday, next_monday + datetime.timedelta(6))
    ).exists()
    assert entries.filter(kind="reception", date__gte=today).exists()


def test_demo_alert_has_ended_so_the_home_page_is_calm(client, site, home):
    demo.seed(home_page=home, site=site)
    alert = EmergencyAlert.objects.for_site(site).get()
    assert not alert.is_active()
    html = client.get("/", HTTP_HOST=site.hostname).content.decode()
    assert "emergency-alert" not in html
    assert "Giới thiệu" in html
    assert "Lịch công tác" in html


def test_demo_pages_render(client, site, home):
    demo.seed(home_page=home, site=site)
    for path in (
        "/gioi-thieu/",
        "/gioi-thieu/lich-su-hinh-thanh/",
        "/gioi-thieu/vi-tri-dia-ly/",
        "/gioi-thieu/co-cau-to-chuc/",
        "/gioi-thieu/lien-he/",
        "/gioi-thieu/english/",
        "/lich-cong-tac/",
        "/lich-cong-tac/lich-tiep-cong-dan/",
    ):
        response = client.get(path, HTTP_HOST=site.hostname)
        assert response.status_code == 200, path
    html = client.get("/gioi-thieu/co-cau-to-chuc/", HTTP_HOST=site.hostname)
    assert "Lê Thanh Hải" in html.content.decode()
