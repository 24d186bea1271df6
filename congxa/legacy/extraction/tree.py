"""The parsed page: lxml parsing, noise removal, and walking the tree."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import lxml.html
from lxml import etree

from ..profiles import Profile
from .model import NoArticle
from .text import clean_text, text_of

if TYPE_CHECKING:
    from .page import _Page


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


def _classes(el) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}".strip()


def _is_hidden(el) -> bool:
    style = (el.get("style") or "").replace(" ", "").lower()
    return (
        "display:none" in style
        or "visibility:hidden" in style
        or (el.get("hidden") is not None)
    )


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


def _link_density(el) -> float:
    text = text_of(el)
    if not text:
        return 1.0
    return sum(len(text_of(a)) for a in el.iter("a")) / len(text)
