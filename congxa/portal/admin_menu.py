"""An admin menu item only some people see (the editorial board, the province
overview, the locked logins, the questions dashboard...)."""

from __future__ import annotations

from collections.abc import Callable

from wagtail.admin.menu import MenuItem


class PermittedMenuItem(MenuItem):
    """A Wagtail menu item shown to the users `shown(user)` accepts."""

    def __init__(self, label, url, *, shown: Callable[[object], bool], **kwargs):
        super().__init__(label, url, **kwargs)
        self.shown = shown

    def is_shown(self, request):
        return bool(self.shown(request.user))
