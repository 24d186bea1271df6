"""Lockout per (user name, address), a growing delay across addresses, and the
locked logins screen: an outsider cannot lock the officials out."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from congxa.accounts.lockout import delay_for, login_wait_seconds
from congxa.editorial.enums import Role
from congxa.editorial.services import commune_roles_setup, editor_add

from .conftest import PASSWORD
from .test_two_factor import current_code

LOGIN = "/admin/login/"
SCREEN = "/admin/dang-nhap-bi-khoa/"


def attempt(client, username, password, address="10.0.0.1", **extra):
    return client.post(
        LOGIN,
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        **extra,
    )


def fail_from_many_addresses(username, count, prefix="203.0.113"):
    client = Client()
    for n in range(count):
        attempt(client, username, "sai-mat-khau", address=f"{prefix}.{n + 1}")


def age_attempts(seconds):
    """Move every recorded failure `seconds` into the past."""
    for row in AccessAttempt.objects.all():
        row.attempt_time -= timedelta(seconds=seconds)
        row.save(update_fields=["attempt_time"])


def test_five_failures_lock_the_account_from_that_address_only(admin_user):
    client = Client()
    for _ in range(5):
        attempt(client, "quantri", "sai-mat-khau")
        age_attempts(120)  # no delay in the way: the lock itself is tested
    response = attempt(client, "quantri", PASSWORD)
    assert response.status_code == 429
    assert "Tạm khóa đăng nhập" in response.content.decode()
    assert attempt(Client(), "quantri", PASSWORD, address="10.9.9.9").status_code == (
        302
    )


def test_failures_from_many_addresses_never_lock_the_official_out(admin_user):
    fail_from_many_addresses("quantri", 50)
    response = attempt(Client(), "quantri", PASSWORD, address="198.51.100.7")
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_right_password_and_second_factor_get_in_during_an_attack(
    admin_user, require_2fa
):
    device = TOTPDevice.objects.create(user=admin_user, name="authenticator")
    fail_from_many_addresses("quantri", 30)
    client = Client()
    assert attempt(client, "quantri", PASSWORD, address="198.51.100.8").status_code == (
        302
    )
    verify = reverse("accounts_two_factor_verify")
    assert client.get(reverse("wagtailadmin_home"))["Location"].startswith(verify)
    response = client.post(verify, {"token": current_code(device)})
    assert response.status_code == 302
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_an_address_that_failed_waits_a_growing_delay(admin_user):
    fail_from_many_addresses("quantri", 10)
    client = Client()
    response = attempt(client, "quantri", PASSWORD, address="203.0.113.1")
    assert response.status_code == 429
    assert "Vui lòng chờ" in response.content.decode()
    assert 0 < int(response["Retry-After"]) <= 60
    # Once the delay has run out the same address may try, and gets in.
    age_attempts(int(response["Retry-After"]) + 1)
    assert attempt(client, "quantri", PASSWORD, address="203.0.113.1").status_code == (
        302
    )


def test_delay_grows_then_stops_growing(settings):
    settings.CONGXA_LOGIN_FREE_FAILURES = 2
    settings.CONGXA_LOGIN_MAX_DELAY_SECONDS = 60
    assert [delay_for(n) for n in range(1, 10)] == [0, 0, 1, 2, 4, 8, 16, 32, 60]


def test_a_clean_address_is_never_delayed(admin_user):
    fail_from_many_addresses("quantri", 40)
    assert login_wait_seconds("quantri", "198.51.100.9") == 0
    assert login_wait_seconds("quantri", "203.0.113.3") > 0


def test_spraying_many_names_from_one_address_slows_that_address(admin_user):
    client = Client()
    for n in range(6):
        attempt(client, f"khong-co-{n}", "sai", address="10.7.7.7")
    response = attempt(client, "quantri", PASSWORD, address="10.7.7.7")
    assert response.status_code == 429
    assert attempt(client, "quantri", PASSWORD, address="10.8.8.8").status_code == 302


def test_delayed_attempt_does_not_check_the_password(admin_user):
    fail_from_many_addresses("quantri", 10)
    wrong = attempt(Client(), "quantri", "sai", address="203.0.113.2")
    right = attempt(Client(), "quantri", PASSWORD, address="203.0.113.2")
    assert wrong.status_code == right.status_code == 429
    assert wrong.content == right.content


def test_forwarded_for_header_does_not_dodge_the_lock(admin_user):
    client = Client()
    for n in range(5):
        attempt(
            client,
            "quantri",
            "sai",
            address="10.6.6.6",
            HTTP_X_FORWARDED_FOR=(f"1.2.3.{n}"),
        )
        age_attempts(120)
    response = attempt(client, "quantri", PASSWORD, address="10.6.6.6")
    assert response.status_code == 429


def test_failed_logins_and_lockout_are_audited_with_address(admin_user):
    client = Client()
    for _ in range(5):
        attempt(client, "quantri", "sai", address="10.5.5.5")
        age_attempts(120)
    failed = ModelLogEntry.objects.filter(action="congxa.login_failed")
    assert failed.count() >= 4
    assert failed.first().data["address"] == "10.5.5.5"
    assert ModelLogEntry.objects.filter(action="congxa.locked_out").exists()


def test_unlock_command_lets_the_user_in_and_is_audited(admin_user, capsys):
    client = Client()
    for _ in range(5):
        attempt(client, "quantri", "sai")
    call_command("unlock_account", "quantri", address="10.0.0.1")
    assert "Đã mở khóa" in capsys.readouterr().out
    assert attempt(client, "quantri", PASSWORD).status_code == 302
    assert ModelLogEntry.objects.filter(
        action="congxa.unlocked", object_id=str(admin_user.pk)
    ).exists()


def test_successful_login_is_audited(admin_user):
    client = Client()
    assert attempt(client, "quantri", PASSWORD).status_code == 302
    entry = ModelLogEntry.objects.get(action="congxa.login")
    assert entry.data["address"] == "10.0.0.1"


def test_client_login_without_request_still_works_in_code(admin_user):
    client = Client()
    assert client.login(username="quantri", password=PASSWORD)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


# The locked logins screen.


def member(site, role, username):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.vn", password=PASSWORD
    )
    editor_add(user=user, site=site, role=role)
    return user


def lock(username, address):
    client = Client()
    for _ in range(5):
        attempt(client, username, "sai", address=address)
        age_attempts(120)


@pytest.fixture
def communes(site, other_site):
    commune_roles_setup(site=site)
    commune_roles_setup(site=other_site)
    return {
        "admin_a": member(site, Role.ADMIN, "quantri-a"),
        "writer_a": member(site, Role.WRITER, "phongvien-a"),
        "writer_b": member(other_site, Role.WRITER, "phongvien-b"),
    }


def test_commune_administrator_sees_only_their_communes_locked_people(communes):
    lock("phongvien-a", "10.1.1.1")
    lock("phongvien-b", "10.2.2.2")
    lock("khong-ai-ca", "10.3.3.3")
    client = Client()
    client.force_login(communes["admin_a"])
    html = client.get(SCREEN).content.decode()
    assert "Đăng nhập bị khóa" in html
    assert "phongvien-a" in html
    assert "10.1.1.1" in html
    assert "phongvien-b" not in html
    assert "khong-ai-ca" not in html


def test_commune_administrator_unlocks_and_it_is_audited(communes):
    lock("phongvien-a", "10.1.1.1")
    client = Client()
    client.force_login(communes["admin_a"])
    response = client.post(SCREEN, {"username": "phongvien-a", "address": "10.1.1.1"})
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username="phongvien-a").exists()
    entry = ModelLogEntry.objects.get(
        action="congxa.unlocked", object_id=str(communes["writer_a"].pk)
    )
    assert entry.user_id == communes["admin_a"].pk
    assert entry.data["unlocked_address"] == "10.1.1.1"
    assert attempt(
        Client(), "phongvien-a", PASSWORD, address="10.1.1.1"
    ).status_code == (302)


def test_commune_administrator_cannot_unlock_another_communes_person(communes):
    lock("phongvien-b", "10.2.2.2")
    client = Client()
    client.force_login(communes["admin_a"])
    response = client.post(SCREEN, {"username": "phongvien-b", "address": "10.2.2.2"})
    # Wagtail turns PermissionDenied in the admin into a redirect home.
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert AccessAttempt.objects.filter(username="phongvien-b").exists()


def test_writer_cannot_open_the_screen(communes):
    client = Client()
    client.force_login(communes["writer_a"])
    response = client.get(SCREEN)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_superuser_sees_every_locked_login(communes, admin_user):
    lock("phongvien-b", "10.2.2.2")
    lock("khong-ai-ca", "10.3.3.3")
    client = Client()
    client.force_login(admin_user)
    html = client.get(SCREEN).content.decode()
    assert "phongvien-b" in html
    assert "khong-ai-ca" in html
    assert "Không có tài khoản này" in html


def test_province_operator_sees_and_unlocks_every_communes_people(communes):
    from django.contrib.auth.models import Permission

    operator = get_user_model().objects.create_user("tinh", password=PASSWORD)
    operator.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="portal", codename="manage_communes"
        ),
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        ),
    )
    lock("phongvien-a", "10.1.1.1")
    lock("phongvien-b", "10.2.2.2")
    client = Client()
    client.force_login(operator)
    html = client.get(SCREEN).content.decode()
    assert "phongvien-a" in html
    assert "phongvien-b" in html
    response = client.post(SCREEN, {"username": "phongvien-b", "address": "10.2.2.2"})
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username="phongvien-b").exists()
