"""Page addresses in the admin: Vietnamese titles folded by `congxa.vi.text.slugify`.

The browser folds as the editor types (`static/editorial/js/admin.js` hands
`SLUG_REPLACEMENTS` to every slug field of the admin, as Wagtail's `w-slug`
formatters, so the rule is written once, in `congxa/vi`); the page form
(`page_form.py`) folds the same way on the server.
"""

from __future__ import annotations

import json

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext
from wagtail.models import Page

from congxa.vi.text import SLUG_MAX_LENGTH, SLUG_REPLACEMENTS


def slug_formatters_json() -> str:
    """The rule as `w-slug` formatters: `[[[pattern, flags], replacement], ...]`."""
    return json.dumps(
        [[[pattern, "gu"], replacement] for pattern, replacement in SLUG_REPLACEMENTS],
        ensure_ascii=False,
        separators=(",", ":"),
    )


def admin_script_tag() -> str:
    """congxa's admin script (`static/editorial/js/admin.js`) and its data."""
    return format_html(
        '<script src="{}" data-slug-formatters="{}" data-save-selected="{}"></script>',
        static("editorial/js/admin.js"),
        slug_formatters_json(),
        gettext("Save selected"),
    )


def free_slug(base: str, parent: Page | None, page: Page | None = None) -> str:
    """`base`, or `base-2`, `base-3` ...: the first address free under `parent`."""
    candidate, number = base, 1
    while not Page._slug_is_available(candidate, parent, page):
        number += 1
        suffix = f"-{number}"
        candidate = base[: SLUG_MAX_LENGTH - len(suffix)] + suffix
    return candidate
