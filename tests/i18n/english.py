"""Find English left in a page a Vietnamese reader sees.

`visible_text` keeps what a person reads or hears: text nodes (hidden dialogs and
screen-reader-only text included, since they are shown or read out at some
point), the placeholder/title/aria-label attributes, and the labels of the admin
sidebar, which Wagtail renders from a JSON island.  Scripts, styles, SVG and
<template> content are left out, and so are commands and code a person types
as written (`<code>`, `<pre>`, `<kbd>`).

`english_words` flags words from a list of common English interface words.  The
list holds no word that is also a Vietnamese syllable written without marks
("an", "can", "do", "in", "no", "so", "to", "tin", "ban", "con", ...), so
Vietnamese text never trips it.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

SKIPPED_TAGS = {"script", "style", "svg", "template", "noscript"}
# Commands and code a person types as they are (`congxa backup --output DIR`).
CODE_TAGS = {"code", "pre", "kbd"}
READ_ATTRIBUTES = {"placeholder", "title", "aria-label"}
VOID_TAGS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}

# Common words of the Wagtail admin and of any web interface, in English.
ENGLISH_WORDS = set(
    """
    about account accounts action actions active add added address admin after
    all alt and any app apply approval approve approved are ascending assign at
    author available awaiting back be been before blank blocks bold browse bulk by
    cancel cancelled change changed changes check checks child choose chooser
    clear click close collapse collection collections comment comments compare
    confirm content continue copy create created creating current custom
    dashboard date default delete deleted descending description details disable
    disabled document documents done download draft drag edit edited editing
    editor email empty enable enabled enter error errors every expand expired
    expiry explore explorer export external false field fields file files filter
    filters find first focal for form forms found from go group groups has have
    header heading height help here hidden history home if image images import
    inactive insert internal into is it item items just language last latest
    layout link links list live load loading lock locked log login logout main
    manage message minimap moderation more most move moved my name new
    newest next none not notifications of oldest on only open options or order
    original other out owner page pages parent password permissions please
    preview previous privacy private profile promote public publish published
    publishing recent redirect redirects refresh reject rejected remove rename
    reorder reply report reports request requested required reset resolve
    restore results revision revisions root save saved saving schedule scheduled
    search see select selected settings shortcuts show side sidebar sign site
    sites size slug snippet snippets sort started status submit submitted
    subpages summary tag tags task tasks text that the there these this time
    title toggle true type types unlock unpublish unpublished untitled update updated
    upload uploaded usage use used user username users version view visibility
    was welcome what when which who width will with workflow workflows yes you
    your
    """.split()
)

# Allowed although English: product names, standard acronyms, file formats,
# and the technical words officials use as they are.
ALLOWED = {
    "wagtail",
    "url",
    "urls",
    "id",
    "email",
    "seo",
    "api",
    "html",
    "json",
    "csv",
    "xlsx",
    "xls",
    "pdf",
    "doc",
    "docx",
    "jpeg",
    "jpg",
    "png",
    "gif",
    "webp",
    "avif",
    "svg",
    "utc",
    "ctrl",
    "alt",
    "enter",
    "javascript",
    "embedly",
}
# Time zone names (Asia/Ho_Chi_Minh) in the account's time zone list.
TIME_ZONE = re.compile(r"^[A-Z][A-Za-z_-]+(/[A-Za-z0-9_+-]+)+$")
# Addresses and paths (`https://<tên miền>/admin/`, `/admin/pages/`): not words.
ADDRESS = re.compile(r"^(https?://[^/]+(/\S*)?|/\S*)$")

# Whole pieces of text allowed on admin screens, each for a reason we cannot fix.
# None left: what Wagtail hard-codes is fixed in congxa/editorial's templates and
# congxa/portal/wagtail_patches/admin_texts.py; keep it empty.
KNOWN_PIECES: set[str] = set()

WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0
        self._json_island = False
        self._code_depth = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in SKIPPED_TAGS:
            if tag == "script" and attributes.get("id") == "wagtail-sidebar-props":
                self._json_island = True
            if tag not in VOID_TAGS:
                self._skip_depth += 1
            return
        if tag in CODE_TAGS:
            self._code_depth += 1
        if self._skip_depth:
            return
        for name in READ_ATTRIBUTES:
            if attributes.get(name):
                self.parts.append(attributes[name])

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag in CODE_TAGS and self._code_depth:
            self._code_depth -= 1
        if tag in SKIPPED_TAGS and self._skip_depth:
            self._skip_depth -= 1
            self._json_island = False

    def handle_data(self, data):
        if self._json_island:
            self.parts.extend(_sidebar_labels(data))
        elif not self._skip_depth and not self._code_depth and data.strip():
            self.parts.append(data)


def _sidebar_labels(data: str) -> list[str]:
    labels: list[str] = []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "label" and isinstance(value, str):
                    labels.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    try:
        walk(json.loads(data))
    except ValueError:
        pass
    return labels


def visible_text(html: str) -> list[str]:
    """Pieces of text a person reads on the page, in document order."""
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    return [" ".join(part.split()) for part in parser.parts if part.strip()]


def english_words(pieces: list[str], allowed: set[str] = frozenset()) -> list[str]:
    """The pieces of text that contain English interface words, for the report."""
    found = []
    allow = ALLOWED | {word.lower() for word in allowed}
    for piece in pieces:
        if piece in KNOWN_PIECES or TIME_ZONE.match(piece) or ADDRESS.match(piece):
            continue
        words = {w.lower().strip("'’") for w in WORD.findall(piece)}
        if (words & ENGLISH_WORDS) - allow:
            found.append(piece)
    return found
