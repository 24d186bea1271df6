"""Forget the search box's daily query counts older than the retention period."""

from django.core.management.base import BaseCommand, CommandError

from congxa.search import services


class Command(BaseCommand):
    help = (
        "Delete daily search query counts older than --days days (90 by default); "
        "run it daily from a timer."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=services.QUERY_RETENTION_DAYS,
            help="Keep this many days of counts (default 90).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Count, delete nothing."
        )

    def handle(self, *args, days, dry_run, **options):
        if days < 1:
            raise CommandError("Số ngày lưu phải là một số nguyên dương (--days).")
        count = services.query_counts_purge(days=days, dry_run=dry_run)
        if dry_run:
            self.stdout.write(
                f"Chạy thử: sẽ xóa {count} dòng thống kê tìm kiếm cũ hơn {days} ngày."
            )
        else:
            self.stdout.write(
                f"Đã xóa {count} dòng thống kê tìm kiếm cũ hơn {days} ngày."
            )
