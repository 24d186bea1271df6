"""What the extractor hands back: an article and the blocks of its body."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ..profiles import GENERIC


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
