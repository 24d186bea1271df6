"""The body's tree flattened into blocks: paragraphs, headings, lists, pictures."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from .model import Block
from .text import SPACES, _attr, _escape, clean_text, text_of
from .tree import BLOCK_TAGS, HEADINGS, INLINE_KEEP, _classes, _is_hidden, _link_density

if TYPE_CHECKING:
    from .page import _Page


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
