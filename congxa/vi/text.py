"""Vietnamese text for search: folding, tokens, Telex/VNI decoding, typo candidates.

One normaliser serves index time and query time alike, on every database engine:

- `fold` turns text into what citizens type: lower case, no tones or diacritics,
  `đ` to `d` (Unicode decomposition leaves `đ` alone), the i/y spelling variant
  after a consonant unified (`quản lí` = `quản lý`), typographic apostrophes and
  dashes unified. It keeps the text's length, so a match found in folded text
  points straight at the original words (for highlighting).
- `tokens` cuts folded text into index terms made of `[a-z0-9]` only: a number or
  symbol such as `42/2022/NĐ-CP` becomes the adjacent terms `42 2022 nd cp`, so the
  phrase `42/2022` finds it.
- `exact_tokens` keeps the marks, encoded in ASCII the VNI way (`đăng` -> `d9a8ng`,
  `ký` -> `ki1`), so an exact-diacritic match can rank above a folded one; the tone
  goes last, so `hoá` and `hóa` are the same word.
- `slugify` turns a title into a page address (`Tin tức - Sự kiện` ->
  `tin-tuc-su-kien`); `SLUG_REPLACEMENTS` is the same rule written as regular
  expressions, which the admin's slug field applies as you type (one rule for
  the browser and the server). `strip_marks` keeps the case (file names).

Pure Python: no Django, nothing of the project.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Tones, numbered the VNI way: sắc 1, huyền 2, hỏi 3, ngã 4, nặng 5.
_TONE_MARKS = {"\u0301": 1, "\u0300": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}
# Vowel marks: circumflex 6 (â ê ô), horn 7 (ơ ư), breve 8 (ă).
_QUALITY_MARKS = {"\u0302": "6", "\u031b": "7", "\u0306": "8"}
# Private-use placeholders for a tone while the exact key is built.
_TONE_PLACEHOLDERS = "\ue001\ue002\ue003\ue004\ue005"

_APOSTROPHES = "\u2019\u2018\u02bc\u02b9\u00b4\u0060\u2032"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"

# Onsets after which a lone `y` and `i` are the same syllable (lý/lí, kỹ/kĩ, quy/qui).
_ONSETS = "ngh|ch|gh|kh|ng|nh|ph|qu|th|tr|b|c|d|g|h|k|l|m|n|p|q|r|s|t|v|x"
_FOLDED_IY = re.compile(rf"(?<![a-z0-9'])((?:{_ONSETS}))y(?![a-z0-9'])")
_EXACT_IY = re.compile(
    rf"(?<![a-z0-9'])((?:{_ONSETS.replace('|d|', '|d9|d|')}))y(?=[1-5]?(?![a-z0-9']))"
)

# A chunk is what the reader sees as one word or one code: parts joined by
# `- . / _` (`42/2022/nd-cp`, `1.001193`), apostrophes inside a part (`m'droh`).
_PART = r"[a-z0-9]+(?:'[a-z0-9]+)*"
_CHUNK = re.compile(rf"{_PART}(?:[-./_]{_PART})*")
_PART_RE = re.compile(_PART)
# A tone placeholder sits after its vowel; it moves past the letters that follow.
_EXACT_TONE_MOVE = re.compile(r"([\ue001-\ue005])([a-z0-9]+)")

MAX_PART_LENGTH = 40


def _build_tables() -> tuple[dict[int, str], dict[int, str]]:
    fold_table: dict[int, str] = {}
    exact_table: dict[int, str] = {}
    for code in range(0x00C0, 0x2000):
        char = chr(code)
        if unicodedata.category(char) not in ("Lu", "Ll"):
            continue
        decomposed = unicodedata.normalize("NFD", char.lower())
        base = "".join(c for c in decomposed if not unicodedata.combining(c))
        if len(base) != 1 or not base.isascii() or not base.isalpha():
            continue
        fold_table[code] = base
        quality = "".join(_QUALITY_MARKS.get(c, "") for c in decomposed)
        tone = "".join(
            _TONE_PLACEHOLDERS[_TONE_MARKS[c] - 1]
            for c in decomposed
            if c in _TONE_MARKS
        )
        exact_table[code] = base + quality + tone
    for upper in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        fold_table[ord(upper)] = upper.lower()
        exact_table[ord(upper)] = upper.lower()
    for d in "đĐ":
        fold_table[ord(d)] = "d"
        exact_table[ord(d)] = "d9"
    for table in (fold_table, exact_table):
        for char in _APOSTROPHES:
            table[ord(char)] = "'"
        for char in _DASHES:
            table[ord(char)] = "-"
    return fold_table, exact_table


_FOLD_TABLE, _EXACT_TABLE = _build_tables()
_TONE_DIGITS = {ord(p): str(i + 1) for i, p in enumerate(_TONE_PLACEHOLDERS)}


def folded_from() -> dict[str, frozenset[str]]:
    """Each character of folded text -> every character that folds to it (itself
    included): what a pattern over the original text matches in its place
    (`folds_y` tells where a folded `i` was a `y`)."""
    found: dict[str, set[str]] = {}
    for code, folded in _FOLD_TABLE.items():
        found.setdefault(folded, {folded}).add(chr(code))
    for char in "abcdefghijklmnopqrstuvwxyz0123456789":
        found.setdefault(char, {char})
    return {char: frozenset(chars) for char, chars in found.items()}


_ONSET_I = re.compile(rf"(?:{_ONSETS})i")


def folds_y(term: str) -> bool:
    """True when the folded word `term` may have been written with `y` (`ki` for
    `ký`, `qui` for `quy`: an onset and a lone i/y)."""
    return _ONSET_I.fullmatch(term) is not None


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower case, tones and marks off, `đ` to `d`, i/y unified; same length as NFC.

    >>> fold("Đăng ký QUẢN LÍ")
    'dang ki quan li'
    """
    folded = nfc(text).translate(_FOLD_TABLE)
    return _FOLDED_IY.sub(r"\1i", folded)


def _parts(folded: str) -> list[str]:
    joined = " ".join(_PART_RE.findall(folded))
    if "'" in joined:
        joined = joined.replace("'", "")
    parts = joined.split()
    if len(joined) > MAX_PART_LENGTH and max(map(len, parts)) > MAX_PART_LENGTH:
        parts = [part[:MAX_PART_LENGTH] for part in parts]
    return parts


def tokens(text: str) -> list[str]:
    """The folded index terms of a text, in order (`42/2022/NĐ-CP` -> 42 2022 nd cp)."""
    return _parts(fold(text))


# A code's parts joined into one term (`42/2022` -> `42x2022`), so that a search
# for a code is one index lookup, not a phrase checked against every page that
# holds both numbers somewhere.
CODE_JOINER = "x"
MAX_CODE_PARTS = 8


def code_term(parts: tuple[str, ...] | list[str]) -> str | None:
    """The one term a code of two parts or more, one of them a number, is also
    indexed as (`('15', '2025', 'qd')` -> `15x2025xqd`); None for anything else."""
    if len(parts) < 2 or not any(part.isdigit() for part in parts):
        return None
    term = CODE_JOINER.join(parts)
    return term if len(term) <= MAX_PART_LENGTH else None


def code_terms(text: str) -> list[str]:
    """The code terms of a text: every run of two parts or more of each code, so
    `15/2025/QĐ-UBND` is found as `15/2025`, `2025/QĐ` or in full."""
    found: list[str] = []
    for chunk in _CHUNK.finditer(fold(text)):
        parts = _parts(chunk.group())[:MAX_CODE_PARTS]
        if len(parts) < 2:
            continue
        for start in range(len(parts) - 1):
            for end in range(start + 2, len(parts) + 1):
                term = code_term(parts[start:end])
                if term is not None:
                    found.append(term)
    return found


def _swap(match: re.Match) -> str:
    return match.group(2) + match.group(1)


def exact_key(text: str) -> str:
    """Text with its marks kept, in ASCII: `Đăng ký` -> `d9a8ng ki1`."""
    encoded = nfc(text).translate(_EXACT_TABLE)
    encoded = _EXACT_TONE_MOVE.sub(_swap, encoded).translate(_TONE_DIGITS)
    return _EXACT_IY.sub(r"\1i", encoded)


def exact_tokens(text: str) -> list[str]:
    """The exact-diacritic index terms of a text, in order."""
    return _parts(exact_key(text))


def has_marks(text: str) -> bool:
    """True when the text carries a Vietnamese tone or vowel mark (or `đ`)."""
    return any(ord(c) in _MARKED_CODES for c in nfc(text))


_MARKED_CODES = frozenset(
    code for code, value in _EXACT_TABLE.items() if value != _FOLD_TABLE[code]
)


@dataclass(frozen=True)
class QueryWord:
    """One word or code of a query: its folded parts and its exact-diacritic parts.

    A word is one part; a code such as `42/2022` is several, searched as a phrase.
    """

    raw: str
    parts: tuple[str, ...]
    exact: tuple[str, ...]

    @property
    def is_code(self) -> bool:
        return len(self.parts) > 1 or any(c.isdigit() for c in self.parts[0])


def query_words(text: str, limit: int = 12) -> list[QueryWord]:
    """The words of a query, at most `limit`, each with folded and exact parts."""
    text = nfc(text)
    folded = fold(text)
    words = []
    for chunk in _CHUNK.finditer(folded):
        raw = text[chunk.start() : chunk.end()]
        parts = tuple(_parts(chunk.group()))
        exact = tuple(exact_tokens(raw))
        if parts and len(parts) == len(exact):
            words.append(QueryWord(raw, parts, exact))
        elif parts:
            words.append(QueryWord(raw, parts, parts))
        if len(words) >= limit:
            break
    return words


# --- Addresses: titles folded to slugs, the same rule in the browser and here.

SLUG_MAX_LENGTH = 255


def _slug_letters() -> dict[str, str]:
    """Every letter with marks that is one ASCII letter underneath, by that letter
    (case kept: `Ấ` under `A`, `ấ` under `a`)."""
    letters: dict[str, str] = {"D": "Đ", "d": "đ"}
    for code in range(0x00C0, 0x2000):
        char = chr(code)
        if unicodedata.category(char) not in ("Lu", "Ll"):
            continue
        decomposed = unicodedata.normalize("NFD", char)
        base = "".join(c for c in decomposed if not unicodedata.combining(c))
        if len(base) == 1 and base.isascii() and base.isalpha() and base != char:
            letters[base] = letters.get(base, "") + char
    return letters


_SLUG_LETTERS = _slug_letters()
# Marks typed as separate characters (decomposed input), apostrophes inside a
# name (`M’Droh` -> `MDroh`, as Ê Đê and Gia Rai names are written in addresses).
_SLUG_REMOVED = "".join(chr(c) for c in range(0x0300, 0x0370)) + "'" + _APOSTROPHES
# Separators between numbers and words (`15/2025`, `1.2.2026`, `a, b`) and
# typographic dashes become a `-`, so numbers stay apart.
_SLUG_SEPARATORS = "/\\.,:;" + _DASHES

# (regular expression, replacement), applied in order before the address rule:
# the admin's slug field runs exactly these as Wagtail's `w-slug` formatters.
SLUG_REPLACEMENTS: list[tuple[str, str]] = [
    *((f"[{chars}]", base) for base, chars in sorted(_SLUG_LETTERS.items())),
    ("[\\u0300-\\u036f" + re.escape("'" + _APOSTROPHES) + "]", ""),
    (f"[{re.escape(_SLUG_SEPARATORS)}]", "-"),
]
_SLUG_TABLE = {
    **{ord(c): base for base, chars in _SLUG_LETTERS.items() for c in chars},
    **{ord(c): None for c in _SLUG_REMOVED},
    **{ord(c): "-" for c in _SLUG_SEPARATORS},
}
_MARKS_TABLE = {
    **{ord(c): base for base, chars in _SLUG_LETTERS.items() for c in chars},
    **dict.fromkeys(range(0x0300, 0x0370)),
}
_SLUG_DROP = re.compile(r"[^-\w\s]", re.ASCII)
_SLUG_GAPS = re.compile(r"[-\s]+")


def strip_marks(text: str) -> str:
    """Tones and marks off, `đ` to `d`, case kept: `Quyết Định` -> `Quyet Dinh`."""
    return nfc(text).translate(_MARKS_TABLE)


def slugify(text: str) -> str:
    """A title's address: `Đường giao thông nông thôn` -> `duong-giao-thong-nong-thon`.

    Marks off, `đ` to `d`, apostrophes dropped (`Xã Ea M’Droh` -> `xa-ea-mdroh`),
    then Wagtail's own address rule (its JavaScript `urlify`): lower case, only
    `a-z 0-9 _ -`, spaces and dashes to one `-`, at most 255 characters, no `-`
    at the end. Kept step for step with the admin's slug field.
    """
    slug = _SLUG_DROP.sub("", text.strip().translate(_SLUG_TABLE).lower())
    slug = _SLUG_GAPS.sub("-", slug)[:SLUG_MAX_LENGTH]
    return slug.rstrip("-")


# --- Telex and VNI: words typed on a keyboard without a Vietnamese input method.

_VOWELS = set("aăâeêioôơuưy")
_TELEX_TONES = {"s": 1, "f": 2, "r": 3, "x": 4, "j": 5, "z": 0}
_CIRCUMFLEX = {"a": "â", "e": "ê", "o": "ô"}
_HORN = {"o": "ơ", "u": "ư"}
_BREVE = {"a": "ă"}
_MARKED = set("ăâêôơư")
_TONE_COMBINING = {1: "\u0301", 2: "\u0300", 3: "\u0309", 4: "\u0303", 5: "\u0323"}


def _nucleus(letters: list[str]) -> tuple[int, int]:
    """Start and end (exclusive) of the vowel nucleus; `qu` and `gi` are onsets."""
    start = 0
    while start < len(letters) and letters[start] not in _VOWELS:
        start += 1
    if start == len(letters):
        return start, start
    if (
        start > 0
        and letters[start - 1] in "qg"
        and letters[start] in ("u", "i")
        and start + 1 < len(letters)
        and letters[start + 1] in _VOWELS
    ):
        start += 1
    end = start
    while end < len(letters) and letters[end] in _VOWELS:
        end += 1
    return start, end


def place_tone(letters: list[str], tone: int) -> str:
    """Write a syllable from its letters and tone number, marking the right vowel."""
    if not tone:
        return "".join(letters)
    start, end = _nucleus(letters)
    if start == end:
        return "".join(letters)
    nucleus = letters[start:end]
    marked = [i for i, c in enumerate(nucleus) if c in _MARKED]
    if marked:
        target = marked[-1]
    elif end < len(letters) or len(nucleus) == 1:
        target = len(nucleus) - 1
    elif len(nucleus) == 3:
        target = 1
    else:
        target = 0
    position = start + target
    letters = list(letters)
    letters[position] = nfc(letters[position] + _TONE_COMBINING[tone])
    return "".join(letters)


def _modify_last(letters: list[str], table: dict[str, str]) -> bool:
    """Apply a vowel mark to the nearest vowel it fits, searching backwards."""
    for index in range(len(letters) - 1, -1, -1):
        letter = letters[index]
        if letter in table:
            letters[index] = table[letter]
            # uo + horn is ươ, the usual way it is typed (`uow`, `uo7`).
            if "u" in table and letter == "o" and index and letters[index - 1] == "u":
                letters[index - 1] = "ư"
            return True
    return False


_TELEX_W = {**_HORN, **_BREVE}


def decode_telex(word: str) -> str | None:
    """`thur` -> `thủ`, `tucj` -> `tục`, `dduwowngf` -> `đường`; None when not Telex."""
    word = word.lower()
    if not word.isascii() or not word.isalpha() or len(word) > 12:
        return None
    letters: list[str] = []
    tone = 0
    changed = False
    for char in word:
        seen_vowel = any(c in _VOWELS for c in letters)
        if char in _TELEX_TONES and seen_vowel:
            tone = _TELEX_TONES[char]
            changed = True
        elif char == "w":
            if not _modify_last(letters, _TELEX_W):
                if seen_vowel:
                    return None
                letters.append("ư")
            changed = True
        elif letters and char == letters[-1] and char in _CIRCUMFLEX:
            letters[-1] = _CIRCUMFLEX[char]
            changed = True
        elif letters == ["d"] and char == "d":
            letters[-1] = "đ"
            changed = True
        else:
            letters.append(char)
    if not changed:
        return None
    return place_tone(letters, tone)


def decode_vni(word: str) -> str | None:
    """`thu3` -> `thủ`, `tuc5` -> `tục`, `d9a8ng` -> `đăng`; None when not VNI."""
    word = word.lower()
    if not word.isascii() or not word.isalnum() or len(word) > 14:
        return None
    if not word[0].isalpha() or not any(c.isdigit() for c in word):
        return None
    letters: list[str] = []
    tone = 0
    for char in word:
        if char.isalpha():
            letters.append(char)
        elif char in "12345":
            tone = int(char)
        elif char == "6":
            if not _modify_last(letters, _CIRCUMFLEX):
                return None
        elif char == "7":
            if not _modify_last(letters, _HORN):
                return None
        elif char == "8":
            if not _modify_last(letters, _BREVE):
                return None
        elif char == "9":
            if not letters or letters[0] != "d":
                return None
            letters[0] = "đ"
        else:
            return None
    if not any(c in _VOWELS for c in letters):
        return None
    return place_tone(letters, tone)


def decode_typing(word: str) -> list[str]:
    """The Vietnamese words a Telex or VNI keystroke sequence may stand for."""
    found = []
    for decoder in (decode_telex, decode_vni):
        decoded = decoder(word)
        if decoded and decoded != word and decoded not in found:
            found.append(decoded)
    return found


# --- Typos: every string one edit away.

TYPO_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"


def one_edit(word: str, alphabet: str = TYPO_ALPHABET) -> set[str]:
    """Every string one deletion, transposition, replacement or insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    transposes = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in alphabet}
    inserts = {a + c + b for a, b in splits for c in alphabet}
    candidates = deletes | transposes | replaces | inserts
    candidates.discard(word)
    candidates.discard("")
    return candidates
