"""The demo commune as `make demo` serves it: `congxa demo`, then `congxa serve`.

Shared by the tests that meet the live demo as a person or a client does (the
browser and accessibility tests, the API contract, the IPv6 check). Always the
embedded default (SQLite, on-disk cache) in its own data directory, whatever
database the rest of the suite runs on.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CONGXA = [sys.executable, "-m", "congxa.cli"]
# A range such as 18500-18599 where several suites share a machine; unset, the
# system picks a free port.
TEST_PORTS = os.environ.get("CONGXA_TEST_PORTS", "")


@dataclass(frozen=True)
class ServedDemo:
    url: str
    data_dir: Path
    # What `congxa demo` printed: the administrator's password is in it.
    demo_output: str


def port_in_range() -> int:
    """A free port of this suite's range (CONGXA_TEST_PORTS, e.g. 18500-18599)."""
    if not TEST_PORTS:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            return sock.getsockname()[1]
    low, high = (int(part) for part in TEST_PORTS.split("-"))
    for port in range(low, high + 1):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    pytest.fail(f"no free port in {TEST_PORTS}")


def demo_env(data_dir: Path, **settings: str) -> dict[str, str]:
    """The environment of a `congxa` process on the demo's own data directory.

    The run's CONGXA_*, DJANGO_*, DATABASE_URL and CACHE_URL are left out; the
    officials' side is driven with a password alone (the two-step login has its
    own browser test, test_editorial.py). `settings` add or replace variables.
    """
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("CONGXA_", "DJANGO_", "DATABASE_URL", "CACHE_URL"))
    }
    env.update(
        CONGXA_DATA_DIR=str(data_dir),
        CONGXA_ALLOWED_HOSTS="127.0.0.1,localhost",
        CONGXA_REQUIRE_2FA="0",
        PYTHONPATH=str(REPO),
    )
    env.update(settings)
    return env


@contextmanager
def served_demo(
    data_dir: Path, serve_args: tuple[str, ...] = (), **settings: str
) -> Iterator[ServedDemo]:
    """Build the demo in `data_dir` and serve it (two workers) until the block ends.

    `serve_args` go to `congxa serve`, `settings` to both commands' environment.
    """
    env = demo_env(data_dir, **settings)
    prepared = subprocess.run(  # noqa: S603 (fixed argv)
        [*CONGXA, "demo", "--no-serve"],
        cwd=REPO,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=600,
    )
    port = port_in_range()
    log_path = data_dir / "serve.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(  # noqa: S603 (fixed argv)
            [*CONGXA, "serve", "--port", str(port), "--workers", "2", *serve_args],
            cwd=REPO,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 180
        while True:
            try:
                with urllib.request.urlopen(url + "/healthz", timeout=5):  # noqa: S310
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    server.kill()
                    pytest.fail("congxa serve did not start:\n" + log_path.read_text())
                time.sleep(0.5)
        try:
            yield ServedDemo(url=url, data_dir=data_dir, demo_output=prepared.stdout)
        finally:
            server.terminate()
            server.wait(timeout=30)
