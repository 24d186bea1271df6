"""The admin's scripts under a nonce: no inline script runs unless congxa put it there.

The Wagtail admin (7.4) writes a few inline scripts of its own: the chooser
widgets' `<script>new PageChooser(…)</script>`, the inline panels' initialiser,
the date and time pickers. Allowing them with `'unsafe-inline'` would also allow
any `<script>` or `onerror=` that a bug let into an admin page. Instead every
admin response gets a fresh random nonce, and the policy is

    script-src 'self' 'nonce-…' 'strict-dynamic'

- the inline scripts Wagtail writes carry the nonce: its templates are overridden
  (congxa/portal/templates/wagtailadmin/, each checked against Wagtail's own
  by `wagtail_patches.admin_script_nonce`) and the chooser widget's `render` is
  patched; both read the nonce of the request being answered from
  `current_nonce()`;
- the admin's `<script src="/…">` tags (Wagtail's, the form media, congxa's)
  get the nonce here, after the view, since they come from many places and
  only load same-origin files;
- `'strict-dynamic'` lets those trusted scripts run the scripts they insert
  themselves (a chooser modal's HTML, an inline panel's new row), which is how
  Wagtail runs the HTML it fetches;
- nothing else runs: an injected `<script>`, an event-handler attribute or a
  `javascript:` link is refused by the browser.

`'self'` stays for the responses that never reach this middleware (an error
page answered further out): they run no script of their own.
https://www.w3.org/TR/CSP3/#strict-dynamic-usage
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from contextvars import ContextVar

from django.http import HttpRequest, HttpResponse

from .middleware import ADMIN_PREFIXES

_nonce: ContextVar[str] = ContextVar("congxa_admin_script_nonce", default="")

# `<script` opening a tag whose src is a same-origin path ("/static/…",
# "/admin/jsi18n/"), not "//other.host/…": the attribute may come anywhere in
# the tag, which has no nonce yet.
SAME_ORIGIN_SCRIPT = re.compile(
    rb"<script(?=\s)(?![^>]*\snonce=)(?=[^>]*\ssrc=[\"']?/(?!/))", re.IGNORECASE
)


def current_nonce() -> str:
    """The nonce of the admin response being rendered, or "" outside one."""
    return _nonce.get()


def nonce_attribute() -> str:
    """` nonce="…"` for an inline script tag, or "" outside an admin response."""
    nonce = _nonce.get()
    return f' nonce="{nonce}"' if nonce else ""


class AdminScriptNonceMiddleware:
    """Sets the nonce for an admin request and puts it on its script tags.

    Sits inside GZipMiddleware, so it reads the page before it is compressed.
    The nonce travels to `SecurityHeadersMiddleware` on the response.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(ADMIN_PREFIXES):
            return self.get_response(request)
        nonce = secrets.token_urlsafe(18)
        token = _nonce.set(nonce)
        try:
            # Template responses are rendered inside this call (Django renders
            # them before the middleware chain unwinds), under this nonce.
            response = self.get_response(request)
        finally:
            _nonce.reset(token)
        response.congxa_script_nonce = nonce
        content_type = response.get("Content-Type", "")
        if (
            not response.streaming
            and content_type.startswith("text/html")
            and not response.get("Content-Encoding")
        ):
            response.content = SAME_ORIGIN_SCRIPT.sub(
                b'<script nonce="' + nonce.encode() + b'"', response.content
            )
        return response
