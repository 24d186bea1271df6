"""XLSX workbooks for officials (the province overview, the questions
dashboard, the comments on a draft): one way to write a sheet and send it."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

from django.http import HttpResponse
from django.utils import timezone
from django.utils.functional import Promise
from openpyxl import Workbook
from openpyxl.styles import Font

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def cell_value(value):
    """A value a spreadsheet will not run as a formula; lazy text made str."""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def local_time(value):
    """A moment in the deployment's time zone, as spreadsheets want it (naive)."""
    if value is None:
        return ""
    return timezone.localtime(value).replace(tzinfo=None)


def sheet_add(
    workbook: Workbook,
    title: str,
    header: Sequence,
    rows: Iterable[Sequence],
    *,
    first: bool = False,
):
    """A sheet with a bold header row; `first` fills the workbook's own sheet."""
    sheet = workbook.active if first else workbook.create_sheet()
    sheet.title = str(title)[:31]
    sheet.append([str(value) for value in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([cell_value(value) for value in row])
    return sheet


def xlsx_response(workbook: Workbook, filename: str) -> HttpResponse:
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
