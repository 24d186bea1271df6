"""The headline: the best-placed heading near the body, or the page's own title."""

from __future__ import annotations

import math
import re

from .furniture import RELATED_HEADING
from .page import TITLE_SEPARATORS, _Page
from .text import _fold, clean_text, text_of
from .tree import BLOCK_TAGS, HEADINGS, _classes, _contains, _last_index, _select

TITLE_CLASS = re.compile(
    r"title|tieude|tieu-de|tieu_de|headline|heading", re.IGNORECASE
)


NOT_TITLE_CLASS = re.compile(
    r"site|logo|brand|widget|block-title|module|box|portlet-title|panel-title|menu|"
    r"cat|section|sidebar|related|other|footer|header-top|slogan|chuyenmuc|danhmuc",
    re.IGNORECASE,
)


GENERIC_TITLES = re.compile(
    r"^\s*(?:xem\s+)?chi\s+tiết(?:\s+(?:bài\s+viết|tin(?:\s+tức|\s+bài)?|bản\s+tin|"
    r"thông\s+báo|văn\s+bản))?\s*$|^\s*(?:trang\s+chủ|tin\s+tức(?:\s*[-–]\s*sự\s+kiện)?|"
    r"tin\s+tức\s+sự\s+kiện|thông\s+báo|tin\s+bài|bài\s+viết|news|home|untitled|"
    r"trang\s+tin|tin\s+hoạt\s+động|hoạt\s+động)\s*$|^\s*(?:cổng|trang)\s+thông\s+tin"
    r"|^\s*(?:ủy|uỷ)\s+ban\s+nhân\s+dân|^\s*ubnd\b|^\s*website\b",
    re.IGNORECASE,
)


def _is_generic_title(text: str, site_name: str | set[str] = "") -> bool:
    if not text or GENERIC_TITLES.search(text):
        return True
    steps = re.split(r"\s*[>»›]\s*", text)
    if len(steps) > 1 and GENERIC_TITLES.search(steps[0]):
        return True  # a breadcrumb trail: "Trang chủ > Tin tức"
    names = {site_name} if isinstance(site_name, str) else site_name
    return _fold(text) in {_fold(name) for name in names if name}


def find_title(page: _Page, body):
    body_start = page.order.get(body, 0) if body is not None else 0
    body_end = _last_index(page, body)
    head_titles = [_fold(t) for t in (page.og_title, page.head_title) if t]
    best, best_score = None, 0.0
    profile_hits = set(_select(page.profile, "title", page.doc))
    candidates = list(profile_hits)
    for el in page.body_el.iter():
        if not isinstance(el.tag, str) or el in profile_hits:
            continue
        if el.tag in HEADINGS or (
            TITLE_CLASS.search(_classes(el))
            and not NOT_TITLE_CLASS.search(_classes(el))
        ):
            candidates.append(el)
    for el in candidates:
        text = text_of(el)
        if not 6 <= len(text) <= 400 or _is_generic_title(text, page.site_names):
            continue
        if RELATED_HEADING.search(text):
            continue
        if len(el.findall(".//a")) >= 2 and el not in profile_hits:
            continue  # a trail or a menu of links, not a headline
        if (
            el.tag not in HEADINGS
            and len(el)
            and any(child.tag in BLOCK_TAGS for child in el.iter() if child is not el)
        ):
            if el not in profile_hits:
                continue
        score = 0.0
        if el in profile_hits:
            score += 20
        score += {"h1": 4, "h2": 2.5, "h3": 1.5}.get(el.tag, 1.0)
        if TITLE_CLASS.search(_classes(el)):
            score += 1.5
        folded = _fold(text)
        if any(folded == t for t in head_titles):
            score += 6
        elif any(folded in t for t in head_titles if len(folded) >= 15):
            score += 4
        index = page.order.get(el, 0)
        if body is not None:
            if _contains(body, el):
                score -= 3
            elif index > body_end:
                score -= 6
            elif index < body_start:
                score += 3 * math.exp(-(body_start - index) / 80)
        if page.furniture_ancestor(el, unless_contains=(body,)) is not None:
            score -= 8
        if 15 <= len(text) <= 250:
            score += 1
        if score > best_score:
            best, best_score = el, score
    if best is not None:
        return best, text_of(best)
    return None, _title_from_head(page)


def _title_from_head(page: _Page) -> str:
    if page.og_title and not _is_generic_title(page.og_title, page.site_names):
        return page.og_title
    parts = [p for p in TITLE_SEPARATORS.split(page.head_title) if p.strip()]
    parts = [p for p in parts if not _is_generic_title(p, page.site_names)]
    return clean_text(max(parts, key=len)) if parts else ""
