"""Finding a commune's Site from the command line."""

from django.core.management.base import CommandError
from wagtail.models import Site


def site_by_host(hostname: str) -> Site:
    host, _, port = hostname.partition(":")
    sites = Site.objects.filter(hostname=host)
    if port:
        sites = sites.filter(port=int(port))
    site = sites.first()
    if site is None:
        known = ", ".join(
            f"{s.hostname}:{s.port}" for s in Site.objects.order_by("hostname")
        )
        raise CommandError(
            f"Không có trang xã nào với tên miền “{hostname}”. Các tên miền có: "
            f"{known or '(chưa có)'}."
        )
    return site
