"""Fill empty translations of the project catalog from the apps' own files.

Each app's engineer writes the Vietnamese for their strings into
`congxa/<app>/TRANSLATIONS.txt`, one `msgid<TAB>msgstr` pair a line (`\\n` and
`\\t` escapes allowed, `#` starts a comment).  Apps that shipped their own
`congxa/<app>/locale/vi/LC_MESSAGES/*.po` are read too.  Extra TSV or PO files
can be given on the command line.

Only empty msgstr are filled: a translation already in the catalog wins, so a
reviewer's correction there is never overwritten.  The report lists project
msgids (those found in our source) still without a translation; the exit status
is 1 when there are some and `--strict` is given.

    .venv/bin/python scripts/i18n/merge_translations.py [--strict] [FILE ...]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import po  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "congxa"
CATALOG_DIR = PACKAGE / "locale" / "vi" / "LC_MESSAGES"

COMPENDIUM_HEADER = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: vi\\n"
"Plural-Forms: nplurals=1; plural=0;\\n"
"""


def _unescape(text: str) -> str:
    return text.replace("\\n", "\n").replace("\\t", "\t")


def read_tsv(path: Path) -> tuple[dict[str, str], list[str]]:
    """Pairs from a TRANSLATIONS.txt file, and the problems found in it."""
    pairs: dict[str, str] = {}
    problems: list[str] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if "\t" not in line:
            problems.append(f"{path}:{number}: no TAB between msgid and msgstr")
            continue
        msgid, msgstr = line.split("\t", 1)
        msgid, msgstr = _unescape(msgid), _unescape(msgstr.strip())
        if msgstr:
            pairs[msgid] = msgstr
    return pairs, problems


def sources(extra: list[Path]) -> list[Path]:
    found = sorted(PACKAGE.glob("*/TRANSLATIONS.txt"))
    found += sorted(PACKAGE.glob("*/locale/vi/LC_MESSAGES/django.po"))
    return found + extra


def compendium_entries(files: list[Path]) -> tuple[list[po.Entry], list[str]]:
    """Every translated pair of the source files (first file wins)."""
    seen: dict[tuple[str | None, str], po.Entry] = {}
    problems: list[str] = []
    for path in files:
        if path.suffix == ".po":
            for entry in po.live_entries(path).values():
                if entry.translated:
                    seen.setdefault(entry.key, entry)
            continue
        pairs, file_problems = read_tsv(path)
        problems += file_problems
        for msgid, msgstr in pairs.items():
            seen.setdefault((None, msgid), po.Entry(msgid=msgid, msgstr=[msgstr]))
    return list(seen.values()), problems


def fill(catalog: Path, entries: list[po.Entry]) -> int:
    """Fill empty msgstr of the catalog from entries; return how many were filled."""
    before = po.live_entries(catalog)
    wanted = [
        e
        for e in entries
        if e.key in before and not before[e.key].translated and e.translated
    ]
    if not wanted:
        return 0
    for entry in wanted:
        target = before[entry.key]
        if target.msgid_plural is not None and entry.msgid_plural is None:
            # a TSV line for a plural msgid: one form in Vietnamese
            entry.msgid_plural = target.msgid_plural
    with tempfile.TemporaryDirectory() as tmp:
        compendium = Path(tmp) / "compendium.po"
        po.write(compendium, wanted, COMPENDIUM_HEADER)
        po.run_tool(
            "msgmerge",
            "--quiet",
            "--no-fuzzy-matching",
            "--no-wrap",
            "--add-location=file",
            "--sort-by-file",
            "--compendium",
            str(compendium),
            "-o",
            str(catalog),
            str(catalog),
            str(catalog),
        )
    after = po.live_entries(catalog)
    return sum(
        1 for key in before if not before[key].translated and after[key].translated
    )


def app_translations(files: list[Path]) -> dict[str, dict[str, str]]:
    """msgid -> {app: msgstr} over the apps' TSV and PO files."""
    by_msgid: dict[str, dict[str, str]] = {}
    for path in files:
        app = path.parent.name if path.suffix != ".po" else path.parents[3].name
        if path.suffix == ".po":
            pairs = {
                e.msgid: e.msgstr[0]
                for e in po.live_entries(path).values()
                if e.translated and e.msgctxt is None and e.msgid_plural is None
            }
        else:
            pairs = read_tsv(path)[0]
        for msgid, msgstr in pairs.items():
            by_msgid.setdefault(msgid, {}).setdefault(app, msgstr)
    return by_msgid


def apply_app_translations(
    catalog: Path, files: list[Path], shared: set[tuple[str | None, str]]
) -> tuple[int, list[str]]:
    """Let each app's own translation win for the strings only it provides.

    The engineer who wrote a string knows what it means, so their Vietnamese
    replaces the catalog's.  A msgid that Wagtail also uses, or that two apps
    translate differently, keeps the catalog's single translation and is
    reported: it needs `pgettext` (a context) to mean two things.
    """
    wanted = app_translations(files)
    entries = po.read(catalog)
    changed, conflicts = 0, []
    for entry in entries:
        if entry.obsolete or not entry.msgid or entry.msgctxt is not None:
            continue
        choices = wanted.get(entry.msgid, {})
        distinct = set(choices.values())
        if not distinct or (len(distinct) == 1 and entry.msgstr[:1] == [*distinct]):
            continue
        if entry.key in shared or len(distinct) > 1:
            if not entry.translated or any(v != entry.msgstr[0] for v in distinct):
                apps = ", ".join(f"{a}: {v!r}" for a, v in sorted(choices.items()))
                conflicts.append(f"{entry.msgid!r} kept {entry.msgstr[:1]} ({apps})")
            continue
        entry.msgstr = [distinct.pop()] * max(1, len(entry.msgstr))
        changed += 1
    if changed:
        po.write(catalog, [e for e in entries if not e.obsolete], header="")
        po.run_tool(
            "msgmerge",
            "--quiet",
            "--no-fuzzy-matching",
            "--no-wrap",
            "--add-location=file",
            "--sort-by-file",
            "-o",
            catalog,
            catalog,
            catalog,
        )
    return changed, conflicts


def project_keys() -> set[tuple[str | None, str]]:
    """(msgctxt, msgid) of every string in our source, as makemessages sees it."""
    import update_catalog

    with tempfile.TemporaryDirectory(prefix="congxa-i18n-") as tmp:
        pots = update_catalog.extract_project_pots(Path(tmp) / "locale")
        return {key for pot in pots.values() for key in po.live_entries(pot)}


def report(
    catalog: Path, project: set[tuple[str | None, str]]
) -> tuple[list[po.Entry], list[po.Entry]]:
    """(project entries without translation, Wagtail entries without one)."""
    missing_project, missing_wagtail = [], []
    for key, entry in po.live_entries(catalog).items():
        if not entry.translated:
            (missing_project if key in project else missing_wagtail).append(entry)
    return missing_project, missing_wagtail


def main(
    argv: list[str] | None = None,
    project: set[tuple[str | None, str]] | None = None,
) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="extra TSV or PO files")
    parser.add_argument("--strict", action="store_true")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)

    files = sources(args.files)
    entries, problems = compendium_entries(files)
    catalog = CATALOG_DIR / "django.po"
    filled = fill(catalog, entries)
    js_catalog = CATALOG_DIR / "djangojs.po"
    if js_catalog.exists():
        filled += fill(js_catalog, entries)
    import update_catalog

    shared = set()
    for template in update_catalog.wagtail_templates("django"):
        shared |= set(po.live_entries(template))
    changed, conflicts = apply_app_translations(catalog, files, shared)
    missing_project, missing_wagtail = report(
        catalog, project if project is not None else project_keys()
    )

    out = sys.stdout
    out.write(f"Sources: {len(files)} files, {len(entries)} translated pairs.\n")
    for problem in problems:
        out.write(f"  problem: {problem}\n")
    out.write(f"Filled {filled} empty translations.\n")
    out.write(f"Replaced {changed} with the translation of the app that owns it.\n")
    out.write(
        f"Project strings without a translation: {len(missing_project)}\n"
        f"Wagtail strings without a translation: {len(missing_wagtail)}\n"
    )
    if not args.quiet:
        for entry in missing_project + missing_wagtail:
            where = ", ".join(entry.references[:2])
            out.write(f"  missing: {entry.msgid!r}  ({where})\n")
        for conflict in conflicts:
            out.write(f"  shared msgid, needs pgettext: {conflict}\n")
    return 1 if args.strict and missing_project else 0


if __name__ == "__main__":
    raise SystemExit(main())
