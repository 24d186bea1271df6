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
        and key not in {"DATABASE_URL", "CACHE_URL"}
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


def test_a_missing_key_is_named_by_check_deploy(tmp_path):
    result = run(["check", "--deploy"], {}, tmp_path)
    assert result.returncode != 0
    assert "CONGXA_SECRET_KEY" in result.stderr


def test_production_commands_never_write_a_key(tmp_path):
    result = run(
        ["serve", "--skip-collectstatic"],
        {"CONGXA_ALLOWED_HOSTS": "xa.gov.vn"},
        tmp_path,
    )
    assert result.returncode != 0
    assert "CONGXA_SECRET_KEY" in result.stderr
    data_dir = tmp_path / "data"
    assert not (data_dir / "congxa.env").exists()
    assert not (data_dir / "secret_key").exists()


def test_a_demo_data_directory_configures_itself(tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "congxa.env").write_text(
        "# demo\nCONGXA_SECRET_KEY=demo-key\nCONGXA_ALLOWED_HOSTS=127.0.0.1\n"
    )
    result = run(["check"], {}, tmp_path)
    assert result.returncode == 0, result.stderr


def test_the_environment_wins_over_the_data_directory(tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "congxa.env").write_text("CONGXA_SECRET_KEY=demo-key\n")
    script = "from django.conf import settings; print(settings.SECRET_KEY)"
    result = run(
        ["shell", "--no-imports", "-c", script],
        {"CONGXA_SECRET_KEY": "from-the-environment", "CONGXA_ALLOWED_HOSTS": "x"},
        tmp_path,
    )
    assert result.stdout.strip() == "from-the-environment", result.stderr


def test_a_malformed_configuration_file_is_reported(tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "congxa.env").write_text("CONGXA_SECRET_KEY\n")
    result = run(["check"], {}, tmp_path)
    assert result.returncode != 0
    assert "Dòng 1" in result.stderr
    assert "congxa.env" in result.stderr


def test_rotated_keys_still_verify_old_signatures(tmp_path):
    from django.core import signing

    token = signing.dumps("biểu mẫu", key="the-old-key-" + "k" * 40)
    script = f"from django.core import signing; print(signing.loads({token!r}))"
    result = run(
        ["shell", "--no-imports", "-c", script],
        {
            "CONGXA_SECRET_KEY": "the-new-key-" + "n" * 40,
            "CONGXA_SECRET_KEY_FALLBACKS": "the-old-key-" + "k" * 40,
            "CONGXA_ALLOWED_HOSTS": "xa.gov.vn",
        },
        tmp_path,
    )
    assert result.stdout.strip() == "biểu mẫu", result.stderr


def test_check_deploy_wants_a_shared_cache_beside_postgresql(tmp_path):
    result = run(
        ["check", "--deploy"],
        {
            "CONGXA_SECRET_KEY": "k" * 60,
            "CONGXA_ALLOWED_HOSTS": "xa.gov.vn",
            "DATABASE_URL": "postgresql://postgres@127.0.0.1:5432/test",
        },
        tmp_path,
    )
    assert "congxa.E001" in result.stderr
    assert "CACHE_URL" in result.stderr
    assert "congxa.W003" in result.stderr  # media on one server's disk
    assert result.returncode != 0


def test_check_deploy_is_content_with_a_province_set_up(tmp_path):
    result = run(
        ["check", "--deploy"],
        {
            "CONGXA_SECRET_KEY": "k" * 60,
            "CONGXA_ALLOWED_HOSTS": "xa.gov.vn",
            "DATABASE_URL": "postgresql://postgres@127.0.0.1:5432/test",
            "CACHE_URL": "redis://127.0.0.1:6379/15",
            "CONGXA_MEDIA_URL": "s3://congxa-media?endpoint_url=http://127.0.0.1:9",
        },
        tmp_path,
    )
    assert "congxa.E001" not in result.stderr
    assert "congxa.W003" not in result.stderr
    assert result.returncode == 0, result.stderr
