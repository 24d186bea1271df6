"""The view count: labelled, beside an eye icon, or where the profile says."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .furniture import RELATED_HEADING
from .text import _number, text_of
from .tree import _article_container, _classes, _select

if TYPE_CHECKING:
    from .page import _Page


VIEW_COUNT = re.compile(
    r"(?:(?:số\s+)?(?:lượt\s+xem|lượt\s+đọc|lần\s+xem|số\s+lần\s+đọc|đã\s+xem|views?)"
    r"\s*[:：]?|\bxem\s*[:：])\s*(?P<n>\d{1,3}(?:[.,\s]\d{3})+|\d+)(?![\d/])"
    r"|(?P<m>\d{1,3}(?:[.,]\d{3})+|\d+)\s*(?:lượt\s+xem|lượt\s+đọc|lần\s+xem|views?)\b",
    re.IGNORECASE,
)


EYE_ICON = re.compile(
    r"\beye\b|fa-eye|icon-eye|ico-?view|icon-?view|luotxem|\bhits\b", re.I
)


def find_view_count(page: _Page, title_el, body) -> int | None:
    for el in _select(page.profile, "view_count", page.doc):
        match = VIEW_COUNT.search(text_of(el))
        if match:
            return _number(match["n"] or match["m"])
        if re.fullmatch(r"[\d.,\s]+", text_of(el) or "x"):
            return _number(text_of(el))
    container = _article_container(title_el, body)
    scopes = [container] if container is not None else []
    scopes.append(page.body_el)
    # A count shown only beside an eye icon: `<i class="fa fa-eye"></i> 1.532`.
    for scope in scopes:
        for icon in scope.iter("i", "span", "em", "img", "svg"):
            if not EYE_ICON.search(_classes(icon)) or icon.getparent() is None:
                continue
            if page.furniture_ancestor(icon, unless_contains=(title_el, body)):
                continue
            text = text_of(icon.getparent())
            if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+|\d+", text):
                return _number(text)
    for scope in scopes:
        for el in scope.iter():
            if not isinstance(el.tag, str) or el.tag in {"li", "a"}:
                continue
            if not page.short(el, 200):
                continue
            text = text_of(el)
            if len(text) > 200:
                continue
            match = VIEW_COUNT.search(text)
            if not match:
                continue
            if page.furniture_ancestor(el, unless_contains=(title_el, body)):
                if el.getparent() is not None and any(
                    RELATED_HEADING.search(text_of(sib))
                    for sib in el.itersiblings(preceding=True)
                ):
                    continue
            if any(
                a is not el and VIEW_COUNT.search(text_of(a))
                for a in el.iter()
                if isinstance(a.tag, str) and a is not el
            ):
                continue
            return _number(match["n"] or match["m"])
    return None
