"""Allow-list sanitising of stored and rendered rich text, with nh3.

What Wagtail already guarantees: HTML typed into Draftail is rebuilt from the
editor's contentstate by Wagtail's converter, which only emits the elements of the
enabled features. What it does not: the contentstate comes from the browser, so a
crafted POST can store `<a href="javascript:...">`; and anything stored without
the editor (imports, the demo, code, a RawHTMLBlock) reaches the database as is.
On render, `expand_db_html` rewrites page links, documents and embeds, but leaves
a link without a known type (`javascript:`, `data:`) and any other tag untouched.
So HTML is cleaned twice: on save (this module, through `signals.py`) and on
render (the `wagtailcore/shared/richtext.html` template this app overrides).
"""

from __future__ import annotations

from typing import Any

import nh3
from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.field_block import RawHTMLBlock, RichTextBlock
from wagtail.blocks.list_block import ListValue
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import RichText

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "em", "embed",
    "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "li",
    "ol", "p", "s", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead",
    "tr", "u", "ul",
}  # fmt: skip
ATTRIBUTES = {
    # linktype/id: Wagtail's database format for page and document links.
    "a": {"href", "linktype", "id", "title"},
    # embedtype/id/format/alt: Wagtail's database format for images and embeds.
    "embed": {"embedtype", "id", "format", "alt", "url"},
    "img": {"src", "alt", "width", "height", "class", "srcset", "sizes"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start", "type"},
    "abbr": {"title"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
LINK_REL = "noopener noreferrer"


def sanitize_html(html: str) -> str:
    """Keep the allowed tags and attributes; drop scripts, handlers, bad URLs.

    Comments are removed, `<script>`/`<style>` with their content, and NUL bytes.
    Relative URLs and the allowed schemes stay; `javascript:`, `data:` and
    `vbscript:` URLs are removed. Every link gets `rel="noopener noreferrer"`.
    """
    if not html:
        return html
    return nh3.clean(
        html.replace("\x00", ""),
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
        clean_content_tags={"script", "style"},
    )


def _sanitize_block_value(block, value: Any) -> Any:
    if isinstance(block, RichTextBlock):
        if isinstance(value, RichText):
            return RichText(sanitize_html(value.source))
        return sanitize_html(value or "")
    if isinstance(block, RawHTMLBlock):
        return sanitize_html(value or "")
    if isinstance(value, StreamValue):
        for child in value:
            child.value = _sanitize_block_value(child.block, child.value)
        return value
    if isinstance(value, StructValue):
        for name, child_block in block.child_blocks.items():
            if name in value:
                value[name] = _sanitize_block_value(child_block, value[name])
        return value
    if isinstance(value, ListValue):
        for child in value.bound_blocks:
            child.value = _sanitize_block_value(child.block, child.value)
        return value
    return value


def rich_fields(model) -> list:
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, RichTextField | StreamField)
    ]


def sanitize_instance(instance) -> None:
    """Sanitise, in place, every rich text and StreamField value of a model."""
    for field in rich_fields(type(instance)):
        value = getattr(instance, field.attname)
        if isinstance(field, RichTextField):
            if isinstance(value, str):
                setattr(instance, field.attname, sanitize_html(value))
        elif value is not None:
            setattr(
                instance,
                field.attname,
                _sanitize_block_value(field.stream_block, value),
            )
