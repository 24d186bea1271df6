"""The page create view makes at most one page per create form.

Written for Wagtail 7.4, which autosaves the create form: until the autosave's
answer points the form at the new page's edit view, a click on "Submit for
moderation" or "Save draft" posts the same form to `CreateView.post` again,
and congxa's page form (a free address for a new page) made a second page.
`CreateView.post` is wrapped by `congxa.editorial.page_creation.page_create_once`
(named here, imported when applied, because `portal` sits below the apps that
own forms): the first post of a form's token creates, a later one goes to the
page made (the module's docstring has each case).
"""

from __future__ import annotations

from . import require_source, require_version

NAME = "page_create_once"
WAGTAIL = "7.4"
CREATE_POST_DIGEST = "990f1ac098b4d333"

_original = None


def post(self, request):
    from congxa.editorial.page_creation import page_create_once

    return page_create_once(
        view=self, request=request, create=lambda: _original(self, request)
    )


def check() -> None:
    from wagtail.admin.views.pages.create import CreateView

    require_version("wagtail", WAGTAIL, NAME)
    # After `apply()` the attribute is ours: check the function it replaced.
    require_source(_original or CreateView.post, CREATE_POST_DIGEST, NAME)


def apply() -> None:
    global _original
    from wagtail.admin.views.pages.create import CreateView

    if _original is None:
        _original = CreateView.post
        CreateView.post = post
