"""A small reader and writer for gettext PO files (enough for our catalogs).

The heavy lifting (merging, compiling) is left to GNU gettext's own tools; this
module only reads entries and writes simple compendia.
"""

from __future__ import annotations

import ast
import subprocess
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Entry:
    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: list[str] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)
    references: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    obsolete: bool = False

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    @property
    def translated(self) -> bool:
        return bool(self.msgstr) and all(self.msgstr) and "fuzzy" not in self.flags


def _unquote(text: str) -> str:
    return ast.literal_eval(text) if text.startswith('"') else ""


def read(path: Path | str) -> list[Entry]:
    """Entries of a PO file, the header (msgid "") included."""
    entries: list[Entry] = []
    current: Entry | None = None
    has_msgstr = False
    target: tuple[str, int] | None = None

    def entry_for_new_part() -> Entry:
        nonlocal current, has_msgstr
        if current is None or has_msgstr:
            current = Entry()
            entries.append(current)
            has_msgstr = False
        return current

    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        obsolete = line.startswith("#~")
        if obsolete:
            line = line[2:].strip()
        if not line:
            current, target = None, None
            continue
        if line.startswith('"'):
            if current is not None and target is not None:
                name, index = target
                if name == "msgstr":
                    current.msgstr[index] += _unquote(line)
                else:
                    setattr(
                        current, name, (getattr(current, name) or "") + _unquote(line)
                    )
            continue
        entry = entry_for_new_part()
        entry.obsolete = entry.obsolete or obsolete
        if line.startswith("#,"):
            entry.flags.update(f.strip() for f in line[2:].split(",") if f.strip())
        elif line.startswith("#:"):
            entry.references.extend(line[2:].split())
        elif line.startswith(("#.", "# ")) or line == "#":
            entry.comments.append(line)
        else:
            keyword, _, rest = line.partition(" ")
            if keyword.startswith("msgstr"):
                index = int(keyword[7:-1]) if "[" in keyword else 0
                while len(entry.msgstr) <= index:
                    entry.msgstr.append("")
                entry.msgstr[index] = _unquote(rest)
                target = ("msgstr", index)
                has_msgstr = True
            elif keyword in {"msgctxt", "msgid", "msgid_plural"}:
                setattr(entry, keyword, _unquote(rest))
                target = (keyword, 0)
    return entries


def live_entries(path: Path | str) -> dict[tuple[str | None, str], Entry]:
    """Non-obsolete entries by (msgctxt, msgid), the header left out."""
    return {e.key: e for e in read(path) if not e.obsolete and e.msgid}


def quote(text: str) -> str:
    escaped = (
        text.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\t", "\\t")
    )
    return f'"{escaped}"'


def write(path: Path | str, entries: list[Entry], header: str) -> None:
    lines = [header.rstrip("\n"), ""] if header else []
    for entry in entries:
        lines.extend(entry.comments)
        if entry.references:
            lines.append("#: " + " ".join(entry.references))
        if entry.flags:
            lines.append("#, " + ", ".join(sorted(entry.flags)))
        if entry.msgctxt is not None:
            lines.append("msgctxt " + quote(entry.msgctxt))
        lines.append("msgid " + quote(entry.msgid))
        if entry.msgid_plural is not None:
            lines.append("msgid_plural " + quote(entry.msgid_plural))
            for index, text in enumerate(entry.msgstr or [""]):
                lines.append(f"msgstr[{index}] " + quote(text))
        else:
            lines.append("msgstr " + quote(entry.msgstr[0] if entry.msgstr else ""))
        lines.append("")
    Path(path).write_text("\n".join(lines), encoding="utf-8")


def run_tool(*args: str) -> subprocess.CompletedProcess:
    """Run a GNU gettext tool (msgfmt, msgmerge, ...), found on PATH on purpose."""
    return subprocess.run(  # noqa: S603
        [str(arg) for arg in args],  # noqa: S607
        check=True,
        capture_output=True,
        text=True,
    )
