"""Security headers Django does not set by itself, on every response."""

from collections.abc import Callable

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
            response.setdefault("Content-Security-Policy", PUBLIC_CSP)
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
