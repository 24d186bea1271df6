"""Media in S3-compatible object storage: public images, private documents.

Selected by `CONGXA_MEDIA_URL` (congxa/operations/media_url.py, settings.py).
Renditions (what pages show) are public objects with plain URLs, so a page
cached anywhere keeps working images. Everything else is a private object whose
storage URL answers 403: documents are served by Wagtail's serve view
(`WAGTAILDOCS_SERVE_METHOD = "serve_view"`) and original images by
`/media/original_images/...`, both through the one access check
(`congxa/documents/access.py`), so the original of a picture on a withdrawn or
private page is no more reachable on S3 than on a local disk.

When the storage cannot be reached, every operation raises `StorageUnavailable`
(an OSError): Wagtail shows a missing image instead of failing the page, and an
upload ends in the Vietnamese 503 page before its database row is written.
"""

from __future__ import annotations

from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from storages.backends.s3 import S3Storage

from congxa.portal.degraded import StorageUnavailable

PUBLIC_PREFIXES = ("images/",)
# Private, but with an address: the app's gated route streams them.
APP_SERVED_PREFIXES = ("original_images/",)
# Short waits and one retry: a request must not hang on a storage outage.
CLIENT_CONFIG = Config(
    connect_timeout=2, read_timeout=10, retries={"max_attempts": 2, "mode": "standard"}
)


def _unavailable(exc: Exception) -> StorageUnavailable:
    return StorageUnavailable(f"Không kết nối được kho lưu trữ tệp: {exc}")


def _is_outage(exc: Exception) -> bool:
    if isinstance(exc, ClientError):
        status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0)
        return status >= 500 or status == 0
    return isinstance(exc, BotoCoreError)


class MediaStorage(S3Storage):
    def __init__(self, *, object_acls: bool = True, **settings):
        settings.setdefault("client_config", CLIENT_CONFIG)
        super().__init__(**settings)
        self.object_acls = object_acls

    def is_public(self, name: str) -> bool:
        return name.replace("\\", "/").lstrip("/").startswith(PUBLIC_PREFIXES)

    def get_object_parameters(self, name):
        params = super().get_object_parameters(name)
        if self.object_acls:
            relative = name
            if self.location and relative.startswith(self.location + "/"):
                relative = relative[len(self.location) + 1 :]
            params.setdefault(
                "ACL", "public-read" if self.is_public(relative) else "private"
            )
        return params

    def url(self, name, parameters=None, expire=None, http_method=None):
        relative = name.replace("\\", "/").lstrip("/")
        if relative.startswith(APP_SERVED_PREFIXES):
            from django.conf import settings

            return f"{settings.MEDIA_URL}{relative}"
        if not self.is_public(name):
            # A document's storage URL would go around its access check. Wagtail's
            # serve view reads NotImplementedError as "no direct URL" and streams.
            raise NotImplementedError(
                f"{name} là tệp riêng tư: chỉ phục vụ qua ứng dụng, không có địa chỉ "
                "lưu trữ công khai."
            )
        return super().url(name, parameters, expire, http_method)

    def _open(self, name, mode="rb"):
        try:
            # S3File asks for the object's head at once, so an outage shows
            # here, where Wagtail expects an OSError for a missing image.
            return super()._open(name, mode)
        except (BotoCoreError, ClientError) as exc:
            if isinstance(exc, ClientError) and not _is_outage(exc):
                status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
                if status == 404:
                    raise FileNotFoundError(name) from exc
                raise
            raise _unavailable(exc) from exc

    def _save(self, name, content):
        try:
            return super()._save(name, content)
        except (BotoCoreError, ClientError) as exc:
            raise _unavailable(exc) from exc
        except Exception as exc:  # s3transfer wraps errors of its threads
            if isinstance(
                exc.__cause__ or exc.__context__, BotoCoreError | ClientError
            ):
                raise _unavailable(exc) from exc
            raise

    def exists(self, name):
        try:
            return super().exists(name)
        except (BotoCoreError, ClientError) as exc:
            raise _unavailable(exc) from exc

    def delete(self, name):
        try:
            return super().delete(name)
        except (BotoCoreError, ClientError) as exc:
            raise _unavailable(exc) from exc

    def size(self, name):
        try:
            return super().size(name)
        except (BotoCoreError, ClientError) as exc:
            raise _unavailable(exc) from exc
