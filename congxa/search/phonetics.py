"""Same-sound spellings of a folded Vietnamese word, for typo correction.

One Vietnamese sound has several spellings, and regional accents merge others:
`k`/`c`/`q` (kết, cết), `ch`/`tr`, `s`/`x`, `d`/`gi`/`r`/`v`, `l`/`n`, `g`/`gh`,
`ng`/`ngh`, `ph`/`f` at the start; `n`/`ng`, `c`/`t`, `n`/`nh` at the end.
A misspelling is far more often one of these than a random one-letter slip, so
the corrector tries them first.

Pure Python: no Django.
"""

from __future__ import annotations

import re

# Onsets, longest first, and the onsets that sound the same (or are confused).
ONSETS = [
    "ngh",
    "ng",
    "gh",
    "gi",
    "kh",
    "nh",
    "ph",
    "qu",
    "th",
    "tr",
    "ch",
    "b",
    "c",
    "d",
    "f",
    "g",
    "h",
    "k",
    "l",
    "m",
    "n",
    "p",
    "q",
    "r",
    "s",
    "t",
    "v",
    "x",
    "z",
    "j",
    "w",
]
SAME_ONSET = [
    {"c", "k", "q"},
    {"qu", "cu", "ku", "w"},
    {"ch", "tr"},
    {"s", "x"},
    {"d", "gi", "r", "v", "z", "j", "g"},
    {"l", "n"},
    {"g", "gh"},
    {"ng", "ngh"},
    {"ph", "f"},
    {"kh", "k"},
]
CODAS = ["ng", "nh", "ch", "c", "t", "n", "m", "p", "i", "y", "o", "u"]
SAME_CODA = [{"n", "ng"}, {"c", "t"}, {"n", "nh"}, {"ch", "t", "c"}, {"nh", "ng"}]

_VOWELS = re.compile(r"[aeiouy]")


def split(word: str) -> tuple[str, str, str]:
    """(onset, rhyme without coda, coda) of a folded syllable."""
    onset = next((o for o in ONSETS if word.startswith(o)), "")
    rest = word[len(onset) :]
    if onset == "gi" and not _VOWELS.search(rest):
        onset, rest = "g", word[1:]
    coda = next((c for c in CODAS[:8] if rest.endswith(c) and len(rest) > len(c)), "")
    return onset, rest[: len(rest) - len(coda)] if coda else rest, coda


def _mates(part: str, groups: list[set[str]]) -> set[str]:
    found = set()
    for group in groups:
        if part in group:
            found |= group
    found.discard(part)
    return found


def sound_variants(word: str) -> set[str]:
    """Spellings of `word` that sound the same or are commonly confused."""
    if not word.isalpha() or not _VOWELS.search(word):
        return set()
    onset, nucleus, coda = split(word)
    onsets = {onset} | _mates(onset, SAME_ONSET)
    codas = {coda} | _mates(coda, SAME_CODA)
    variants = {o + nucleus + c for o in onsets for c in codas}
    # `qu` carries its `u`: `quan` and `cuan`/`kuan`/`wan` are the same sound.
    if onset == "q" and nucleus.startswith("u"):
        variants |= {"k" + nucleus + coda, "c" + nucleus + coda}
    variants.discard(word)
    return {v for v in variants if v}
