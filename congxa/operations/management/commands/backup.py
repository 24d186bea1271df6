from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from congxa.operations.backup import BackupError, backup_create


class Command(BaseCommand):
    help = (
        "Sao lưu cơ sở dữ liệu (SQLite: sao chép trực tuyến nhất quán; PostgreSQL: "
        "pg_dump) và thư mục media vào một tệp congxa-backup-NGAY-GIO.tar.gz."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help="Thư mục đặt bản sao lưu (mặc định: CONGXA_DATA_DIR/../backups).",
        )

    def handle(self, *args, output=None, **options):
        output_dir = (
            Path(output) if output else Path(settings.DATA_DIR).parent / "backups"
        )
        try:
            result = backup_create(output_dir=output_dir)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Đã sao lưu: {result.path} ({result.size // 1024} KB, cơ sở dữ liệu "
            f"{result.engine}, {result.media_files} tệp media)."
        )
