"""Attached files: links to documents in the article or its attachments box."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from ..profiles import Profile
from .text import text_of
from .tree import _classes, _contains, _select

if TYPE_CHECKING:
    from .page import _Page


ATTACHMENT_EXTENSIONS = (
    ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods",
    ".rtf", ".zip", ".rar", ".7z",
)  # fmt: skip


ATTACHMENT_CLASS = re.compile(r"attach|dinhkem|dinh-kem|download|file", re.IGNORECASE)


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
