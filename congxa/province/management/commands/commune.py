"""`congxa commune add|import|list|disable|enable|move`: a province's communes."""

from __future__ import annotations

import csv
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import translation

from congxa.portal import communes
from congxa.portal.communes import CommuneSpec, CommuneSpecError
from congxa.province.importing import ImportFileError, read_rows
from congxa.province.selectors import commune_rows

LIST_COLUMNS = [
    ("host", "Tên miền"),
    ("name", "Tên"),
    ("state", "Trạng thái"),
    ("pages", "Số trang"),
    ("last_publish", "Xuất bản gần nhất"),
    ("open_questions", "Câu hỏi chưa trả lời"),
    ("compliance", "Thông tin bắt buộc"),
]


class Command(BaseCommand):
    help = (
        "Quản lý các xã, phường của tỉnh: add (thêm hoặc cập nhật một xã), import "
        "(cả danh sách từ tệp .csv/.xlsx), list (liệt kê), disable/enable (tạm "
        "ngừng hoặc mở lại trang công khai), move (đổi tên miền, tên cũ tự chuyển "
        "hướng sang tên mới)."
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        add = actions.add_parser("add", help="Thêm (hoặc cập nhật) một xã.")
        add.add_argument("--host", required=True, help="Tên miền, ví dụ xa-b.gov.vn.")
        add.add_argument("--name", required=True, help="Tên chính thức: “Xã B”.")
        add.add_argument("--kind", default="xa", help="xa, phuong hoặc dac-khu.")
        add.add_argument("--province", default="", help="“Tỉnh Quảng Trị”.")
        add.add_argument(
            "--alias", action="append", default=[], help="Tên miền phụ (lặp lại được)."
        )
        add.add_argument("--agency", default="", help="Cơ quan chủ quản.")
        add.add_argument("--address", default="")
        add.add_argument("--phone", default="")
        add.add_argument("--email", default="")
        add.add_argument(
            "--scheme", default="https", help="https (mặc định) hoặc http."
        )
        add.add_argument("--dry-run", action="store_true", help="Chỉ báo, không ghi.")

        imp = actions.add_parser("import", help="Nhập danh sách xã từ tệp.")
        imp.add_argument("file", help="Tệp .csv (UTF-8) hoặc .xlsx.")
        imp.add_argument("--province", default="", help="Tên tỉnh cho mọi dòng.")
        imp.add_argument("--scheme", default="https")
        imp.add_argument("--dry-run", action="store_true", help="Chỉ báo, không ghi.")

        lst = actions.add_parser("list", help="Liệt kê các xã.")
        lst.add_argument("--format", choices=["table", "csv"], default="table")

        for name, text in (("disable", "Tạm ngừng"), ("enable", "Mở lại")):
            toggle = actions.add_parser(name, help=f"{text} trang công khai của xã.")
            toggle.add_argument("host")
            toggle.add_argument("--dry-run", action="store_true")

        move = actions.add_parser("move", help="Đổi tên miền của một xã.")
        move.add_argument("host")
        move.add_argument("new_host")
        move.add_argument("--dry-run", action="store_true")

    def handle(self, *args, action, **options):
        with translation.override("vi"):
            getattr(self, f"handle_{action}")(**options)

    # add ------------------------------------------------------------------

    def handle_add(self, *, host, name, kind, province, alias, dry_run, **options):
        spec = CommuneSpec(
            host=host,
            name=name,
            kind=kind,
            province=province,
            aliases=tuple(alias),
            agency=options["agency"],
            address=options["address"],
            phone=options["phone"],
            email=options["email"],
            scheme=options["scheme"],
        )
        try:
            result = communes.commune_create(spec, dry_run=dry_run)
        except CommuneSpecError as exc:
            raise CommandError(
                "\n".join(f"Cột “{e.column}”: {e.message}" for e in exc.errors)
            ) from exc
        verb = "Sẽ tạo" if dry_run else "Đã tạo"
        if not result.created:
            verb = "Sẽ cập nhật" if dry_run else "Đã cập nhật"
        if not result.changed:
            self.stdout.write(f"Xã {spec.host} đã đủ, không đổi gì.")
        else:
            self.stdout.write(f"{verb} xã “{spec.name}” ({spec.host}):")
            for line in result.made:
                self.stdout.write(f"  - {line}")
        created = int(result.created)
        updated = int(not result.created and result.changed)
        unchanged = int(not result.changed)
        self._counts(created, updated, unchanged, 0, dry_run)

    # import ----------------------------------------------------------------

    def handle_import(self, *, file, province, scheme, dry_run, **options):
        try:
            rows = read_rows(Path(file), province=province)
        except ImportFileError as exc:
            raise CommandError(str(exc)) from exc
        created = updated = unchanged = failed = 0
        seen: dict[str, int] = {}
        seen_names: dict[str, int] = {}
        for row in rows:
            row.spec.scheme = scheme
            host_col = row.columns.get("host", "host")
            name_col = row.columns.get("name", "name")
            problem = None
            if row.spec.host and row.spec.host in seen:
                problem = (
                    f"Dòng {row.number}, cột “{host_col}”: trùng tên miền với "
                    f"dòng {seen[row.spec.host]}."
                )
            elif row.spec.name and row.spec.name.lower() in seen_names:
                problem = (
                    f"Dòng {row.number}, cột “{name_col}”: trùng tên xã với "
                    f"dòng {seen_names[row.spec.name.lower()]}."
                )
            if problem is None:
                try:
                    with transaction.atomic():
                        result = communes.commune_create(row.spec, dry_run=dry_run)
                except CommuneSpecError as exc:
                    problem = "\n".join(
                        f"Dòng {row.number}, cột “{_column(row, e.column)}”: "
                        f"{e.message}"
                        for e in exc.errors
                    )
            if problem is not None:
                failed += 1
                self.stdout.write(problem)
                continue
            seen[row.spec.host] = row.number
            seen_names[row.spec.name.lower()] = row.number
            if result.created:
                created += 1
                state = "tạo mới"
            elif result.changed:
                updated += 1
                state = "cập nhật"
            else:
                unchanged += 1
                state = "không đổi"
            self.stdout.write(
                f"Dòng {row.number}: {row.spec.name} ({row.spec.host}): {state}."
            )
        self._counts(created, updated, unchanged, failed, dry_run)
        if failed:
            raise CommandError(
                f"{failed} dòng có lỗi (không tạo gì cho các dòng đó); sửa tệp rồi "
                "chạy lại: các dòng đã nhập sẽ không bị tạo lại."
            )

    # list --------------------------------------------------------------------

    def handle_list(self, *, format, **options):
        rows = commune_rows()
        if format == "csv":
            writer = csv.writer(self.stdout)
            writer.writerow([label for _key, label in LIST_COLUMNS])
            for row in rows:
                writer.writerow([_text(row, key) for key, _label in LIST_COLUMNS])
        else:
            for row in rows:
                self.stdout.write(
                    "  ".join(
                        f"{label}: {_text(row, key)}"
                        for key, label in LIST_COLUMNS
                        if key != "host"
                    ).join([f"{row.host}  ", ""])
                )
        self.stdout.write(f"Tổng: {len(rows)} xã.")

    # disable / enable / move ----------------------------------------------------

    def _toggle(self, host: str, enabled: bool, dry_run: bool) -> None:
        try:
            with transaction.atomic():
                changed = communes.commune_set_enabled(hostname=host, enabled=enabled)
                if dry_run:
                    transaction.set_rollback(True)
        except LookupError as exc:
            raise CommandError(_unknown(host)) from exc
        state = "hoạt động" if enabled else "tạm ngừng (trang bảo trì, mã 503)"
        if changed:
            prefix = "Sẽ chuyển" if dry_run else "Đã chuyển"
            self.stdout.write(f"{prefix} xã {host} sang {state}.")
        else:
            self.stdout.write(f"Xã {host} đã ở trạng thái {state}.")
        self._counts(0, int(changed), int(not changed), 0, dry_run)

    def handle_disable(self, *, host, dry_run, **options):
        self._toggle(host, False, dry_run)

    def handle_enable(self, *, host, dry_run, **options):
        self._toggle(host, True, dry_run)

    def handle_move(self, *, host, new_host, dry_run, **options):
        try:
            with transaction.atomic():
                site = communes.commune_host_change(
                    hostname=host, new_hostname=new_host
                )
                if dry_run:
                    transaction.set_rollback(True)
        except LookupError as exc:
            raise CommandError(_unknown(host)) from exc
        except CommuneSpecError as exc:
            raise CommandError(
                "\n".join(f"Cột “{e.column}”: {e.message}" for e in exc.errors)
            ) from exc
        prefix = "Sẽ chuyển" if dry_run else "Đã chuyển"
        self.stdout.write(
            f"{prefix} xã “{site.site_name}” từ {host} sang {site.hostname}; "
            f"địa chỉ cũ chuyển hướng (301) sang địa chỉ mới."
        )
        self._counts(0, 1, 0, 0, dry_run)

    def _counts(self, created, updated, unchanged, failed, dry_run) -> None:
        note = " (chạy thử, chưa ghi gì)" if dry_run else ""
        self.stdout.write(
            f"Xong{note}: tạo mới {created}, cập nhật {updated}, không đổi "
            f"{unchanged}, lỗi {failed}."
        )


def _column(row, field: str) -> str:
    return row.columns.get(field, field)


def _unknown(host: str) -> str:
    return f"Không có xã nào với tên miền “{host}” (xem `congxa commune list`)."


def _text(row, key: str) -> str:
    value = getattr(row, key)
    if key == "last_publish":
        return value.strftime("%d/%m/%Y %H:%M") if value else "chưa có"
    return str(value)
