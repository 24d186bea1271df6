"""Legal document references in the ways people write them.

`15/2025/QĐ-UBND` is indexed as the adjacent terms `15 2025 qd ubnd`. People
also type `15/2025`, `qd 15`, `quyết định số 15`, `quyet dinh 15 nam 2025` or
`nghị quyết 08 của hđnd`. `reference` finds the number, the year and the kind
in the folded words of a query, so the selector can search the number as the
document prints it.

Pure Python: no Django.
"""

from __future__ import annotations

from dataclasses import dataclass

# Kinds of documents: the words people type -> the symbol in the number.
KINDS = {
    ("quyet", "dinh"): "qd",
    ("nghi", "quyet"): "nq",
    ("nghi", "dinh"): "nd",
    ("thong", "tu"): "tt",
    ("chi", "thi"): "ct",
    ("ke", "hoach"): "kh",
    ("cong", "van"): "cv",
    ("thong", "bao"): "tb",
    ("bao", "cao"): "bc",
    ("huong", "dan"): "hd",
    ("to", "trinh"): "ttr",
    ("qd",): "qd",
    ("nq",): "nq",
    ("nd",): "nd",
    ("tt",): "tt",
    ("ct",): "ct",
    ("kh",): "kh",
    ("cv",): "cv",
    ("tb",): "tb",
    ("bc",): "bc",
    ("hd",): "hd",
    ("ttr",): "ttr",
}
# Words between the kind and the number, or before the year, that say nothing.
JOINERS = {"so", "nam", "ngay", "ban", "hanh", "cua", "van"}
MIN_YEAR, MAX_YEAR = 1945, 2100


@dataclass(frozen=True)
class Reference:
    number: str
    year: str | None
    kind: str | None
    # Positions of the query words the reference took (the rest stays).
    used: frozenset[int]

    @property
    def parts(self) -> tuple[str, ...]:
        """The terms as the number prints them, in order: 15 2025 qd."""
        if self.year:
            return (self.number, self.year, *([self.kind] if self.kind else []))
        return (self.number,)


def _is_year(part: str) -> bool:
    return part.isdigit() and len(part) == 4 and MIN_YEAR <= int(part) <= MAX_YEAR


def reference(words: list[tuple[str, ...]]) -> Reference | None:
    """The document reference in a query, given each word's folded parts.

    A reference needs a kind (`qd`, `quyết định`) or a number written with its
    year (`15/2025`, `15 năm 2025`); a lone number is left alone.
    """
    flat: list[tuple[int, str]] = [
        (i, part) for i, parts in enumerate(words) for part in parts
    ]
    tokens = [part for _i, part in flat]
    kind, kind_at = None, set()
    for j in range(len(tokens)):
        for size in (2, 1):
            key = tuple(tokens[j : j + size])
            if len(key) == size and key in KINDS:
                kind, kind_at = KINDS[key], set(range(j, j + size))
                break
        if kind:
            break
    for j, token in enumerate(tokens):
        if not token.isdigit() or _is_year(token) and j > 0 and tokens[j - 1].isdigit():
            continue
        if _is_year(token) and not kind:
            continue
        used = {j}
        year = None
        k = j + 1
        while k < len(tokens) and tokens[k] in JOINERS:
            k += 1
        if k < len(tokens) and _is_year(tokens[k]):
            year = tokens[k]
            used |= set(range(j + 1, k + 1))
        if not kind and not year:
            continue
        # Joiners before the number belong to the reference too (`số 15`).
        b = j - 1
        while b >= 0 and tokens[b] in JOINERS:
            used.add(b)
            b -= 1
        used |= kind_at
        positions = frozenset(flat[t][0] for t in used)
        return Reference(token, year, kind, positions)
    return None
