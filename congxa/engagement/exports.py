"""XLSX exports for officials: the dashboard and the comments on a draft."""

from __future__ import annotations

import io

from django.http import HttpResponse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.styles import Font

from .models import Question
from .selectors import Dashboard, draft_comments

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _local(value):
    if value is None:
        return ""
    return timezone.localtime(value).replace(tzinfo=None)


def _safe(value):
    """Text a spreadsheet will not run as a formula."""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def _sheet(workbook, title, header, rows, *, first=False):
    sheet = workbook.active if first else workbook.create_sheet()
    sheet.title = title[:31]
    sheet.append([str(value) for value in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_safe(value) for value in row])
    return sheet


def dashboard_workbook(site, stats: Dashboard) -> Workbook:
    workbook = Workbook()
    summary = [
        (_("Total"), stats.total),
        *stats.by_state,
        *stats.by_kind,
        (_("Overdue"), len(stats.overdue)),
        (_("Average days to answer"), stats.average_days or ""),
    ]
    _sheet(
        workbook,
        pgettext("report sheet", "Summary"),
        [_("Item"), _("Count")],
        summary,
        first=True,
    )
    _sheet(workbook, _("By field"), [_("Field"), _("Count")], stats.by_topic)
    questions = (
        Question.objects.for_site(site).select_related("topic").order_by("-created_at")
    )
    _sheet(
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
                _local(q.created_at),
                _local(q.answered_at),
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
    _sheet(
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
                _local(c.created_at),
                c.name,
                c.title,
                c.text,
            )
            for index, c in enumerate(comments, start=1)
        ),
        first=True,
    )
    return workbook


def xlsx_response(workbook: Workbook, filename: str) -> HttpResponse:
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
