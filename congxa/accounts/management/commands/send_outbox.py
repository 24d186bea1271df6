from django.core.management.base import BaseCommand

from congxa.accounts.outbox import outbox_prune, outbox_send


class Command(BaseCommand):
    help = (
        "Gửi các thư đang chờ trong hộp thư đi (thư đặt lại mật khẩu, ...) mà "
        "lần gửi ngay sau yêu cầu chưa gửi được; chạy định kỳ (mỗi phút) bằng "
        "systemd timer hoặc cron. Xóa thư đã gửi quá 7 ngày."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Chỉ đếm thư đang chờ, không gửi."
        )

    def handle(self, *args, dry_run=False, **options):
        counts = outbox_send(dry_run=dry_run)
        if dry_run:
            self.stdout.write(f"Đang chờ gửi: {counts['waiting']} thư.")
            return
        pruned = outbox_prune()
        self.stdout.write(
            f"Đã gửi {counts['sent']} thư; chưa gửi được {counts['failed']} thư; "
            f"đã xóa {pruned} thư cũ."
        )
