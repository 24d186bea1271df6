"""Public pages of the introduction section and the schedules."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from congxa.people.enums import ScheduleKind
from congxa.people.factories import (
    ContactPageFactory,
    EnglishIntroductionPageFactory,
    IntroductionPageFactory,
    OfficialFactory,
    OrganisationPageFactory,
    OrganisationUnitFactory,
    ScheduleEntryFactory,
)
from congxa.people.selectors import iso_week
from congxa.portal.factories import ImageFactory

pytestmark = pytest.mark.django_db


def html_of(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def this_monday() -> datetime.date:
    today = timezone.localdate()
    return today - datetime.timedelta(days=today.weekday())


# Introduction ---------------------------------------------------------------


def test_introduction_section_lists_its_pages(site_client, intro_index):
    IntroductionPageFactory(
        parent=intro_index,
        title="Lịch sử hình thành",
        slug="lich-su",
        lead="Xã được thành lập năm 2025.",
    )
    html = html_of(site_client.get("/gioi-thieu/"))
    assert "<title>Giới thiệu - Xã Vĩnh Thủy</title>" in html
    assert "Lịch sử hình thành" in html
    assert "Xã được thành lập năm 2025." in html


def test_introduction_page_shows_paragraphs_and_tables(site_client, intro_index):
    IntroductionPageFactory(
        parent=intro_index,
        title="Dân số",
        slug="dan-so",
        lead="Khoảng 20.000 nhân khẩu.",
        body=[
            ("paragraph", "<p>Dân cư sống tập trung ven sông Bến Hải.</p>"),
            (
                "table",
                {
                    "data": [["Thôn", "Nhân khẩu"], ["Linh Hải", "1.200"]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": "Dân số theo thôn",
                },
            ),
        ],
    )
    html = html_of(site_client.get("/gioi-thieu/dan-so/"))
    assert '<meta name="description" content="Khoảng 20.000 nhân khẩu.">' in html
    assert "Dân cư sống tập trung ven sông Bến Hải." in html
    assert "<caption>Dân số theo thôn</caption>" in html
    assert "Linh Hải" in html
    assert "style=" not in html
    # Only data (JSON-LD) and the one self-hosted script; nothing inline runs.
    for tag in re.findall(r"<script[^>]*>", html):
        assert 'type="application/ld+json"' in tag or 'src="/static/congxa/' in tag


def test_organisation_page_shows_leaders_units_and_information_contact(
    site_client, site, intro_index
):
    OrganisationPageFactory(parent=intro_index)
    ubnd = OrganisationUnitFactory(
        site=site, name="Ủy ban nhân dân xã", phone="0233 3826 123"
    )
    office = OrganisationUnitFactory(
        site=site, name="Văn phòng HĐND và UBND", parent=ubnd
    )
    OfficialFactory(
        site=site,
        name="Lê Thanh Hải",
        position="Phó Bí thư Thường trực Đảng ủy",
        is_leader=True,
        photo=ImageFactory(title="Chân dung"),
    )
    OfficialFactory(
        site=site,
        name="Nguyễn Thị Thu Hà",
        position="Chánh Văn phòng",
        unit=office,
        phone="0913 400 300",
        email="thuha@quangtri.gov.vn",
        is_information_contact=True,
    )
    html = html_of(site_client.get("/gioi-thieu/co-cau-to-chuc/"))
    assert "Lãnh đạo xã" in html
    assert "Lê Thanh Hải" in html
    assert "Phó Bí thư Thường trực Đảng ủy" in html
    assert 'alt="Lê Thanh Hải"' in html
    assert "Đầu mối cung cấp thông tin" in html
    assert "Nguyễn Thị Thu Hà" in html
    assert 'href="mailto:thuha@quangtri.gov.vn"' in html
    assert "Cơ cấu tổ chức" in html
    assert html.index("Ủy ban nhân dân xã") < html.index("Văn phòng HĐND và UBND")
    assert "unit--depth-1" in html


def test_organisation_page_costs_the_same_queries_for_many_officials(
    client, site, intro_index
):
    OrganisationPageFactory(parent=intro_index)
    unit = OrganisationUnitFactory(site=site)
    OfficialFactory(site=site, unit=unit, is_leader=True, photo=ImageFactory())
    url = "/gioi-thieu/co-cau-to-chuc/"
    # A session cookie keeps the page cache out of the way.
    client.cookies["sessionid"] = "anonymous"
    client.get(url, HTTP_HOST=site.hostname)  # renditions are made once
    with CaptureQueriesContext(connection) as few:
        client.get(url, HTTP_HOST=site.hostname)
    for _ in range(8):
        OfficialFactory(
            site=site,
            unit=OrganisationUnitFactory(site=site),
            is_leader=True,
            photo=ImageFactory(),
        )
    client.get(url, HTTP_HOST=site.hostname)
    with CaptureQueriesContext(connection) as many:
        client.get(url, HTTP_HOST=site.hostname)
    assert len(many) == len(few)


def test_contact_page_names_the_information_contact(site_client, site, intro_index):
    ContactPageFactory(parent=intro_index)
    OfficialFactory(
        site=site,
        name="Nguyễn Thị Thu Hà",
        position="Chánh Văn phòng HĐND và UBND xã",
        is_information_contact=True,
    )
    OfficialFactory(site=site, name="Trần Văn Minh", position="Bí thư Đảng ủy")
    html = html_of(site_client.get("/gioi-thieu/lien-he/"))
    assert "Đầu mối cung cấp thông tin" in html
    assert "Nguyễn Thị Thu Hà" in html
    assert "Trần Văn Minh" not in html


def test_english_page_is_marked_english(site_client, site, intro_index):
    EnglishIntroductionPageFactory(
        parent=intro_index,
        title="Vinh Thuy Commune: functions and contacts",
        body=[("paragraph", "<p>The Committee is the local state body.</p>")],
    )
    OfficialFactory(
        site=site,
        name="Nguyễn Đức Thắng",
        position="Chủ tịch UBND xã",
        position_en="Chairman of the People's Committee",
        is_leader=True,
    )
    html = html_of(site_client.get("/gioi-thieu/english/"))
    assert '<article class="article" lang="en">' in html
    assert "The Committee is the local state body." in html
    assert "Chairman of the People&#x27;s Committee" in html
    assert "Functions and contacts of Xã Vĩnh Thủy, in English." in html


# Work schedule ----------------------------------------------------------------


def test_week_view_shows_this_weeks_entries_in_vietnamese(
    site_client, site, schedule_page
):
    monday = this_monday()
    ScheduleEntryFactory(
        site=site,
        date=monday,
        start_time=datetime.time(7, 30),
        end_time=datetime.time(9, 0),
        content="Giao ban đầu tuần",
        chair="Đ/c Trần Văn Minh",
        participants="Thường trực Đảng ủy",
        location="Phòng họp Đảng ủy",
    )
    ScheduleEntryFactory(
        site=site, date=monday + datetime.timedelta(days=7), content="Tuần sau"
    )
    html = html_of(site_client.get("/lich-cong-tac/"))
    number = monday.isocalendar()[1]
    assert f"Tuần {number}, từ {monday.day}-{monday.month}-{monday.year}" in html
    assert f"Thứ Hai, ngày {monday.day} tháng {monday.month}" in html
    assert "Giao ban đầu tuần" in html
    assert "07:30" in html and "09:00" in html
    assert "Chủ trì" in html and "Đ/c Trần Văn Minh" in html
    assert "Thành phần" in html and "Địa điểm" in html
    assert "Tuần sau" not in html.split("schedule-days")[1]
    assert "Lịch công tác của Xã Vĩnh Thủy" in html


def test_today_is_highlighted(site_client, site, schedule_page):
    today = timezone.localdate()
    ScheduleEntryFactory(site=site, date=today, content="Việc hôm nay")
    html = html_of(site_client.get("/lich-cong-tac/"))
    assert html.count('aria-current="date"') == 1
    assert "schedule-day--today" in html
    assert "(hôm nay)" in html
    today_block = html.split('aria-current="date"')[1].split("</li>\n  <li")[0]
    assert "Việc hôm nay" in today_block


def test_week_parameter_opens_that_week_with_previous_and_next_links(
    site_client, site, schedule_page
):
    ScheduleEntryFactory(
        site=site, date=datetime.date(2026, 3, 4), content="Họp tháng Ba"
    )
    html = html_of(site_client.get("/lich-cong-tac/?week=2026-W10"))
    assert "Tuần 10, từ 2-3-2026 đến 8-3-2026" in html
    assert "Thứ Tư, ngày 4 tháng 3 năm 2026" in html
    assert "Họp tháng Ba" in html
    assert 'href="?week=2026-W09"' in html
    assert 'href="?week=2026-W11"' in html
    assert "Tuần này" in html
    assert 'aria-current="date"' not in html


def test_week_links_cross_the_year_boundary(site_client, schedule_page):
    html = html_of(site_client.get("/lich-cong-tac/?week=2026-W01"))
    assert "Tuần 1, từ 29-12-2025 đến 4-1-2026" in html
    assert 'href="?week=2025-W52"' in html
    assert 'href="?week=2026-W02"' in html


@pytest.mark.parametrize(
    "value",
    ["abc", "2026-W99", "2026-W00", "2025-W53", "99999-W01", "1900-W01", "", "W48"],
)
def test_bad_week_gives_the_current_week(site_client, schedule_page, value):
    html = html_of(site_client.get("/lich-cong-tac/", {"week": value}))
    monday = this_monday()
    assert f"từ {monday.day}-{monday.month}-{monday.year}" in html
    assert f'href="?week={iso_week(monday + datetime.timedelta(days=7))}"' in html


def test_weekend_shows_only_when_something_is_scheduled(
    site_client, site, schedule_page, django_capture_on_commit_callbacks
):
    html = html_of(site_client.get("/lich-cong-tac/?week=2026-W10"))
    assert "Chủ Nhật, ngày 8 tháng 3" not in html
    with django_capture_on_commit_callbacks(execute=True):
        ScheduleEntryFactory(
            site=site, date=datetime.date(2026, 3, 8), content="Ra quân"
        )
    html = html_of(site_client.get("/lich-cong-tac/?week=2026-W10"))
    assert "Chủ Nhật, ngày 8 tháng 3" in html


def test_reception_entries_are_marked_in_the_week(site_client, site, schedule_page):
    ScheduleEntryFactory(
        site=site,
        date=datetime.date(2026, 3, 5),
        kind=ScheduleKind.CITIZEN_RECEPTION,
        content="Tiếp công dân định kỳ",
    )
    html = html_of(site_client.get("/lich-cong-tac/?week=2026-W10"))
    assert "schedule-entry--reception" in html
    assert "Tiếp công dân định kỳ" in html


def test_schedule_page_expires_from_the_cache_at_midnight(
    site, schedule_page, rf, monkeypatch
):
    from congxa.people.models import WorkSchedulePage

    request = rf.get("/lich-cong-tac/", HTTP_HOST=site.hostname)
    page = WorkSchedulePage.objects.get(pk=schedule_page.pk)
    page.get_context(request)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    expires = timezone.localtime(request.page_cache_expires_at)
    assert (expires.date(), expires.time()) == (tomorrow, datetime.time(0, 0))


def test_new_schedule_entry_shows_on_the_cached_page(
    site_client, site, schedule_page, django_capture_on_commit_callbacks
):
    first = site_client.get("/lich-cong-tac/")
    assert first["X-Cache"] == "MISS"
    assert site_client.get("/lich-cong-tac/")["X-Cache"] == "HIT"
    with django_capture_on_commit_callbacks(execute=True):
        ScheduleEntryFactory(site=site, content="Họp đột xuất phòng chống lụt bão")
    again = site_client.get("/lich-cong-tac/")
    assert again["X-Cache"] == "MISS"
    assert "Họp đột xuất phòng chống lụt bão" in again.content.decode()


def test_schedule_week_costs_the_same_queries_for_many_entries(
    client, site, schedule_page
):
    client.cookies["sessionid"] = "anonymous"
    client.get("/lich-cong-tac/", HTTP_HOST=site.hostname)  # warm Wagtail's caches
    with CaptureQueriesContext(connection) as few:
        client.get("/lich-cong-tac/", HTTP_HOST=site.hostname)
    for day in range(5):
        for _ in range(4):
            ScheduleEntryFactory(
                site=site, date=this_monday() + datetime.timedelta(days=day)
            )
    with CaptureQueriesContext(connection) as many:
        client.get("/lich-cong-tac/", HTTP_HOST=site.hostname)
    assert len(many) == len(few)


def test_citizen_reception_page_lists_coming_and_recent_sessions(
    site_client, site, reception_page
):
    today = timezone.localdate()
    reception_page.intro = "<p>Chủ tịch UBND xã tiếp công dân vào thứ Năm.</p>"
    reception_page.save_revision().publish()
    ScheduleEntryFactory(
        site=site,
        kind=ScheduleKind.CITIZEN_RECEPTION,
        date=today + datetime.timedelta(days=3),
        content="Tiếp công dân định kỳ",
        chair="Đ/c Nguyễn Đức Thắng",
    )
    ScheduleEntryFactory(
        site=site,
        kind=ScheduleKind.CITIZEN_RECEPTION,
        date=today - datetime.timedelta(days=10),
        content="Buổi đã qua",
        location="Phòng tiếp công dân",
    )
    ScheduleEntryFactory(site=site, date=today, content="Họp giao ban")
    html = html_of(site_client.get("/lich-cong-tac/lich-tiep-cong-dan/"))
    assert "Chủ tịch UBND xã tiếp công dân vào thứ Năm." in html
    assert "Các buổi tiếp công dân sắp tới" in html
    assert "Tiếp công dân định kỳ" in html
    assert "Đ/c Nguyễn Đức Thắng" in html
    assert "Các buổi đã diễn ra gần đây" in html
    assert "Phòng tiếp công dân" in html
    assert "Họp giao ban" not in html


def test_citizen_reception_page_says_when_nothing_is_scheduled(
    site_client, reception_page
):
    html = html_of(site_client.get("/lich-cong-tac/lich-tiep-cong-dan/"))
    assert "Chưa có lịch tiếp công dân sắp tới." in html


def test_schedule_page_links_to_reception_page(site_client, reception_page):
    html = html_of(site_client.get("/lich-cong-tac/"))
    assert 'href="/lich-cong-tac/lich-tiep-cong-dan/"' in html


# Home page blocks -------------------------------------------------------------


def test_home_shows_todays_schedule_and_information_contact(
    site_client, site, schedule_page
):
    ScheduleEntryFactory(site=site, content="Tiếp đoàn kiểm tra của tỉnh")
    OfficialFactory(
        site=site,
        name="Nguyễn Thị Thu Hà",
        position="Chánh Văn phòng",
        is_information_contact=True,
    )
    html = html_of(site_client.get("/"))
    assert "Lịch công tác hôm nay" in html
    assert "Tiếp đoàn kiểm tra của tỉnh" in html
    assert "Đầu mối cung cấp thông tin" in html
    assert "Nguyễn Thị Thu Hà" in html


# Isolation --------------------------------------------------------------------


def test_commune_pages_never_show_another_communes_records(
    client, site, other_site, intro_index, schedule_page
):
    OrganisationPageFactory(parent=intro_index)
    OfficialFactory(site=other_site, name="Cán bộ Gio Linh", is_leader=True)
    OrganisationUnitFactory(site=other_site, name="Phòng của Gio Linh")
    ScheduleEntryFactory(site=other_site, content="Lịch của Gio Linh")
    ScheduleEntryFactory(site=site, content="Lịch của Vĩnh Thủy")
    organisation = html_of(
        client.get("/gioi-thieu/co-cau-to-chuc/", HTTP_HOST=site.hostname)
    )
    schedule = html_of(client.get("/lich-cong-tac/", HTTP_HOST=site.hostname))
    assert "Cán bộ Gio Linh" not in organisation
    assert "Phòng của Gio Linh" not in organisation
    assert "Lịch của Gio Linh" not in schedule
    assert "Lịch của Vĩnh Thủy" in schedule
