"""Configuration and the command line: unsafe or impossible set-ups are refused
with a message that names what to change."""

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CONGXA = [sys.executable, "-m", "congxa.cli"]


def run(args, env_extra, tmp_path, timeout=120):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("CONGXA_", "DJANGO_"))
    }
    env.update({"CONGXA_DATA_DIR": str(tmp_path / "data"), **env_extra})
    return subprocess.run(  # noqa: S603 (fixed argv)
        [*CONGXA, *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def test_production_without_a_secret_key_refuses_to_start(tmp_path):
    result = run(["check"], {"CONGXA_ALLOWED_HOSTS": "xa.gov.vn"}, tmp_path)
    assert result.returncode != 0
    assert "CONGXA_SECRET_KEY" in result.stderr


def test_production_without_allowed_hosts_serves_the_communes_hosts(tmp_path):
    # The communes' host names come from the database (congxa/portal/hosts.py),
    # so CONGXA_ALLOWED_HOSTS may be left unset.
    result = run(["check"], {"CONGXA_SECRET_KEY": "k" * 50}, tmp_path)
    assert result.returncode == 0, result.stderr


def test_unwritable_data_directory_is_reported(tmp_path):
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x")
    result = run(["migrate"], {"CONGXA_DATA_DIR": str(blocker / "var")}, tmp_path)
    assert result.returncode == 1
    assert "không ghi được vào thư mục dữ liệu" in result.stderr
    assert "CONGXA_DATA_DIR" in result.stderr


def test_serve_on_a_port_in_use_says_so(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run(
            ["serve", "--port", str(port), "--skip-collectstatic"],
            {"CONGXA_SECRET_KEY": "k" * 50, "CONGXA_ALLOWED_HOSTS": "127.0.0.1"},
            tmp_path,
        )
    assert result.returncode != 0
    assert f"Cổng {port}" in result.stderr
    assert "đang được một chương trình khác sử dụng" in result.stderr


@pytest.mark.parametrize("port", ["0", "70000"])
def test_serve_rejects_an_impossible_port(tmp_path, port):
    result = run(
        ["serve", "--port", port, "--skip-collectstatic"],
        {"CONGXA_SECRET_KEY": "k" * 50, "CONGXA_ALLOWED_HOSTS": "127.0.0.1"},
        tmp_path,
    )
    assert result.returncode != 0
    assert "không hợp lệ" in result.stderr


def test_cache_url_other_than_redis_is_refused(tmp_path):
    result = run(
        ["check"],
        {
            "CONGXA_SECRET_KEY": "k" * 50,
            "CONGXA_ALLOWED_HOSTS": "xa.gov.vn",
            "CACHE_URL": "memcached://127.0.0.1:11211",
        },
        tmp_path,
    )
    assert result.returncode != 0
    assert "CACHE_URL" in result.stderr
