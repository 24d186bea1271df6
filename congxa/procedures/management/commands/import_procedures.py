from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from congxa.procedures.importers import ProcedureFileError
from congxa.procedures.services import ImportCounts, procedures_import_paths


class Command(BaseCommand):
    help = (
        "Import administrative procedures (JSON, crawled JSON, CSV or XLSX records "
        "of the National Public Service Portal) from files or folders. Updates by "
        "procedure code; a file with an invalid record is rejected whole."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Read and validate, report what would change, write nothing.",
        )

    def handle(self, *args: Any, paths: list[str], dry_run: bool, **options: Any):
        missing = [path for path in paths if not Path(path).exists()]
        if missing:
            raise CommandError(
                _("Not found: %(paths)s") % {"paths": ", ".join(missing)}
            )
        report = procedures_import_paths(
            paths=paths, dry_run=dry_run, on_file=self._progress
        )
        for path in report.skipped_files:
            self.stdout.write(
                _("Skipped %(file)s: not a .json, .csv or .xlsx file.")
                % {"file": path.name}
            )
        counts = report.counts
        summary = _(
            "Created %(created)d, updated %(updated)d, unchanged %(unchanged)d, "
            "failed files %(failed)d."
        ) % {
            "created": counts.created,
            "updated": counts.updated,
            "unchanged": counts.unchanged,
            "failed": len(report.failed_files),
        }
        if dry_run:
            summary = _("Dry run, nothing saved. %(summary)s") % {"summary": summary}
        if not report.imported_files and not report.failed_files:
            raise CommandError(_("No .json, .csv or .xlsx file to import."))
        if report.failed_files:
            self.stdout.write(summary)
            raise CommandError(
                _("%(count)d file(s) could not be imported; see the messages above.")
                % {"count": len(report.failed_files)}
            )
        self.stdout.write(self.style.SUCCESS(summary))

    def _progress(
        self, number: int, total: int, path: Path, outcome: ImportCounts | Exception
    ) -> None:
        prefix = f"[{number}/{total}] {path.name}: "
        if isinstance(outcome, ProcedureFileError):
            self.stderr.write(prefix + _("rejected, nothing from this file saved."))
            for message in outcome.messages:
                self.stderr.write(f"  {message}")
            return
        self.stdout.write(
            prefix
            + _("%(created)d created, %(updated)d updated, %(unchanged)d unchanged.")
            % {
                "created": outcome.created,
                "updated": outcome.updated,
                "unchanged": outcome.unchanged,
            }
        )
