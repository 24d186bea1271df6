"""Reading procedure files: the four forms agree, bad files are refused whole."""

import json
import shutil
import unicodedata

import pytest
from openpyxl import Workbook

from congxa.procedures.importers import (
    FIELDS,
    ProcedureFileError,
    collect_files,
    parse_flat_steps,
    read_procedure_file,
)


def by_code(records):
    return {record["ma_thu_tuc"]: record for record in records}


def refusal(path) -> str:
    with pytest.raises(ProcedureFileError) as error:
        read_procedure_file(path)
    return str(error.value)


def test_json_reads_six_records_with_every_field(samples):
    records = read_procedure_file(samples / "procedures.json")
    assert [r["ma_thu_tuc"] for r in records] == [
        "1.001193",
        "1.000656",
        "2.000815",
        "1.004194",
        "1.012812",
        "1.008004",
    ]
    assert all(set(r) == set(FIELDS) for r in records)
    birth = records[0]
    assert birth["ten_thu_tuc"] == "Thủ tục đăng ký khai sinh"
    assert birth["ket_qua_xu_ly"] == [{"ten": "Giấy khai sinh", "ma": "KQ.G15.000031"}]


@pytest.mark.parametrize("name", ["procedures.csv", "procedures.xlsx"])
def test_spreadsheets_read_back_to_the_json_records(samples, name):
    expected = read_procedure_file(samples / "procedures.json")
    assert read_procedure_file(samples / name) == expected


@pytest.mark.parametrize("code", ["1.008004", "1.012812"])
def test_crawled_flat_file_reads_back_to_the_structured_record(samples, code):
    structured = by_code(read_procedure_file(samples / "procedures.json"))[code]
    (crawled,) = read_procedure_file(samples / "raw" / f"{code}.json")
    assert crawled["raw_text"].startswith(crawled["ten_thu_tuc"])
    crawled["raw_text"] = ""
    assert crawled == structured


def test_crawled_fees_keep_their_bracketed_note(samples):
    (crawled,) = read_procedure_file(samples / "raw" / "1.012812.json")
    post, direct = crawled["cach_thuc_thuc_hien"]
    assert post["hinh_thuc"] == "Dịch vụ bưu chính"
    assert post["thoi_han"] == "30 Ngày"
    assert post["phi_le_phi"].startswith("Miễn phí(Theo quy định")
    assert direct["thoi_han"] == "40 Ngày"


def test_crawled_legal_basis_keeps_the_source_slip(samples):
    (crawled,) = read_procedure_file(samples / "raw" / "1.012812.json")
    codes = [law["so_ky_hieu"] for law in crawled["can_cu_phap_ly"]]
    assert codes == ["102/2024/NĐ-CP", "118/2025/NĐ-C", "43/2024/QH15"]


def test_step_lines_without_a_marker_join_the_previous_step():
    text = "a) Bước 1: Gửi hồ sơ\nNgười dân nộp hồ sơ.\n- Trường hợp nộp trực tiếp; \n"
    assert parse_flat_steps(text) == [
        "a) Bước 1: Gửi hồ sơ\nNgười dân nộp hồ sơ.",
        "- Trường hợp nộp trực tiếp;",
    ]


def test_missing_code_names_the_file_and_record_2(samples):
    message = refusal(samples / "bad" / "missing_code.json")
    assert "missing_code.json" in message
    assert "bản ghi 2" in message
    assert "Hòa giải tranh chấp đất đai" in message
    assert "thiếu mã thủ tục (ma_thu_tuc)" in message


def test_broken_json_names_line_17_column_7(samples):
    message = refusal(samples / "bad" / "bad_json.json")
    assert "bad_json.json: JSON không hợp lệ ở dòng 17, cột 7" in message
    assert "chưa được đóng" in message and "Unterminated" not in message


def test_duplicate_codes_name_the_code_and_both_records(samples):
    message = refusal(samples / "bad" / "duplicate_codes.json")
    assert (
        "duplicate_codes.json: mã thủ tục 1.012812 bị trùng ở bản ghi 1 và bản ghi 2"
        in message
    )


def test_windows_1258_csv_is_refused_with_the_byte_offset(samples):
    message = refusal(samples / "bad" / "windows1258.csv")
    assert "windows1258.csv: tệp không phải văn bản UTF-8" in message
    assert "vị trí 436, dòng 2" in message


def test_csv_with_other_columns_names_the_missing_ones(samples):
    message = refusal(samples / "bad" / "wrong_columns.csv")
    assert "wrong_columns.csv: thiếu cột bắt buộc: ma_thu_tuc, ten_thu_tuc" in message


def test_csv_with_a_bom_is_read(samples, tmp_path):
    path = tmp_path / "bom.csv"
    data = (samples / "procedures.csv").read_bytes()
    path.write_bytes(b"\xef\xbb\xbf" + data.removeprefix(b"\xef\xbb\xbf"))
    assert len(read_procedure_file(path)) == 6


def test_text_is_normalised_to_nfc(tmp_path):
    decomposed = unicodedata.normalize("NFD", "Đăng ký tạm trú")
    path = tmp_path / "one.json"
    path.write_text(
        json.dumps({"ma_thu_tuc": "1.004194", "ten_thu_tuc": decomposed}),
        encoding="utf-8",
    )
    (record,) = read_procedure_file(path)
    assert record["ten_thu_tuc"] == "Đăng ký tạm trú"
    assert record["cach_thuc_thuc_hien"] == []
    assert record["linh_vuc"] == ""


def test_xlsx_code_typed_as_a_number_is_refused(tmp_path):
    workbook = Workbook()
    workbook.active.append(["ma_thu_tuc", "ten_thu_tuc"])
    workbook.active.append([1.00065, "Thủ tục thử"])
    path = tmp_path / "numbers.xlsx"
    workbook.save(path)
    message = refusal(path)
    assert "mã thủ tục đang được lưu dạng số" in message
    assert "hàng 2" in message


def test_a_file_that_is_not_a_workbook_is_refused(tmp_path):
    path = tmp_path / "fake.xlsx"
    path.write_bytes(b"%PDF-1.4 not a workbook")
    assert "fake.xlsx: không đọc được tệp XLSX" in refusal(path)


def test_a_folder_lists_its_importable_files_only(samples, tmp_path):
    shutil.copy(samples / "procedures.json", tmp_path / "a.json")
    shutil.copy(samples / "bad" / "wrong_columns.csv", tmp_path / "b.csv")
    (tmp_path / "README.md").write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    files, skipped = collect_files([tmp_path])
    assert [f.name for f in files] == ["a.json", "b.csv"]
    assert [f.name for f in skipped] == ["README.md"]
