"""Reading a province's list of communes from a CSV or XLSX file."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from congxa.portal.communes import CommuneSpec
from congxa.portal.enums import CommuneKind
from congxa.vi.text import fold

# Column names a province may use, folded (no tones, lower case) -> field.
COLUMNS = {
    "name": "name",
    "ten": "name",
    "ten xa": "name",
    "ten don vi": "name",
    "kind": "kind",
    "loai": "kind",
    "host": "host",
    "ten mien": "host",
    "aliases": "aliases",
    "alias": "aliases",
    "ten mien phu": "aliases",
    "agency": "agency",
    "co quan chu quan": "agency",
    "address": "address",
    "dia chi": "address",
    "phone": "phone",
    "dien thoai": "phone",
    "so dien thoai": "phone",
    "email": "email",
    "thu dien tu": "email",
}
REQUIRED = ("name", "kind", "host")
KINDS = {
    "xa": CommuneKind.COMMUNE,
    "phuong": CommuneKind.WARD,
    "dac-khu": CommuneKind.SPECIAL_ZONE,
    "dac khu": CommuneKind.SPECIAL_ZONE,
}


class ImportFileError(Exception):
    """The file as a whole cannot be read (Vietnamese message)."""


@dataclass
class Row:
    number: int  # as a spreadsheet shows it: the header is row 1
    spec: CommuneSpec
    columns: dict[str, str]  # field -> the column's name in the file


def _cells_from_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    for number, line in enumerate(raw.splitlines(), start=1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ImportFileError(
                f"Dòng {number}, cột {_column_at(line, exc.start)}: tệp không phải "
                "UTF-8. Hãy lưu lại tệp CSV với bảng mã UTF-8 (trong Excel: "
                "“CSV UTF-8”)."
            ) from exc
    text = raw.decode("utf-8")
    sample = text[:2048]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return list(csv.reader(io.StringIO(text), dialect))


def _column_at(line: bytes, offset: int) -> int:
    """1-based column of a byte offset, counting separators before it."""
    before = line[:offset]
    return max(before.count(b","), before.count(b";"), before.count(b"\t")) + 1


def _cells_from_xlsx(path: Path) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 (any unreadable workbook)
        raise ImportFileError(
            f"Không đọc được tệp Excel {path.name}: tệp hỏng hoặc không phải .xlsx."
        ) from exc
    sheet = workbook.worksheets[0]
    rows = []
    for values in sheet.iter_rows(values_only=True):
        rows.append(["" if value is None else str(value) for value in values])
    workbook.close()
    return rows


def read_rows(path: Path, *, province: str = "") -> list[Row]:
    if not path.exists():
        raise ImportFileError(f"Không có tệp {path}.")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        cells = _cells_from_csv(path)
    elif suffix == ".xlsx":
        cells = _cells_from_xlsx(path)
    else:
        raise ImportFileError(f"Tệp {path.name}: chỉ nhận tệp .csv (UTF-8) hoặc .xlsx.")
    cells = [row for row in cells if any(cell.strip() for cell in row)]
    if not cells:
        raise ImportFileError(f"Tệp {path.name} không có dòng nào.")
    header = cells[0]
    fields: dict[int, str] = {}
    names: dict[str, str] = {}
    for index, title in enumerate(header):
        key = COLUMNS.get(fold(title).strip())
        if key and key not in names:
            fields[index] = key
            names[key] = title.strip()
    missing = [key for key in REQUIRED if key not in names]
    if missing:
        raise ImportFileError(
            f"Dòng 1: thiếu cột {', '.join(missing)} (cần các cột name, kind, host; "
            "có thể thêm aliases, agency, address, phone, email)."
        )
    rows = []
    for number, values in enumerate(cells[1:], start=2):
        data = dict.fromkeys(COLUMNS.values(), "")
        for index, key in fields.items():
            if index < len(values):
                data[key] = values[index].strip()
        kind_text = fold(data["kind"]).strip()
        kind = KINDS.get(kind_text, data["kind"])
        aliases = tuple(
            part for part in data["aliases"].replace(";", " ").replace(",", " ").split()
        )
        spec = CommuneSpec(
            host=data["host"],
            name=data["name"],
            kind=kind,
            province=province,
            aliases=aliases,
            agency=data["agency"],
            address=data["address"],
            phone=data["phone"],
            email=data["email"],
        )
        rows.append(Row(number=number, spec=spec, columns=names))
    return rows
