from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from .conftest import PASSWORD

LOGIN = "/admin/login/"


def attempt(client, username, password, address="10.0.0.1"):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_account_locks_after_five_failures_even_with_right_password(admin_user):
    client = Client()
    for _ in range(5):
        attempt(client, "quantri", "sai-mat-khau")
    response = attempt(client, "quantri", PASSWORD)
    assert response.status_code == 429
    assert "Tạm khóa đăng nhập" in response.content.decode()


def test_lock_is_per_account_from_any_address(admin_user):
    client = Client()
    for n in range(5):
        attempt(client, "quantri", "sai", address=f"10.0.0.{n + 1}")
    response = attempt(client, "quantri", PASSWORD, address="10.9.9.9")
    assert response.status_code == 429


def test_lock_is_per_address_across_accounts(admin_user):
    client = Client()
    for n in range(5):
        attempt(client, f"khong-co-{n}", "sai", address="10.7.7.7")
    response = attempt(client, "quantri", PASSWORD, address="10.7.7.7")
    assert response.status_code == 429
    assert attempt(client, "quantri", PASSWORD, address="10.8.8.8").status_code == 302


def test_forwarded_for_header_does_not_dodge_the_address_lock(admin_user):
    client = Client()
    for n in range(5):
        client.post(
            LOGIN,
            {"username": f"x{n}", "password": "sai"},
            REMOTE_ADDR="10.6.6.6",
            HTTP_X_FORWARDED_FOR=f"1.2.3.{n}",
        )
    response = attempt(client, "quantri", PASSWORD, address="10.6.6.6")
    assert response.status_code == 429


def test_failed_logins_and_lockout_are_audited_with_address(admin_user):
    client = Client()
    for _ in range(5):
        attempt(client, "quantri", "sai", address="10.5.5.5")
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
