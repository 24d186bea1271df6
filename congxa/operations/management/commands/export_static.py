"""`congxa export-static`: a static mirror of one commune's public site."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from congxa.operations.mirror import find_site, mirror_site


class Command(BaseCommand):
    help = (
        "Write every public page of a commune (and its images, styles and "
        "document files) as plain files with the same addresses, for nginx to "
        "serve when the app is down. Incremental: only changed files are written."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--site", required=True, metavar="HOST")
        parser.add_argument("--output", required=True, metavar="DIR")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Render and count, write nothing.",
        )

    def handle(
        self, *args: Any, site: str, output: str, dry_run: bool, **options: Any
    ) -> None:
        found = find_site(site)
        if found is None:
            raise CommandError(
                _("No commune site has the host name “%(host)s”.") % {"host": site}
            )
        folder = Path(output)
        if folder.exists() and not folder.is_dir():
            raise CommandError(
                _("%(path)s exists and is not a folder.") % {"path": folder}
            )
        verbosity = options.get("verbosity", 1)

        def progress(url: str, status: int) -> None:
            if verbosity > 1:
                self.stdout.write(f"{status} {url}")

        report = mirror_site(found, folder, dry_run=dry_run, on_url=progress)
        for url, status in report.failed:
            self.stderr.write(
                _("Could not export %(url)s (HTTP %(status)d).")
                % {"url": url, "status": status}
            )
        summary = _(
            "Written %(written)d, unchanged %(unchanged)d, removed %(removed)d, "
            "assets %(assets)d, failed %(failed)d."
        ) % {
            "written": report.written,
            "unchanged": report.unchanged,
            "removed": report.removed,
            "assets": report.assets,
            "failed": len(report.failed),
        }
        if dry_run:
            summary = _("Dry run, nothing written. %(summary)s") % {"summary": summary}
        if report.written + report.unchanged == 0:
            raise CommandError(_("Nothing to export: the site has no public page."))
        self.stdout.write(self.style.SUCCESS(summary))
