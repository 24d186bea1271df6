"""Security headers Django does not set by itself, on every response."""

from collections.abc import Callable
from urllib.parse import urlsplit

from django.core.signals import setting_changed
from django.http import HttpRequest, HttpResponse

PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()"
)
# Public pages: nothing inline, nothing from another origin.
PUBLIC_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; "
    "object-src 'none'"
)


_csp_with_media: str | None = None


def public_csp() -> str:
    """PUBLIC_CSP, letting images come from the object storage when media is there."""
    global _csp_with_media
    if _csp_with_media is None:
        from django.core.files.storage import storages

        storage = storages["default"]
        origin = ""
        if hasattr(storage, "bucket"):  # object storage: images on their own host
            parts = urlsplit(storage.url("images/origin.jpg"))
            origin = f"{parts.scheme}://{parts.netloc}"
        _csp_with_media = (
            PUBLIC_CSP.replace("img-src 'self' data:", f"img-src 'self' data: {origin}")
            if origin
            else PUBLIC_CSP
        )
    return _csp_with_media


def _storage_changed(setting, **kwargs) -> None:
    global _csp_with_media
    if setting == "STORAGES":
        _csp_with_media = None


setting_changed.connect(_storage_changed, dispatch_uid="congxa.portal.csp_media")


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        # Cached pages are stored without it (XFrameOptionsMiddleware sits inside
        # the page cache), so it is put back here.
        response.setdefault("X-Frame-Options", "DENY")
        if request.path.startswith(("/admin/", "/django-admin/")):
            # The Wagtail admin needs inline styles and scripts of its own; it
            # is still never indexed, and framed only by itself for the live
            # preview (the views Wagtail marks SAMEORIGIN).
            ancestors = (
                "'self'" if response["X-Frame-Options"] == "SAMEORIGIN" else "'none'"
            )
            response.setdefault(
                "Content-Security-Policy", f"frame-ancestors {ancestors}"
            )
            response["X-Robots-Tag"] = "noindex, nofollow"
        else:
            response.setdefault("Content-Security-Policy", public_csp())
        return response


class EmptyErrorPageMiddleware:
    """Give a body to the error responses Django and Wagtail send empty.

    `require_http_methods` and class-based views answer a wrong method with an
    empty 405; an empty 413 or 429 from anywhere gets its page too. The status
    and headers (Allow, Retry-After) stay as they were.
    """

    STATUSES = frozenset({400, 403, 405, 413, 429, 503})

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            response.status_code in self.STATUSES
            and not response.streaming
            and not response.content
            and request.method != "HEAD"
        ):
            from .views import error_page

            page = error_page(response.status_code)
            response.content = page.content
            response["Content-Type"] = page["Content-Type"]
        return response
