"""The province overview as a spreadsheet."""

from __future__ import annotations

from openpyxl import Workbook

from congxa.portal.spreadsheets import local_time, sheet_add, xlsx_response

__all__ = ["overview_workbook", "xlsx_response"]
HEADER = [
    "Xã, phường",
    "Tên miền",
    "Trạng thái",
    "Xuất bản gần nhất",
    "Mục bắt buộc trống",
    "Mục bắt buộc cũ",
    "Câu hỏi quá hạn",
    "Liên kết ngoài bị đánh dấu",
    "Tên miền bị đánh dấu",
    "Kiểm tra liên kết lúc",
    "Người biên tập",
    "Chưa bật đăng nhập hai bước",
    "Tài khoản bị khóa",
]


def overview_workbook(rows) -> Workbook:
    workbook = Workbook()
    sheet_add(
        workbook,
        "Các xã",
        HEADER,
        (
            [
                row.name,
                row.host,
                row.state,
                local_time(row.last_publish),
                ", ".join(row.empty_sections),
                ", ".join(row.stale_sections),
                row.overdue_questions,
                row.flagged_links,
                ", ".join(row.flagged_domains),
                local_time(row.links_checked_at),
                row.editors,
                row.editors_without_2fa,
                row.locked_accounts,
            ]
            for row in rows
        ),
        first=True,
    )
    return workbook
