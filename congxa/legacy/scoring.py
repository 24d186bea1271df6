"""Score an extractor against pages whose fields are known. Pure.

Fields: title, date (to the minute), lead, first paragraph, number of
paragraphs, signature, view count, image captions, and no furniture in the
body. A field is right only when it is exactly right (after NFC and spaces).
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

FIELDS = (
    "title",
    "date",
    "lead",
    "first_paragraph",
    "paragraphs",
    "signature",
    "view_count",
    "captions",
    "no_furniture",
)


def _norm(value) -> str:
    return " ".join(unicodedata.normalize("NFC", str(value or "")).split())


@dataclass
class Extracted:
    """What an extractor read from a page, in the scorer's terms."""

    title: str = ""
    date: str = ""
    lead: str = ""
    paragraphs: list[str] = field(default_factory=list)
    signature: str = ""
    view_count: int | None = None
    captions: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        return "\n".join([self.lead, *self.paragraphs, *self.captions])


def field_results(got: Extracted, want: dict) -> dict[str, bool]:
    body = _norm(got.body)
    return {
        "title": _norm(got.title) == _norm(want["title"]),
        "date": got.date == want["date"],
        "lead": _norm(got.lead) == _norm(want["lead"]),
        "first_paragraph": bool(got.paragraphs)
        and _norm(got.paragraphs[0]) == _norm(want["first_paragraph"]),
        "paragraphs": len(got.paragraphs) == want["paragraphs"],
        "signature": _norm(got.signature) == _norm(want["signature"]),
        "view_count": got.view_count == want["view_count"],
        "captions": [_norm(c) for c in got.captions]
        == [_norm(c) for c in want["captions"]],
        "no_furniture": not any(_norm(s) in body for s in want["furniture"]),
    }


def from_article(article) -> Extracted:
    """An `extraction.Article` in the scorer's terms."""
    return Extracted(
        title=article.title,
        date=article.published.strftime("%Y-%m-%dT%H:%M") if article.published else "",
        lead=article.lead,
        paragraphs=[b.text for b in article.paragraphs],
        signature=article.signature,
        view_count=article.view_count,
        captions=[b.caption for b in article.images],
    )


def from_trafilatura(html: str, url: str = "") -> Extracted:
    """Plain trafilatura (as pinned), default settings plus images, in these terms."""
    import trafilatura
    from lxml import etree

    xml = trafilatura.extract(
        html,
        url=url or None,
        output_format="xml",
        include_images=True,
        with_metadata=True,
    )
    if not xml:
        return Extracted()
    root = etree.fromstring(xml.encode("utf-8"))
    paragraphs, captions = [], []
    main = root.find("main")
    for el in main.iter() if main is not None else []:
        if el.tag in {"p", "head", "list"} and "".join(el.itertext()).strip():
            paragraphs.append(" ".join("".join(el.itertext()).split()))
        elif el.tag == "graphic":
            captions.append(el.get("title") or el.get("alt") or "")
    date = root.get("date") or ""
    return Extracted(
        title=root.get("title") or "",
        date=f"{date}T00:00" if len(date) == 10 else date,
        lead=root.get("description") or "" if False else "",
        paragraphs=paragraphs,
        signature=root.get("author") or "",
        view_count=None,
        captions=captions,
    )


@dataclass
class Score:
    pages: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))

    def add(self, results: dict[str, bool]) -> None:
        self.pages += 1
        for name, ok in results.items():
            self.right[name] += int(ok)

    @property
    def fields_right(self) -> float:
        total = self.pages * len(FIELDS)
        return sum(self.right.values()) / total if total else 0.0

    @property
    def no_furniture(self) -> float:
        return self.right["no_furniture"] / self.pages if self.pages else 0.0


def corpus_pages(folder: Path) -> list[tuple[Path, dict]]:
    return [
        (path, json.loads(path.with_suffix(".json").read_text(encoding="utf-8")))
        for path in sorted(folder.rglob("*.html"))
        if path.with_suffix(".json").exists()
    ]
