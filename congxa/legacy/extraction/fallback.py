"""The fallback for layouts the rules find nothing in: trafilatura's main text."""

from __future__ import annotations

import lxml.html
from lxml import etree


def generic_library_html(html: str, url: str = ""):
    """trafilatura's extraction of a page in one `<div>`, or None."""
    try:
        import trafilatura
    except ImportError:  # pragma: no cover (a pinned dependency)
        return None
    try:
        result = trafilatura.extract(
            html,
            url=url or None,
            output_format="html",
            include_images=True,
            include_formatting=True,
            include_links=True,
            favor_precision=True,
        )
    except Exception:  # noqa: BLE001 (a third-party parser on a broken page)
        return None
    if not result:
        return None
    try:
        root = lxml.html.document_fromstring(result)
    except (etree.ParserError, ValueError):
        return None
    body = root.find("body")
    container = body if body is not None else root
    main = container.find("main")
    main = main if main is not None else container
    holder = lxml.html.Element("div", {"class": "congxa-generic-body"})
    holder.text = main.text
    holder.extend(list(main))
    return holder
