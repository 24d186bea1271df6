"""An article goes writer -> editor -> approver -> published, through the admin."""

from django.urls import reverse
from wagtail.models import ModelLogEntry, PageLogEntry, WorkflowState
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from congxa.news.models import ArticlePage


def article_form(title: str, **extra) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": "ho-tro-nong-dan",
            "lead": "Xã hỗ trợ giống lúa cho bà con.",
            "body": streamfield(
                [("paragraph", rich_text("<p>Nội dung bài viết.</p>"))]
            ),
            "signature": "BBT",
            "date": "2026-02-11 21:40",
            "comments": inline_formset([]),
            **extra,
        }
    )


def submit_article(client, writer, section) -> ArticlePage:
    client.force_login(writer)
    url = reverse("wagtailadmin_pages:add", args=["news", "articlepage", section.pk])
    response = client.post(
        url, {**article_form("Hỗ trợ nông dân"), "action-submit": "1"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return ArticlePage.objects.get(slug="ho-tro-nong-dan")


def act(client, user, page, action: str, comment: str = ""):
    client.force_login(user)
    state = WorkflowState.objects.get(
        base_content_type__isnull=False, object_id=str(page.pk), status="in_progress"
    )
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, action, state.current_task_state.pk],
    )
    return client.post(url, {"comment": comment})


def test_article_goes_from_writer_through_editor_and_approver_to_published(
    client, section, writer, editor, approver
):
    page = submit_article(client, writer, section)
    assert not page.live
    assert page.current_workflow_task.name == "Xã Vĩnh Thủy - Biên tập viên duyệt"

    # The writer cannot approve their own article.
    response = act(client, writer, page, "approve")
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Xã Vĩnh Thủy - Biên tập viên duyệt"

    act(client, editor, page, "approve", "Đã biên tập, chuyển trưởng ban.")
    page.refresh_from_db()
    assert not page.live
    assert (
        page.current_workflow_task.name
        == "Xã Vĩnh Thủy - Trưởng ban biên tập duyệt và xuất bản"
    )
    # The editor cannot do the approver's step.
    act(client, editor, page, "approve")
    page.refresh_from_db()
    assert not page.live

    response = act(client, approver, page, "approve", "Đồng ý xuất bản.")
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    actions = set(
        PageLogEntry.objects.filter(page=page).values_list("action", flat=True)
    )
    assert {
        "wagtail.workflow.start",
        "wagtail.workflow.approve",
        "wagtail.publish",
    } <= actions
    public = client.get(page.url)
    assert "Hỗ trợ nông dân" in public.content.decode()


def test_editor_sends_article_back_with_a_comment(client, section, writer, editor):
    page = submit_article(client, writer, section)
    act(client, editor, page, "reject", "Cần bổ sung số liệu.")
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == "needs_changes"
    entry = PageLogEntry.objects.get(page=page, action="wagtail.workflow.reject")
    assert entry.data["comment"] == "Cần bổ sung số liệu."


def test_writer_cannot_publish_directly(client, section, writer):
    client.force_login(writer)
    url = reverse("wagtailadmin_pages:add", args=["news", "articlepage", section.pk])
    client.post(url, {**article_form("Tự xuất bản"), "action-publish": "1"})
    page = ArticlePage.objects.get(slug="ho-tro-nong-dan")
    assert not page.live


def test_scheduled_publishing_goes_live_with_publish_scheduled(
    client, section, approver
):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    from congxa.news.factories import ArticlePageFactory

    page = ArticlePageFactory(parent=section, title="Tin hẹn giờ", live=False)
    revision = page.save_revision(user=approver)
    revision.approved_go_live_at = timezone.now() - timedelta(minutes=1)
    revision.save()
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live


def test_commune_admin_sees_logins_and_publishing_in_audit_log(
    client, section, writer, editor, approver, commune_admin, site
):
    page = submit_article(client, writer, section)
    act(client, editor, page, "approve")
    act(client, approver, page, "approve")
    client.force_login(commune_admin)
    html = client.get(reverse("editorial_audit_log", args=[site.pk])).content.decode()
    assert "Hỗ trợ nông dân" in html
    assert "phongvien" in html
    assert ModelLogEntry.objects.filter(action="congxa.role_granted").count() >= 4


def test_scheduled_unpublishing_takes_article_down(section):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    from congxa.news.factories import ArticlePageFactory

    page = ArticlePageFactory(parent=section, title="Tin hết hạn")
    page.expire_at = timezone.now() - timedelta(minutes=1)
    page.save()
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live
    assert page.expired
