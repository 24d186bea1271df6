from django.core.management.base import BaseCommand

from congxa.engagement.services import erase_expired_contacts


class Command(BaseCommand):
    help = (
        "Xóa thông tin liên hệ của người gửi câu hỏi, phản ánh đã quá thời hạn "
        "lưu trữ của xã; giữ lại nội dung đã ẩn danh."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Chỉ đếm, không xóa gì.",
        )

    def handle(self, *args, dry_run=False, **options):
        count = erase_expired_contacts(dry_run=dry_run)
        if dry_run:
            self.stdout.write(
                f"Sẽ xóa thông tin liên hệ của {count} câu hỏi (chạy thử)."
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(f"Đã xóa thông tin liên hệ của {count} câu hỏi.")
            )
