"""`import_procedures`: counts, idempotence, and bad files that save nothing."""

import io
import shutil

import pytest
from django.core.management import CommandError, call_command

from congxa.procedures.models import AdministrativeProcedure


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_procedures", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def run_failing(*args):
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command("import_procedures", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue(), str(error.value)


@pytest.mark.django_db
def test_import_creates_then_a_second_run_changes_nothing(samples):
    out, _ = run(samples / "procedures.json")
    assert "Tạo mới 6, cập nhật 0, không đổi 0, tệp lỗi 0." in out
    first = {p.code: p.updated_at for p in AdministrativeProcedure.objects.all()}

    out, _ = run(samples / "procedures.json")
    assert "Tạo mới 0, cập nhật 0, không đổi 6, tệp lỗi 0." in out
    assert AdministrativeProcedure.objects.count() == 6
    assert {p.code: p.updated_at for p in AdministrativeProcedure.objects.all()} == (
        first
    )


@pytest.mark.django_db
def test_every_form_of_the_samples_gives_the_same_catalog(samples):
    out, _ = run(
        samples / "procedures.json",
        samples / "procedures.csv",
        samples / "procedures.xlsx",
    )
    assert "[1/3] procedures.json: tạo mới 6" in out
    assert "[2/3] procedures.csv: tạo mới 0, cập nhật 0, không đổi 6." in out
    assert "[3/3] procedures.xlsx: tạo mới 0, cập nhật 0, không đổi 6." in out


@pytest.mark.django_db
def test_crawled_file_updates_only_its_full_page_text(samples):
    run(samples / "procedures.json")
    out, _ = run(samples / "raw")
    assert "Tạo mới 0, cập nhật 2, không đổi 0, tệp lỗi 0." in out
    land = AdministrativeProcedure.objects.get(code="1.012812")
    assert land.raw_text.startswith("Hòa giải tranh chấp đất đai")
    assert land.legal_basis[1]["so_ky_hieu"] == "118/2025/NĐ-C"


@pytest.mark.django_db
def test_reimport_updates_by_code(samples, tmp_path):
    run(samples / "procedures.json")
    path = tmp_path / "renamed.json"
    path.write_text(
        '{"ma_thu_tuc": "1.001193", "ten_thu_tuc": "Đăng ký khai sinh (mới)"}',
        encoding="utf-8",
    )
    out, _ = run(path)
    assert "Tạo mới 0, cập nhật 1" in out
    assert AdministrativeProcedure.objects.filter(code="1.001193").count() == 1
    assert AdministrativeProcedure.objects.get(code="1.001193").name == (
        "Đăng ký khai sinh (mới)"
    )


@pytest.mark.django_db
def test_bad_folder_imports_nothing_and_fails(samples):
    out, err, message = run_failing(samples / "bad")
    assert AdministrativeProcedure.objects.count() == 0
    assert "Có 5 tệp không nhập được" in message
    assert "Tạo mới 0, cập nhật 0, không đổi 0, tệp lỗi 5." in out
    assert "missing_code.json: bị từ chối, không lưu gì từ tệp này." in err
    assert "bản ghi 2 (Hòa giải tranh chấp đất đai) thiếu mã thủ tục" in err
    assert "JSON không hợp lệ ở dòng 17, cột 7" in err
    assert "mã thủ tục 1.012812 bị trùng ở bản ghi 1 và bản ghi 2" in err
    assert "không phải văn bản UTF-8 (byte sai đầu tiên ở vị trí 436, dòng 2)" in err
    assert "thiếu cột bắt buộc: ma_thu_tuc, ten_thu_tuc" in err


@pytest.mark.django_db
def test_one_bad_file_does_not_stop_the_others(samples, tmp_path):
    shutil.copy(samples / "bad" / "missing_code.json", tmp_path / "a.json")
    shutil.copy(samples / "procedures.csv", tmp_path / "b.csv")
    out, err, _ = run_failing(tmp_path)
    assert "Tạo mới 6, cập nhật 0, không đổi 0, tệp lỗi 1." in out
    # The valid record 1 of the bad file is not saved on its own.
    assert set(AdministrativeProcedure.objects.values_list("code", flat=True)) == {
        "1.001193",
        "1.000656",
        "2.000815",
        "1.004194",
        "1.012812",
        "1.008004",
    }


@pytest.mark.django_db
def test_dry_run_writes_nothing(samples):
    out, _ = run(samples / "procedures.json", "--dry-run")
    assert "Chạy thử, không lưu gì. Tạo mới 6" in out
    assert AdministrativeProcedure.objects.count() == 0


@pytest.mark.django_db
def test_missing_path_is_a_vietnamese_error(tmp_path):
    _, _, message = run_failing(tmp_path / "khong-co.json")
    assert message.startswith("Không tìm thấy:")
