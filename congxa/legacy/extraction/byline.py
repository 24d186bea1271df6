"""The signature (byline) and the source, labelled or not."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from congxa.vi.dates import find_datetimes

from .furniture import is_furniture_class
from .model import Block
from .text import clean_text, text_of
from .tree import _article_container, _classes, _contains, _is_hidden, _last_index
from .view_count import VIEW_COUNT

if TYPE_CHECKING:
    from .page import _Page


SIGNATURE_LABEL = re.compile(
    r"^\s*(?P<label>tác\s*giả|người\s*viết|bút\s*danh|người\s*đăng|đăng\s*bởi|"
    r"bài\s*(?:và|,|&|-)?\s*ảnh|tin\s*(?:và|,|&|-)?\s*ảnh|tin\s*bài|bài|tin|"
    r"nguồn\s*tin|nguồn|theo|author|source|posted\s+by|by)\s*[:：]\s*(?P<value>.+?)\s*$",
    re.IGNORECASE,
)


SOURCE_LABELS = {"nguồn", "nguồn tin", "theo", "source"}


SIGNATURE_CLASS = re.compile(
    r"author|tacgia|tac-gia|signature|butdanh|nguon|source|byline", re.IGNORECASE
)


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
