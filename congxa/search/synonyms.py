"""Synonyms applied at query time: how people ask -> how the documents say it.

Three lists, searched in this order, the first that knows a phrase wins:

1. the commune's own entries (`Synonym` rows with its site), edited in the admin;
2. the province's shared entries (`Synonym` rows without a site);
3. the dictionary shipped with congxa (`data/synonyms_vi.txt`).

A query is cut into folded words; the longest phrase of a list that occurs in it
is replaced by each of its meanings, which gives the alternative queries the
selector searches after the words as typed (their matches rank below).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from congxa.vi import text as vi_text

DICTIONARY_FILE = Path(__file__).resolve().parent / "data" / "synonyms_vi.txt"
MAX_PHRASE_WORDS = 6
MAX_ALTERNATIVES = 6

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class Entry:
    """One line of a list: the ways people write it and what it means."""

    phrases: tuple[Phrase, ...]
    meanings: tuple[Phrase, ...]


def phrase_of(text: str) -> Phrase:
    """The folded words of a phrase (`ĐKKS` -> ('dkks',))."""
    return tuple(vi_text.tokens(text))


def parse_line(line: str) -> Entry | None:
    """`a, b = x; y` -> Entry; None for a blank line, a comment or no `=`."""
    line = line.split("#", 1)[0].strip()
    if "=" not in line:
        return None
    left, right = line.split("=", 1)
    phrases = tuple(p for p in (phrase_of(x) for x in left.split(",")) if p)
    meanings = tuple(m for m in (phrase_of(x) for x in right.split(";")) if m)
    if not phrases or not meanings:
        return None
    return Entry(phrases, meanings)


class Lexicon:
    """Phrase -> meanings, from entries added in priority order."""

    def __init__(self, entries=()):
        self.meanings: dict[Phrase, tuple[Phrase, ...]] = {}
        self.longest = 1
        for entry in entries:
            self.add(entry)

    def add(self, entry: Entry) -> None:
        for phrase in entry.phrases:
            if len(phrase) > MAX_PHRASE_WORDS or phrase in self.meanings:
                continue
            meanings = tuple(m for m in entry.meanings if m != phrase)
            if meanings:
                self.meanings[phrase] = meanings
                self.longest = max(self.longest, len(phrase))

    def layered(self, entries) -> Lexicon:
        """A lexicon where `entries` come before this one's."""
        combined = Lexicon(entries)
        for phrase, meanings in self.meanings.items():
            if phrase not in combined.meanings:
                combined.meanings[phrase] = meanings
                combined.longest = max(combined.longest, len(phrase))
        return combined

    def matches(self, words: list[str]) -> list[tuple[int, int, tuple[Phrase, ...]]]:
        """(start, end, meanings) of the phrases found, longest first, no overlap."""
        found = []
        i = 0
        while i < len(words):
            for size in range(min(self.longest, len(words) - i), 0, -1):
                meanings = self.meanings.get(tuple(words[i : i + size]))
                if meanings:
                    found.append((i, i + size, meanings))
                    i += size
                    break
            else:
                i += 1
        return found

    def alternatives(self, words: list[str]) -> list[list[str]]:
        """The query with its known phrases replaced by their meanings.

        The first meaning of every phrase at once comes first, then each other
        meaning of one phrase; at most `MAX_ALTERNATIVES`.
        """
        found = self.matches(words)
        if not found:
            return []

        def replaced(choice: dict[int, Phrase]) -> list[str]:
            out: list[str] = []
            cursor = 0
            for start, end, _meanings in found:
                out.extend(words[cursor:start])
                out.extend(choice[start])
                cursor = end
            out.extend(words[cursor:])
            return out

        first = {start: meanings[0] for start, _end, meanings in found}
        results = [replaced(first)]
        for start, _end, meanings in found:
            for meaning in meanings[1:]:
                results.append(replaced({**first, start: meaning}))
        if len(found) > 1:
            # Each phrase alone, the rest as typed.
            for start, _end, meanings in found:
                keep = {s: tuple(words[s:e]) for s, e, _m in found}
                results.append(replaced({**keep, start: meanings[0]}))
        unique = []
        for result in results:
            if result != words and result not in unique:
                unique.append(result)
        return unique[:MAX_ALTERNATIVES]

    def cores(self, words: list[str]) -> list[list[str]]:
        """What the known phrases mean, without the rest of the question:
        `sửa tên trong giấy khai sinh` -> `thay đổi cải chính hộ tịch`; then each
        phrase alone, as typed (`giờ làm việc` of `giờ làm việc của ubnd`)."""
        found = self.matches(words)
        covered = sum(end - start for start, end, _m in found)
        if not found or covered == len(words):
            return []
        results = []
        if len(found) > 1:
            results.append([t for _s, _e, meanings in found for t in meanings[0]])
        for start, end, meanings in found:
            results.extend(list(meaning) for meaning in meanings)
            if end - start > 1:
                results.append(words[start:end])
        unique = []
        for result in results:
            if result not in unique:
                unique.append(result)
        return unique[: MAX_ALTERNATIVES * 2]


def read_entries(text: str) -> list[Entry]:
    return [entry for entry in map(parse_line, text.splitlines()) if entry]


@lru_cache(maxsize=1)
def shipped() -> Lexicon:
    """The dictionary shipped with congxa, read once per process."""
    return Lexicon(read_entries(DICTIONARY_FILE.read_text(encoding="utf-8")))
