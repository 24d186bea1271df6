from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from congxa.accounts.services import has_two_factor


def current_code(device: TOTPDevice) -> str:
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return f"{code:06d}"


def set_up(client) -> list[str]:
    client.get(reverse("accounts_two_factor_setup"))
    device = TOTPDevice.objects.get(confirmed=False)
    response = client.post(
        reverse("accounts_two_factor_setup"), {"token": current_code(device)}
    )
    return response.context["codes"]


def test_admin_without_second_factor_is_sent_to_setup(client, admin_user, require_2fa):
    client.force_login(admin_user)
    response = client.get(reverse("wagtailadmin_explore_root"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts_two_factor_setup"))


def test_setup_page_speaks_vietnamese_and_shows_qr(client, admin_user, require_2fa):
    client.force_login(admin_user)
    html = client.get(reverse("accounts_two_factor_setup")).content.decode()
    assert "Thiết lập xác thực hai bước" in html
    assert "<svg" in html
    assert "Không quét được" in html


def test_wrong_code_is_refused_in_vietnamese(client, admin_user, require_2fa):
    client.force_login(admin_user)
    client.get(reverse("accounts_two_factor_setup"))
    response = client.post(reverse("accounts_two_factor_setup"), {"token": "000000"})
    assert "Mã không đúng" in response.content.decode()
    assert not has_two_factor(admin_user)


def test_setup_turns_on_two_factor_and_gives_ten_recovery_codes(
    client, admin_user, require_2fa
):
    client.force_login(admin_user)
    codes = set_up(client)
    assert len(codes) == 10
    assert has_two_factor(admin_user)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert ModelLogEntry.objects.filter(
        action="congxa.two_factor_enabled", object_id=str(admin_user.pk)
    ).exists()


def test_next_login_asks_for_code_and_accepts_a_recovery_code_once(
    client, admin_user, require_2fa
):
    client.force_login(admin_user)
    codes = set_up(client)
    client.logout()
    client.force_login(admin_user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response["Location"].startswith(reverse("accounts_two_factor_verify"))
    page = client.get(reverse("accounts_two_factor_verify")).content.decode()
    assert "Nếu mất điện thoại" in page
    client.post(reverse("accounts_two_factor_verify"), {"token": codes[0]})
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert not StaticToken.objects.filter(token=codes[0]).exists()

    client.logout()
    client.force_login(admin_user)
    response = client.post(reverse("accounts_two_factor_verify"), {"token": codes[0]})
    assert "Mã không đúng hoặc đã được" in response.content.decode()


def test_totp_code_verifies_the_session(client, admin_user, require_2fa):
    client.force_login(admin_user)
    set_up(client)
    client.logout()
    client.force_login(admin_user)
    device = TOTPDevice.objects.get(user=admin_user)
    # The code used at setup cannot be replayed: move the device's counter back.
    device.last_t = -1
    device.save()
    response = client.post(
        reverse("accounts_two_factor_verify"), {"token": current_code(device)}
    )
    assert response.status_code == 302
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_verify_refuses_an_offsite_next(client, admin_user, require_2fa):
    client.force_login(admin_user)
    set_up(client)
    client.logout()
    client.force_login(admin_user)
    device = TOTPDevice.objects.get(user=admin_user)
    device.last_t = -1
    device.save()
    response = client.post(
        reverse("accounts_two_factor_verify") + "?next=https://evil.example/",
        {"token": current_code(device), "next": "https://evil.example/"},
    )
    assert "evil.example" not in response["Location"]


def test_public_pages_and_non_admin_users_are_not_affected(
    client, home, require_2fa, db
):
    from django.contrib.auth import get_user_model

    citizen = get_user_model().objects.create_user(username="dan", password="x" * 12)
    client.force_login(citizen)
    assert client.get("/", HTTP_HOST="vinhthuy.localhost").status_code == 200


def test_reset_two_factor_command_is_audited(admin_user, require_2fa, client):
    from django.core.management import call_command

    client.force_login(admin_user)
    set_up(client)
    call_command("reset_two_factor", "quantri")
    assert not has_two_factor(admin_user)
    assert ModelLogEntry.objects.filter(action="congxa.two_factor_reset").exists()
