"""The manuals build from a clean checkout with one command, and say what is wrong."""

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from congxa.editorial import manuals

REPO = Path(__file__).resolve().parents[2]


def clean_checkout(target: Path) -> Path:
    """The files git tracks, and nothing else (no build/, var/, .venv/)."""
    listed = subprocess.run(  # noqa: S603 (fixed argv)
        ["git", "ls-files", "-z"],  # noqa: S607
        cwd=REPO,
        check=True,
        capture_output=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def python_env(path: Path) -> dict[str, str]:
    """A Python that imports congxa from `path` alone, none of this run's settings."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("CONGXA_", "DJANGO_", "DATABASE_URL", "CACHE_URL"))
    }
    env["PYTHONPATH"] = str(path)
    return env


@pytest.mark.browser
def test_manuals_build_from_a_clean_checkout(tmp_path):
    checkout = clean_checkout(tmp_path / "congxa")
    assert not (checkout / "build").exists()
    env = python_env(checkout)
    done = subprocess.run(  # noqa: S603 (fixed argv)
        [sys.executable, "-m", "congxa.editorial.manuals"],
        cwd=checkout,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "Xong: 2 tệp HTML, 2 tệp PDF" in done.stdout
    out = checkout / "build" / "manuals"
    for name in manuals.MANUALS:
        html = (out / f"{name}.html").read_text(encoding="utf-8")
        assert '<html lang="vi">' in html and "Mục lục" in html
        assert 'src="img/' not in html and "data:image/png;base64," in html
        assert (out / f"{name}.pdf").read_bytes().startswith(b"%PDF-")
    user = (out / "huong-dan-su-dung.html").read_text(encoding="utf-8")
    assert "Viết và gửi duyệt một tin bài có ảnh" in user
    admin = (out / "huong-dan-quan-tri.html").read_text(encoding="utf-8")
    assert "congxa commune add" in admin and "Sao lưu và khôi phục" in admin


def test_every_screenshot_a_manual_shows_exists():
    for name in manuals.MANUALS:
        manual = manuals.read_manual(name)
        assert manual.images, name
        for image in manual.images:
            assert (manuals.DEFAULT_SOURCE / "img" / image).stat().st_size > 1000


def test_missing_screenshot_is_named_in_vietnamese(tmp_path):
    (tmp_path / "img").mkdir()
    for name in manuals.MANUALS:
        (tmp_path / f"{name}.md").write_text(
            "# Hướng dẫn\n\n![Ảnh](img/chua-co.png)\n", encoding="utf-8"
        )
    with pytest.raises(manuals.ManualError, match="chưa có.*chua-co.png"):
        manuals.build(tmp_path / "out", source=tmp_path, pdf=False)
    assert not (tmp_path / "out").exists()


def test_missing_source_exits_non_zero_with_a_message(tmp_path, capsys):
    out = tmp_path / "out"
    assert manuals.main(["--source", str(tmp_path), "--output", str(out)]) == 1
    assert "Lỗi: Không tìm thấy tệp nguồn" in capsys.readouterr().err
    assert not out.exists()


def test_command_dry_run_writes_nothing(tmp_path, capsys):
    call_command("manuals", "--output", str(tmp_path / "out"), "--dry-run")
    out = capsys.readouterr().out
    assert "Sẽ tạo" in out and "Xong: 0 tệp HTML, 0 tệp PDF" in out
    assert not (tmp_path / "out").exists()


def test_command_without_chromium_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setattr(manuals, "CHROMIUM", str(tmp_path / "no-chromium"))
    with pytest.raises(CommandError, match="apt-get install -y chromium"):
        call_command("manuals", "--output", str(tmp_path / "out"))
    assert not (tmp_path / "out").exists()


def test_command_writes_html_only_with_no_pdf(tmp_path, capsys):
    call_command("manuals", "--output", str(tmp_path / "out"), "--no-pdf")
    assert "Xong: 2 tệp HTML, 0 tệp PDF" in capsys.readouterr().out
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "huong-dan-quan-tri.html",
        "huong-dan-su-dung.html",
    ]


def test_a_built_wheel_carries_the_manuals_the_help_menu_reads(tmp_path):
    """`pip install .` (not editable) has the manuals: they are package data."""
    checkout = clean_checkout(tmp_path / "congxa")
    dist = tmp_path / "dist"
    built = subprocess.run(  # noqa: S603 (fixed argv)
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"]
        + ["--wheel-dir", str(dist), str(checkout)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = dist.glob("congxa-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in manuals.MANUALS:
        assert f"congxa/editorial/manuals/{name}.md" in names
        for image in manuals.read_manual(name).images:
            assert f"congxa/editorial/manuals/img/{image}" in names
    # And every other file the portal reads at run time (templates, static
    # files, catalogs, data); only the developers' notes stay out.
    tracked = subprocess.run(  # noqa: S603 (fixed argv)
        ["git", "ls-files", "congxa"],  # noqa: S607
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    needed = {
        name
        for name in tracked
        if not name.endswith((".py", "TRANSLATIONS.txt", "README.md"))
    }
    assert needed - names == set()

    # Installed from the wheel alone, the package finds its manuals.
    target = tmp_path / "site-packages"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)
    env = python_env(target)
    read = subprocess.run(  # noqa: S603 (fixed argv)
        [
            sys.executable,
            "-c",
            "from congxa.editorial import manuals;"
            "print(manuals.DEFAULT_SOURCE);"
            "print(manuals.read_manual('huong-dan-quan-tri').title)",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert read.returncode == 0, read.stderr
    source, title = read.stdout.splitlines()
    assert Path(source) == target / "congxa" / "editorial" / "manuals"
    assert title == manuals.read_manual("huong-dan-quan-tri").title
