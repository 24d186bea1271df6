"""Password reset: throttled, mailed after the response, the same for everyone."""

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.admin.views.account import PasswordResetView

from congxa.accounts.models import OutgoingMail

URL = "/admin/password_reset/"


class FailingBackend:
    """A mail server that is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("máy chủ thư không trả lời")


def ask(client, email, address="10.0.0.1"):
    return client.post(URL, {"email": email}, REMOTE_ADDR=address)


def test_known_and_unknown_addresses_get_the_same_answer(admin_user):
    client = Client()
    known = ask(client, "quantri@vinhthuy.gov.vn")
    unknown = ask(client, "khong-ton-tai@vinhthuy.gov.vn")
    assert known.status_code == unknown.status_code == 302
    assert (
        known["Location"]
        == unknown["Location"]
        == reverse("wagtailadmin_password_reset_done")
    )
    assert known.content == unknown.content
    assert [m.to for m in mail.outbox] == [["quantri@vinhthuy.gov.vn"]]


def test_known_and_unknown_addresses_do_the_same_work(admin_user):
    counts = []
    for email in ("quantri@vinhthuy.gov.vn", "khong-ton-tai@vinhthuy.gov.vn"):
        request = RequestFactory().post(URL, {"email": email}, REMOTE_ADDR="10.1.0.1")
        request.session = {}
        request._dont_enforce_csrf_checks = True
        with CaptureQueriesContext(connection) as queries:
            PasswordResetView.as_view()(request)
        counts.append(
            sorted(q["sql"].split()[0] + q["sql"].split()[2] for q in queries)
        )
    assert counts[0] == counts[1]


def test_the_request_itself_sends_nothing(admin_user):
    request = RequestFactory().post(
        URL, {"email": "quantri@vinhthuy.gov.vn"}, REMOTE_ADDR="10.1.0.2"
    )
    request.session = {}
    request._dont_enforce_csrf_checks = True
    response = PasswordResetView.as_view()(request)
    assert response.status_code == 302
    assert mail.outbox == []
    waiting = OutgoingMail.objects.get(dropped=False)
    assert waiting.sent_at is None
    assert "/admin/password_reset/confirm/" in waiting.body or "reset" in waiting.body

    call_command("send_outbox")
    assert [m.to for m in mail.outbox] == [["quantri@vinhthuy.gov.vn"]]
    waiting.refresh_from_db()
    assert waiting.sent_at is not None
    assert waiting.body == ""  # the reset link is not kept


def test_twenty_requests_for_one_email_send_three_mails(admin_user):
    client = Client()
    for n in range(20):
        response = ask(client, "quantri@vinhthuy.gov.vn", address=f"10.2.0.{n + 1}")
        assert response.status_code == 302
    assert len(mail.outbox) == 3


def test_one_address_cannot_reset_many_accounts(db):
    User = get_user_model()
    for n in range(10):
        User.objects.create_user(f"canbo{n}", f"canbo{n}@vinhthuy.gov.vn", "x" * 16)
    client = Client()
    for n in range(10):
        assert ask(client, f"canbo{n}@vinhthuy.gov.vn", "10.3.0.1").status_code == 302
    assert len(mail.outbox) == 5


def test_unknown_address_queues_nothing_to_send(db):
    ask(Client(), "khong-ton-tai@vinhthuy.gov.vn")
    row = OutgoingMail.objects.get()
    assert row.dropped and row.to_email == "" and row.body == ""
    assert mail.outbox == []


def test_mail_server_down_loses_nothing_and_the_timer_sends_later(
    admin_user, settings, capsys
):
    settings.EMAIL_BACKEND = "tests.accounts.test_password_reset.FailingBackend"
    assert ask(Client(), "quantri@vinhthuy.gov.vn").status_code == 302
    row = OutgoingMail.objects.get(dropped=False)
    assert row.sent_at is None
    assert "không trả lời" in row.last_error

    call_command("send_outbox", dry_run=True)
    assert "Đang chờ gửi: 1 thư." in capsys.readouterr().out

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_outbox")
    assert "Đã gửi 1 thư" in capsys.readouterr().out
    assert len(mail.outbox) == 1
