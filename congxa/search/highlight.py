"""Matched words marked in the original text, and the snippet around them.

The pattern is made of the folded query terms with each letter widened to every
character that folds to it (`a` -> `[aAàÀáả…]`), so it runs on the text as the page
prints it: the marks land on the words exactly as written (`Đăng ký` for the
query `dang ky`), without folding every result's body first.
"""

from __future__ import annotations

import re
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from congxa.vi import text as vi_text

from .engines import PlanWord

SNIPPET_CHARS = 240
MAX_MARKS = 200
WINDOW_CANDIDATES = 40


def _class(chars) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


@lru_cache(maxsize=1)
def _classes() -> tuple[dict[str, str], str, str, str, str]:
    """(folded character -> its class, letters and digits, the same with
    apostrophes, apostrophes, joiners)."""
    variants = vi_text.folded_from()
    classes = {char: _class(chars) for char, chars in variants.items()}
    alnum = set().union(*(chars for char, chars in variants.items() if char.isalnum()))
    joiners = set().union(*(variants.get(c, {c}) for c in "-./_"))
    return (
        classes,
        _class(alnum),
        _class(alnum | variants["'"]),
        classes["'"],
        _class(joiners),
    )


@lru_cache(maxsize=256)
def _pattern(words: tuple[PlanWord, ...]) -> re.Pattern:
    classes, alnum, word_char, apostrophe, joiner = _classes()
    alternatives = []
    for number, word in enumerate(words):
        parts = []
        for j, part in enumerate(word.parts):
            # The text may hold apostrophes inside words (m'droh); terms do not.
            letters = [classes.get(c, re.escape(c)) for c in part]
            rest = f"{word_char}*" if word.prefix and j == len(word.parts) - 1 else ""
            if vi_text.folds_y(part):
                # `ki` is also `ký` (the whole word), `kinh` is not `kynh`.
                letters[-1] = f"(?:{letters[-1]}{rest}|{classes['y']}(?!{alnum}))"
                rest = ""
            parts.append(f"{apostrophe}?".join(letters) + rest)
        body = joiner.join(parts)
        alternatives.append(f"(?P<w{number}>{body})")
    return re.compile(f"(?<!{word_char})(?:" + "|".join(alternatives) + f")(?!{alnum})")


def _matches(text: str, words: list[PlanWord]) -> list[tuple[int, int, str]]:
    """(start, end, word) of every occurrence of a query word in the (NFC) text,
    in order."""
    if not words:
        return []
    found = []
    for match in _pattern(tuple(words)).finditer(text):
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
    # The window holding the most distinct query words wins; the earliest on a
    # tie. Matches are in order and do not overlap, so a window starting at a
    # match is a run of them: one pass, adding at the end, dropping at the start.
    best_start, best_score = matches[0][0], -1
    inside: dict[str, int] = {}
    end_at = 0
    for index, (m_start, _m_end, _word) in enumerate(matches[:WINDOW_CANDIDATES]):
        if index and index - 1 < end_at:
            dropped = matches[index - 1][2]
            inside[dropped] -= 1
            if not inside[dropped]:
                del inside[dropped]
        end_at = max(end_at, index)
        while end_at < len(matches) and matches[end_at][1] <= m_start + size:
            word = matches[end_at][2]
            inside[word] = inside.get(word, 0) + 1
            end_at += 1
        if len(inside) > best_score:
            best_start, best_score = m_start, len(inside)
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
