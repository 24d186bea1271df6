"""The page being read: its tree in document order, what its head says (titles,
canonical address, metadata date), its furniture, and the box of the body."""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import urljoin

from ..profiles import Profile
from .fallback import generic_library_html
from .furniture import _FURNITURE_TAGS, is_furniture_class
from .text import _parse_iso, text_of
from .tree import (
    BLOCK_TAGS,
    HEADINGS,
    _classes,
    _contains,
    _drop_noise,
    _meta,
    _own_text,
    _select,
    parse_html,
)

TITLE_SEPARATORS = re.compile(r"\s+[-–|»:]\s+|\s*\|\s*")


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
