"""The published date: the visible one near the headline, else the metadata's."""

from __future__ import annotations

import math
import re
from datetime import datetime
from typing import TYPE_CHECKING

from congxa.vi.dates import find_datetimes

from .text import LOCAL_ZONE, text_of
from .tree import _article_container, _classes, _contains, _select

if TYPE_CHECKING:
    from .page import _Page


DATE_CLASS = re.compile(
    r"date|time|ngay|publish|posted|created|thoigian|meta|info|entry-meta|calendar",
    re.IGNORECASE,
)


DATE_LABEL = re.compile(
    r"ngày\s+(?:đăng|cập\s+nhật|xuất\s+bản|ban\s+hành)|cập\s+nhật|đăng\s+(?:lúc|ngày)|"
    r"thời\s+gian|posted|published",
    re.IGNORECASE,
)


TONES_TODAY = re.compile(r"hôm\s+nay|today|bây\s+giờ", re.IGNORECASE)


def _is_date_line(text: str) -> bool:
    if len(text) > 90:
        return False
    found = find_datetimes(text)
    if not found:
        return False
    rest = text[: found[0].start] + text[found[0].end :]
    rest = re.sub(
        r"th[ứu]\s*\w+|ch[ủu]\s*nh[ậa]t|\d{1,2}\s*[:h]\s*\d{1,2}\s*(?:am|pm|sa|ch)?|"
        r"ngày\s+(?:đăng|cập\s+nhật)|cập\s+nhật|đăng\s+lúc|ngày|lúc|gmt\s*\+?\s*7|"
        r"(?:lượt\s+xem|đã\s+xem|lượt\s+đọc)\s*:?\s*[\d.]+|[\d.]+\s*(?:lượt\s+xem|lượt\s+đọc)|"
        r"[\s,\-–|:()/]",
        "",
        rest,
        flags=re.IGNORECASE,
    )
    return len(rest) <= 3


def find_date(page: _Page, title_el, body) -> tuple[datetime | None, bool]:
    anchor = title_el if title_el is not None else body
    anchor_index = page.order.get(anchor, 0) if anchor is not None else 0
    container = _article_container(title_el, body)
    profile_hits = _select(page.profile, "date", page.doc)
    today = datetime.now(LOCAL_ZONE).date()
    best, best_score = None, -5.0
    for el in page.body_el.iter():
        if not isinstance(el.tag, str) or not page.short(el, 160):
            continue
        text = text_of(el)
        if not text or len(text) > 160:
            continue
        found = find_datetimes(text)
        if not found:
            continue
        first = found[0]
        if any(
            isinstance(child.tag, str)
            and any(
                f.value == first.value and f.has_time == first.has_time
                for f in find_datetimes(text_of(child))
            )
            for child in el
        ):
            continue
        score = 0.0
        if any(hit is el or _contains(hit, el) for hit in profile_hits):
            score += 20
        if DATE_CLASS.search(_classes(el)) or (
            el.getparent() is not None and DATE_CLASS.search(_classes(el.getparent()))
        ):
            score += 2
        if DATE_LABEL.search(text):
            score += 2
        if first.has_time:
            score += 1
        if TONES_TODAY.search(text):
            score -= 10
        if body is not None and _contains(body, el):
            score -= 8 if len(text) > 60 else 1
        if page.furniture_ancestor(el, unless_contains=(title_el, body)) is not None:
            score -= 10
        if container is not None and not _contains(container, el):
            score -= 3
        index = page.order.get(el, 0)
        distance = index - anchor_index
        if distance >= 0:
            score += 4 * math.exp(-distance / 40)
        else:
            score += 1.5 * math.exp(distance / 20) - 1
            if first.value.date() == today:
                score -= 6  # the page header's "today", printed when saved

        if score > best_score:
            best, best_score = first, score
    visible = best
    if visible is None:
        if page.meta_date is not None:
            return page.meta_date, True
        return None, False
    value, has_time = visible.value, visible.has_time
    meta = page.meta_date
    if not has_time and meta is not None and meta.date() == value.date():
        return meta, True
    return value, has_time
