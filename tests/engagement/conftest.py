"""Fixtures for the engagement tests: Q&A pages, topics, questions, officials."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from congxa.engagement.enums import AnswerStatus, QuestionState
from congxa.engagement.models import FeedbackPage, Question, QuestionIndexPage, Topic
from congxa.engagement.tracking import new_tracking_code


def add_page(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def qa_page(home):
    return add_page(
        home, QuestionIndexPage(title="Hỏi đáp", slug="hoi-dap", show_in_menus=True)
    )


@pytest.fixture
def feedback_page(home):
    return add_page(
        home, FeedbackPage(title="Phản ánh, kiến nghị", slug="phan-anh-kien-nghi")
    )


@pytest.fixture
def other_qa_page(other_site):
    return add_page(
        other_site.root_page.specific,
        QuestionIndexPage(title="Hỏi đáp", slug="hoi-dap"),
    )


@pytest.fixture
def topic(db):
    return Topic.objects.create(name="Hộ tịch", slug="ho-tich")


@pytest.fixture
def land_topic(site):
    return Topic.objects.create(name="Đất đai", slug="dat-dai", site=site)


def make_question(site, **fields):
    values = {
        "title": "Làm giấy khai sinh cho con",
        "text": "Tôi cần giấy tờ gì để khai sinh cho con?",
        "name": "Nguyễn Văn An",
        "phone": "0912345678",
        "email": "an.nguyen@example.com",
        "public_initials": "N.V.A.",
        "consent_given": True,
        "consent_at": timezone.now(),
        "tracking_code": new_tracking_code(),
    }
    values.update(fields)
    return Question.objects.create(site=site, **values)


def make_published(site, **fields):
    now = timezone.now()
    values = {
        "state": QuestionState.ANSWERED,
        "answer_text": "Ông mang giấy chứng sinh đến bộ phận một cửa.",
        "answer_status": AnswerStatus.APPROVED,
        "answered_at": now,
        "approved_at": now,
        "is_published": True,
        "published_at": now,
    }
    values.update(fields)
    return make_question(site, **values)


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser(
        username="admin", email="admin@example.com", password="x-secret-password-1"
    )


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client
