"""Page furniture: menus, related news, counters, print and share buttons."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..profiles import Profile
from .text import text_of
from .tree import (
    HEADINGS,
    _classes,
    _contains,
    _is_hidden,
    _link_density,
    _remove_keep_tail,
)

if TYPE_CHECKING:
    from .page import _Page


# Class or id words of page furniture. Long words are matched anywhere in the
# class, short ones only as a whole dash/underscore-separated part.
_FURNITURE_WORDS = (
    "related", "lienquan", "lien-quan", "lien_quan", "tinkhac", "tin-khac",
    "tin_khac", "othernews", "other-news", "other_news", "newsother", "news-other",
    "cungchuyenmuc", "share", "social", "sharing", "bookmark", "print", "sendmail",
    "send-mail", "comment", "binhluan", "rating", "breadcrumb", "duongdan",
    "toolbar", "fontsize", "font-size", "textsize", "banner", "advert", "quangcao",
    "quang-cao", "counter", "visitor", "thongke", "pagination", "pager", "navbar",
    "navigation", "sidebar", "footer", "copyright", "keyword", "addthis",
    "sharethis", "facebook", "zalo", "twitter", "marquee", "weather", "calendar",
    "lichvannien", "popup", "cookie", "search", "timkiem", "login", "logo", "slogan",
)  # fmt: skip


_FURNITURE_PARTS = {
    "nav", "menu", "mnu", "tags", "tag", "tool", "tools", "hidden", "hide",
    "d-none", "modal", "other", "others", "widget", "tienich", "ads", "ad",
    "clock", "today", "datenow", "ngayhientai",
}  # fmt: skip


# Whole class names of page regions: furniture outside the article, but also
# common names of wrappers inside a body, so never removed from one.
_REGION_TOKENS = {
    "top", "topbar", "top-bar", "header", "site-header", "header-top", "top-header",
    "aside", "back", "date-now", "left", "sidebar-left", "sidebar-right",
}  # fmt: skip


_FURNITURE_TAGS = {"nav", "footer", "aside", "header", "menu"}


_SPLIT_CLASS = re.compile(r"[\s]+")


_PART_SPLIT = re.compile(r"[-_]")


RELATED_HEADING = re.compile(
    r"^\s*(?:các\s+)?(?:tin|bài(?:\s+viết)?|tin\s+bài|tin\s+tức)\s+"
    r"(?:liên\s+quan|khác|cùng\s+(?:chuyên\s+mục|loại|danh\s+mục)|đã\s+đưa|mới(?:\s+hơn)?"
    r"|cũ(?:\s+hơn)?|xem\s+nhiều|nổi\s+bật|đọc\s+nhiều|mới\s+nhất)"
    r"|^\s*(?:xem\s+thêm|bài\s+viết\s+khác|các\s+bài\s+khác|other\s+news|related)\b",
    re.IGNORECASE,
)


FURNITURE_LINE = re.compile(
    r"^\s*(?:in\s+(?:bài(?:\s+viết)?|trang|tin)|bản\s+in|gửi\s+(?:email|bài|cho\s+bạn\s+bè)|chia\s+sẻ|"
    r"lượt\s+xem|số\s+lượt\s+xem|lượt\s+đọc|cỡ\s+chữ|quay\s+(?:lại|về)|trở\s+về|"
    r"về\s+đầu\s+trang|lên\s+đầu\s+trang|bình\s+luận|đánh\s+giá|tweet|thích|like|"
    r"share|print|email|zalo|facebook|lưu\s+(?:bài|tin)|xem\s+tiếp|đầu\s+trang|"
    r"bài\s+trước|bài\s+sau|tin\s+trước|tin\s+sau)\b[\s:|.\-\d]*",
    re.IGNORECASE,
)


def is_furniture_class(value: str, inside_body: bool = False) -> bool:
    lowered = value.lower()
    if not lowered:
        return False
    if any(word in lowered for word in _FURNITURE_WORDS):
        return True
    for token in _SPLIT_CLASS.split(lowered):
        if token in _FURNITURE_PARTS or (not inside_body and token in _REGION_TOKENS):
            return True
        parts = _PART_SPLIT.split(token)
        if any(part in _FURNITURE_PARTS for part in parts if part) and (
            parts[0] in _FURNITURE_PARTS or parts[-1] in _FURNITURE_PARTS
        ):
            return True
    return False


def _furniture_line(text: str) -> bool:
    if len(text) > 80:
        return False
    match = FURNITURE_LINE.match(text)
    return bool(match) and len(text) - match.end() < 25


def _remove_furniture(page: _Page, profile: Profile, body, title_el) -> None:
    doomed = []
    for selector in profile.select("remove"):
        doomed.extend(selector(body))
    for el in body.iter():
        if el is body or not isinstance(el.tag, str):
            continue
        if (
            _is_hidden(el)
            or el.tag in _FURNITURE_TAGS
            or is_furniture_class(_classes(el), inside_body=True)
        ):
            doomed.append(el)
    for el in doomed:
        if el is not body and el.getparent() is not None and not _contains(el, body):
            _remove_keep_tail(el)
    # A "Tin liên quan"/"Các tin khác" heading: it and everything after it go.
    for el in list(body.iter()):
        if el is body or not isinstance(el.tag, str) or el.getparent() is None:
            continue
        if not _contains(body, el):
            continue
        text = text_of(el)
        if len(text) > 60 or not RELATED_HEADING.search(text):
            continue
        if el.tag not in HEADINGS | {
            "p",
            "div",
            "strong",
            "b",
            "span",
            "td",
            "li",
            "font",
        }:
            continue
        node = el
        while node.getparent() is not None and node.getparent() is not body:
            node = node.getparent()
        if node.getparent() is None:
            continue
        for sibling in list(node.itersiblings()):
            body.remove(sibling)
        if (
            text_of(node) == text
            or _link_density(node) > 0.3
            or len(text_of(node)) < 400
        ):
            body.remove(node)
        break
