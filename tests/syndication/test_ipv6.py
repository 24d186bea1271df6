"""`congxa serve` listens on IPv6 as well as IPv4."""

import subprocess
import sys
import time
import urllib.request

from congxa.portal.management.commands.serve import listen_addresses
from tests.served_demo import REPO, demo_env, port_in_range


def status(url: str) -> int:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310
        return response.status


def serve(live_demo, *args):
    # The live demo's own embedded database, whatever the suite runs on.
    env = demo_env(live_demo.data_dir, CONGXA_ALLOWED_HOSTS="127.0.0.1,[::1]")
    port = port_in_range()
    process = subprocess.Popen(  # noqa: S603 (fixed argv)
        [
            sys.executable,
            "-m",
            "congxa.cli",
            "serve",
            "--port",
            str(port),
            "--workers",
            "1",
            "--skip-collectstatic",
            "--no-access-log",
            *args,
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            status(f"http://127.0.0.1:{port}/healthz")
            break
        except OSError:
            time.sleep(0.5)
    return process, port


def test_serve_answers_on_both_loopbacks(live_demo):
    """Loopback only: the tests never listen on the machine's network."""
    process, port = serve(live_demo, "--server", "gunicorn")
    try:
        assert status(f"http://127.0.0.1:{port}/healthz") == 200
        assert status(f"http://[::1]:{port}/healthz") == 200
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_listen_addresses_add_ipv6():
    assert listen_addresses("0.0.0.0", "granian") == ["::"]  # noqa: S104
    assert listen_addresses("127.0.0.1", "gunicorn") == ["127.0.0.1", "::1"]
    assert listen_addresses("127.0.0.1", "granian") == ["127.0.0.1"]
    assert listen_addresses("192.0.2.10", "gunicorn") == ["192.0.2.10"]
