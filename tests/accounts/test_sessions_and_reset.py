import time

from django.core import mail
from django.urls import reverse

from congxa.accounts.middleware import SessionIdleTimeoutMiddleware


def test_idle_admin_session_is_logged_out(client, admin_user, settings):
    settings.CONGXA_SESSION_IDLE_SECONDS = 60
    client.force_login(admin_user)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    session = client.session
    session[SessionIdleTimeoutMiddleware.KEY] = int(time.time()) - 3600
    session.save()
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert client.get(reverse("wagtailadmin_home")).status_code == 302


def test_session_ends_with_the_browser_and_within_hours(settings):
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert settings.SESSION_COOKIE_AGE <= 8 * 3600
    assert settings.SESSION_COOKIE_HTTPONLY is True


def test_password_reset_answers_the_same_for_unknown_and_known_emails(
    client, admin_user
):
    url = reverse("wagtailadmin_password_reset")
    known = client.post(url, {"email": "quantri@vinhthuy.gov.vn"})
    unknown = client.post(url, {"email": "khong-ton-tai@vinhthuy.gov.vn"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert len(mail.outbox) == 1
    done_known = client.get(known["Location"]).content.decode()
    assert "khong-ton-tai" not in done_known


def test_weak_passwords_are_refused(db):
    import pytest
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ("12345678901234", "password", "ngan"):
        with pytest.raises(ValidationError):
            validate_password(weak)
