"""Asking a question and giving feedback through the public forms."""

import time

import pytest
from django.core import mail
from django.test import Client

from congxa.engagement import abuse
from congxa.engagement.enums import QuestionKind, QuestionState
from congxa.engagement.models import Question

HOST = "vinhthuy.localhost"
OTHER_HOST = "giolinh.localhost"


def form_data(client, url, host=HOST, **overrides):
    """A valid submission, with the token the form page handed out."""
    response = client.get(url, HTTP_HOST=host)
    assert response.status_code == 200
    form = response.context["form"]
    data = {
        "name": "Nguyễn Văn An",
        "phone": "0912 345 678",
        "email": "",
        "address": "Thôn Đông",
        "title": "Làm giấy khai sinh",
        "text": "Tôi cần chuẩn bị giấy tờ gì để làm giấy khai sinh cho con?",
        "consent": "on",
        "website": "",
        "token": form.fresh_token,
    }
    if "topic" in form.fields:
        data["topic"] = str(form.fields["topic"].queryset.first().pk)
    data.update(overrides)
    return data


@pytest.fixture(autouse=True)
def _no_waiting(monkeypatch):
    monkeypatch.setattr(abuse, "MIN_SECONDS_TO_SUBMIT", 0)


def ask_url(page):
    return page.url + "gui-cau-hoi/"


def test_ask_form_shows_consent_notice_and_fields(client, qa_page, topic):
    response = client.get(ask_url(qa_page), HTTP_HOST=HOST)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Gửi câu hỏi" in html
    assert "Cách chúng tôi sử dụng dữ liệu của bạn" in html
    assert "24 tháng" in html
    assert "Hộ tịch" in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert "X-Cache" not in response


def test_question_is_saved_with_tracking_code_and_consent(client, qa_page, topic):
    data = form_data(client, ask_url(qa_page))
    response = client.post(ask_url(qa_page), data, HTTP_HOST=HOST)
    html = response.content.decode()
    assert response.status_code == 200
    question = Question.objects.get()
    assert question.state == QuestionState.NEW
    assert question.kind == QuestionKind.QUESTION
    assert question.phone == "0912345678"
    assert question.consent_given and question.consent_at is not None
    assert question.public_initials == "N.V.A."
    assert question.ip_hash and "127.0.0.1" not in question.ip_hash
    assert question.display_code in html
    assert "Cảm ơn bạn, nội dung đã được tiếp nhận" in html


def test_consent_is_required(client, qa_page, topic):
    data = form_data(client, ask_url(qa_page))
    del data["consent"]
    response = client.post(ask_url(qa_page), data, HTTP_HOST=HOST)
    assert response.status_code == 400
    assert "Vui lòng đánh dấu ô đồng ý" in response.content.decode()
    assert not Question.objects.exists()


def test_phone_or_email_is_required(client, qa_page, topic):
    data = form_data(client, ask_url(qa_page), phone="", email="")
    response = client.post(ask_url(qa_page), data, HTTP_HOST=HOST)
    assert response.status_code == 400
    assert "Vui lòng nhập số điện thoại hoặc thư điện tử" in response.content.decode()
    assert not Question.objects.exists()


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("0912345678", "0912345678"),
        ("+84912345678", "0912345678"),
        ("0233 3826 123", "02333826123"),
        ("091.234.5678", "0912345678"),
    ],
)
def test_vietnamese_phone_formats_are_accepted(client, qa_page, topic, raw, stored):
    data = form_data(client, ask_url(qa_page), phone=raw)
    response = client.post(ask_url(qa_page), data, HTTP_HOST=HOST)
    assert response.status_code == 200
    assert Question.objects.get().phone == stored


@pytest.mark.parametrize("raw", ["12345", "0123456789", "+1 202 555 0100", "abc"])
def test_invalid_phone_gets_a_vietnamese_message(client, qa_page, topic, raw):
    data = form_data(client, ask_url(qa_page), phone=raw)
    response = client.post(ask_url(qa_page), data, HTTP_HOST=HOST)
    assert response.status_code == 400
    assert "Số điện thoại không hợp lệ" in response.content.decode()


def test_invalid_email_is_refused(client, qa_page, topic):
    data = form_data(client, ask_url(qa_page), phone="", email="khong-phai-email")
    response = client.post(ask_url(qa_page), data, HTTP_HOST=HOST)
    assert response.status_code == 400
    assert not Question.objects.exists()


def test_empty_and_overlong_fields_are_refused_and_input_kept(client, qa_page, topic):
    data = form_data(client, ask_url(qa_page), title="", text="x" * 5001)
    response = client.post(ask_url(qa_page), data, HTTP_HOST=HOST)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Trường này là bắt buộc" in html or "Vui lòng nhập tiêu đề" in html
    assert "Nguyễn Văn An" in html  # what the citizen typed is kept
    assert not Question.objects.exists()


def test_html_is_stripped_and_never_rendered(client, qa_page, topic):
    data = form_data(
        client,
        ask_url(qa_page),
        title="<b>Hỏi</b> về đất",
        text="<script>alert(1)</script>Xin hỏi về <a href='http://x.vn'>đất</a> ở.",
    )
    client.post(ask_url(qa_page), data, HTTP_HOST=HOST)
    question = Question.objects.get()
    assert "<" not in question.title and "<" not in question.text
    assert question.title == "Hỏi về đất"


def test_honeypot_refuses_and_saves_nothing(client, qa_page, topic):
    data = form_data(client, ask_url(qa_page), website="http://spam.example")
    response = client.post(ask_url(qa_page), data, HTTP_HOST=HOST)
    assert response.status_code == 400
    assert "Không gửi được biểu mẫu" in response.content.decode()
    assert not Question.objects.exists()


def test_form_sent_too_quickly_is_refused(client, qa_page, topic, monkeypatch):
    monkeypatch.setattr(abuse, "MIN_SECONDS_TO_SUBMIT", 60)
    data = form_data(client, ask_url(qa_page))
    response = client.post(ask_url(qa_page), data, HTTP_HOST=HOST)
    assert response.status_code == 400
    assert "Biểu mẫu được gửi quá nhanh" in response.content.decode()


def test_forged_token_is_refused(client, qa_page, topic):
    data = form_data(client, ask_url(qa_page), token="forged")
    response = client.post(ask_url(qa_page), data, HTTP_HOST=HOST)
    assert response.status_code == 400
    assert "Biểu mẫu đã hết hạn hoặc không thuộc trang này" in response.content.decode()


def test_replayed_token_is_refused(client, qa_page, topic):
    data = form_data(client, ask_url(qa_page))
    assert client.post(ask_url(qa_page), data, HTTP_HOST=HOST).status_code == 200
    response = client.post(ask_url(qa_page), data, HTTP_HOST=HOST)
    assert response.status_code == 400
    assert "Biểu mẫu này đã được gửi" in response.content.decode()
    assert Question.objects.count() == 1


def test_csrf_is_enforced(qa_page, topic):
    csrf_client = Client(enforce_csrf_checks=True)
    data = form_data(csrf_client, ask_url(qa_page))
    response = csrf_client.post(ask_url(qa_page), data, HTTP_HOST=HOST)
    assert response.status_code == 403
    data["csrfmiddlewaretoken"] = "a" * 64
    response = csrf_client.post(ask_url(qa_page), data, HTTP_HOST=HOST)
    assert response.status_code == 403
    assert not Question.objects.exists()


def test_csrf_token_from_the_form_works(qa_page, topic):
    csrf_client = Client(enforce_csrf_checks=True)
    response = csrf_client.get(ask_url(qa_page), HTTP_HOST=HOST)
    data = form_data(csrf_client, ask_url(qa_page))
    data["csrfmiddlewaretoken"] = response.context["csrf_token"]
    response = csrf_client.post(ask_url(qa_page), data, HTTP_HOST=HOST)
    assert response.status_code == 200
    assert Question.objects.count() == 1


def test_post_with_another_communes_token_is_refused(
    client, qa_page, other_qa_page, topic
):
    """A token from commune B's form posted to commune A's form is rejected."""
    data = form_data(client, ask_url(other_qa_page), host=OTHER_HOST)
    response = client.post(ask_url(qa_page), data, HTTP_HOST=HOST)
    assert response.status_code == 400
    assert not Question.objects.exists()


def test_topic_of_another_commune_is_refused(
    client, qa_page, other_qa_page, topic, other_site
):
    from congxa.engagement.models import Topic

    foreign = Topic.objects.create(name="Riêng xã B", slug="rieng", site=other_site)
    data = form_data(client, ask_url(qa_page), topic=str(foreign.pk))
    response = client.post(ask_url(qa_page), data, HTTP_HOST=HOST)
    assert response.status_code == 400
    assert not Question.objects.exists()


def test_question_lands_in_the_commune_of_the_host(
    client, qa_page, other_qa_page, topic, other_site
):
    data = form_data(client, ask_url(other_qa_page), host=OTHER_HOST)
    client.post(ask_url(other_qa_page), data, HTTP_HOST=OTHER_HOST)
    assert Question.objects.get().site == other_site


def test_many_links_go_straight_to_spam(client, qa_page, topic):
    text = "Xem http://a.xyz http://b.xyz http://c.xyz ngay hôm nay nhé"
    data = form_data(client, ask_url(qa_page), text=text)
    response = client.post(ask_url(qa_page), data, HTTP_HOST=HOST)
    assert response.status_code == 200
    assert Question.objects.get().state == QuestionState.SPAM


def test_gambling_words_go_straight_to_spam(client, qa_page, topic):
    data = form_data(client, ask_url(qa_page), text="Nhà cái uy tín, nổ hũ đổi thưởng")
    client.post(ask_url(qa_page), data, HTTP_HOST=HOST)
    assert Question.objects.get().state == QuestionState.SPAM


def test_many_posts_from_one_address_get_429(client, qa_page, topic):
    statuses = []
    for _ in range(30):
        data = form_data(client, ask_url(qa_page), phone="", email="a@example.com")
        statuses.append(client.post(ask_url(qa_page), data, HTTP_HOST=HOST).status_code)
    assert statuses[-1] == 429
    response = client.post(ask_url(qa_page), {}, HTTP_HOST=HOST)
    assert response.status_code == 429
    assert "quá nhiều lượt gửi" in response.content.decode()
    assert Question.objects.count() <= 5


def test_challenge_appears_when_limits_are_approached(client, qa_page, topic):
    for n in range(2):
        data = form_data(client, ask_url(qa_page), email=f"n{n}@example.com", phone="")
        assert client.post(ask_url(qa_page), data, HTTP_HOST=HOST).status_code == 200
    response = client.get(ask_url(qa_page), HTTP_HOST=HOST)
    form = response.context["form"]
    assert form.challenge_question
    assert "Câu hỏi kiểm tra" in response.content.decode()
    data = form_data(client, ask_url(qa_page), email="n3@example.com", phone="")
    data["challenge"] = "99"
    response = client.post(ask_url(qa_page), data, HTTP_HOST=HOST)
    assert response.status_code == 400
    assert "Câu trả lời cho câu hỏi kiểm tra chưa đúng" in response.content.decode()


def test_challenge_answered_right_is_accepted(client, qa_page, topic, monkeypatch):
    monkeypatch.setattr("secrets.randbelow", lambda n: 2)  # 3 + 3
    from congxa.engagement.models import EngagementSettings

    config = EngagementSettings.for_site(qa_page.get_site())
    config.challenge_after = 0
    config.save()
    data = form_data(client, ask_url(qa_page))
    data["challenge"] = "6"
    response = client.post(ask_url(qa_page), data, HTTP_HOST=HOST)
    assert response.status_code == 200
    assert Question.objects.count() == 1


def test_contact_limit_per_day(client, qa_page, topic):
    from congxa.engagement.models import EngagementSettings

    config = EngagementSettings.for_site(qa_page.get_site())
    config.rate_limit_per_contact = 1
    config.rate_limit_per_address = 50
    config.challenge_after = 50
    config.save()
    data = form_data(client, ask_url(qa_page))
    assert client.post(ask_url(qa_page), data, HTTP_HOST=HOST).status_code == 200
    data = form_data(client, ask_url(qa_page))
    response = client.post(ask_url(qa_page), data, HTTP_HOST=HOST)
    assert response.status_code == 429
    assert "đã gửi tối đa số lần cho phép trong ngày" in response.content.decode()


def test_feedback_form_saves_feedback(client, feedback_page, topic):
    data = form_data(client, feedback_page.url)
    response = client.post(feedback_page.url, data, HTTP_HOST=HOST)
    assert response.status_code == 200
    assert Question.objects.get().kind == QuestionKind.FEEDBACK
    assert (
        "Phản ánh, kiến nghị"
        in client.get(feedback_page.url, HTTP_HOST=HOST).content.decode()
    )


def test_no_email_is_sent_on_submission(client, qa_page, topic):
    data = form_data(client, ask_url(qa_page), email="an@example.com")
    client.post(ask_url(qa_page), data, HTTP_HOST=HOST)
    assert mail.outbox == []
    assert time.time()
