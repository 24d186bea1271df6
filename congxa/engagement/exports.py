"""XLSX exports for officials: the dashboard and the comments on a draft."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook

from congxa.portal.spreadsheets import local_time, sheet_add, xlsx_response

from .models import Question
from .selectors import Dashboard, draft_comments

__all__ = ["dashboard_workbook", "draft_comments_workbook", "xlsx_response"]


def dashboard_workbook(site, stats: Dashboard) -> Workbook:
    workbook = Workbook()
    summary = [
        (_("Total"), stats.total),
        *stats.by_state,
        *stats.by_kind,
        (_("Overdue"), len(stats.overdue)),
        (_("Average days to answer"), stats.average_days or ""),
    ]
    sheet_add(
        workbook,
        pgettext("report sheet", "Summary"),
        [_("Item"), _("Count")],
        summary,
        first=True,
    )
    sheet_add(workbook, _("By field"), [_("Field"), _("Count")], stats.by_topic)
    questions = (
        Question.objects.for_site(site).select_related("topic").order_by("-created_at")
    )
    sheet_add(
        workbook,
        _("Questions"),
        [
            _("Tracking code"),
            _("Kind"),
            _("State"),
            _("Field"),
            _("Title"),
            _("Received"),
            _("Answered"),
            pgettext("citizen question", "Published"),
        ],
        (
            (
                q.display_code,
                q.get_kind_display(),
                q.get_state_display(),
                q.topic.name if q.topic else "",
                q.title,
                local_time(q.created_at),
                local_time(q.answered_at),
                _("Yes") if q.is_public else _("No"),
            )
            for q in questions.iterator()
        ),
    )
    return workbook


def draft_comments_workbook(site, document_page_id: int) -> Workbook | None:
    comments = list(
        draft_comments(site, document_page_id).select_related("document_page")
    )
    if not comments:
        return None
    workbook = Workbook()
    sheet_add(
        workbook,
        pgettext("draft document", "Comments"),
        [
            pgettext("row number", "No."),
            _("Tracking code"),
            _("Received"),
            _("Full name"),
            _("Article or section commented on"),
            _("Content"),
        ],
        (
            (
                index,
                c.display_code,
                local_time(c.created_at),
                c.name,
                c.title,
                c.text,
            )
            for index, c in enumerate(comments, start=1)
        ),
        first=True,
    )
    return workbook
