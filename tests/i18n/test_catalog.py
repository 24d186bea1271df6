"""The Vietnamese catalogs are complete, compile, and match the source.

This is the CI rule "fail when makemessages would change the catalog or a .mo is
stale".  The comparison is by (msgctxt, msgid): ordering, source locations and
headers do not matter.  Fix a failure with `make messages`, then translate what
it reports.
"""

import gettext
import importlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .english import english_words

REPO = Path(__file__).resolve().parents[2]
CATALOG_DIR = REPO / "congxa" / "locale" / "vi" / "LC_MESSAGES"
SCRIPTS = REPO / "scripts" / "i18n"
DOMAINS = ["django", "djangojs"]


sys.path.insert(0, str(SCRIPTS))
po = importlib.import_module("po")
update_catalog = importlib.import_module("update_catalog")


@pytest.fixture(scope="module")
def project_templates(tmp_path_factory) -> dict[str, set]:
    """What makemessages extracts from our source now, per domain."""
    out = tmp_path_factory.mktemp("i18n") / "locale"
    subprocess.run(  # noqa: S603 (our own script, with this interpreter)
        [sys.executable, str(SCRIPTS / "update_catalog.py"), "--pot", str(out)],
        check=True,
        cwd=REPO,
        capture_output=True,
    )
    return {d: set(po.live_entries(out / f"{d}.pot")) for d in DOMAINS}


def wagtail_keys(domain: str) -> set:
    keys = set()
    for template in update_catalog.wagtail_templates(domain):
        keys |= set(po.live_entries(template))
    return keys


def catalog(domain: str) -> dict:
    return po.live_entries(CATALOG_DIR / f"{domain}.po")


@pytest.mark.parametrize("domain", DOMAINS)
def test_catalog_compiles_with_checks(domain, tmp_path):
    try:
        po.run_tool(
            "msgfmt", "--check", "-o", tmp_path / "out.mo", CATALOG_DIR / f"{domain}.po"
        )
    except subprocess.CalledProcessError as error:
        pytest.fail(error.stderr)


@pytest.mark.parametrize("domain", DOMAINS)
def test_committed_mo_is_not_stale(domain, tmp_path):
    fresh = tmp_path / "fresh.mo"
    po.run_tool("msgfmt", "-o", fresh, CATALOG_DIR / f"{domain}.po")
    with fresh.open("rb") as f:
        expected = gettext.GNUTranslations(f)._catalog
    with (CATALOG_DIR / f"{domain}.mo").open("rb") as f:
        committed = gettext.GNUTranslations(f)._catalog
    assert committed == expected, "run `make messages` to recompile the .mo"


@pytest.mark.parametrize("domain", DOMAINS)
def test_makemessages_would_add_nothing(domain, project_templates):
    missing = project_templates[domain] - set(catalog(domain))
    assert not missing, f"not in the catalog (run `make messages`): {sorted(missing)}"


@pytest.mark.parametrize("domain", DOMAINS)
def test_catalog_covers_every_wagtail_admin_string(domain):
    missing = wagtail_keys(domain) - set(catalog(domain))
    assert not missing, f"Wagtail strings not in the catalog: {sorted(missing)[:20]}"


@pytest.mark.parametrize("domain", DOMAINS)
def test_catalog_has_no_stale_entries(domain, project_templates):
    known = project_templates[domain] | wagtail_keys(domain)
    stale = set(catalog(domain)) - known
    assert not stale, f"strings gone from the source (run `make messages`): {stale}"


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_string_is_translated(domain):
    untranslated = [e.msgid for e in catalog(domain).values() if not e.translated]
    fuzzy = [e.msgid for e in catalog(domain).values() if "fuzzy" in e.flags]
    assert not untranslated, f"{len(untranslated)} untranslated: {untranslated[:20]}"
    assert not fuzzy, f"fuzzy entries: {fuzzy[:20]}"


def test_vietnamese_plural_header():
    for domain in DOMAINS:
        header = (CATALOG_DIR / f"{domain}.po").read_text(encoding="utf-8")
        assert '"Plural-Forms: nplurals=1; plural=0;\\n"' in header
        assert '"Language: vi\\n"' in header


# Translations that quote English on purpose.
QUOTING_ENGLISH = {
    # an example of the English title shown on the English page
    "Shown on the English page, e.g. “Chairman of the People's Committee”.",
    # the code columns of a redirects import file are named from/to
    "<p>Select a file where redirects are separated into rows and contains the "
    "columns representing <code>from</code> and <code>to</code> (they can be "
    "named anything).</p> <p>After submitting you will be taken to a "
    "confirmation view where you can customize your redirects before import.</p>",
}
PLACEHOLDER = re.compile(r"<[^>]+>|%\(\w+\)[sdfr]|\{\w*\}")


def test_translations_contain_no_english_interface_words():
    leftovers = {}
    for domain in DOMAINS:
        for entry in catalog(domain).values():
            if entry.msgid in QUOTING_ENGLISH:
                continue
            texts = [PLACEHOLDER.sub(" ", text) for text in entry.msgstr]
            # "Text" is the name of Excel's cell format in the importer's advice.
            if english_words(texts, allowed={"text"}):
                leftovers[entry.msgid] = entry.msgstr
    assert not leftovers, leftovers
