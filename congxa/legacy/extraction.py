"""An article out of one old portal page: pure, from a string of HTML.

Imports nothing of Django, so it is fast to test and to run in bulk. The
profile (see `profiles.py`) says where each part sits on its platform; general
rules, the same for every platform, fill in what the profile does not find and
clean what it finds: the visible date near the headline rather than the
"today" date of the page header, captions from figures, tables or the line
under a picture, the signature at the end, the view count, and none of the page
furniture (menus, related news, counters, print and share buttons).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo

import lxml.html
from lxml import etree

from congxa.vi.dates import find_datetimes

from .profiles import GENERIC, Profile, detect_profile

LOCAL_ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
ATTACHMENT_EXTENSIONS = (
    ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods",
    ".rtf", ".zip", ".rar", ".7z",
)  # fmt: skip
BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "center", "dd", "details", "dir",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
    "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "menu", "nav", "ol",
    "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
}  # fmt: skip
DROP_TAGS = (
    "script", "style", "noscript", "template", "iframe", "object", "embed",
    "input", "select", "button", "textarea", "svg", "canvas", "video",
    "audio", "map", "link", "marquee",
)  # fmt: skip
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
INLINE_KEEP = {"a", "b", "strong", "i", "em", "u", "sub", "sup", "br"}

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
VIEW_COUNT = re.compile(
    r"(?:(?:số\s+)?(?:lượt\s+xem|lượt\s+đọc|lần\s+xem|số\s+lần\s+đọc|đã\s+xem|views?)"
    r"\s*[:：]?|\bxem\s*[:：])\s*(?P<n>\d{1,3}(?:[.,\s]\d{3})+|\d+)(?![\d/])"
    r"|(?P<m>\d{1,3}(?:[.,]\d{3})+|\d+)\s*(?:lượt\s+xem|lượt\s+đọc|lần\s+xem|views?)\b",
    re.IGNORECASE,
)
SIGNATURE_LABEL = re.compile(
    r"^\s*(?P<label>tác\s*giả|người\s*viết|bút\s*danh|người\s*đăng|đăng\s*bởi|"
    r"bài\s*(?:và|,|&|-)?\s*ảnh|tin\s*(?:và|,|&|-)?\s*ảnh|tin\s*bài|bài|tin|"
    r"nguồn\s*tin|nguồn|theo|author|source|posted\s+by|by)\s*[:：]\s*(?P<value>.+?)\s*$",
    re.IGNORECASE,
)
SOURCE_LABELS = {"nguồn", "nguồn tin", "theo", "source"}
LEAD_CLASS = re.compile(
    r"sapo|\blead\b|summary|hometext|tomtat|tom-tat|trichdan|trich-dan|\bmota\b|"
    r"description|\bintro\b|excerpt|teaser|abstract|news-desc|chapeau",
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
CAPTION_CLASS = re.compile(
    r"caption|chuthich|chu-thich|image-note|img-note|note|desc|\bmota\b|photo-text|"
    r"figcaption|image_caption|imagecaption|legend",
    re.IGNORECASE,
)
SIGNATURE_CLASS = re.compile(
    r"author|tacgia|tac-gia|signature|butdanh|nguon|source|byline", re.IGNORECASE
)
EYE_ICON = re.compile(
    r"\beye\b|fa-eye|icon-eye|ico-?view|icon-?view|luotxem|\bhits\b", re.I
)
ATTACHMENT_CLASS = re.compile(r"attach|dinhkem|dinh-kem|download|file", re.IGNORECASE)
GENERIC_TITLES = re.compile(
    r"^\s*(?:xem\s+)?chi\s+tiết(?:\s+(?:bài\s+viết|tin(?:\s+tức|\s+bài)?|bản\s+tin|"
    r"thông\s+báo|văn\s+bản))?\s*$|^\s*(?:trang\s+chủ|tin\s+tức(?:\s*[-–]\s*sự\s+kiện)?|"
    r"tin\s+tức\s+sự\s+kiện|thông\s+báo|tin\s+bài|bài\s+viết|news|home|untitled|"
    r"trang\s+tin|tin\s+hoạt\s+động|hoạt\s+động)\s*$|^\s*(?:cổng|trang)\s+thông\s+tin"
    r"|^\s*(?:ủy|uỷ)\s+ban\s+nhân\s+dân|^\s*ubnd\b|^\s*website\b",
    re.IGNORECASE,
)
TONES_TODAY = re.compile(r"hôm\s+nay|today|bây\s+giờ", re.IGNORECASE)
SPACES = re.compile(r"\s+")
TITLE_SEPARATORS = re.compile(r"\s+[-–|»:]\s+|\s*\|\s*")


class NoArticle(ValueError):
    """The page has no article (a category list, a search page, an empty page)."""


@dataclass
class Block:
    """One piece of an article body, in reading order."""

    kind: str  # paragraph | heading | list | image | attachment
    text: str = ""
    html: str = ""
    src: str = ""
    alt: str = ""
    caption: str = ""
    level: int = 0
    bold: bool = False
    italic: bool = False
    align: str = ""
    css: str = ""


@dataclass
class Article:
    title: str = ""
    published: datetime | None = None
    has_time: bool = False
    lead: str = ""
    blocks: list[Block] = field(default_factory=list)
    signature: str = ""
    view_count: int | None = None
    breadcrumb: list[str] = field(default_factory=list)
    canonical_url: str = ""
    profile: str = GENERIC.name
    warnings: list[str] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[Block]:
        return [b for b in self.blocks if b.kind in {"paragraph", "heading", "list"}]

    @property
    def images(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "image"]

    @property
    def attachments(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "attachment"]

    @property
    def body_text(self) -> str:
        return "\n".join(b.text for b in self.paragraphs)


# --- small helpers ---------------------------------------------------------------


def clean_text(text: str | None) -> str:
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text.replace("\xa0", " ").replace("\u200b", ""))
    return SPACES.sub(" ", text).strip()


def text_of(el) -> str:
    return clean_text(el.text_content()) if el is not None else ""


def _classes(el) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}".strip()


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


def _is_hidden(el) -> bool:
    style = (el.get("style") or "").replace(" ", "").lower()
    return (
        "display:none" in style
        or "visibility:hidden" in style
        or (el.get("hidden") is not None)
    )


def _fold(text: str) -> str:
    return clean_text(text).casefold()


def _select(profile: Profile, part: str, root) -> list:
    found = []
    for selector in profile.select(part):
        try:
            found.extend(el for el in selector(root) if el not in found)
        except (etree.XPathError, ValueError):
            continue
        if found:
            break
    return found


def _is_generic_title(text: str, site_name: str | set[str] = "") -> bool:
    if not text or GENERIC_TITLES.search(text):
        return True
    steps = re.split(r"\s*[>»›]\s*", text)
    if len(steps) > 1 and GENERIC_TITLES.search(steps[0]):
        return True  # a breadcrumb trail: "Trang chủ > Tin tức"
    names = {site_name} if isinstance(site_name, str) else site_name
    return _fold(text) in {_fold(name) for name in names if name}


def _number(text: str) -> int | None:
    digits = re.sub(r"[^\d]", "", text or "")
    return int(digits) if digits and len(digits) < 12 else None


def _local(value: datetime) -> datetime:
    if value.tzinfo is not None:
        value = value.astimezone(LOCAL_ZONE).replace(tzinfo=None)
    return value


def _parse_iso(value: str) -> datetime | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return _local(datetime.fromisoformat(value.replace("Z", "+00:00")))
    except ValueError:
        found = find_datetimes(value)
        return found[0].value if found else None


# --- parsing and cleaning ----------------------------------------------------------

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


def parse_html(html: str):
    """An lxml document from a page, scripts and styles gone; NoArticle if empty."""
    html = _XML_DECL.sub("", html or "", count=1)
    if not html.strip():
        raise NoArticle("empty")
    try:
        doc = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise NoArticle("unparsable") from exc
    return doc


def _drop_noise(doc) -> None:
    for el in list(doc.iter(etree.Comment, etree.ProcessingInstruction)):
        _remove_keep_tail(el)
    for el in list(doc.iter(*DROP_TAGS)):
        if el.tag == "link":
            continue
        _remove_keep_tail(el)


def _remove_keep_tail(el) -> None:
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _meta(doc, *names: str) -> str:
    for name in names:
        for el in doc.xpath("//meta[@property=$n or @name=$n or @itemprop=$n]", n=name):
            content = clean_text(el.get("content"))
            if content:
                return content
    return ""


# --- the extractor ------------------------------------------------------------------


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


def generic_library_html(html: str, url: str = ""):
    """trafilatura's extraction of a page in one `<div>`, or None."""
    try:
        import trafilatura
    except ImportError:  # pragma: no cover (a pinned dependency)
        return None
    try:
        result = trafilatura.extract(
            html,
            url=url or None,
            output_format="html",
            include_images=True,
            include_formatting=True,
            include_links=True,
            favor_precision=True,
        )
    except Exception:  # noqa: BLE001 (a third-party parser on a broken page)
        return None
    if not result:
        return None
    try:
        root = lxml.html.document_fromstring(result)
    except (etree.ParserError, ValueError):
        return None
    body = root.find("body")
    container = body if body is not None else root
    main = container.find("main")
    main = main if main is not None else container
    holder = lxml.html.Element("div", {"class": "congxa-generic-body"})
    holder.text = main.text
    holder.extend(list(main))
    return holder


def _contains(ancestor, el) -> bool:
    if ancestor is None or el is None:
        return False
    node = el
    while node is not None:
        if node is ancestor:
            return True
        node = node.getparent()
    return False


def _last_index(page: _Page, el) -> int:
    if el is None:
        return 0
    *_, last = el.iter()
    return page.order.get(last, 0)


def _article_container(title_el, body):
    """The smallest element holding both headline and body (the article box)."""
    if title_el is None or body is None:
        return body
    ancestors = set()
    node = title_el
    while node is not None:
        ancestors.add(node)
        node = node.getparent()
    node = body
    while node is not None:
        if node in ancestors:
            return node
        node = node.getparent()
    return None


def _own_text(el) -> str:
    """Text of an element without the text of its block-level descendants."""
    pieces = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child.tag not in BLOCK_TAGS:
            pieces.append(child.text_content())
        pieces.append(child.tail or "")
    return clean_text("".join(pieces))


# --- body flattening -------------------------------------------------------------


class _Flattener:
    def __init__(self, page: _Page):
        self.page = page
        self.blocks: list[Block] = []

    def image_block(self, img, caption: str = "") -> Block | None:
        src = (
            img.get("src")
            or img.get("data-src")
            or img.get("data-original")
            or img.get("data-lazy-src")
            or ""
        ).strip()
        if not src or src.startswith("data:"):
            return None
        url = urljoin(self.page.base_url, src)
        alt = clean_text(img.get("alt") or img.get("title") or "")
        if re.search(r"\.(jpe?g|png|gif|webp|bmp)$", alt, re.I) or alt.lower() in {
            "image", "img", "ảnh", "hình", "photo", "picture",
        }:  # fmt: skip
            alt = ""
        return Block(kind="image", src=url, alt=alt, caption=clean_text(caption))

    def run(self, root) -> list[Block]:
        self.walk(root, context=root)
        return self.blocks

    def walk(self, el, context) -> None:
        run: list = []
        if el.text:
            run.append(el.text)
        for child in el:
            if not isinstance(child.tag, str):
                if child.tail:
                    run.append(child.tail)
                continue
            if child.tag in BLOCK_TAGS:
                self.flush(run, el)
                run = []
                self.block(child)
            elif child.tag == "img":
                self.flush(run, el)
                run = []
                block = self.image_block(child)
                if block:
                    self.blocks.append(block)
            elif _needs_walk(child):
                self.flush(run, el)
                run = []
                self.walk(child, child)
            elif child.find(".//img") is not None and not text_of(child):
                self.flush(run, el)
                run = []
                for img in child.iter("img"):
                    block = self.image_block(img)
                    if block:
                        self.blocks.append(block)
            else:
                run.append(child)
            if child.tail:
                run.append(child.tail)
        self.flush(run, el)

    def block(self, el) -> None:
        tag = el.tag
        if _is_hidden(el):
            return
        if tag in HEADINGS:
            text = text_of(el)
            if text:
                if el.find(".//img") is not None:
                    self.walk(el, el)
                    return
                self.blocks.append(
                    Block(
                        kind="heading", text=text, html=_escape(text), level=int(tag[1])
                    )
                )
            return
        if tag == "figure":
            caption_el = el.find(".//figcaption")
            caption = text_of(caption_el)
            imgs = list(el.iter("img"))
            if imgs:
                for img in imgs:
                    block = self.image_block(img, caption)
                    if block:
                        self.blocks.append(block)
                return
        if tag == "table" and self.image_table(el):
            return
        if tag in {"ul", "ol"}:
            items = [li for li in el if isinstance(li.tag, str) and li.tag == "li"]
            if len(items) >= 3 and _link_density(el) > 0.8:
                return  # a list of links: other news, not the article
            if items and not any(li.find(".//img") is not None for li in items):
                htmls, texts = [], []
                for li in items:
                    html, text = _inline_html(li)
                    if text:
                        htmls.append(f"<li>{html}</li>")
                        texts.append(text)
                if texts:
                    self.blocks.append(
                        Block(
                            kind="list",
                            text="\n".join(texts),
                            html=f"<{tag}>{''.join(htmls)}</{tag}>",
                        )
                    )
                return
        if tag == "table" and self.data_table(el):
            return
        if tag == "hr":
            return
        self.walk(el, el)

    def image_table(self, table) -> bool:
        """A table that frames pictures with their captions (common in old editors)."""
        imgs = list(table.iter("img"))
        if not imgs or len(imgs) > 6:
            return False
        pieces = []
        for cell in table.iter("td", "th", "caption"):
            if cell.find(".//img") is None or text_of(cell):
                text = text_of(cell)
                if text:
                    pieces.append(text)
        caption = clean_text(" ".join(dict.fromkeys(pieces)))
        if len(caption) > 400:
            return False
        for img in imgs:
            block = self.image_block(img, caption)
            if block:
                self.blocks.append(block)
        return True

    def data_table(self, table) -> bool:
        rows = list(table.iter("tr"))
        if not rows:
            return False
        for cell in table.iter("td", "th"):
            if len(text_of(cell)) > 200 or any(
                isinstance(c.tag, str) and c.tag in {"p", "div", "table", "ul", "ol"}
                for c in cell.iter()
                if c is not cell
            ):
                return False  # a layout table: read its cells as blocks
        for row in rows:
            cells = [
                text_of(c)
                for c in row
                if isinstance(c.tag, str) and c.tag in {"td", "th"}
            ]
            cells = [c for c in cells if c]
            if cells:
                text = " | ".join(cells)
                self.blocks.append(
                    Block(kind="paragraph", text=text, html=_escape(text))
                )
        return True

    def flush(self, run: list, container) -> None:
        if not run:
            return
        # Two or more <br> in a row separate paragraphs, as old editors typed them.
        groups: list[list] = [[]]
        breaks = 0
        for item in run:
            if not isinstance(item, str) and item.tag == "br":
                breaks += 1
                continue
            if isinstance(item, str) and not item.strip():
                if breaks:
                    continue
                groups[-1].append(item)
                continue
            if breaks >= 2:
                groups.append([])
            elif breaks == 1 and groups[-1]:
                groups[-1].append("<br>")
            breaks = 0
            groups[-1].append(item)
        for group in groups:
            html_parts, text_parts = [], []
            bold_chars = italic_chars = 0
            for item in group:
                if isinstance(item, str):
                    if item == "<br>":
                        html_parts.append("<br>")
                        text_parts.append(" ")
                    else:
                        html_parts.append(_escape(item))
                        text_parts.append(item)
                    continue
                html, text = _inline_html(item, wrap=True)
                html_parts.append(html)
                text_parts.append(text)
                bold_chars += _styled_length(item, {"b", "strong"})
                italic_chars += _styled_length(item, {"i", "em"})
            text = clean_text("".join(text_parts))
            if not text or text in {"-", "*", "."}:
                continue
            html = re.sub(r"^(?:\s|<br>)+|(?:\s|<br>)+$", "", "".join(html_parts))
            length = len(text.replace(" ", ""))
            self.blocks.append(
                Block(
                    kind="paragraph",
                    text=text,
                    html=SPACES.sub(" ", html).strip(),
                    bold=bold_chars >= length * 0.9
                    or _styled_container(container, {"b", "strong"}),
                    italic=italic_chars >= length * 0.9
                    or _styled_container(container, {"i", "em"}),
                    align=_alignment(container),
                    css=_classes(container),
                )
            )


def _needs_walk(el) -> bool:
    """An inline element (a <font>, a <span>) wrapping blocks or <br><br> text."""
    breaks = 0
    for node in el.iter():
        if node is el or not isinstance(node.tag, str):
            continue
        if node.tag in BLOCK_TAGS:
            return True
        if node.tag == "br":
            breaks += 1
            if breaks >= 2:
                return True
    return False


def _styled_container(el, tags: set[str]) -> bool:
    node = el
    for _ in range(2):
        if node is None:
            return False
        if node.tag in tags:
            return True
        style = (node.get("style") or "").lower().replace(" ", "")
        if ("b" in tags and "font-weight:bold" in style) or (
            "i" in tags and "font-style:italic" in style
        ):
            return True
        node = node.getparent()
    return False


def _styled_length(el, tags: set[str]) -> int:
    if el.tag in tags:
        return len(text_of(el).replace(" ", ""))
    style = (el.get("style") or "").lower().replace(" ", "")
    if ("b" in tags and "font-weight:bold" in style) or (
        "i" in tags and "font-style:italic" in style
    ):
        return len(text_of(el).replace(" ", ""))
    return sum(
        _styled_length(child, tags) for child in el if isinstance(child.tag, str)
    )


def _alignment(el) -> str:
    node = el
    for _ in range(2):
        if node is None:
            return ""
        style = (node.get("style") or "").lower().replace(" ", "")
        match = re.search(r"text-align:(left|right|center|justify)", style)
        if match:
            return match.group(1)
        align = (node.get("align") or "").lower()
        if align in {"left", "right", "center", "justify"}:
            return align
        css = (node.get("class") or "").lower()
        for word in ("right", "center"):
            if re.search(rf"(?:text-|align-?|has-text-align-){word}|\b{word}\b", css):
                return word
        if node.tag == "center":
            return "center"
        node = node.getparent()
    return ""


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _inline_html(el, wrap: bool = True) -> tuple[str, str]:
    """Inline HTML (b, i, a...) of an element, other tags unwrapped."""
    parts: list[str] = []
    texts: list[str] = []

    def visit(node, top: bool) -> None:
        tag = node.tag if isinstance(node.tag, str) else None
        keep = tag in INLINE_KEEP and not (top and not wrap)
        if tag == "br":
            parts.append("<br>")
            texts.append(" ")
            return
        if tag == "img":
            return
        if keep:
            tag_out = {"b": "b", "strong": "b", "i": "i", "em": "i"}.get(tag, tag)
            if tag == "a":
                href = (node.get("href") or "").strip()
                if href and not href.lower().startswith(("javascript:", "#")):
                    parts.append(f'<a href="{_attr(href)}">')
                else:
                    tag_out = None
                    keep = False
            else:
                parts.append(f"<{tag_out}>")
        if tag is not None and node.text:
            parts.append(_escape(node.text))
            texts.append(node.text)
        for child in node:
            if isinstance(child.tag, str):
                visit(child, False)
            if child.tail:
                parts.append(_escape(child.tail))
                texts.append(child.tail)
        if keep:
            parts.append(f"</{'a' if tag == 'a' else tag_out}>")

    if isinstance(el.tag, str) and el.tag in INLINE_KEEP and wrap:
        visit(el, True)
    else:
        if el.text:
            parts.append(_escape(el.text))
            texts.append(el.text)
        for child in el:
            if isinstance(child.tag, str):
                visit(child, False)
            if child.tail:
                parts.append(_escape(child.tail))
                texts.append(child.tail)
    html = unicodedata.normalize("NFC", "".join(parts).replace("\xa0", " "))
    return html, clean_text("".join(texts))


def _attr(value: str) -> str:
    return _escape(value).replace('"', "&quot;")


# --- after flattening: captions, lead, signature, furniture lines ---------------


def _is_caption(block: Block) -> bool:
    if block.kind != "paragraph" or len(block.text) > 300:
        return False
    if CAPTION_CLASS.search(block.css):
        return True
    if block.italic or block.align == "center":
        return True
    return bool(
        re.match(r"^\(?\s*(?:ảnh|hình|photo)\s*(?:\d+)?\s*[:：)]", block.text, re.I)
    )


def _attach_captions(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.kind == "image"
            and not previous.caption
            and _is_caption(block)
        ):
            previous.caption = block.text
            continue
        out.append(block)
    for block in out:
        if block.kind == "image" and not block.alt and block.caption:
            block.alt = block.caption
    return out


def _strip_label(text: str) -> tuple[str, str]:
    match = SIGNATURE_LABEL.match(text)
    if match:
        return clean_text(match["label"]).lower(), clean_text(match["value"]).strip(
            " ."
        )
    return "", clean_text(text)


NOT_SIGNATURE = re.compile(
    r"^\(?\s*(?:trân\s+trọng|xin\s|kính\s|rất\s+mong|đề\s+nghị|còn\s+nữa|hết|"
    r"tiếp\s+theo|\*|-)",
    re.IGNORECASE,
)


def _looks_like_signature(block: Block) -> bool:
    text = block.text
    if block.kind != "paragraph" or not text or len(text) > 70:
        return False
    if NOT_SIGNATURE.match(text):
        return False
    if len(text.split()) > 10 or text.endswith((":", ";", "?", "!", ",")):
        return False
    if find_datetimes(text) or VIEW_COUNT.search(text):
        return False
    if text.endswith(".") and len(text) > 20:
        return False
    styled = block.align == "right" or block.bold or block.italic
    return styled or len(text) <= 45


def _furniture_line(text: str) -> bool:
    if len(text) > 80:
        return False
    match = FURNITURE_LINE.match(text)
    return bool(match) and len(text) - match.end() < 25


# --- entry point ---------------------------------------------------------------------


def extract_article(
    html: str, url: str = "", profile: Profile | None = None
) -> Article:
    """Read one article page. Raises NoArticle when the page holds no article."""
    chosen = profile or detect_profile(html)
    page = _Page(html, url, chosen)
    article = Article(profile=chosen.name, canonical_url=page.canonical)

    body, from_profile = page.find_body()
    if body is None:
        raise NoArticle("no_body")
    title_el, title = page.find_title(body)
    article.title = title
    article.published, article.has_time = page.find_date(title_el, body)
    article.view_count = page.find_view_count(title_el, body)
    article.breadcrumb = page.find_breadcrumb()

    signature = ""
    source = ""
    for el in _select(chosen, "signature", page.doc):
        label, value = _strip_label(text_of(el))
        if value and len(value) <= 120:
            if label in SOURCE_LABELS:
                source = source or value
            else:
                signature = signature or value
    lead = ""
    for el in _select(chosen, "lead", page.doc):
        lead = text_of(el)
        if lead:
            if _contains(body, el):
                el.getparent().remove(el)
            break
    if not lead:
        lead = _generic_lead(page, title_el, body)

    if title_el is not None and title_el is not body and _contains(body, title_el):
        _drop_through(body, title_el)
    attachments = _attachment_links(page, chosen, body)
    _remove_furniture(page, chosen, body, title_el)
    if body.getparent() is None and body is not page.doc:
        raise NoArticle("no_body")

    picture = _lead_picture(page, title_el, body)
    blocks = _Flattener(page).run(body)
    if picture is not None and picture.src not in {b.src for b in blocks}:
        blocks.insert(0, picture)
    blocks = _attach_captions(blocks)
    blocks = [
        b
        for b in blocks
        if b.kind != "paragraph"
        or not (
            _furniture_line(b.text)
            or _is_date_line(b.text)
            or _fold(b.text) == _fold(title)
        )
    ]
    while (
        blocks and blocks[0].kind == "heading" and _fold(blocks[0].text) == _fold(title)
    ):
        blocks.pop(0)
    if lead:
        blocks = [b for b in blocks if _fold(b.text) != _fold(lead)]
    elif (
        blocks
        and blocks[0].kind == "paragraph"
        and blocks[0].bold
        and len(blocks[0].text) >= 50
    ):
        lead = blocks.pop(0).text

    # The signature: the labelled lines at the end, or the short last line.
    tail_signature, tail_source, blocks = _signature_from_tail(blocks)
    signature = signature or tail_signature
    source = source or tail_source
    if not signature and not source:
        signature = _signature_after_body(page, body, title_el)
    article.signature = signature or source

    known = {b.src for b in blocks if b.kind == "image"} | {
        b.src for b in blocks if b.kind == "attachment"
    }
    for href, text in attachments:
        if href not in known:
            blocks.append(
                Block(kind="attachment", src=href, text=text or href.rsplit("/", 1)[-1])
            )
            known.add(href)
    for block in blocks:
        if block.kind == "paragraph" or block.kind == "list":
            for href in re.findall(r'href="([^"]+)"', block.html):
                real = urljoin(page.base_url, href.replace("&amp;", "&"))
                if _is_attachment(real) and real not in known:
                    known.add(real)
    article.blocks = blocks
    article.lead = lead

    body_chars = sum(len(b.text) for b in article.paragraphs)
    if body_chars < 80 and not article.images:
        raise NoArticle("no_article")
    if not from_profile and (
        _link_density(body) > 0.5
        or sum(1 for a in body.iter("a") if len(text_of(a)) >= 30) >= 5
    ):
        raise NoArticle("no_article")  # a list of articles: titles as links
    if not title:
        article.warnings.append("no_title")
    if article.published is None:
        article.warnings.append("no_date")
    return article


def _drop_through(body, el) -> None:
    """Remove `el` and everything before it inside `body` (a headline in the box)."""
    node = el
    while node is not None and node is not body:
        parent = node.getparent()
        for sibling in list(node.itersiblings(preceding=True)):
            parent.remove(sibling)
        if node is el:
            tail = node.tail
            parent.remove(node)
            if tail and tail.strip():
                parent.text = tail + (parent.text or "")
        else:
            parent.text = None
        node = parent


ICON_SOURCE = re.compile(
    r"icon|logo|banner|share|print|email|mail|facebook|zalo|twitter|btn|button|"
    r"arrow|bullet|spacer|blank|rss|loading",
    re.IGNORECASE,
)


def _lead_picture(page: _Page, title_el, body) -> Block | None:
    """The article's own picture shown between headline and body (NukeViet's
    `homeimgfile`, a Liferay small image), which the body does not repeat."""
    if title_el is None or body is None or _contains(title_el, body):
        return None
    container = _article_container(title_el, body)
    if container is None:
        return None
    start, end = page.order.get(title_el, 0), page.order.get(body, 0)
    for img in container.iter("img"):
        index = page.order.get(img, -1)
        if not start < index < end or _contains(body, img):
            continue
        src = img.get("src") or img.get("data-src") or ""
        width = re.sub(r"\D", "", img.get("width") or "") or "999"
        if not src or ICON_SOURCE.search(src) or int(width) < 120:
            continue
        if any(
            _is_hidden(node) or is_furniture_class(_classes(node), inside_body=True)
            for node in img.iterancestors()
            if _contains(container, node) and node is not container
        ):
            continue
        link = next(img.iterancestors("a"), None)
        if link is not None and not re.search(
            r"\.(jpe?g|png|gif|webp)$", link.get("href") or "", re.I
        ):
            continue
        figure = next(img.iterancestors("figure"), None)
        caption = text_of(figure.find(".//figcaption")) if figure is not None else ""
        return _Flattener(page).image_block(img, caption)
    return None


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


def _link_density(el) -> float:
    text = text_of(el)
    if not text:
        return 1.0
    return sum(len(text_of(a)) for a in el.iter("a")) / len(text)


def _is_attachment(url: str) -> bool:
    return urlsplit(url).path.lower().endswith(ATTACHMENT_EXTENSIONS)


def _attachment_links(page: _Page, profile: Profile, body) -> list[tuple[str, str]]:
    areas = list(_select(profile, "attachments", page.doc))
    container = page.doc
    if not areas:
        areas = [
            el
            for el in page.body_el.iter()
            if isinstance(el.tag, str)
            and ATTACHMENT_CLASS.search(_classes(el))
            and not _contains(el, body)
        ]
    links = []
    for area in [*areas, body]:
        for a in area.iter("a"):
            href = urljoin(page.base_url, (a.get("href") or "").strip())
            if _is_attachment(href) and not any(href == h for h, _ in links):
                links.append((href, text_of(a)))
    del container
    return links


def _generic_lead(page: _Page, title_el, body) -> str:
    container = _article_container(title_el, body)
    scope = container if container is not None else page.body_el
    for el in scope.iter():
        if not isinstance(el.tag, str) or el.tag in {"meta", "body", "html"}:
            continue
        if not LEAD_CLASS.search(_classes(el)) or is_furniture_class(_classes(el)):
            continue
        if title_el is not None and page.order.get(el, 0) < page.order.get(title_el, 0):
            continue
        text = text_of(el)
        if 20 <= len(text) <= 1200 and not _contains(el, body):
            if _contains(body, el):
                el.getparent().remove(el)
            return text
    return ""


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


def _signature_from_tail(blocks: list[Block]) -> tuple[str, str, list[Block]]:
    signature = source = ""
    # Labelled lines among the last three blocks (`Tác giả: …`, `Nguồn: …`).
    for _ in range(3):
        index = next(
            (i for i in range(len(blocks) - 1, max(-1, len(blocks) - 4), -1)
             if blocks[i].kind == "paragraph" and SIGNATURE_LABEL.match(blocks[i].text)
             and len(blocks[i].text) <= 150),
            None,
        )  # fmt: skip
        if index is None:
            break
        label, value = _strip_label(blocks[index].text)
        if label in SOURCE_LABELS:
            source = source or value
        else:
            signature = signature or value
        blocks = blocks[:index] + blocks[index + 1 :]
    if not signature and not source:
        last = next(
            (
                i
                for i in range(len(blocks) - 1, -1, -1)
                if blocks[i].kind != "attachment"
            ),
            None,
        )
        if last is not None and last > 0 and _looks_like_signature(blocks[last]):
            signature = blocks[last].text
            blocks = blocks[:last] + blocks[last + 1 :]
    return signature, source, blocks


def _signature_after_body(page: _Page, body, title_el) -> str:
    """A byline in its own element: after the body, or between headline and body."""
    container = _article_container(title_el, body)
    if container is None or container is body:
        return ""
    end = _last_index(page, body)
    after, before = [], []
    for el in container.iter():
        if not isinstance(el.tag, str) or _contains(body, el):
            continue
        labelled = page.order.get(el, 0) > end and bool(
            el.tag in {"p", "div", "span", "td", "em", "i"}
            and len(text_of(el)) <= 120
            and SIGNATURE_LABEL.match(text_of(el))
        )
        if not (labelled or SIGNATURE_CLASS.search(_classes(el))) or _is_hidden(el):
            continue
        if is_furniture_class(_classes(el)):
            continue
        label, value = _strip_label(text_of(el))
        if (
            not value
            or len(value) > 80
            or find_datetimes(value)
            or VIEW_COUNT.search(value)
        ):
            continue
        (after if page.order.get(el, 0) > end else before).append(value)
    return (after or before or [""])[0]
