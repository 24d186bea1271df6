"""The page being read, and the parts found around the body: the body's box,
the headline, the visible date, the view count and the breadcrumb."""

from __future__ import annotations

import math
import re
from datetime import datetime
from urllib.parse import urljoin

from congxa.vi.dates import find_datetimes

from ..profiles import Profile
from .fallback import generic_library_html
from .furniture import _FURNITURE_TAGS, RELATED_HEADING, is_furniture_class
from .text import LOCAL_ZONE, _fold, _number, _parse_iso, clean_text, text_of
from .tree import (
    BLOCK_TAGS,
    HEADINGS,
    _article_container,
    _classes,
    _contains,
    _drop_noise,
    _last_index,
    _meta,
    _own_text,
    _select,
    parse_html,
)

VIEW_COUNT = re.compile(
    r"(?:(?:số\s+)?(?:lượt\s+xem|lượt\s+đọc|lần\s+xem|số\s+lần\s+đọc|đã\s+xem|views?)"
    r"\s*[:：]?|\bxem\s*[:：])\s*(?P<n>\d{1,3}(?:[.,\s]\d{3})+|\d+)(?![\d/])"
    r"|(?P<m>\d{1,3}(?:[.,]\d{3})+|\d+)\s*(?:lượt\s+xem|lượt\s+đọc|lần\s+xem|views?)\b",
    re.IGNORECASE,
)


TITLE_CLASS = re.compile(
    r"title|tieude|tieu-de|tieu_de|headline|heading", re.IGNORECASE
)


NOT_TITLE_CLASS = re.compile(
    r"site|logo|brand|widget|block-title|module|box|portlet-title|panel-title|menu|"
    r"cat|section|sidebar|related|other|footer|header-top|slogan|chuyenmuc|danhmuc",
    re.IGNORECASE,
)


DATE_CLASS = re.compile(
    r"date|time|ngay|publish|posted|created|thoigian|meta|info|entry-meta|calendar",
    re.IGNORECASE,
)


DATE_LABEL = re.compile(
    r"ngày\s+(?:đăng|cập\s+nhật|xuất\s+bản|ban\s+hành)|cập\s+nhật|đăng\s+(?:lúc|ngày)|"
    r"thời\s+gian|posted|published",
    re.IGNORECASE,
)


EYE_ICON = re.compile(
    r"\beye\b|fa-eye|icon-eye|ico-?view|icon-?view|luotxem|\bhits\b", re.I
)


GENERIC_TITLES = re.compile(
    r"^\s*(?:xem\s+)?chi\s+tiết(?:\s+(?:bài\s+viết|tin(?:\s+tức|\s+bài)?|bản\s+tin|"
    r"thông\s+báo|văn\s+bản))?\s*$|^\s*(?:trang\s+chủ|tin\s+tức(?:\s*[-–]\s*sự\s+kiện)?|"
    r"tin\s+tức\s+sự\s+kiện|thông\s+báo|tin\s+bài|bài\s+viết|news|home|untitled|"
    r"trang\s+tin|tin\s+hoạt\s+động|hoạt\s+động)\s*$|^\s*(?:cổng|trang)\s+thông\s+tin"
    r"|^\s*(?:ủy|uỷ)\s+ban\s+nhân\s+dân|^\s*ubnd\b|^\s*website\b",
    re.IGNORECASE,
)


TONES_TODAY = re.compile(r"hôm\s+nay|today|bây\s+giờ", re.IGNORECASE)


TITLE_SEPARATORS = re.compile(r"\s+[-–|»:]\s+|\s*\|\s*")


def _is_generic_title(text: str, site_name: str | set[str] = "") -> bool:
    if not text or GENERIC_TITLES.search(text):
        return True
    steps = re.split(r"\s*[>»›]\s*", text)
    if len(steps) > 1 and GENERIC_TITLES.search(steps[0]):
        return True  # a breadcrumb trail: "Trang chủ > Tin tức"
    names = {site_name} if isinstance(site_name, str) else site_name
    return _fold(text) in {_fold(name) for name in names if name}


class _Page:
    """One page being read: the tree, its document order and the parts found."""

    def __init__(self, html: str, url: str, profile: Profile):
        self.raw = html
        self.url = url
        self.profile = profile
        self.doc = parse_html(html)
        self.base_url = url
        base = self.doc.find(".//base[@href]")
        if base is not None:
            self.base_url = urljoin(url, base.get("href"))
        self.og_title = _meta(self.doc, "og:title", "twitter:title")
        self.site_name = _meta(self.doc, "og:site_name", "application-name")
        title_el = self.doc.find(".//title")
        self.head_title = text_of(title_el)
        # The site's own name: never an article's headline.
        self.site_names = {self.site_name}
        head_parts = [p for p in TITLE_SEPARATORS.split(self.head_title) if p.strip()]
        if len(head_parts) > 1:
            self.site_names.add(head_parts[-1])
        self.meta_date = self._meta_date()
        self.canonical = self._canonical()
        _drop_noise(self.doc)
        self.body_el = self.doc.find("body")
        if self.body_el is None:
            self.body_el = self.doc
        self._index_order()

    def _index_order(self) -> None:
        elements = list(self.doc.iter())
        self.order = {el: i for i, el in enumerate(elements)}
        # Raw text length of each element, children first: lets the scans skip
        # big containers without reading their whole text (a 5 MB page).
        self.raw_len: dict = {}
        for el in reversed(elements):
            size = len(el.text or "")
            for child in el:
                size += self.raw_len.get(child, 0) + len(child.tail or "")
            self.raw_len[el] = size

    def short(self, el, limit: int) -> bool:
        """Whether an element's text may be at most `limit` characters."""
        return self.raw_len.get(el, 0) <= limit * 20

    def _canonical(self) -> str:
        for el in self.doc.xpath("//link[@rel='canonical'][@href]"):
            return urljoin(self.base_url, el.get("href").strip())
        og_url = _meta(self.doc, "og:url")
        return urljoin(self.base_url, og_url) if og_url else ""

    def _meta_date(self) -> datetime | None:
        value = _meta(
            self.doc,
            "article:published_time",
            "datePublished",
            "pubdate",
            "publishdate",
            "date",
            "dc.date.issued",
            "DC.date.issued",
        )
        if not value:
            for el in self.doc.xpath("//*[@itemprop='datePublished']"):
                value = el.get("content") or el.get("datetime") or el.text_content()
                break
        if not value:
            for el in self.doc.xpath("//time[@datetime]"):
                value = el.get("datetime")
                break
        return _parse_iso(value) if value else None

    # -- furniture ---------------------------------------------------------------

    def furniture_ancestor(self, el, unless_contains=()):
        """The nearest ancestor (or el) that is page furniture, ignoring article
        containers (ancestors holding the headline or the body)."""
        node = el
        while node is not None and node is not self.body_el:
            if isinstance(node.tag, str) and (
                node.tag in _FURNITURE_TAGS or is_furniture_class(_classes(node))
            ):
                if not any(
                    other is not None and (other is node or _contains(node, other))
                    for other in unless_contains
                ):
                    return node
            node = node.getparent()
        return None

    # -- body root -----------------------------------------------------------------

    def find_body(self):
        for el in _select(self.profile, "body", self.doc):
            if len(text_of(el)) >= 20 or el.find(".//img") is not None:
                return el, True
        best = self._best_text_container()
        if best is None or len(text_of(best)) < 80:
            fallback = self._generic_library_body()
            if fallback is not None:
                return fallback, False
        return best, False

    def _generic_library_body(self):
        """trafilatura's main text, for layouts the rules find nothing in.

        Its result (paragraphs, headings, pictures) is put at the end of the
        page, so the same headline, date, caption and signature rules read it.
        """
        holder = generic_library_html(self.raw, self.url)
        if holder is None:
            return None
        self.body_el.append(holder)
        self._index_order()
        return holder

    def _best_text_container(self):
        scores: dict = {}
        for el in self.body_el.iter():
            if (
                not isinstance(el.tag, str)
                or el.tag in HEADINGS
                or el.tag in {"a", "li"}
            ):
                continue
            own = _own_text(el)
            if len(own) < 25:
                continue
            if self.furniture_ancestor(el) is not None:
                continue
            if el.tag not in BLOCK_TAGS:
                continue  # inline text counts in its block's own text
            value = 1 + min(len(own) / 100, 3) + min(own.count(",") * 0.1, 1)
            if len(own) > 300 and el.tag not in {"p", "li"}:
                # Several paragraphs in one box (<br><br> layouts): the box itself.
                scores[el] = scores.get(el, 0.0) + value
            node, weight = el.getparent(), 1.0
            for _ in range(3):
                if node is None or node is self.doc:
                    break
                scores[node] = scores.get(node, 0.0) + value * weight
                node, weight = node.getparent(), weight / 2
        best, best_score = None, 0.0
        for el, score in scores.items():
            text = text_of(el)
            if not text:
                continue
            links = sum(len(text_of(a)) for a in el.iter("a"))
            score *= max(0.0, 1 - links / len(text))
            if score > best_score:
                best, best_score = el, score
        return best

    # -- headline --------------------------------------------------------------------

    def find_title(self, body):
        body_start = self.order.get(body, 0) if body is not None else 0
        body_end = _last_index(self, body)
        head_titles = [_fold(t) for t in (self.og_title, self.head_title) if t]
        best, best_score = None, 0.0
        profile_hits = set(_select(self.profile, "title", self.doc))
        candidates = list(profile_hits)
        for el in self.body_el.iter():
            if not isinstance(el.tag, str) or el in profile_hits:
                continue
            if el.tag in HEADINGS or (
                TITLE_CLASS.search(_classes(el))
                and not NOT_TITLE_CLASS.search(_classes(el))
            ):
                candidates.append(el)
        for el in candidates:
            text = text_of(el)
            if not 6 <= len(text) <= 400 or _is_generic_title(text, self.site_names):
                continue
            if RELATED_HEADING.search(text):
                continue
            if len(el.findall(".//a")) >= 2 and el not in profile_hits:
                continue  # a trail or a menu of links, not a headline
            if (
                el.tag not in HEADINGS
                and len(el)
                and any(
                    child.tag in BLOCK_TAGS for child in el.iter() if child is not el
                )
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
            index = self.order.get(el, 0)
            if body is not None:
                if _contains(body, el):
                    score -= 3
                elif index > body_end:
                    score -= 6
                elif index < body_start:
                    score += 3 * math.exp(-(body_start - index) / 80)
            if self.furniture_ancestor(el, unless_contains=(body,)) is not None:
                score -= 8
            if 15 <= len(text) <= 250:
                score += 1
            if score > best_score:
                best, best_score = el, score
        if best is not None:
            return best, text_of(best)
        return None, self._title_from_head()

    def _title_from_head(self) -> str:
        if self.og_title and not _is_generic_title(self.og_title, self.site_names):
            return self.og_title
        parts = [p for p in TITLE_SEPARATORS.split(self.head_title) if p.strip()]
        parts = [p for p in parts if not _is_generic_title(p, self.site_names)]
        return clean_text(max(parts, key=len)) if parts else ""

    # -- date ------------------------------------------------------------------

    def find_date(self, title_el, body) -> tuple[datetime | None, bool]:
        anchor = title_el if title_el is not None else body
        anchor_index = self.order.get(anchor, 0) if anchor is not None else 0
        container = _article_container(title_el, body)
        profile_hits = _select(self.profile, "date", self.doc)
        today = datetime.now(LOCAL_ZONE).date()
        best, best_score = None, -5.0
        for el in self.body_el.iter():
            if not isinstance(el.tag, str) or not self.short(el, 160):
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
                el.getparent() is not None
                and DATE_CLASS.search(_classes(el.getparent()))
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
            if (
                self.furniture_ancestor(el, unless_contains=(title_el, body))
                is not None
            ):
                score -= 10
            if container is not None and not _contains(container, el):
                score -= 3
            index = self.order.get(el, 0)
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
            if self.meta_date is not None:
                return self.meta_date, True
            return None, False
        value, has_time = visible.value, visible.has_time
        meta = self.meta_date
        if not has_time and meta is not None and meta.date() == value.date():
            return meta, True
        return value, has_time

    # -- view count -------------------------------------------------------------------

    def find_view_count(self, title_el, body) -> int | None:
        for el in _select(self.profile, "view_count", self.doc):
            match = VIEW_COUNT.search(text_of(el))
            if match:
                return _number(match["n"] or match["m"])
            if re.fullmatch(r"[\d.,\s]+", text_of(el) or "x"):
                return _number(text_of(el))
        container = _article_container(title_el, body)
        scopes = [container] if container is not None else []
        scopes.append(self.body_el)
        # A count shown only beside an eye icon: `<i class="fa fa-eye"></i> 1.532`.
        for scope in scopes:
            for icon in scope.iter("i", "span", "em", "img", "svg"):
                if not EYE_ICON.search(_classes(icon)) or icon.getparent() is None:
                    continue
                if self.furniture_ancestor(icon, unless_contains=(title_el, body)):
                    continue
                text = text_of(icon.getparent())
                if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+|\d+", text):
                    return _number(text)
        for scope in scopes:
            for el in scope.iter():
                if not isinstance(el.tag, str) or el.tag in {"li", "a"}:
                    continue
                if not self.short(el, 200):
                    continue
                text = text_of(el)
                if len(text) > 200:
                    continue
                match = VIEW_COUNT.search(text)
                if not match:
                    continue
                if self.furniture_ancestor(el, unless_contains=(title_el, body)):
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

    # -- breadcrumb --------------------------------------------------------------------

    def find_breadcrumb(self) -> list[str]:
        hits = _select(self.profile, "breadcrumb", self.doc)
        if not hits:
            hits = [
                el
                for el in self.body_el.iter()
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
