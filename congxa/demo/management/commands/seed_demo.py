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
