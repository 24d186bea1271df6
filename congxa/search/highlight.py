"""Matched words marked in the original text, and the snippet around them.

Matching is done on folded text, which has the same length as the original, so
the marks land on the words exactly as the page prints them (`Đăng ký` for the
query `dang ky`).
"""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from congxa.vi import text as vi_text

from .engines import PlanWord

SNIPPET_CHARS = 240
MAX_MARKS = 200
WINDOW_CANDIDATES = 40


def _pattern(words: list[PlanWord]) -> re.Pattern:
    alternatives = []
    for number, word in enumerate(words):
        parts = []
        for j, part in enumerate(word.parts):
            # Folded text keeps apostrophes inside words (m'droh); terms do not.
            letters = "'?".join(re.escape(c) for c in part)
            if word.prefix and j == len(word.parts) - 1:
                letters += "[a-z0-9']*"
            parts.append(letters)
        body = "[-./_]".join(parts)
        alternatives.append(f"(?P<w{number}>{body})")
    return re.compile(r"(?<![a-z0-9'])(?:" + "|".join(alternatives) + r")(?![a-z0-9])")


def _matches(text: str, words: list[PlanWord]) -> list[tuple[int, int, str]]:
    """(start, end, word) of every occurrence of a query word in the text, in order."""
    if not words:
        return []
    found = []
    for match in _pattern(words).finditer(vi_text.fold(text)):
        found.append((match.start(), match.end(), match.lastgroup))
        if len(found) >= MAX_MARKS:
            break
    return found


def _render(text: str, matches, start: int, end: int) -> str:
    pieces = []
    position = start
    for m_start, m_end, _word in matches:
        if m_start < position or m_end > end:
            continue
        pieces.append(escape(text[position:m_start]))
        pieces.append(f"<mark>{escape(text[m_start:m_end])}</mark>")
        position = m_end
    pieces.append(escape(text[position:end]))
    return "".join(pieces)


def highlight(text: str, words: list[PlanWord]) -> SafeString:
    """The whole (short) text, matched words wrapped in <mark>."""
    text = vi_text.nfc(text)
    matches = _matches(text, words)
    return mark_safe(_render(text, matches, 0, len(text)))  # noqa: S308 (escaped)


def snippet(text: str, words: list[PlanWord], size: int = SNIPPET_CHARS) -> SafeString:
    """About `size` characters of the text around the best cluster of matches."""
    text = vi_text.nfc(" ".join(text.split()))
    matches = _matches(text, words)
    if not matches:
        end = _word_end(text, min(len(text), size))
        suffix = "…" if end < len(text) else ""
        return mark_safe(escape(text[:end]) + suffix)  # noqa: S308 (escaped)
    # The window holding the most distinct query words wins; the earliest on a tie.
    best_start, best_score = matches[0][0], -1
    for m_start, _m_end, _word in matches[:WINDOW_CANDIDATES]:
        window = {w for s, e, w in matches if m_start <= s and e <= m_start + size}
        if len(window) > best_score:
            best_start, best_score = m_start, len(window)
    start = _word_start(text, max(0, best_start - size // 4))
    end = _word_end(text, min(len(text), start + size))
    html = _render(text, matches, start, end)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(prefix + html + suffix)  # noqa: S308 (escaped)


def _word_start(text: str, index: int) -> int:
    if index <= 0:
        return 0
    space = text.rfind(" ", 0, index)
    return space + 1 if space >= 0 and index - space < 30 else index


def _word_end(text: str, index: int) -> int:
    if index >= len(text):
        return len(text)
    space = text.find(" ", index)
    return space if space >= 0 and space - index < 30 else index
