"""Wagtail's own inline admin scripts carry the response's CSP nonce.

Written for Wagtail 7.4. The admin's policy allows only scripts with the
response's nonce (congxa/portal/admin_scripts.py). Wagtail writes inline
scripts in two kinds of places:

- `BaseChooser.render` (every page, image, document and snippet chooser)
  returns `f"{widget_html}<script>{js}</script>"`; it is replaced by the same
  code writing `<script nonce="…">`;
- seven templates: the inline panel, the multiple chooser panel, the date,
  time and date-time widgets and the search promotion's add and edit forms.
  congxa overrides them in congxa/portal/templates/ with the same script
  under the nonce;
  `check()` compares Wagtail's templates with the digests they were copied
  from, so an upgrade that changes one stops start-up until the override is
  brought in line.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from django.utils.safestring import mark_safe

from . import PatchOutdated, require_source, require_version

NAME = "admin_script_nonce"
WAGTAIL = "7.4"
RENDER_DIGEST = "810cfc10654a354c"
# Wagtail's template (under wagtail/) -> sha256[:16] of the copied version.
ADMIN = "admin/templates/wagtailadmin/"
PROMOTIONS = "contrib/search_promotions/templates/wagtailsearchpromotions/"
TEMPLATES = {
    ADMIN + "panels/inline_panel.html": "195bb0b199edb062",
    ADMIN + "panels/multiple_chooser_panel.html": "673bc9b26ca95c03",
    ADMIN + "widgets/date_input.html": "2557f7a4fd543d7c",
    ADMIN + "widgets/time_input.html": "536917c544a13563",
    ADMIN + "widgets/datetime_input.html": "479d8ddeaa73d2fd",
    PROMOTIONS + "add.html": "f562d10c37b349f1",
    PROMOTIONS + "edit.html": "5378c649da124598",
}

_original = None


def render(self, name, value, attrs=None, renderer=None):
    # Wagtail 7.4's BaseChooser.render, with the nonce on the script tag.
    from congxa.portal.admin_scripts import nonce_attribute

    try:
        id_ = attrs["id"]
    except (KeyError, TypeError) as e:
        raise TypeError(
            "BaseChooser cannot be rendered without an 'id' attribute"
        ) from e

    value_data = self.get_value_data(value)
    widget_html = self.render_html(name, value_data, attrs)

    js = self.render_js_init(id_, name, value_data)
    out = f"{widget_html}<script{nonce_attribute()}>{js}</script>"
    return mark_safe(out)  # noqa: S308 (Wagtail's own markup)


def template_digest(relative: str) -> str:
    import wagtail

    source = (Path(wagtail.__file__).parent / relative).read_bytes()
    return hashlib.sha256(source).hexdigest()[:16]


def check() -> None:
    from wagtail.admin.widgets.chooser import BaseChooser

    require_version("wagtail", WAGTAIL, NAME)
    require_source(_original or BaseChooser.render, RENDER_DIGEST, NAME)
    for relative, digest in TEMPLATES.items():
        found = template_digest(relative)
        if found != digest:
            raise PatchOutdated(
                f"Bản vá {NAME}: mẫu {relative} của Wagtail đã thay đổi (băm "
                f"{found}, bản sao trong congxa/portal/templates/ viết cho "
                f"{digest}). Chép lại mẫu đó, giữ mã nonce, rồi cập nhật mã băm."
            )


def apply() -> None:
    global _original
    from wagtail.admin.widgets.chooser import BaseChooser

    if _original is None:
        _original = BaseChooser.render
        BaseChooser.render = render
