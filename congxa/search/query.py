"""Query understanding: from what a citizen typed to the words searched.

Each word is looked up in the index vocabulary (`SearchTerm`):

1. a word the index holds is searched as typed (folded);
2. otherwise a word typed in Telex or VNI (`thur`, `tucj`, `thu3`) is decoded,
   when the decoded word is in the index;
3. otherwise the last word, when some indexed word starts with it, is searched as a
   prefix (results come while the word is being finished);
4. otherwise a word the index holds that sounds the same (`ch`/`tr`, `s`/`x`,
   final `n`/`ng`, see `phonetics`) or is one edit away replaces it; when several
   fit, the one under which the whole query finds something wins (the words are
   checked together), and a word of the commune's own name is the last resort.

Codes and numbers (`42/2022`, `1.001193`) are searched as typed, their parts as a
phrase. The last word is always a prefix when it has two characters or more.

Then the plan gets its alternatives, searched after the words as typed and ranked
below them: the document number as documents print it (`qd 15 nam 2025` ->
`15/2025/QĐ`), the query through the synonym lists (`lam so do` -> `giấy chứng
nhận quyền sử dụng đất`), and the same without the words of a question that
documents do not hold (`ở đâu`, `như thế nào`).
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from congxa.vi import text as vi_text

from . import numbers, phonetics
from .engines import PlanWord
from .models import SearchTerm
from .synonyms import Lexicon

MAX_QUERY_CHARS = 500
MAX_WORDS = 10
MIN_PREFIX = 2
MIN_TYPO_LENGTH = 3
OPTIONS_PER_WORD = 3
MAX_COMBINATIONS = 6
MIN_PARTIAL_WORDS = 3

# How people ask, not what documents say: dropped from the relaxed alternative.
QUESTION_WORDS = frozenset(
    """
    a ai anh ba bac bao can chi chu dau duoc em gi giup hay hoi khi khong ko la
    luc may minh muon nao nay nhu nhung nhieu o oi on phai rang roi sao the thi
    toi vay vi voi xin ah nhe nha ak k dc cua
    """.split()
)
# Words that are mostly a question's filler, but sometimes its content (`làm`
# of `làm việc`): dropped only by a second, stronger relaxation.
SOFT_WORDS = frozenset("cach cho co con da de di lam len mot ra thu tu ve xem".split())
STRONG = QUESTION_WORDS | SOFT_WORDS
MIN_RELAXED_WORDS = 1


def clean(raw: str) -> str:
    """Printable text only, whitespace collapsed, length capped."""
    raw = raw[: MAX_QUERY_CHARS * 2]
    printable = "".join(
        ch if ch.isprintable() and unicodedata.category(ch) != "Co" else " "
        for ch in raw
    )
    return " ".join(printable.split())[:MAX_QUERY_CHARS]


@dataclass
class Alternative:
    """Another way to search the query, with the class it ranks in."""

    words: list[PlanWord]
    rank: int
    label: str


TYPED, NUMBER, SYNONYM, RELAXED, RELAXED_SYNONYM, PARTIAL = 0, 0, 1, 2, 3, 4


@dataclass
class Plan:
    """The words to search and how the query was understood."""

    query: str
    words: list[PlanWord] = field(default_factory=list)
    display: list[str] = field(default_factory=list)
    corrected: bool = False
    use_exact: bool = False
    alternatives: list[Alternative] = field(default_factory=list)
    # Folded words of the query, after corrections (for synonyms and logs).
    folded: list[str] = field(default_factory=list)

    @property
    def corrected_query(self) -> str:
        return " ".join(self.display) if self.corrected else ""

    def searches(self) -> list[Alternative]:
        """Every search of the plan, the words as typed first."""
        return [Alternative(self.words, TYPED, "typed"), *self.alternatives]

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


def _candidates(folded: str) -> dict[str, int]:
    """Corrections of an unknown word -> preference (0 same sound, 1 one edit)."""
    found = dict.fromkeys(vi_text.one_edit(folded), 1)
    for variant in phonetics.sound_variants(folded):
        found[variant] = 0
        # A same-sound spelling with one more slip (`chuyen` for `truyen`).
    return found


def _plain(term: str) -> PlanWord:
    return PlanWord((term,), (term,))


CountFn = Callable[[list[PlanWord]], int]


def plan(
    raw: str,
    *,
    lexicon: Lexicon | None = None,
    avoid: frozenset[str] = frozenset(),
    count: CountFn | None = None,
) -> Plan:
    """Understand a query.

    `lexicon` gives the synonym alternatives; `avoid` holds folded words a
    correction should not pick unless nothing else fits (the commune's name);
    `count` (words -> number of matches) lets the corrector check the whole
    query under each correction.
    """
    query = clean(raw)
    words = vi_text.query_words(query, limit=MAX_WORDS)
    result = Plan(query=query)
    if not words:
        return result

    raw_folded = [w.parts[0] if len(w.parts) == 1 else "/".join(w.parts) for w in words]
    in_lexicon: set[int] = set()
    if lexicon is not None:
        for start, end, _meanings in lexicon.matches(raw_folded):
            in_lexicon.update(range(start, end))

    decoded = {i: _typed(w) for i, w in enumerate(words)}
    wanted = {w.parts[0] for w in words if _is_word(w)}
    wanted |= {vi_text.fold(d) for ds in decoded.values() for d in ds}
    known = _known(wanted)

    last = len(words) - 1
    chosen: dict[int, tuple[vi_text.QueryWord, str]] = {}
    options: dict[int, list[str]] = {}
    unknown: list[int] = []
    for i, word in enumerate(words):
        folded = word.parts[0]
        if (
            not (_is_word(word) or decoded[i])
            or (_is_word(word) and folded in known)
            or i in in_lexicon
        ):
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
            i: _candidates(words[i].parts[0])
            for i in unknown
            if _is_word(words[i]) and len(words[i].parts[0]) >= MIN_TYPO_LENGTH
        }
        every = (
            set().union(*(c.keys() for c in candidates.values()))
            if candidates
            else set()
        )
        known_edits = _known(every)
        for i in unknown:
            found = [c for c in candidates.get(i, {}) if c in known_edits]
            ranked = sorted(
                found,
                key=lambda c: (
                    c in avoid,
                    candidates[i][c],
                    -known_edits[c],
                    c,
                ),
            )
            if ranked:
                options[i] = ranked[:OPTIONS_PER_WORD]
                chosen[i] = (vi_text.query_words(ranked[0])[0], ranked[0])
                result.corrected = True
            else:
                chosen[i] = (words[i], words[i].raw)

    def build(choice: dict[int, tuple[vi_text.QueryWord, str]]):
        built, shown = [], []
        for i in range(len(words)):
            word, display = choice[i]
            prefix = i == last and len(word.parts[-1]) >= MIN_PREFIX
            marked = vi_text.has_marks(display)
            built.append(PlanWord(word.parts, word.exact, prefix, marked))
            shown.append(display)
        return built, shown

    result.words, result.display = build(chosen)
    if count is not None and any(len(o) > 1 for o in options.values()):
        # The words together: the first correction under which the query finds
        # something (the best-ranked one when none does).
        slots = sorted(options)
        combos = itertools.islice(
            itertools.product(*(options[i] for i in slots)), MAX_COMBINATIONS
        )
        for combo in combos:
            choice = dict(chosen)
            for i, term in zip(slots, combo, strict=True):
                choice[i] = (vi_text.query_words(term)[0], term)
            built, shown = build(choice)
            if count(built):
                result.words, result.display = built, shown
                break
    result.use_exact = any(word.marked for word in result.words)
    result.folded = [
        w.parts[0] if len(w.parts) == 1 else "/".join(w.parts) for w in result.words
    ]
    result.alternatives = _alternatives(result, raw_folded, lexicon)
    return result


def _relaxed(
    words: list[PlanWord], folded: list[str], drop: frozenset[str] = QUESTION_WORDS
) -> list[PlanWord] | None:
    kept = [w for w, f in zip(words, folded, strict=True) if f not in drop]
    if len(kept) < MIN_RELAXED_WORDS or len(kept) == len(words):
        return None
    return kept


def _unprefixed(words: list[PlanWord]) -> tuple[PlanWord, ...]:
    """The words without the prefix mark: an alternative that is only that
    (`42/2022` as the document number) finds a part of what the words as typed
    find, in the same rank class, so it is not searched again."""
    return tuple(PlanWord(w.parts, w.exact, False, w.marked) for w in words)


def _alternatives(
    result: Plan, raw_folded: list[str], lexicon: Lexicon | None
) -> list[Alternative]:
    found: list[Alternative] = []
    seen = [tuple(result.words), _unprefixed(result.words)]

    def add(words: list[PlanWord] | None, rank: int, label: str) -> None:
        if words and tuple(words) not in seen:
            seen.append(tuple(words))
            found.append(Alternative(words, rank, label))

    reference = numbers.reference([w.parts for w in result.words])
    if reference is not None:
        rest = [w for i, w in enumerate(result.words) if i not in reference.used]
        number = PlanWord(reference.parts, reference.parts)
        words = [number, *rest]
        if reference.kind and not reference.year:
            words.append(_plain(reference.kind))
        add(words, NUMBER, "number")

    synonym_sets: list[list[str]] = []
    if lexicon is not None:
        for source in (result.folded, raw_folded):
            for alternative in lexicon.alternatives(source):
                if alternative not in synonym_sets:
                    synonym_sets.append(alternative)
    by_folded = dict(zip(result.folded, result.words, strict=True))
    by_folded.update(
        (f, w)
        for f, w in zip(raw_folded, result.words, strict=True)
        if f not in by_folded
    )
    synonym_words = []
    for terms in synonym_sets:
        words = [by_folded.get(t) or _plain(t) for t in terms]
        # A kept word keeps its prefix only at the end of the query.
        words = [
            PlanWord(w.parts, w.exact, w.prefix and n == len(words) - 1, w.marked)
            for n, w in enumerate(words)
        ]
        synonym_words.append((words, terms))
        add(words, SYNONYM, "synonym")

    add(_relaxed(result.words, result.folded), RELAXED, "relaxed")
    add(_relaxed(result.words, result.folded, STRONG), RELAXED, "relaxed")
    for words, terms in synonym_words:
        add(_relaxed(words, terms), RELAXED_SYNONYM, "relaxed synonym")
        add(_relaxed(words, terms, STRONG), RELAXED_SYNONYM, "relaxed synonym")
    if lexicon is not None:
        for terms in lexicon.cores(result.folded) or lexicon.cores(raw_folded):
            add([_plain(t) for t in terms], RELAXED_SYNONYM, "synonym core")
    return found


def partial(words: list[PlanWord], known: dict[str, int]) -> list[list[PlanWord]]:
    """The query less one word, then less two, the most common words first."""
    # Only long questions: dropping a word of a two-word query finds anything.
    if len(words) < MIN_PARTIAL_WORDS:
        return []
    order = sorted(
        range(len(words)),
        key=lambda i: -known.get(words[i].parts[0], 0),
    )
    subsets = [[w for j, w in enumerate(words) if j != i] for i in order]
    if len(words) >= MIN_PARTIAL_WORDS + 2:
        for a, b in itertools.combinations(order[:4], 2):
            subsets.append([w for j, w in enumerate(words) if j not in (a, b)])
    return subsets
