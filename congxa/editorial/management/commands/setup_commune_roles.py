from django.core.management.base import BaseCommand
from wagtail.models import Site

from congxa.editorial.services import commune_roles_setup

from ._sites import site_by_host


class Command(BaseCommand):
    help = (
        "Tạo ban biên tập của một xã: bốn nhóm quyền (Phóng viên, Biên tập viên, "
        "Trưởng ban biên tập, Quản trị xã), thư mục ảnh và tài liệu riêng, và quy "
        "trình duyệt tin hai bước gắn vào trang chủ của xã. Chạy lại không sao."
    )

    def add_arguments(self, parser):
        target = parser.add_mutually_exclusive_group(required=True)
        target.add_argument("--site", help="Tên miền của xã, ví dụ vinhthuy.gov.vn.")
        target.add_argument("--all", action="store_true", help="Mọi xã.")

    def handle(self, *args, site=None, all=False, **options):
        sites = Site.objects.order_by("hostname") if all else [site_by_host(site)]
        for one_site in sites:
            board = commune_roles_setup(site=one_site)
            self.stdout.write(f"Ban biên tập {one_site.hostname}:")
            for board_role in board.roles.select_related("group").order_by("pk"):
                self.stdout.write(f"  - nhóm “{board_role.group.name}”")
            self.stdout.write(f"  - thư mục “{board.collection.name}”")
            self.stdout.write(f"  - quy trình “{board.workflow.name}”")
        self.stdout.write(f"Xong: {len(sites)} xã.")
