"""Pictures: captions under them, and the article's own picture above the body."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .flatten import _Flattener
from .furniture import is_furniture_class
from .model import Block
from .text import text_of
from .tree import _article_container, _classes, _contains, _is_hidden

if TYPE_CHECKING:
    from .page import _Page


CAPTION_CLASS = re.compile(
    r"caption|chuthich|chu-thich|image-note|img-note|note|desc|\bmota\b|photo-text|"
    r"figcaption|image_caption|imagecaption|legend",
    re.IGNORECASE,
)


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
