"""Bring the Vietnamese catalogs up to date: `make messages` runs this.

The project catalog `congxa/locale/vi/LC_MESSAGES/django.po` carries two kinds of
entries:

* the project's own strings, extracted from the `congxa` package by Django's
  `makemessages` (English msgids);
* every msgid of the Wagtail apps we install, because Wagtail's own Vietnamese
  catalog covers only about a fifth of the admin.  `LOCALE_PATHS` is merged
  last, so our translation wins over Wagtail's.

Running plain `manage.py makemessages -l vi` on the catalog would drop the
Wagtail entries (they are not in our source), so always update through here:

    .venv/bin/python scripts/i18n/update_catalog.py           # update + compile
    .venv/bin/python scripts/i18n/update_catalog.py --pot DIR # only extract

Steps: makemessages into a temporary LOCALE_PATHS (so app-level `locale/`
folders never capture project strings and nothing else is written), add
Wagtail's English templates, `msgmerge` into the committed catalog (no fuzzy
matching, no obsolete entries), fill empty translations from the apps'
TRANSLATIONS.txt files (merge_translations.py), compile the `.mo` files.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import po  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "congxa"
LOCALE = PACKAGE / "locale"
CATALOG_DIR = LOCALE / "vi" / "LC_MESSAGES"

# Same ignores for every run, so the CI check and `make messages` agree.
IGNORE_PATTERNS = ["locale", "demo/data/*", "static/*", "*/TRANSLATIONS.txt"]

HEADER = """\
# Vietnamese catalog of congxa: the project's strings and the Wagtail admin's.
# Update with `make messages` (scripts/i18n/update_catalog.py), never with plain
# makemessages, which would drop the Wagtail entries. Terms: docs/glossary.md.
msgid ""
msgstr ""
"Project-Id-Version: congxa\\n"
"Report-Msgid-Bugs-To: \\n"
"PO-Revision-Date: 2026-02-01 00:00+0700\\n"
"Last-Translator: congxa <congxa@localhost>\\n"
"Language-Team: Vietnamese\\n"
"Language: vi\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=1; plural=0;\\n"
"""


def _project_settings():
    """The settings module, imported without setting up the apps.

    Extraction must work while an app under construction cannot be imported,
    so Django runs here with no installed apps at all.
    """
    import importlib

    sys.path.insert(0, str(REPO))
    os.environ.setdefault("CONGXA_SECRET_KEY", "i18n-extraction-only")
    os.environ.setdefault("CONGXA_ALLOWED_HOSTS", "localhost")
    return importlib.import_module("congxa.settings")


def _django_setup() -> None:
    import django
    from django.conf import settings

    if not settings.configured:
        settings.configure(
            INSTALLED_APPS=[],
            USE_I18N=True,
            LOCALE_PATHS=[],
            MEDIA_ROOT="",
            STATIC_ROOT="",
        )
        django.setup()


def extract_project_pots(out_dir: Path) -> dict[str, Path]:
    """Run makemessages over the congxa package; return {domain: pot path}."""
    _django_setup()
    from django.conf import settings
    from django.core.management import call_command

    # makemessages sends each file to the nearest `locale` folder it knows
    # (LOCALE_PATHS, the current directory's, an app's), so it runs over a copy
    # of the package without any: everything lands in out_dir and nothing in
    # the working tree is written.
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "vi").mkdir(exist_ok=True)
    source = out_dir.parent / "source"
    shutil.copytree(
        PACKAGE,
        source,
        ignore=shutil.ignore_patterns("locale", "static", "__pycache__", "*.pyc"),
    )
    settings.LOCALE_PATHS = [str(out_dir)]
    pots = {}
    cwd = os.getcwd()
    os.chdir(source)
    try:
        for domain in ("django", "djangojs"):
            call_command(
                "makemessages",
                locale=["vi"],
                domain=domain,
                ignore_patterns=IGNORE_PATTERNS,
                keep_pot=True,
                no_obsolete=True,
                verbosity=0,
            )
            pot = out_dir / f"{domain}.pot"
            if not pot.exists():  # no translatable JavaScript: an empty template
                pot.write_text(HEADER, encoding="utf-8")
            pots[domain] = pot
    finally:
        os.chdir(cwd)
        shutil.rmtree(source, ignore_errors=True)
    return pots


def wagtail_templates(domain: str) -> list[Path]:
    """Wagtail's English catalogs for the installed Wagtail apps."""
    import importlib.util

    found = []
    for name in _project_settings().INSTALLED_APPS:
        if name.split(".")[0] != "wagtail":
            continue
        spec = importlib.util.find_spec(name)
        package_dir = Path(next(iter(spec.submodule_search_locations)))
        po = package_dir / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
        if po.exists():
            found.append(po)
    return sorted(found)


def _prefixed_copy(po_file: Path, prefix: str, out: Path) -> Path:
    """A copy of a Wagtail catalog whose locations read `wagtail/<app>/...`."""
    lines = []
    for line in po_file.read_text(encoding="utf-8").splitlines():
        if line.startswith("#: "):
            refs = line[3:].split()
            line = "#: " + " ".join(f"{prefix}/{ref}" for ref in refs)
        lines.append(line)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def reference_template(domain: str, project_pot: Path, out: Path) -> Path:
    """Project strings first, then Wagtail's, as one template."""
    sources = [project_pot]
    for index, po_file in enumerate(wagtail_templates(domain)):
        # .../site-packages/wagtail/admin/locale/en/LC_MESSAGES/django.po
        app_dir = po_file.parents[3]
        prefix = "/".join(app_dir.parts[app_dir.parts.index("wagtail") :])
        copy = out.parent / f"wagtail-{domain}-{index}.po"
        sources.append(_prefixed_copy(po_file, prefix, copy))
    po.run_tool(
        "msgcat", "--use-first", "--no-wrap", "-o", str(out), *map(str, sources)
    )
    return out


def merge_into_catalog(domain: str, ref: Path) -> Path:
    po_file = CATALOG_DIR / f"{domain}.po"
    CATALOG_DIR.mkdir(parents=True, exist_ok=True)
    if not po_file.exists():
        po_file.write_text(HEADER, encoding="utf-8")
    po.run_tool(
        "msgmerge",
        "--quiet",
        "--update",
        "--backup=none",
        "--no-fuzzy-matching",
        "--no-wrap",
        "--add-location=file",
        "--sort-by-file",
        str(po_file),
        str(ref),
    )
    # Drop obsolete (#~) entries: a string gone from the source and Wagtail.
    po.run_tool(
        "msgattrib", "--no-obsolete", "--no-wrap", "-o", str(po_file), str(po_file)
    )
    # No creation date: it would change the file on every run.
    text = po_file.read_text(encoding="utf-8")
    text = re.sub(r'^"POT-Creation-Date: .*\\n"\n', "", text, count=1, flags=re.M)
    po_file.write_text(text, encoding="utf-8")
    return po_file


def compile_catalogs() -> None:
    for po_file in sorted(CATALOG_DIR.glob("*.po")):
        po.run_tool(
            "msgfmt", "--check", "-o", str(po_file.with_suffix(".mo")), str(po_file)
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pot", type=Path, help="only extract templates into DIR")
    parser.add_argument("--no-compile", action="store_true")
    args = parser.parse_args(argv)

    if args.pot:
        extract_project_pots(args.pot)
        return 0

    import merge_translations

    with tempfile.TemporaryDirectory(prefix="congxa-i18n-") as tmp:
        pots = extract_project_pots(Path(tmp) / "locale")
        project = {key for pot in pots.values() for key in po.live_entries(pot)}
        for domain, pot in pots.items():
            ref = reference_template(domain, pot, Path(tmp) / f"{domain}-ref.pot")
            merge_into_catalog(domain, ref)

    status = merge_translations.main([], project=project)
    if not args.no_compile:
        compile_catalogs()
    return status


if __name__ == "__main__":
    raise SystemExit(main())
