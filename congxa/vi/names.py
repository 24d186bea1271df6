"""Vietnamese personal names: family name first, given name last."""

from __future__ import annotations


def name_parts(full_name: str) -> tuple[str, str]:
    """(given name, family and middle names) of a Vietnamese name.

    “Trần Thị Phóng” -> ("Phóng", "Trần Thị"): the given name is the last word,
    by which a person is called; everything before it is the family and middle
    names. `full_name` puts them back in that order.
    """
    words = full_name.split()
    if not words:
        return "", ""
    return words[-1], " ".join(words[:-1])


def full_name(given: str, family: str) -> str:
    """The name as it is written and read: family and middle names, then the
    given name (“Trần Thị” + “Phóng” -> “Trần Thị Phóng”)."""
    return " ".join(part for part in (family.strip(), given.strip()) if part)
