"""The province overview as a spreadsheet."""

from __future__ import annotations

import io

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADER = [
    "Xã, phường",
    "Tên miền",
    "Trạng thái",
    "Xuất bản gần nhất",
    "Mục bắt buộc trống",
    "Mục bắt buộc cũ",
    "Câu hỏi quá hạn",
    "Người biên tập",
    "Chưa bật đăng nhập hai bước",
    "Tài khoản bị khóa",
]


def _safe(value):
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def overview_workbook(rows) -> Workbook:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Các xã"
    sheet.append(HEADER)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        last = (
            timezone.localtime(row.last_publish).replace(tzinfo=None)
            if row.last_publish
            else ""
        )
        sheet.append(
            [
                _safe(row.name),
                row.host,
                row.state,
                last,
                _safe(", ".join(row.empty_sections)),
                _safe(", ".join(row.stale_sections)),
                row.overdue_questions,
                row.editors,
                row.editors_without_2fa,
                row.locked_accounts,
            ]
        )
    return workbook


def xlsx_response(workbook: Workbook, filename: str) -> HttpResponse:
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
