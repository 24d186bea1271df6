"""The entry point: one article page read part by part, then cleaned up."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from ..profiles import Profile, detect_profile
from .attachments import _attachment_links, _is_attachment
from .breadcrumb import find_breadcrumb
from .byline import (
    SOURCE_LABELS,
    _signature_after_body,
    _signature_from_tail,
    _strip_label,
)
from .dates import _is_date_line, find_date
from .flatten import _Flattener
from .furniture import _furniture_line, _remove_furniture, is_furniture_class
from .headline import find_title
from .model import Article, Block, NoArticle
from .page import _Page
from .pictures import _attach_captions, _lead_picture
from .text import _fold, text_of
from .tree import (
    _article_container,
    _classes,
    _contains,
    _drop_through,
    _link_density,
    _select,
)
from .view_count import find_view_count

LEAD_CLASS = re.compile(
    r"sapo|\blead\b|summary|hometext|tomtat|tom-tat|trichdan|trich-dan|\bmota\b|"
    r"description|\bintro\b|excerpt|teaser|abstract|news-desc|chapeau",
    re.IGNORECASE,
)


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
    title_el, title = find_title(page, body)
    article.title = title
    article.published, article.has_time = find_date(page, title_el, body)
    article.view_count = find_view_count(page, title_el, body)
    article.breadcrumb = find_breadcrumb(page)

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
