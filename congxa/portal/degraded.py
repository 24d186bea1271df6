"""A Vietnamese 503 page, never a traceback, when a service behind the app fails.

The database, the object storage or the data directory's disk failing turns the
request into "temporarily unavailable" (status 503, `Retry-After`), and the next
request tries again: nothing has to be restarted. Cached pages are served before
any of this is reached (the page cache sits inside this middleware but answers
without the database).

Django turns an exception raised anywhere inside the middleware chain into a
500 response at the layer that raised it, so a middleware never sees the
exception itself; `got_request_exception` is sent while it is being handled,
and marks the request for the middleware to answer 503 instead.
https://docs.djangoproject.com/en/5.2/ref/signals/#got-request-exception
"""

from __future__ import annotations

import errno
import os
import sqlite3
import sys
import threading
import time
from collections.abc import Callable

from django.conf import settings
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.utils.translation import gettext as _

RETRY_AFTER_SECONDS = 30
DISK_ERRNOS = {errno.ENOSPC, errno.EROFS, errno.EDQUOT}
DISK_WORDS = (
    "readonly database",
    "disk is full",
    "unable to open database file",
    "disk i/o error",
)


# How long one process trusts its last look at the data directory.
WRITABLE_CHECK_SECONDS = 1.0
_writable_lock = threading.Lock()
_writable: dict[str, float | bool] = {"checked_at": -WRITABLE_CHECK_SECONDS, "ok": True}


def data_directory_read_only() -> bool:
    """Embedded mode: the data directory (database, cache, media) cannot be
    written, as when its file system was remounted read-only after an error.

    Every request then gets the 503 page, the health check included, so the
    monitor sees it at once and no half-written answer or stale read of a
    damaged database reaches anyone. One `access(2)` call per process per
    `WRITABLE_CHECK_SECONDS`; a province's deployment (DATABASE_URL set) keeps
    nothing there that a request needs, so it is not checked.
    """
    if getattr(settings, "DATABASE_URL", ""):
        return False
    now = time.monotonic()
    if now - _writable["checked_at"] < WRITABLE_CHECK_SECONDS:
        return not _writable["ok"]
    with _writable_lock:
        _writable["ok"] = os.access(settings.DATA_DIR, os.W_OK)
        _writable["checked_at"] = now
    return not _writable["ok"]


class StorageUnavailable(OSError):
    """The media storage (object storage) could not be reached; nothing was saved."""


def unavailable_kind(exc: BaseException | None) -> str | None:
    """ "database", "storage" or "disk" for an outage, None for any other error."""
    while exc is not None:
        if isinstance(exc, StorageUnavailable) or type(exc).__module__.startswith(
            ("botocore.", "s3transfer.")
        ):
            return "storage"
        if isinstance(exc, OperationalError | InterfaceError | sqlite3.Error):
            # SQLite's own errors come from the embedded data directory: its
            # database, or the on-disk cache's.
            text = str(exc).lower()
            return "disk" if any(w in text for w in DISK_WORDS) else "database"
        if isinstance(exc, OSError) and exc.errno in DISK_ERRNOS:
            return "disk"
        exc = exc.__cause__ or exc.__context__
    return None


COMMAND_MESSAGES = {
    "disk": (
        "ổ đĩa của thư mục dữ liệu đã đầy hoặc chỉ cho phép đọc; lệnh đã dừng và "
        "không có gì bị ghi dở. Hãy giải phóng dung lượng hoặc cấp quyền ghi cho "
        "CONGXA_DATA_DIR rồi chạy lại."
    ),
    "database": (
        "không kết nối được cơ sở dữ liệu; lệnh đã dừng và không có gì bị ghi dở. "
        "Hãy kiểm tra DATABASE_URL và máy chủ cơ sở dữ liệu rồi chạy lại."
    ),
    "storage": (
        "không kết nối được kho lưu trữ tệp (S3); lệnh đã dừng. Hãy kiểm tra "
        "CONGXA_MEDIA_URL và máy chủ lưu trữ rồi chạy lại."
    ),
}


def command_outage_message(exc: BaseException) -> str | None:
    """The Vietnamese line a command prints when it stopped on an outage."""
    kind = unavailable_kind(exc)
    return None if kind is None else COMMAND_MESSAGES[kind]


def _mark_request(sender, request=None, **kwargs) -> None:
    kind = unavailable_kind(sys.exc_info()[1])
    if request is not None and kind is not None:
        request.congxa_unavailable = kind


got_request_exception.connect(_mark_request, dispatch_uid="congxa.portal.degraded")


def unavailable_response(kind: str) -> HttpResponse:
    messages = {
        "database": _(
            "The portal cannot reach its database at the moment. Pages already "
            "visited may still be shown; please try again in a few minutes."
        ),
        "storage": _(
            "The file storage cannot be reached at the moment: the file was not "
            "saved and nothing else was changed. Please try again in a few minutes."
        ),
        "disk": _(
            "The server's disk is full or read-only: nothing was saved. Please try "
            "again later; the administrator has to free some space."
        ),
    }
    # Rendered without a request context: context processors use the database.
    # The site's 503 page first; if even that fails (no static manifest on a
    # broken disk, say), the bare one that needs nothing.
    try:
        body = loader.get_template("503.html").render({"message": messages[kind]})
    except Exception:  # noqa: BLE001 (an outage page must always render)
        body = loader.get_template("portal/unavailable.html").render(
            {"message": messages[kind]}
        )
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class ServiceUnavailableMiddleware:
    """Answers 503 with the Vietnamese page when a request failed on an outage."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if data_directory_read_only():
            return unavailable_response("disk")
        try:
            response = self.get_response(request)
        except Exception as exc:  # raised outside Django's own conversion
            kind = unavailable_kind(exc)
            if kind is None:
                raise
            return unavailable_response(kind)
        kind = getattr(request, "congxa_unavailable", None)
        if kind is not None and response.status_code >= 500:
            return unavailable_response(kind)
        return response
