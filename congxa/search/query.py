"""Query understanding: from what a citizen typed to the words searched.

Each word is looked up in the index vocabulary (`SearchTerm`):

1. a word the index holds is searched as typed (folded);
2. otherwise a word typed in Telex or VNI (`thur`, `tucj`, `thu3`) is decoded,
   when the decoded word is in the index;
3. otherwise the last word, when some indexed word starts with it, is searched as a
   prefix (results come while the word is being finished);
4. otherwise a word one edit away that the index holds (the most frequent one)
   replaces it.

Codes and numbers (`42/2022`, `1.001193`) are searched as typed, their parts as a
phrase. The last word is always a prefix when it has two characters or more.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from congxa.vi import text as vi_text

from .engines import PlanWord
from .models import SearchTerm

MAX_QUERY_CHARS = 500
MAX_WORDS = 10
MIN_PREFIX = 2
MIN_TYPO_LENGTH = 3


def clean(raw: str) -> str:
    """Printable text only, whitespace collapsed, length capped."""
    raw = raw[: MAX_QUERY_CHARS * 2]
    printable = "".join(
        ch if ch.isprintable() and unicodedata.category(ch) != "Co" else " "
        for ch in raw
    )
    return " ".join(printable.split())[:MAX_QUERY_CHARS]


@dataclass
class Plan:
    """The words to search and how the query was understood."""

    query: str
    words: list[PlanWord] = field(default_factory=list)
    display: list[str] = field(default_factory=list)
    corrected: bool = False
    use_exact: bool = False

    @property
    def corrected_query(self) -> str:
        return " ".join(self.display) if self.corrected else ""

    def __bool__(self) -> bool:
        return bool(self.words)


def _known(terms: set[str]) -> dict[str, int]:
    if not terms:
        return {}
    return dict(
        SearchTerm.objects.filter(term__in=sorted(terms)).values_list(
            "term", "documents"
        )
    )


def _is_word(word: vi_text.QueryWord) -> bool:
    return len(word.parts) == 1 and word.parts[0].isalpha()


def _typed(word: vi_text.QueryWord) -> list[str]:
    """Decodings of a Telex or VNI word (an ASCII letters-and-digits word)."""
    if len(word.parts) != 1 or not word.raw.isascii() or not word.raw.isalnum():
        return []
    return vi_text.decode_typing(word.raw)


def plan(raw: str) -> Plan:
    """Understand a query: at most three small vocabulary look-ups."""
    query = clean(raw)
    words = vi_text.query_words(query, limit=MAX_WORDS)
    result = Plan(query=query)
    if not words:
        return result

    decoded = {i: _typed(w) for i, w in enumerate(words)}
    wanted = {w.parts[0] for w in words if _is_word(w)}
    wanted |= {vi_text.fold(d) for ds in decoded.values() for d in ds}
    known = _known(wanted)

    last = len(words) - 1
    chosen: dict[int, tuple[vi_text.QueryWord, str]] = {}
    unknown: list[int] = []
    for i, word in enumerate(words):
        folded = word.parts[0]
        if not (_is_word(word) or decoded[i]) or (_is_word(word) and folded in known):
            chosen[i] = (word, word.raw)
            continue
        hits = [d for d in decoded[i] if vi_text.fold(d) in known]
        if hits:
            best = max(hits, key=lambda d: known[vi_text.fold(d)])
            chosen[i] = (vi_text.query_words(best)[0], best)
            result.corrected = True
            continue
        if i == last and len(folded) >= MIN_PREFIX and _is_word(word):
            if SearchTerm.objects.filter(term__startswith=folded).exists():
                chosen[i] = (word, word.raw)
                continue
        unknown.append(i)

    if unknown:
        candidates = {
            i: vi_text.one_edit(words[i].parts[0])
            for i in unknown
            if _is_word(words[i]) and len(words[i].parts[0]) >= MIN_TYPO_LENGTH
        }
        known_edits = _known(set().union(*candidates.values()) if candidates else set())
        for i in unknown:
            options = [c for c in candidates.get(i, ()) if c in known_edits]
            if options:
                best = max(options, key=lambda c: (known_edits[c], c))
                chosen[i] = (vi_text.query_words(best)[0], best)
                result.corrected = True
            else:
                chosen[i] = (words[i], words[i].raw)

    for i in range(len(words)):
        word, display = chosen[i]
        prefix = i == last and len(word.parts[-1]) >= MIN_PREFIX
        marked = vi_text.has_marks(display)
        result.words.append(PlanWord(word.parts, word.exact, prefix, marked))
        result.display.append(display)
    result.use_exact = any(word.marked for word in result.words)
    return result
