"""Handling in the admin, publication, lookup, personal data and the dashboard."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import GroupPagePermission, ModelLogEntry

from congxa.engagement import views
from congxa.engagement.enums import AnswerStatus, QuestionKind, QuestionState
from congxa.engagement.models import Question
from congxa.engagement.selectors import dashboard

from .conftest import make_published, make_question

HOST = "vinhthuy.localhost"


def edit_url(question):
    return f"/admin/engagement_question/edit/{question.pk}/"


def official(site, *, approve=False, username="canbo"):
    user = get_user_model().objects.create_user(username=username, password="x")
    group = Group.objects.create(name=f"Cán bộ {username}")
    codenames = ["access_admin", "change_question"]
    if approve:
        codenames.append("approve_answer")
    group.permissions.add(*Permission.objects.filter(codename__in=codenames))
    GroupPagePermission.objects.create(
        group=group,
        page=site.root_page,
        permission=Permission.objects.get(codename="change_page"),
    )
    user.groups.add(group)
    return user


def test_full_flow_answer_approve_publish_and_read(
    client, admin_client, site, qa_page, topic, django_capture_on_commit_callbacks
):
    question = make_question(site, topic=topic)
    url = edit_url(question)
    assert admin_client.get(url).status_code == 200
    admin_client.post(
        url,
        {
            "action": "answer",
            "answer_text": "Mang giấy chứng sinh.",
            "public_name_mode": "initials",
        },
    )
    question.refresh_from_db()
    assert question.answer_status == AnswerStatus.DRAFT
    assert (
        client.get(qa_page.url + f"{question.pk}/", HTTP_HOST=HOST).status_code == 404
    )
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(url, {"action": "approve"})
    question.refresh_from_db()
    assert question.state == QuestionState.ANSWERED
    assert len(mail.outbox) == 1
    assert "đã được trả lời" in mail.outbox[0].subject
    admin_client.post(url, {"action": "publish"})
    question.refresh_from_db()
    assert question.is_public
    html = client.get(qa_page.url + f"{question.pk}/", HTTP_HOST=HOST).content.decode()
    assert "Mang giấy chứng sinh." in html
    assert "N.V.A." in html
    assert question.phone not in html and question.email not in html
    assert "Nguyễn Văn An" not in html


def test_publication_refreshes_the_cached_list(
    client, site, qa_page, superuser, django_capture_on_commit_callbacks
):
    from congxa.engagement import services

    question = make_question(site)
    assert (
        question.title not in client.get(qa_page.url, HTTP_HOST=HOST).content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.question_answer(question=question, text="Trả lời.", user=superuser)
        services.question_approve_answer(question=question, user=superuser)
        services.question_publish(question=question, user=superuser)
    assert question.title in client.get(qa_page.url, HTTP_HOST=HOST).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        services.question_unpublish(question=question, user=superuser)
    assert (
        question.title not in client.get(qa_page.url, HTTP_HOST=HOST).content.decode()
    )


def test_answer_needs_approval_permission(client, site):
    from congxa.engagement import services

    user = official(site)
    question = make_question(site)
    services.question_answer(question=question, text="Trả lời.", user=user)
    client.force_login(user)
    client.post(edit_url(question), {"action": "approve"})
    question.refresh_from_db()
    assert question.answer_status == AnswerStatus.DRAFT
    with pytest.raises(services.TransitionError):
        services.question_publish(question=question, user=user)


def test_reject_needs_a_reason_and_notifies(
    admin_client, site, django_capture_on_commit_callbacks
):
    question = make_question(site)
    response = admin_client.post(edit_url(question), {"action": "reject", "reason": ""})
    assert response.status_code == 200
    question.refresh_from_db()
    assert question.state == QuestionState.NEW
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            edit_url(question),
            {"action": "reject", "reason": "Không thuộc thẩm quyền."},
        )
    question.refresh_from_db()
    assert question.state == QuestionState.REJECTED
    assert question.rejection_reason == "Không thuộc thẩm quyền."
    assert "không được tiếp nhận" in mail.outbox[0].subject


def test_assign_and_mark_spam(admin_client, site, superuser):
    question = make_question(site)
    admin_client.post(
        edit_url(question), {"action": "assign", "assignee": superuser.pk}
    )
    question.refresh_from_db()
    assert question.assigned_to == superuser
    assert question.state == QuestionState.IN_PROGRESS
    admin_client.post(edit_url(question), {"action": "spam"})
    question.refresh_from_db()
    assert question.state == QuestionState.SPAM
    actions = set(ModelLogEntry.objects.values_list("action", flat=True))
    assert {"engagement.assign", "engagement.spam"} <= actions


def test_admin_queue_lists_questions_in_vietnamese(admin_client, site):
    make_question(site, title="Hỏi về đất ở")
    response = admin_client.get("/admin/engagement_question/?state=new")
    assert response.status_code == 200
    assert "Hỏi về đất ở" in response.content.decode()


def test_other_commune_cannot_see_or_edit_question(client, site, other_site):
    question_b = make_question(other_site, title="Câu hỏi của xã B")
    make_question(site, title="Câu hỏi của xã A")
    user = official(site, approve=True)
    client.force_login(user)
    listing = client.get("/admin/engagement_question/").content.decode()
    assert "Câu hỏi của xã A" in listing
    assert "Câu hỏi của xã B" not in listing
    assert client.get(edit_url(question_b)).status_code == 404
    response = client.post(edit_url(question_b), {"action": "spam"})
    assert response.status_code == 404
    question_b.refresh_from_db()
    assert question_b.state == QuestionState.NEW
    history = client.get(f"/admin/engagement_question/history/{question_b.pk}/")
    assert history.status_code == 404


def test_public_detail_of_another_commune_is_404(client, other_site, qa_page):
    question_b = make_published(other_site)
    assert (
        client.get(qa_page.url + f"{question_b.pk}/", HTTP_HOST=HOST).status_code == 404
    )


def test_list_filters_by_field_and_ignores_bad_parameters(
    client, site, qa_page, topic, land_topic
):
    make_published(site, title="Về hộ tịch", topic=topic)
    make_published(site, title="Về đất đai", topic=land_topic)
    html = client.get(
        qa_page.url + "?linh-vuc=dat-dai", HTTP_HOST=HOST
    ).content.decode()
    assert "Về đất đai" in html and "Về hộ tịch" not in html
    for query in ("?linh-vuc=%00x", "?page=abc", "?linh-vuc[]=1&page=-1"):
        assert client.get(qa_page.url + query, HTTP_HOST=HOST).status_code == 200
    assert client.get(qa_page.url + "?page=99", HTTP_HOST=HOST).status_code == 404


def test_list_query_count_does_not_grow(client, site, qa_page, topic):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(qa_page.url, HTTP_HOST=HOST).status_code == 200
        # Not the cache backend's check for lost invalidations: it runs on a
        # timer (portal/cache_backends.py), whatever the page.
        return sum(
            "portal_pendingcacheinvalidation" not in query["sql"]
            for query in queries.captured_queries
        )

    make_published(site, title="Câu đầu", topic=topic)
    few = count()
    for n in range(12):
        make_published(site, title=f"Câu {n}", topic=topic)
    # Not more with thirteen questions than with one (the first request may
    # also fill a per-process memo).
    assert count() <= few <= 15


def test_lookup_shows_status_with_code_and_contact(client, site, qa_page):
    question = make_published(site)
    response = client.post(
        qa_page.url + "tra-cuu/",
        {"code": question.display_code.lower(), "contact": "+84912345678"},
        HTTP_HOST=HOST,
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Đã trả lời" in html
    assert question.answer_text in html


def test_lookup_with_wrong_code_or_contact_leaks_nothing(client, site, qa_page):
    question = make_question(site)
    for data in (
        {"code": "ABCDE-FGHJK", "contact": question.phone},
        {"code": question.tracking_code, "contact": "0999999999"},
        {"code": question.tracking_code, "contact": ""},
    ):
        response = client.post(qa_page.url + "tra-cuu/", data, HTTP_HOST=HOST)
        html = response.content.decode()
        assert response.status_code == 404
        assert "Không tìm thấy nội dung khớp" in html
        assert question.title not in html


def test_lookup_from_another_commune_finds_nothing(client, other_site, qa_page):
    question = make_question(other_site)
    response = client.post(
        qa_page.url + "tra-cuu/",
        {"code": question.tracking_code, "contact": question.phone},
        HTTP_HOST=HOST,
    )
    assert response.status_code == 404


def test_privacy_notice_reads_commune_settings(client, site, qa_page):
    from congxa.engagement.models import EngagementSettings

    config = EngagementSettings.for_site(site)
    config.retention_months = 18
    config.data_request_contact = "Bộ phận một cửa, điện thoại 0233 3826 123"
    config.save()
    html = client.get(
        qa_page.url + "chinh-sach-du-lieu/", HTTP_HOST=HOST
    ).content.decode()
    assert "18 tháng" in html
    assert "Bộ phận một cửa, điện thoại 0233 3826 123" in html
    assert "91/2025/QH15" in html


def test_retention_erases_contacts_and_keeps_question(site):
    old = make_question(site, created_at=timezone.now() - timedelta(days=800))
    recent = make_question(site)
    call_command("erase_expired_contacts", "--dry-run")
    old.refresh_from_db()
    assert old.phone
    call_command("erase_expired_contacts")
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.erased_at and not old.phone and not old.email and not old.name
    assert old.title and old.text
    assert recent.phone == "0912345678"
    assert (
        ModelLogEntry.objects.filter(action="engagement.retention_erase").count() == 1
    )


def test_retention_follows_the_communes_setting(site):
    from congxa.engagement.models import EngagementSettings

    config = EngagementSettings.for_site(site)
    config.retention_months = 1
    config.save()
    question = make_question(site, created_at=timezone.now() - timedelta(days=40))
    call_command("erase_expired_contacts")
    question.refresh_from_db()
    assert question.erased_at is not None


def test_data_request_view_export_erase_is_logged(admin_client, site):
    question = make_question(site)
    data = {"code": question.tracking_code, "contact": question.email}
    html = admin_client.post("/admin/engagement/data-request/", data).content.decode()
    assert question.phone in html
    export = admin_client.post(
        "/admin/engagement/data-request/", {**data, "step": "export"}
    )
    assert export["Content-Type"].startswith("application/json")
    assert "0912345678" in export.content.decode()
    admin_client.post("/admin/engagement/data-request/", {**data, "step": "erase"})
    question.refresh_from_db()
    assert question.erased_at and not question.email
    actions = list(ModelLogEntry.objects.values_list("action", flat=True))
    assert {
        "engagement.data_access",
        "engagement.data_export",
        "engagement.erase",
    } <= set(actions)


def test_dashboard_counts_and_overdue(admin_client, site, topic):
    make_question(site, topic=topic, created_at=timezone.now() - timedelta(days=30))
    make_question(site, topic=topic)
    make_published(site, topic=topic, created_at=timezone.now() - timedelta(days=4))
    make_question(site, state=QuestionState.SPAM)
    stats = dashboard(site)
    assert stats.total == 4
    assert dict(stats.by_state)["Mới"] == 3 or dict(stats.by_state)
    assert len(stats.overdue) == 1
    assert stats.average_days is not None and stats.average_days >= 3.9
    html = admin_client.get("/admin/engagement/dashboard/").content.decode()
    assert "Quá hạn" in html
    export = admin_client.get(f"/admin/engagement/dashboard/export/?site={site.pk}")
    assert export.status_code == 200
    assert export.content[:2] == b"PK"


def test_draft_comment_flow_and_export(
    client, admin_client, site, qa_page, monkeypatch
):
    from congxa.engagement import abuse

    monkeypatch.setattr(abuse, "MIN_SECONDS_TO_SUBMIT", 0)
    document = qa_page  # a live page of this site stands in for the draft
    document.is_open_for_comment = lambda: True
    document.comment_closes_at = timezone.now() + timedelta(days=5)
    monkeypatch.setattr(views, "_comment_document", lambda site, page_id: document)
    url = qa_page.url + f"gop-y-du-thao/{document.pk}/"
    response = client.get(url, HTTP_HOST=HOST)
    assert "Góp ý dự thảo" in response.content.decode()
    data = {
        "name": "Trần Văn B",
        "phone": "0912345678",
        "text": "Đề nghị sửa Điều 3 cho rõ hơn.",
        "title": "Điều 3",
        "consent": "on",
        "token": response.context["form"].fresh_token,
    }
    assert client.post(url, data, HTTP_HOST=HOST).status_code == 200
    comment = Question.objects.get()
    assert comment.kind == QuestionKind.DRAFT_COMMENT
    assert comment.document_page_id == document.pk
    export = admin_client.get(
        f"/admin/engagement/draft-comments/{document.pk}/export/?site={site.pk}"
    )
    assert export.status_code == 200 and export.content[:2] == b"PK"


def test_closed_draft_refuses_comments(client, site, qa_page, monkeypatch):
    document = qa_page
    document.is_open_for_comment = lambda: False
    monkeypatch.setattr(views, "_comment_document", lambda site, page_id: document)
    url = qa_page.url + f"gop-y-du-thao/{document.pk}/"
    response = client.post(url, {"name": "x"}, HTTP_HOST=HOST)
    assert response.status_code == 410
    assert "Đã hết thời gian góp ý" in response.content.decode()
    assert not Question.objects.exists()


def test_comment_on_a_page_that_is_not_a_draft_is_404(client, site, qa_page):
    url = qa_page.url + f"gop-y-du-thao/{qa_page.pk}/"
    assert client.get(url, HTTP_HOST=HOST).status_code == 404
