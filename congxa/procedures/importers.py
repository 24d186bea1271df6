"""Read administrative procedure records ("congxa procedure record v1") from files.

Pure parsing: no database. Four inputs are accepted and all read back to the same
normalised records: structured JSON (one object or a list), the crawler's flat JSON
(table fields as one run of text), CSV (list fields as JSON arrays in cells) and XLSX
(first sheet). A file with any invalid record is rejected as a whole, so the caller
never half-imports a file; see ``read_procedure_file``.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

Record = dict[str, Any]

REQUIRED_FIELDS: tuple[str, ...] = ("ma_thu_tuc", "ten_thu_tuc")

# In the order of the format's table; CSV and XLSX headers use the same names.
FIELDS: tuple[str, ...] = (
    "ma_thu_tuc",
    "ten_thu_tuc",
    "detail_url",
    "so_quyet_dinh",
    "cap_thuc_hien",
    "loai_thu_tuc",
    "linh_vuc",
    "doi_tuong_thuc_hien",
    "co_quan_co_tham_quyen",
    "dia_chi_tiep_nhan",
    "co_quan_duoc_uy_quyen",
    "co_quan_phoi_hop",
    "thu_tuc_lien_quan",
    "trinh_tu_thuc_hien",
    "cach_thuc_thuc_hien",
    "thanh_phan_ho_so",
    "can_cu_phap_ly",
    "co_quan_thuc_hien",
    "yeu_cau_dieu_kien",
    "ket_qua_xu_ly",
    "muc_do_dvc",
    "raw_text",
)

# List-valued fields and the keys of their items (None: a list of strings).
LIST_FIELDS: dict[str, tuple[str, ...] | None] = {
    "trinh_tu_thuc_hien": None,
    "cach_thuc_thuc_hien": ("hinh_thuc", "thoi_han", "phi_le_phi", "mo_ta"),
    "thanh_phan_ho_so": ("nhom", "ten_giay_to", "mau_don", "so_luong"),
    "can_cu_phap_ly": ("ten_van_ban", "so_ky_hieu"),
    "ket_qua_xu_ly": ("ten", "ma"),
}

SUPPORTED_SUFFIXES: tuple[str, ...] = (".json", ".csv", ".xlsx")

# Fields stored in bounded database columns.
MAX_LENGTHS: dict[str, int] = {"ma_thu_tuc": 50, "muc_do_dvc": 50, "detail_url": 500}


class ProcedureFileError(Exception):
    """A file that cannot be imported; ``messages`` are Vietnamese, one per problem."""

    def __init__(self, path: Path, messages: list[str]) -> None:
        self.path = path
        self.messages = messages
        super().__init__("\n".join(messages))


# Python's json module explains errors in English; say it in Vietnamese.
JSON_REASONS = {
    "Unterminated string starting at": gettext_lazy("a text value is not closed"),
    "Expecting value": gettext_lazy("a value is missing"),
    "Expecting ',' delimiter": gettext_lazy("a comma is missing"),
    "Expecting ':' delimiter": gettext_lazy("a colon is missing"),
    "Expecting property name enclosed in double quotes": gettext_lazy(
        "a key is not in double quotes"
    ),
    "Extra data": gettext_lazy("there is more text after the end of the data"),
    "Invalid control character at": gettext_lazy("a control character is not allowed"),
}


def json_reason(message: str) -> str:
    return str(JSON_REASONS.get(message, _("the JSON syntax is not valid")))


def collect_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[Path]]:
    """Expand folders (not recursively) into importable files.

    Returns (files to import, files skipped because of their extension). A path
    that does not exist is returned as a file so that reading it reports the error.
    """
    files: list[Path] = []
    skipped: list[Path] = []
    for raw_path in paths:
        path = Path(raw_path)
        if path.is_dir():
            for child in sorted(path.iterdir()):
                if not child.is_file():
                    continue
                if child.suffix.lower() in SUPPORTED_SUFFIXES:
                    files.append(child)
                else:
                    skipped.append(child)
        else:
            files.append(path)
    return files, skipped


def read_procedure_file(path: str | Path) -> list[Record]:
    """Read and validate every record of one file, or raise ``ProcedureFileError``."""
    path = Path(path)
    name = path.name
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ProcedureFileError(
            path,
            [
                _("%(file)s: unsupported file type; use .json, .csv or .xlsx.")
                % {"file": name}
            ],
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ProcedureFileError(
            path,
            [
                _("%(file)s: cannot read the file (%(reason)s).")
                % {"file": name, "reason": exc.strerror or exc}
            ],
        ) from exc
    if suffix == ".json":
        rows = _rows_from_json(path, data)
    elif suffix == ".csv":
        rows = _rows_from_csv(path, data)
    else:
        rows = _rows_from_xlsx(path, data)
    return _validated(path, rows)


# Reading --------------------------------------------------------------------


def _decode_utf8(path: Path, data: bytes) -> str:
    """Decode UTF-8 (a leading BOM allowed); anything else is refused, never guessed."""
    bom = b"\xef\xbb\xbf"
    body = data[len(bom) :] if data.startswith(bom) else data
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = exc.start + (len(data) - len(body))
        line = data[:offset].count(b"\n") + 1
        raise ProcedureFileError(
            path,
            [
                _(
                    "%(file)s: the file is not UTF-8 text (first invalid byte at "
                    "offset %(offset)d, line %(line)d). Save it as UTF-8 and import "
                    "it again."
                )
                % {"file": path.name, "offset": offset, "line": line}
            ],
        ) from exc


def _rows_from_json(path: Path, data: bytes) -> list[tuple[str, Any]]:
    text = _decode_utf8(path, data)
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProcedureFileError(
            path,
            [
                _(
                    "%(file)s: invalid JSON at line %(line)d, column %(column)d "
                    "(%(reason)s)."
                )
                % {
                    "file": path.name,
                    "line": exc.lineno,
                    "column": exc.colno,
                    "reason": json_reason(exc.msg),
                }
            ],
        ) from exc
    if isinstance(parsed, dict):
        parsed = [parsed]
    if not isinstance(parsed, list):
        raise ProcedureFileError(
            path,
            [
                _("%(file)s: expected a record object or a list of records.")
                % {"file": path.name}
            ],
        )
    return [
        (_("record %(number)d") % {"number": number}, item)
        for number, item in enumerate(parsed, start=1)
    ]


def _missing_columns_error(path: Path, header: Iterable[Any]) -> None:
    present = {str(cell).strip() for cell in header if cell is not None}
    missing = [field for field in REQUIRED_FIELDS if field not in present]
    if missing:
        raise ProcedureFileError(
            path,
            [
                _("%(file)s: required columns are missing: %(columns)s.")
                % {"file": path.name, "columns": ", ".join(missing)}
            ],
        )


def _rows_from_csv(path: Path, data: bytes) -> list[tuple[str, Any]]:
    text = _decode_utf8(path, data)
    try:
        reader = csv.reader(io.StringIO(text, newline=""))
        header = next(reader, None)
        if header is None:
            raise ProcedureFileError(
                path, [_("%(file)s: the file is empty.") % {"file": path.name}]
            )
        header = [cell.strip() for cell in header]
        _missing_columns_error(path, header)
        rows: list[tuple[str, Any]] = []
        start_line = reader.line_num + 1
        number = 0
        for cells in reader:
            if any(cell.strip() for cell in cells):
                number += 1
                if len(cells) > len(header):
                    raise ProcedureFileError(
                        path,
                        [
                            _(
                                "%(file)s: %(position)s has more cells than the "
                                "header row."
                            )
                            % {
                                "file": path.name,
                                "position": _line_position(number, start_line),
                            }
                        ],
                    )
                row = dict(zip(header, cells, strict=False))
                rows.append((_line_position(number, start_line), row))
            start_line = reader.line_num + 1
    except csv.Error as exc:
        raise ProcedureFileError(
            path,
            [
                _("%(file)s: invalid CSV near line %(line)d (%(reason)s).")
                % {"file": path.name, "line": reader.line_num, "reason": exc}
            ],
        ) from exc
    return rows


def _line_position(number: int, line: int) -> str:
    return _("record %(number)d (line %(line)d)") % {"number": number, "line": line}


def _rows_from_xlsx(path: Path, data: bytes) -> list[tuple[str, Any]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ProcedureFileError(
            path,
            [
                _("%(file)s: not a readable XLSX workbook (%(reason)s).")
                % {"file": path.name, "reason": exc}
            ],
        ) from exc
    try:
        sheet = workbook.worksheets[0]
        lines = sheet.iter_rows(values_only=True)
        header = next(lines, None)
        if header is None:
            raise ProcedureFileError(
                path, [_("%(file)s: the file is empty.") % {"file": path.name}]
            )
        names = ["" if cell is None else str(cell).strip() for cell in header]
        _missing_columns_error(path, names)
        rows: list[tuple[str, Any]] = []
        number = 0
        for sheet_row, cells in enumerate(lines, start=2):
            if not any(cell not in (None, "") for cell in cells):
                continue
            number += 1
            position = _("record %(number)d (row %(row)d)") % {
                "number": number,
                "row": sheet_row,
            }
            row = {
                name: _xlsx_cell(path, position, name, cell)
                for name, cell in zip(names, cells, strict=False)
                if name
            }
            rows.append((position, row))
    finally:
        workbook.close()
    return rows


def _xlsx_cell(path: Path, position: str, column: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if column == "ma_thu_tuc":
        # A code typed as a number has lost its trailing zeros (1.000650 -> 1.00065).
        raise ProcedureFileError(
            path,
            [
                _(
                    "%(file)s: %(position)s: the procedure code is stored as a "
                    "number; format the ma_thu_tuc column as text."
                )
                % {"file": path.name, "position": position}
            ],
        )
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# Validation and normalisation -----------------------------------------------


def _validated(path: Path, rows: list[tuple[str, Any]]) -> list[Record]:
    errors: list[str] = []
    records: list[Record] = []
    first_seen: dict[str, str] = {}
    if not rows:
        raise ProcedureFileError(
            path, [_("%(file)s: the file has no records.") % {"file": path.name}]
        )
    for position, row in rows:
        try:
            record = normalise_record(row)
        except ValueError as exc:
            errors.append(
                _("%(file)s: %(position)s: %(reason)s")
                % {"file": path.name, "position": position, "reason": exc}
            )
            continue
        missing = [field for field in REQUIRED_FIELDS if not record[field].strip()]
        if missing:
            label = record["ten_thu_tuc"] or record["ma_thu_tuc"]
            described = f"{position} ({label})" if label else position
            errors.append(
                _("%(file)s: %(position)s has no %(fields)s.")
                % {
                    "file": path.name,
                    "position": described,
                    "fields": ", ".join(_field_label(field) for field in missing),
                }
            )
            continue
        too_long = [
            field for field, limit in MAX_LENGTHS.items() if len(record[field]) > limit
        ]
        if too_long:
            errors.append(
                _("%(file)s: %(position)s: %(fields)s is too long.")
                % {
                    "file": path.name,
                    "position": position,
                    "fields": ", ".join(too_long),
                }
            )
            continue
        code = record["ma_thu_tuc"]
        if code in first_seen:
            errors.append(
                _(
                    "%(file)s: procedure code %(code)s appears twice: %(first)s and "
                    "%(second)s."
                )
                % {
                    "file": path.name,
                    "code": code,
                    "first": first_seen[code],
                    "second": position,
                }
            )
            continue
        first_seen[code] = position
        records.append(record)
    if errors:
        raise ProcedureFileError(path, errors)
    return records


def _field_label(field: str) -> str:
    labels = {
        "ma_thu_tuc": _("procedure code (ma_thu_tuc)"),
        "ten_thu_tuc": _("procedure name (ten_thu_tuc)"),
    }
    return labels[field]


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def normalise_record(row: Any) -> Record:
    """Return a record with every field of the format, NFC text and parsed lists.

    Raises ``ValueError`` (Vietnamese message) for a value of the wrong shape.
    """
    if not isinstance(row, Mapping):
        raise ValueError(_("a record must be a JSON object."))
    record: Record = {}
    for field in FIELDS:
        value = row.get(field)
        if field in LIST_FIELDS:
            record[field] = _normalise_list(field, value)
        else:
            record[field] = _text(field, value)
    record["ma_thu_tuc"] = record["ma_thu_tuc"].strip()
    record["ten_thu_tuc"] = record["ten_thu_tuc"].strip()
    return record


def _text(field: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ValueError(_("field %(field)s must be text.") % {"field": field})
    return nfc(str(value))


def _normalise_list(field: str, value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, str):
        stripped = value.strip()
        if stripped.startswith("["):
            # The spreadsheet variant stores list fields as JSON-encoded arrays.
            try:
                value = json.loads(stripped)
            except json.JSONDecodeError as exc:
                raise ValueError(
                    _("column %(field)s holds invalid JSON (%(reason)s).")
                    % {"field": field, "reason": json_reason(exc.msg)}
                ) from exc
        else:
            return FLAT_PARSERS[field](nfc(value))
    if not isinstance(value, list):
        raise ValueError(
            _("field %(field)s must be text or a list.") % {"field": field}
        )
    keys = LIST_FIELDS[field]
    items: list[Any] = []
    for item in value:
        if keys is None:
            items.append(_text(field, item))
            continue
        if not isinstance(item, Mapping):
            raise ValueError(
                _("each item of %(field)s must be an object with keys %(keys)s.")
                % {"field": field, "keys": ", ".join(keys)}
            )
        items.append({key: _text(f"{field}.{key}", item.get(key)) for key in keys})
    return items


# The crawler's flat form ------------------------------------------------------
#
# The portal's tables arrive with every cell boundary removed. These parsers cut
# them back into rows using what the format guarantees (fixed headers, channel
# names, quantities like "1 bản chính", "Mã: " before result codes) and a few
# typographic cues where cells were glued ("...NĐ-CPPhụ lục IV.docx").

_STEP_MARKER = re.compile(
    r"^(?:[-+*•–]|\((?:[ivxlcdm]+|\d+|[a-zđ])\)|[a-zđ]\)|\d+[.)]|Bước\s*\d+)",
    re.IGNORECASE,
)


def parse_flat_steps(text: str) -> list[str]:
    """Split a step text into items: a line starting with a list marker starts one."""
    steps: list[str] = []
    for raw_line in text.splitlines():
        line = raw_line.strip()
        if not line:
            continue
        if steps and not _STEP_MARKER.match(line):
            steps[-1] = f"{steps[-1]}\n{line}"
        else:
            steps.append(line)
    return steps


_CHANNEL_HEADER = "Hình thức nộpThời gianPhí, lệ phíMô tả"
_CHANNELS = ("Dịch vụ bưu chính", "Trực tuyến", "Trực tiếp")
_TIME = (
    r"(?:Không có thông tin|\d+(?:[.,]\d+)?"
    r"(?:\s*(?:Ngày làm việc|Giờ làm việc|Ngày|Giờ|Tuần|Tháng|Năm|Phút))?)"
)
_FEE = (
    r"(?:Miễn phí|Không có thông tin|Không"
    r"|\d[\d.,]*\s*(?:Việt Nam Đồng|VNĐ|VND|đồng|Đồng|USD|EUR))"
)
_CHANNEL_ROW = re.compile(
    rf"(?P<channel>{'|'.join(_CHANNELS)})(?P<time>{_TIME})(?P<fee>{_FEE})"
)


def _balanced_bracket_end(text: str, start: int) -> int:
    """Index just after the bracket group opening at ``start`` (or ``start``)."""
    if start >= len(text) or text[start] != "(":
        return start
    depth = 0
    for index in range(start, len(text)):
        if text[index] == "(":
            depth += 1
        elif text[index] == ")":
            depth -= 1
            if depth == 0:
                return index + 1
    return len(text)


def parse_flat_channels(text: str) -> list[dict[str, str]]:
    body = text.strip()
    if not body:
        return []
    if body.startswith(_CHANNEL_HEADER):
        body = body[len(_CHANNEL_HEADER) :]
    rows: list[dict[str, str]] = []
    position = 0
    matches: list[re.Match[str]] = []
    while True:
        match = _CHANNEL_ROW.search(body, position)
        if match is None:
            break
        matches.append(match)
        # A fee note in brackets may itself contain a channel name.
        position = _balanced_bracket_end(body, match.end())
        position = max(position, match.end())
    if not matches:
        return [{"hinh_thuc": "", "thoi_han": "", "phi_le_phi": "", "mo_ta": body}]
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(body)
        fee_end = _balanced_bracket_end(body, match.end())
        rows.append(
            {
                "hinh_thuc": match["channel"],
                "thoi_han": match["time"].strip(),
                "phi_le_phi": body[match.start("fee") : fee_end].strip(),
                "mo_ta": body[fee_end:end].strip(),
            }
        )
    return rows


_DOCUMENT_HEADER = "Tên giấy tờMẫu đơn, tờ khaiSố lượng"
_QUANTITY = re.compile(r"\d bản (?:chính|sao)(?:,\s*\d bản (?:chính|sao))*")
_FORM_FILE = re.compile(r"\.(?:docx?|xlsx?|pdf|odt|ods|rtf|zip|rar)$", re.IGNORECASE)


def _group_heading(text: str) -> str:
    heading = text.strip()
    if heading in ("", "--"):
        return ""
    heading = re.sub(r"^[*\-•]\s*", "", heading)
    return heading.removesuffix(":").strip()


def _glued_word_starts(text: str) -> list[int]:
    """Positions where a word starts right after a non-space (a lost cell boundary)."""
    starts: list[int] = []
    for index in range(1, len(text)):
        before, here = text[index - 1], text[index]
        if before.isspace() or before in "([{/-'\"“":
            continue
        following = text[index + 1] if index + 1 < len(text) else ""
        capitalised = here.isupper() and following.islower()
        numbered = here.isdigit() and before in ".);:"
        if capitalised or numbered:
            starts.append(index)
    return starts


def _split_form_file(text: str) -> tuple[str, str]:
    """Split "<document name><form file name>" when the text ends with a file name."""
    if not _FORM_FILE.search(text):
        return text.strip(), ""
    starts = _glued_word_starts(text)
    if not starts:
        return text.strip(), ""
    cut = starts[0]
    return text[:cut].strip(), text[cut:].strip()


def parse_flat_documents(text: str) -> list[dict[str, str]]:
    body = text.strip()
    if not body:
        return []
    if _DOCUMENT_HEADER not in body:
        return [{"nhom": "", "ten_giay_to": body, "mau_don": "", "so_luong": ""}]
    segments = body.split(_DOCUMENT_HEADER)
    heading = _group_heading(segments[0])
    items: list[dict[str, str]] = []
    for segment in segments[1:]:
        position = 0
        for match in _QUANTITY.finditer(segment):
            name, form = _split_form_file(segment[position : match.start()])
            items.append(
                {
                    "nhom": heading,
                    "ten_giay_to": name,
                    "mau_don": form,
                    "so_luong": match.group(),
                }
            )
            position = match.end()
        # What follows the last quantity is the next group's heading.
        heading = _group_heading(segment[position:])
    return items


_LEGAL_HEADER = "Tên văn bản pháp lýMã văn bản"
_SYMBOL = re.compile(r"\d+(?:\.\d+)?/(?:\d{4}/)?[A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)*$")
_DATE_END = re.compile(r"(?:\d{1,2}/\d{1,2}/)?(?:19|20)\d{2}$")
_DOCUMENT_KIND_END = re.compile(
    r"(?:Luật|Bộ luật|Nghị định|Nghị quyết|Thông tư liên tịch|Thông tư|Quyết định"
    r"|Pháp lệnh|Chỉ thị)(?: số)? ?$"
)


def _legal_code_start(pair: str) -> int:
    """Where the code begins in "<name><code>", the code being a document symbol.

    Cells were glued, so "Luật 60/2014/QH1360/2014/QH13" and "ngày 29/6/202443/
    2024/QH15" are ambiguous: prefer a code the name repeats, then one after a
    date, then one that does not start inside a number.
    """
    candidates = [
        start
        for start in range(1, len(pair))
        if pair[start].isdigit() and _SYMBOL.match(pair[start:])
    ]
    if not candidates:
        return len(pair)
    chosen = next((s for s in candidates if pair[s:] in pair[:s]), None)
    if chosen is None:
        chosen = next((s for s in candidates if _DATE_END.search(pair[:s])), None)
    if chosen is None:
        chosen = next(
            (s for s in candidates if not pair[s - 1].isdigit()), candidates[0]
        )
    # "Thông tư số 03/2023/TT-BTP" can itself be the code, glued to the name.
    kind = _DOCUMENT_KIND_END.search(pair[:chosen])
    if kind and kind.start() > 0 and not pair[kind.start() - 1].isspace():
        chosen = kind.start()
    return chosen


def parse_flat_legal_basis(text: str) -> list[dict[str, str]]:
    body = text.strip()
    if not body:
        return []
    if body.startswith(_LEGAL_HEADER):
        body = body[len(_LEGAL_HEADER) :]
    # A pair ends where a symbol is directly followed by the next name's capital.
    ends = [
        index
        for index in _glued_word_starts(body)
        if body[index].isupper() and _SYMBOL.search(body[:index])
    ]
    ends.append(len(body))
    items: list[dict[str, str]] = []
    position = 0
    for end in ends:
        pair = body[position:end]
        if not pair.strip():
            continue
        cut = _legal_code_start(pair)
        items.append(
            {"ten_van_ban": pair[:cut].strip(), "so_ky_hieu": pair[cut:].strip()}
        )
        position = end
    return items


_RESULT_CODE = re.compile(r"Mã:\s*(?P<code>[A-Z0-9]+(?:\.[A-Z0-9]+)*)")
_PAGE_FURNITURE = "Từ khóa"


def parse_flat_results(text: str) -> list[dict[str, str]]:
    body = text.strip()
    cut = body.rfind(_PAGE_FURNITURE)
    if cut != -1:
        body = body[:cut]
    body = body.strip()
    if not body:
        return []
    items: list[dict[str, str]] = []
    position = 0
    for match in _RESULT_CODE.finditer(body):
        end = match.end("code")
        # The next result's name is glued to the code: "KQ.G10.000535Văn bản".
        if end < len(body) and body[end].islower() and end - 1 > match.start("code"):
            end -= 1
        items.append(
            {
                "ten": body[position : match.start()].strip(),
                "ma": body[match.start("code") : end],
            }
        )
        position = end
    rest = body[position:].strip()
    if rest:
        items.append({"ten": rest, "ma": ""})
    return items


FLAT_PARSERS = {
    "trinh_tu_thuc_hien": parse_flat_steps,
    "cach_thuc_thuc_hien": parse_flat_channels,
    "thanh_phan_ho_so": parse_flat_documents,
    "can_cu_phap_ly": parse_flat_legal_basis,
    "ket_qua_xu_ly": parse_flat_results,
}
