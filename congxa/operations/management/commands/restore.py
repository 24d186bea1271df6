from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from congxa.operations.backup import BackupError, restore_into


class Command(BaseCommand):
    help = (
        "Khôi phục một bản sao lưu của `congxa backup` vào một thư mục dữ liệu "
        "trống (với PostgreSQL: vào một cơ sở dữ liệu trống). Không bao giờ ghi đè."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Tệp congxa-backup-....tar.gz.")
        parser.add_argument(
            "--data-dir", help="Thư mục dữ liệu đích (mặc định: CONGXA_DATA_DIR)."
        )

    def handle(self, *args, archive, data_dir=None, **options):
        target = Path(data_dir) if data_dir else Path(settings.DATA_DIR)
        try:
            manifest = restore_into(archive=Path(archive), data_dir=target)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Đã khôi phục bản sao lưu ngày {manifest['created']} vào {target} "
            f"({manifest['media_files']} tệp media)."
        )
