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


# The Wagtail admin, as strict as Wagtail 7.4 allows. Scripts: its chooser
# widgets render `<script>new PageChooser(...)</script>` next to the field
# (wagtail/admin/widgets/chooser.py, BaseChooser.render) and its inline panels
# initialise with an inline script (wagtailadmin/panels/inline_panel.html),
# with no nonce to give them, so inline scripts stay allowed (measured:
# tests/browser/test_admin_csp.py fails at the image chooser without it); no
# eval, nothing from another origin, no plugins, no <base>, forms only to
# itself. Styles: inline `style` attributes throughout its templates. blob: for
# image upload previews.
ADMIN_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; "
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
        "Content-Security-Policy": PUBLIC_CSP,
    }


def admin_csp(*, framed_by_self: bool) -> str:
    """The admin's policy; framed by itself only for the live preview."""
    return ADMIN_CSP.format(ancestors="'self'" if framed_by_self else "'none'")


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
                framed_by_self=response["X-Frame-Options"] == "SAMEORIGIN"
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
