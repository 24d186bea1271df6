"""The README's commands after `make demo` work as written, on the demo's data
directory, with no environment variable set."""

import os
import re
import shlex
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
MARKER = "<!-- tests/demo/test_readme_commands.py runs every line of the next block -->"


def readme_commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    after_marker = text.split(MARKER, 1)[1]
    block = re.search(r"```sh\n(.*?)```", after_marker, re.DOTALL).group(1)
    commands = []
    for line in block.splitlines():
        command = line.split("  #", 1)[0].strip()
        if command and not command.startswith("#"):
            commands.append(command)
    return commands


def clean_environment() -> dict[str, str]:
    """What a new user's shell has: none of the project's variables."""
    return {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("CONGXA_", "DJANGO_"))
        and key not in {"DATABASE_URL", "CACHE_URL"}
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def checkout(tmp_path_factory):
    """A folder laid out like the repository after `make demo`: the virtual
    environment and the sample files in place, the demo's `./var` prepared."""
    folder = tmp_path_factory.mktemp("checkout")
    (folder / ".venv").symlink_to(REPO / ".venv")
    (folder / "tests").symlink_to(REPO / "tests")
    prepared = subprocess.run(  # noqa: S603 (fixed argv)
        [".venv/bin/congxa", "demo", "--no-serve"],
        cwd=folder,
        env=clean_environment(),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert prepared.returncode == 0, prepared.stderr
    return folder


def test_readme_lists_the_commands():
    commands = readme_commands()
    assert any("import-procedures" in command for command in commands)
    assert any(" serve" in command for command in commands)


def serve_and_fetch(command: str, folder: Path) -> None:
    argv = shlex.split(command)
    port = free_port()
    argv[argv.index("--port") + 1] = str(port)
    server = subprocess.Popen(  # noqa: S603 (argv from the README)
        [*argv, "--workers", "1"],
        cwd=folder,
        env=clean_environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 240  # collectstatic runs first
        while True:
            assert server.poll() is None, server.stderr.read().decode()
            try:
                with urllib.request.urlopen(  # noqa: S310 (loopback)
                    f"http://127.0.0.1:{port}/", timeout=5
                ) as response:
                    assert response.status == 200
                    assert "Vĩnh Thủy" in response.read().decode()
                    return
            except OSError:
                assert time.monotonic() < deadline, "the server never answered"
                time.sleep(0.3)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


@pytest.mark.parametrize("command", readme_commands())
def test_readme_command_works_as_written(checkout, command):
    if " serve" in command:
        serve_and_fetch(command, checkout)
        return
    result = subprocess.run(  # noqa: S602 (the README's own line, as a user types it)
        command,
        shell=True,
        cwd=checkout,
        env=clean_environment(),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    assert "Lỗi cấu hình" not in result.stderr
