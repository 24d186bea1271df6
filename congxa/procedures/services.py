"""Writes to the procedure catalog: importing files of portal records."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction

from congxa.portal import invalidation

from .importers import (
    ProcedureFileError,
    Record,
    collect_files,
    read_procedure_file,
)
from .models import AdministrativeProcedure

# Record key -> model field.
FIELD_MAP: dict[str, str] = {
    "ma_thu_tuc": "code",
    "ten_thu_tuc": "name",
    "detail_url": "detail_url",
    "so_quyet_dinh": "decision_number",
    "cap_thuc_hien": "level",
    "loai_thu_tuc": "procedure_type",
    "linh_vuc": "sector",
    "doi_tuong_thuc_hien": "target_groups",
    "co_quan_co_tham_quyen": "competent_agency",
    "dia_chi_tiep_nhan": "receiving_address",
    "co_quan_duoc_uy_quyen": "authorised_agency",
    "co_quan_phoi_hop": "coordinating_agency",
    "thu_tuc_lien_quan": "related_procedures",
    "trinh_tu_thuc_hien": "steps",
    "cach_thuc_thuc_hien": "channels",
    "thanh_phan_ho_so": "documents",
    "can_cu_phap_ly": "legal_basis",
    "co_quan_thuc_hien": "implementing_agency",
    "yeu_cau_dieu_kien": "conditions",
    "ket_qua_xu_ly": "results",
    "muc_do_dvc": "online_service_level",
    "raw_text": "raw_text",
}


@dataclass
class ImportCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def add(self, other: ImportCounts) -> None:
        self.created += other.created
        self.updated += other.updated
        self.unchanged += other.unchanged


@dataclass
class ImportReport:
    counts: ImportCounts = field(default_factory=ImportCounts)
    failed_files: list[ProcedureFileError] = field(default_factory=list)
    imported_files: list[Path] = field(default_factory=list)
    skipped_files: list[Path] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed_files


def record_values(record: Record) -> dict[str, Any]:
    """Model field values for one normalised record."""
    return {model_field: record[key] for key, model_field in FIELD_MAP.items()}


def procedures_save_records(
    *, records: Iterable[Record], dry_run: bool = False
) -> ImportCounts:
    """Create or update procedures by code, in one transaction; never duplicates."""
    records = list(records)
    counts = ImportCounts()
    with transaction.atomic():
        existing = AdministrativeProcedure.objects.in_bulk(
            [record["ma_thu_tuc"] for record in records], field_name="code"
        )
        for record in records:
            values = record_values(record)
            procedure = existing.get(values["code"])
            if procedure is None:
                counts.created += 1
                if not dry_run:
                    AdministrativeProcedure.objects.create(**values)
                continue
            changed = [
                name
                for name, value in values.items()
                if getattr(procedure, name) != value
            ]
            if not changed:
                counts.unchanged += 1
                continue
            counts.updated += 1
            if not dry_run:
                for name in changed:
                    setattr(procedure, name, values[name])
                procedure.save(update_fields=[*changed, "updated_at"])
    return counts


def procedures_import_paths(
    *,
    paths: Iterable[str | Path],
    dry_run: bool = False,
    on_file: Callable[[int, int, Path, ImportCounts | ProcedureFileError], None]
    | None = None,
) -> ImportReport:
    """Import files and folders; a bad file is reported and skipped, the rest go on.

    The catalog shows on every commune's pages: they are invalidated once, at
    the end, not once per procedure.
    """
    files, skipped = collect_files(paths)
    report = ImportReport(skipped_files=skipped)
    with invalidation.deferred():
        _import_files(files, report, dry_run=dry_run, on_file=on_file)
    return report


def _import_files(files, report, *, dry_run, on_file) -> None:
    for number, path in enumerate(files, start=1):
        try:
            records = read_procedure_file(path)
        except ProcedureFileError as error:
            report.failed_files.append(error)
            if on_file:
                on_file(number, len(files), path, error)
            continue
        counts = procedures_save_records(records=records, dry_run=dry_run)
        report.counts.add(counts)
        report.imported_files.append(path)
        if on_file:
            on_file(number, len(files), path, counts)
