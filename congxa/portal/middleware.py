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


_media_origin_memo: str | None = None


def media_origin() -> str:
    """The object storage's origin when media lives there (images on their own
    host, allowed by the pages' and the admin's img-src), else ""."""
    global _media_origin_memo
    if _media_origin_memo is None:
        from django.core.files.storage import storages

        storage = storages["default"]
        _media_origin_memo = ""
        if hasattr(storage, "bucket"):
            parts = urlsplit(storage.url("images/origin.jpg"))
            _media_origin_memo = f"{parts.scheme}://{parts.netloc}"
    return _media_origin_memo


def public_csp() -> str:
    """PUBLIC_CSP, letting images come from the object storage when media is there."""
    origin = media_origin()
    if not origin:
        return PUBLIC_CSP
    return PUBLIC_CSP.replace("img-src 'self' data:", f"img-src 'self' data: {origin}")


def _storage_changed(setting, **kwargs) -> None:
    global _media_origin_memo
    if setting == "STORAGES":
        _media_origin_memo = None


setting_changed.connect(_storage_changed, dispatch_uid="congxa.portal.csp_media")


# The Wagtail admin. Scripts: only those carrying the response's nonce and
# those they insert (congxa/portal/admin_scripts.py says how Wagtail's own
# inline scripts get it); no eval, nothing from another origin, no plugins, no
# <base>, forms only to itself. Styles: inline `style` attributes throughout
# Wagtail's templates. blob: for image upload previews.
ADMIN_CSP = (
    "default-src 'self'; script-src {scripts}; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "font-src 'self' data:; connect-src 'self'; media-src 'self' blob:; "
    "frame-src 'self'; worker-src 'self' blob:; manifest-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors {ancestors}"
)
ADMIN_PREFIXES = ("/admin/", "/django-admin/")


def public_page_headers() -> dict[str, str]:
    """The headers every public page carries (also used outside Django, by the
    cache's fast path)."""
    return {
        "Permissions-Policy": PERMISSIONS_POLICY,
        "X-Frame-Options": "DENY",
        "Content-Security-Policy": public_csp(),
    }


def admin_csp(*, framed_by_self: bool, nonce: str = "") -> str:
    """The admin's policy; framed by itself only for the live preview. Without
    a nonce (a response that did not come from an admin view) no inline script."""
    scripts = f"'self' 'nonce-{nonce}' 'strict-dynamic'" if nonce else "'self'"
    policy = ADMIN_CSP.format(
        scripts=scripts, ancestors="'self'" if framed_by_self else "'none'"
    )
    origin = media_origin()
    if origin:
        policy = policy.replace(
            "img-src 'self' data: blob:", f"img-src 'self' data: blob: {origin}"
        )
    return policy


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        # Cached pages are stored without it (XFrameOptionsMiddleware sits inside
        # the page cache), so it is put back here.
        response.setdefault("X-Frame-Options", "DENY")
        if request.path.startswith(ADMIN_PREFIXES):
            # Never indexed; framed only by itself for the live preview (the
            # views Wagtail marks SAMEORIGIN). Set, not defaulted: a preview
            # renders the page through this middleware once more, under the
            # page's own (public) path, which must not win here.
            response["Content-Security-Policy"] = admin_csp(
                framed_by_self=response["X-Frame-Options"] == "SAMEORIGIN",
                nonce=getattr(response, "congxa_script_nonce", ""),
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
