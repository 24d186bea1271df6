"""`congxa check --deploy`: what a province deployment still lacks, in Vietnamese.

Django's own deployment checks (HTTPS, HSTS, cookies, the key's strength) run
beside these; these add what is specific to several app servers sharing one
database: a shared cache, a key of their own rather than a demo's.
"""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register


@register(Tags.security, deploy=True)
def check_deployment(app_configs, **kwargs):
    messages = []
    if "CONGXA_SECRET_KEY" in settings.DATA_DIR_ENV and not settings.DEBUG:
        messages.append(
            Warning(
                "Khóa bí mật đang lấy từ tệp congxa.env do `congxa demo` tạo ra.",
                hint=(
                    "Bản chạy thật đặt CONGXA_SECRET_KEY trong môi trường, cùng một "
                    "giá trị trên mọi máy chủ."
                ),
                id="congxa.W001",
            )
        )
    database = settings.DATABASES["default"]["ENGINE"]
    shared_cache = "Redis" in settings.CACHES["default"]["BACKEND"]
    if "postgresql" in database and not shared_cache:
        messages.append(
            Error(
                "Cơ sở dữ liệu là PostgreSQL nhưng bộ nhớ đệm vẫn ở trên đĩa máy này.",
                hint=(
                    "Đặt CACHE_URL=redis://máy:6379/0 để mọi máy chủ ứng dụng thấy "
                    "cùng bộ nhớ đệm; nếu không, trang đã đăng trên máy này vẫn cũ "
                    "trên máy khác."
                ),
                id="congxa.E001",
            )
        )
    if "postgresql" in database and not settings.MEDIA_STORAGE_URL:
        messages.append(
            Warning(
                "Ảnh và văn bản tải lên đang lưu trên đĩa của riêng máy này.",
                hint=(
                    "Khi có nhiều máy chủ ứng dụng, đặt CONGXA_MEDIA_URL=s3://… "
                    "(deploy/README.md) để máy nào cũng phục vụ được tệp đã tải lên."
                ),
                id="congxa.W003",
            )
        )
    if not settings.HTTPS:
        messages.append(
            Warning(
                "Chưa bật HTTPS (CONGXA_HTTPS).",
                hint=(
                    "Đặt CONGXA_HTTPS=1 khi cổng được phục vụ qua HTTPS (trực tiếp "
                    "hoặc sau nginx): chuyển hướng, HSTS, cookie an toàn."
                ),
                id="congxa.W002",
            )
        )
    return messages
