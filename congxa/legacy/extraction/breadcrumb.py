"""The breadcrumb trail: the sections above the article on the old portal."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .text import clean_text, text_of
from .tree import _classes, _select

if TYPE_CHECKING:
    from .page import _Page


def find_breadcrumb(page: _Page) -> list[str]:
    hits = _select(page.profile, "breadcrumb", page.doc)
    if not hits:
        hits = [
            el
            for el in page.body_el.iter()
            if isinstance(el.tag, str)
            and re.search(
                r"breadcrumb|duongdan|duong-dan|navpath|sitemapdirectional",
                _classes(el),
                re.I,
            )
        ][:1]
    for el in hits:
        items = [text_of(a) for a in el.iter("a", "li", "span") if text_of(a)]
        parts = []
        for item in items or [text_of(el)]:
            for part in re.split(r"\s*[>»/›|]\s*", item):
                part = clean_text(part)
                if part and part not in parts and len(part) < 80:
                    parts.append(part)
        if parts:
            return parts
    return []
