# ruff: noqa: S603, S607  (fixed argv: unshare, nsenter, our own commands)
"""The embedded default (SQLite, on-disk cache, local media) on a read-only or
full data directory: a Vietnamese message and a non-zero exit for commands, 503
for requests, nothing corrupted.

The data directory is made read-only, or put on a tiny tmpfs, inside a mount
namespace of its own (`unshare -m`), so the test needs no change to the machine.
"""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from tests.perf.servers import demo_env

from .helpers import ask, question_form
from .services import ROOT, Browser, Process, get, port, wait_until

QUESTIONS = "SELECT count(*) FROM engagement_question"


@pytest.fixture(scope="module")
def embedded_demo():
    data_dir = Path(tempfile.mkdtemp(prefix="congxa-disk-"))
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "demo", "--no-serve"],
        cwd=ROOT,
        env=demo_env(data_dir),
        check=True,
        capture_output=True,
        timeout=900,
    )
    yield data_dir
    shutil.rmtree(data_dir, ignore_errors=True)


def copy_of(data_dir: Path) -> Path:
    target = Path(tempfile.mkdtemp(prefix="congxa-disk-copy-"))
    shutil.copytree(data_dir, target, dirs_exist_ok=True)
    return target


def integrity(data_dir: Path) -> str:
    with sqlite3.connect(data_dir / "congxa.sqlite3") as db:
        return db.execute("PRAGMA integrity_check").fetchone()[0]


def count(data_dir: Path, query: str) -> int:
    with sqlite3.connect(data_dir / "congxa.sqlite3") as db:
        return db.execute(query).fetchone()[0]


def in_namespace(script: str, *argv: str, env=None):
    """Run argv after `script` (mounts) in a mount namespace of its own."""
    return ["unshare", "-m", "sh", "-c", f'{script} && exec "$@"', "sh", *argv]


def test_command_on_a_read_only_data_directory(embedded_demo):
    data_dir = copy_of(embedded_demo)
    before = count(data_dir, "SELECT count(*) FROM auth_user")
    env = {**demo_env(data_dir), "DJANGO_SUPERUSER_PASSWORD": "mat-khau-rat-dai-1"}
    result = subprocess.run(
        in_namespace(
            f"mount --bind {data_dir} {data_dir} && "
            f"mount -o remount,bind,ro {data_dir}",
            sys.executable,
            "-m",
            "congxa.cli",
            "createsuperuser",
            "--noinput",
            "--username",
            "nguoi-moi",
            "--email",
            "a@example.com",
        ),
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    assert "chỉ cho phép đọc" in result.stderr
    assert "Traceback" not in result.stderr
    assert integrity(data_dir) == "ok"
    assert count(data_dir, "SELECT count(*) FROM auth_user") == before


class NamespacedHost(Process):
    """`manage.py serve` in its own mount namespace, its data directory bound."""

    def __init__(self, data_dir: Path, mount: str, skip_collectstatic=False):
        self.port = port()
        self.data_dir = data_dir
        super().__init__(
            in_namespace(
                mount,
                sys.executable,
                str(ROOT / "manage.py"),
                "serve",
                "--server",
                "gunicorn",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--workers",
                "1",
                "--no-access-log",
                *(["--skip-collectstatic"] if skip_collectstatic else []),
            ),
            env=demo_env(data_dir),
            cwd=ROOT,
        )

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def launch(self):
        super().start()

    def start(self):
        super().start()
        wait_until(
            lambda: get(self.url + "/healthz")[0] == 200, 240, "the namespaced host"
        )

    def in_its_namespace(self, *argv: str):
        return subprocess.run(
            ["nsenter", "-t", str(self.process.pid), "-m", *argv],
            capture_output=True,
            check=False,
            timeout=120,
        )


def _ask(host, title):
    browser = Browser()
    fields = question_form(browser, host.url)
    time.sleep(3.2)
    return ask(browser, host.url, fields, title)


def test_requests_on_a_read_only_data_directory(embedded_demo):
    data_dir = copy_of(embedded_demo)
    saved = count(data_dir, QUESTIONS)
    host = NamespacedHost(
        data_dir,
        f"mount --bind {data_dir} {data_dir} && mount -o remount,bind,ro {data_dir}",
        skip_collectstatic=True,
    )
    host.launch()
    try:
        wait_until(
            lambda: get(host.url + "/healthz")[0] == 503, 240, "the read-only host"
        )
        for url in (host.url + "/", host.url + "/hoi-dap/gui-cau-hoi/"):
            status, headers, body = get(url)
            html = body.decode()
            assert status == 503
            assert headers["Retry-After"] == "30"
            assert "chỉ cho phép đọc" in html
            assert "Traceback" not in html
    finally:
        host.stop(signal.SIGTERM)
    assert integrity(data_dir) == "ok"
    assert count(data_dir, QUESTIONS) == saved


def test_requests_on_a_full_disk(embedded_demo):
    source = copy_of(embedded_demo)
    size_mb = sum(f.stat().st_size for f in source.rglob("*") if f.is_file()) // 2**20
    mount_point = Path(tempfile.mkdtemp(prefix="congxa-full-"))
    host = NamespacedHost(
        mount_point,
        f"mount -t tmpfs -o size={size_mb + 160}m tmpfs {mount_point} && "
        f"cp -a {source}/. {mount_point}/",
    )
    host.start()
    try:
        assert _ask(host, "Câu hỏi trước khi đầy đĩa")[0] == 200
        browser = Browser()
        fields = question_form(browser, host.url)
        # Fill what is left of the disk.
        host.in_its_namespace(
            "dd", "if=/dev/zero", f"of={mount_point}/filler", "bs=1M", "count=100000"
        )
        time.sleep(3.2)
        status, headers, html = ask(
            browser, host.url, fields, "Câu hỏi khi đầy đĩa " + "x" * 150
        )
        assert status == 503, html[:500]
        assert "tạm thời gián đoạn" in html.lower()
        assert "Traceback" not in html
        # What was saved before is intact: copy the database out and check it.
        host.in_its_namespace("rm", f"{mount_point}/filler")
        copy = Path(tempfile.mkdtemp(prefix="congxa-full-check-"))
        result = host.in_its_namespace(
            "sh", "-c", f"cp {mount_point}/congxa.sqlite3* {copy}/"
        )
        assert result.returncode == 0, result.stderr
    finally:
        host.stop(signal.SIGTERM)
    assert integrity(copy) == "ok"
    assert (
        count(
            copy,
            "SELECT count(*) FROM engagement_question WHERE title = "
            "'Câu hỏi trước khi đầy đĩa'",
        )
        == 1
    )
