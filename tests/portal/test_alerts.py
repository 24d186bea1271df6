"""The emergency banner: above every page of its commune while active, never stale."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission

from congxa.people.factories import EmergencyAlertFactory
from congxa.portal import cache as page_cache
from congxa.portal.alerts import AlertLevel, EmergencyAlert, banner_state

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def visitor(client, site):
    client.defaults["HTTP_HOST"] = site.hostname
    return client


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("quantri", "qt@example.com", "x")
    client.force_login(user)
    return client


def alert_editor(site):
    group = Group.objects.create(name=f"Biên tập {site.hostname}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for action in ("add", "change", "delete", "view"):
        group.permissions.add(
            Permission.objects.get(codename=f"{action}_emergencyalert")
        )
    GroupPagePermission.objects.create(
        group=group,
        page=site.root_page,
        permission=Permission.objects.get(codename="change_page"),
    )
    user = get_user_model().objects.create_user("bientap", "bt@example.com")
    user.groups.add(group)
    return user


def test_active_alert_shows_above_the_header_on_every_page(visitor, site):
    EmergencyAlertFactory(
        site=site,
        title="Cảnh báo bão số 13",
        message="Bà con neo đậu tàu thuyền, gia cố nhà cửa.",
        level=AlertLevel.DANGER,
        link="https://vinhthuy.example/tin/bao-so-13",
    )
    html = visitor.get("/").content.decode()
    assert "Cảnh báo bão số 13" in html
    assert "Bà con neo đậu tàu thuyền, gia cố nhà cửa." in html
    assert "Khẩn cấp:" in html
    assert "emergency-alert--danger" in html
    assert 'href="https://vinhthuy.example/tin/bao-so-13"' in html
    assert "Xem chi tiết" in html
    assert html.index("Cảnh báo bão số 13") < html.index('class="site-header"')
    missing = visitor.get("/khong-co-trang-nay/")
    assert missing.status_code == 404
    assert "Cảnh báo bão số 13" in missing.content.decode()


def test_alert_is_hidden_before_its_start_and_after_its_end(visitor, site):
    now = timezone.now()
    EmergencyAlertFactory(
        site=site, title="Sắp tới", starts_at=now + HOUR, ends_at=now + 2 * HOUR
    )
    EmergencyAlertFactory(
        site=site, title="Đã qua", starts_at=now - 2 * HOUR, ends_at=now - HOUR
    )
    html = visitor.get("/").content.decode()
    assert "Sắp tới" not in html
    assert "Đã qua" not in html
    assert "emergency-alert" not in html


def test_alert_of_another_commune_is_not_shown(client, site, other_site):
    EmergencyAlertFactory(site=other_site, title="Cảnh báo của Gio Linh")
    html = client.get("/", HTTP_HOST=site.hostname).content.decode()
    assert "Cảnh báo của Gio Linh" not in html
    other = client.get("/", HTTP_HOST=other_site.hostname).content.decode()
    assert "Cảnh báo của Gio Linh" in other


def test_saving_or_deleting_an_alert_refreshes_the_cached_pages(
    visitor, site, django_capture_on_commit_callbacks
):
    assert visitor.get("/")["X-Cache"] == "MISS"
    assert visitor.get("/")["X-Cache"] == "HIT"
    with django_capture_on_commit_callbacks(execute=True):
        alert = EmergencyAlertFactory(site=site, title="Cảnh báo lũ quét")
    response = visitor.get("/")
    assert response["X-Cache"] == "MISS"
    assert "Cảnh báo lũ quét" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        alert.delete()
    assert "Cảnh báo lũ quét" not in visitor.get("/").content.decode()


def test_cached_page_expires_when_the_next_alert_starts_or_ends(
    visitor, site, monkeypatch
):
    now = timezone.now()
    EmergencyAlertFactory(
        site=site,
        title="Đang hiệu lực",
        starts_at=now - HOUR,
        ends_at=now + datetime.timedelta(minutes=30),
    )
    EmergencyAlertFactory(
        site=site,
        title="Bắt đầu sau 10 phút",
        starts_at=now + datetime.timedelta(minutes=10),
        ends_at=now + 3 * HOUR,
    )
    timeouts = []
    real_set = page_cache.cache.set

    def recording_set(key, value, timeout=None, **kwargs):
        if key.startswith("congxa:page:"):
            timeouts.append(timeout)
        return real_set(key, value, timeout=timeout, **kwargs)

    monkeypatch.setattr(page_cache.cache, "set", recording_set)
    assert visitor.get("/")["X-Cache"] == "MISS"
    assert len(timeouts) == 1
    assert 0 < timeouts[0] <= 10 * 60


def test_banner_state_names_the_next_transition(site):
    now = timezone.now()
    ending = EmergencyAlertFactory(site=site, starts_at=now - HOUR, ends_at=now + HOUR)
    EmergencyAlertFactory(site=site, starts_at=now + 2 * HOUR, ends_at=now + 3 * HOUR)
    active, next_transition = banner_state(site, now)
    assert active == [ending]
    assert next_transition == ending.ends_at


def test_tag_without_alerts_renders_nothing(rf, site):
    request = rf.get("/", HTTP_HOST=site.hostname)
    html = Template("{% load portal_alerts %}{% emergency_alerts %}").render(
        Context({"request": request})
    )
    assert html.strip() == ""
    assert getattr(request, "page_cache_expires_at", None) is None


# Admin ----------------------------------------------------------------------


def test_admin_creates_and_edits_an_alert(admin_client, site):
    response = admin_client.post(
        reverse("wagtailsnippets_portal_emergencyalert:add"),
        {
            "site": site.pk,
            "title": "Cảnh báo bão số 13",
            "message": "Bà con không ra khơi.",
            "level": "danger",
            "starts_at": "2026-11-26 08:00",
            "ends_at": "2026-11-28 18:00",
            "link": "",
        },
    )
    assert response.status_code == 302
    alert = EmergencyAlert.objects.get()
    assert alert.level == AlertLevel.DANGER
    response = admin_client.post(
        reverse("wagtailsnippets_portal_emergencyalert:edit", args=(alert.pk,)),
        {
            "site": site.pk,
            "title": "Cảnh báo bão số 13 (cập nhật)",
            "message": "Bão đã suy yếu.",
            "level": "warning",
            "starts_at": "2026-11-26 08:00",
            "ends_at": "2026-11-27 12:00",
            "link": "",
        },
    )
    assert response.status_code == 302
    alert.refresh_from_db()
    assert (alert.title, alert.level) == ("Cảnh báo bão số 13 (cập nhật)", "warning")


def test_alert_ending_before_it_starts_is_refused_in_vietnamese(admin_client, site):
    response = admin_client.post(
        reverse("wagtailsnippets_portal_emergencyalert:add"),
        {
            "site": site.pk,
            "title": "Sai thời gian",
            "message": "x",
            "level": "warning",
            "starts_at": "2026-11-26 08:00",
            "ends_at": "2026-11-25 08:00",
        },
    )
    assert response.status_code == 200
    assert "Thời điểm kết thúc phải sau thời điểm bắt đầu." in (
        response.content.decode()
    )
    assert not EmergencyAlert.objects.exists()


def test_commune_editor_sees_and_edits_only_own_alerts(client, site, other_site):
    client.force_login(alert_editor(site))
    own = EmergencyAlertFactory(site=site, title="Cảnh báo Vĩnh Thủy")
    foreign = EmergencyAlertFactory(site=other_site, title="Cảnh báo Gio Linh")
    listing = client.get(
        reverse("wagtailsnippets_portal_emergencyalert:list")
    ).content.decode()
    assert "Cảnh báo Vĩnh Thủy" in listing
    assert "Cảnh báo Gio Linh" not in listing
    edit = reverse("wagtailsnippets_portal_emergencyalert:edit", args=(own.pk,))
    assert client.get(edit).status_code == 200
    foreign_edit = reverse(
        "wagtailsnippets_portal_emergencyalert:edit", args=(foreign.pk,)
    )
    assert client.get(foreign_edit).status_code == 404
    foreign_delete = reverse(
        "wagtailsnippets_portal_emergencyalert:delete", args=(foreign.pk,)
    )
    assert client.post(foreign_delete).status_code == 404
    assert EmergencyAlert.objects.filter(pk=foreign.pk).exists()
