from django.core.management import call_command
from django.core.management.base import BaseCommand

from congxa.demo.services import demo_seed


class Command(BaseCommand):
    help = "Load the demo commune, Xã Vĩnh Thủy. Running it again changes nothing."

    def handle(self, *args, **options):
        counts = demo_seed()
        self.stdout.write(
            f"Đã nạp dữ liệu mẫu xã Vĩnh Thủy: {counts['articles']} tin bài mới "
            "(các nội dung đã có được giữ nguyên)."
        )
        # Some index pages are created without a publish signal; index all.
        call_command("rebuild_search", stdout=self.stdout)
        # Stored under random names, as uploads through the admin are.
        call_command("rename_stored_files", stdout=self.stdout)
