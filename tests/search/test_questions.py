"""Published questions and answers are found by the site search of their own
commune only, and nothing personal is indexed."""

import pytest
from django.utils import timezone

from congxa.engagement.enums import AnswerStatus, QuestionState
from congxa.engagement.models import Question, QuestionIndexPage
from congxa.engagement.tracking import new_tracking_code
from congxa.search import selectors

pytestmark = pytest.mark.django_db


def qa_page(home):
    page = QuestionIndexPage(title="Hỏi đáp", slug="hoi-dap")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def published_question(site, title, **fields):
    now = timezone.now()
    return Question.objects.create(
        site=site,
        title=title,
        text="Tôi cần giấy tờ gì để đăng ký khai sinh cho con?",
        name="Nguyễn Văn Bình",
        phone="0912345678",
        email="binh.nguyen@example.com",
        consent_given=True,
        consent_at=now,
        tracking_code=new_tracking_code(),
        state=QuestionState.ANSWERED,
        answer_text="Mang giấy chứng sinh đến Bộ phận Một cửa.",
        answer_status=AnswerStatus.APPROVED,
        answered_at=now,
        approved_at=now,
        is_published=True,
        published_at=now,
        **fields,
    )


def test_published_question_is_found_in_its_own_commune_only(site, other_site):
    qa_page(site.root_page)
    qa_page(other_site.root_page)
    published_question(site, "Hỏi về khai sinh cho con ở Vĩnh Thủy")

    own = selectors.search("khai sinh cho con", site=site)
    other = selectors.search("khai sinh cho con", site=other_site)
    assert "Vĩnh Thủy" in str(own.results[0].title)
    assert own.total == 1
    assert other.total == 0


def test_contacts_of_a_published_question_are_not_searchable(site):
    qa_page(site.root_page)
    published_question(site, "Hỏi về khai sinh")
    for contact in ("0912345678", "binh.nguyen", "Nguyễn Văn Bình"):
        assert selectors.search(contact, site=site).total == 0


def test_unpublishing_a_question_removes_it_from_search(site):
    qa_page(site.root_page)
    question = published_question(site, "Hỏi về khai tử")
    assert selectors.search("khai tu", site=site).total == 1
    question.is_published = False
    question.save()
    assert selectors.search("khai tu", site=site).total == 0
