from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from congxa.operations.links import external_links, link_check_store


class Command(BaseCommand):
    help = (
        "Liệt kê mọi liên kết ra ngoài trong nội dung đã xuất bản của từng xã, "
        "theo tên miền, và đánh dấu tên miền không có trong danh sách cho phép "
        "của xã (để phát hiện liên kết cờ bạc bị chèn); lưu kết quả cho trang "
        "quản trị cấp tỉnh. Chạy hằng ngày bằng cron."
    )

    def add_arguments(self, parser):
        parser.add_argument("--site", help="Chỉ kiểm tra xã có tên miền này.")
        parser.add_argument(
            "--fail-on-flagged",
            action="store_true",
            help="Thoát với mã lỗi khi có tên miền bị đánh dấu (cho tác vụ định kỳ).",
        )

    def handle(self, *args, site=None, fail_on_flagged=False, **options):
        sites = Site.objects.order_by("hostname")
        if site:
            sites = sites.filter(hostname=site)
            if not sites.exists():
                raise CommandError(f"Không có trang xã nào với tên miền “{site}”.")
        flagged_total = 0
        domain_total = 0
        for one_site in sites:
            domains = external_links(one_site)
            # The province view shows this result for every commune.
            link_check_store(one_site, domains)
            self.stdout.write(f"== {one_site.site_name or one_site.hostname} ==")
            if not domains:
                self.stdout.write("  (không có liên kết ra ngoài)")
            for entry in domains.values():
                domain_total += 1
                mark = "ĐƯỢC PHÉP" if entry.allowed else "NGOÀI DANH SÁCH"
                flagged_total += not entry.allowed
                self.stdout.write(
                    f"  [{mark}] {entry.domain}: {len(entry.occurrences)} liên kết"
                )
                if not entry.allowed:
                    for where, address, url in entry.occurrences:
                        self.stdout.write(f"      - {where} {address} -> {url}")
        self.stdout.write(
            f"Tổng: {domain_total} tên miền, {flagged_total} ngoài danh sách cho phép."
        )
        if fail_on_flagged and flagged_total:
            raise CommandError(
                f"Có {flagged_total} tên miền ngoài danh sách cho phép: "
                "ban biên tập cần kiểm tra ngay."
            )
