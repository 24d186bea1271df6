from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from congxa.editorial import manuals


class Command(BaseCommand):
    help = (
        "Build the user and administrator manuals (congxa/editorial/manuals/) into "
        "printable HTML and PDF."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            default=manuals.DEFAULT_OUTPUT,
            help="Folder to write the HTML and PDF files into (build/manuals/).",
        )
        parser.add_argument(
            "--no-pdf", action="store_true", help="Write only the HTML files."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the sources, write nothing."
        )

    def handle(self, *args, output, no_pdf, dry_run, **options):
        try:
            result = manuals.build(
                output, pdf=not no_pdf, dry_run=dry_run, write=self.stdout.write
            )
        except manuals.ManualError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(manuals.summary(result))
