# ruff: noqa: S603, S310  (fixed argv of our own binaries; http://127.0.0.1 only)
"""The demo served by `manage.py serve` in a subprocess, and nginx in front of it."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MANAGE = str(ROOT / "manage.py")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def demo_env(data_dir: Path) -> dict[str, str]:
    """The embedded default (SQLite, on-disk cache) in `data_dir`, production mode."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "CACHE_URL"} and not k.startswith("CONGXA_")
    }
    env.update(
        CONGXA_DATA_DIR=str(data_dir),
        CONGXA_ALLOWED_HOSTS="127.0.0.1,localhost",
        CONGXA_SECRET_KEY="tests-only-secret-key-for-served-demo-" + "x" * 20,
        DJANGO_SETTINGS_MODULE="congxa.settings",
    )
    return env


def manage(data_dir: Path, *args: str) -> str:
    return subprocess.run(
        [sys.executable, MANAGE, *args],
        cwd=ROOT,
        env=demo_env(data_dir),
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    ).stdout


def http_get(url: str, headers: dict[str, str] | None = None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def wait_for(url: str, process: subprocess.Popen, output) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output.seek(0)
            raise RuntimeError(output.read().decode(errors="replace"))
        with contextlib.suppress(OSError):
            if http_get(url)[0] == 200:
                return
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer")


def wait_for_port(port: int, process: subprocess.Popen, output) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output.seek(0)
            raise RuntimeError(output.read().decode(errors="replace"))
        with (
            contextlib.suppress(OSError),
            socket.create_connection(("127.0.0.1", port), timeout=1),
        ):
            return
        time.sleep(0.1)
    raise RuntimeError(f"port {port} did not open")


@contextlib.contextmanager
def served(data_dir: Path, workers: int = 2, port: int | None = None):
    """`manage.py serve` (gunicorn) on a free port (or `port`); yields its URL."""
    port = port or free_port()
    with tempfile.TemporaryFile() as output:
        process = subprocess.Popen(
            [sys.executable, MANAGE, "serve", "--server", "gunicorn"]
            + ["--host", "127.0.0.1", "--port", str(port)]
            + ["--workers", str(workers), "--no-access-log"],
            cwd=ROOT,
            env=demo_env(data_dir),
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            wait_for(f"http://127.0.0.1:{port}/healthz", process, output)
            yield f"http://127.0.0.1:{port}"
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)


NGINX_MAIN = """
{user}
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log;
daemon off;
events {{ worker_connections {connections}; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {prefix}/tmp/body;
    proxy_temp_path {prefix}/tmp/proxy;
    fastcgi_temp_path {prefix}/tmp/fastcgi;
    uwsgi_temp_path {prefix}/tmp/uwsgi;
    scgi_temp_path {prefix}/tmp/scgi;
    include {prefix}/congxa.conf;
}}
"""


def render_deploy_conf(
    conf: str,
    *,
    listen_port: int,
    app_url: str,
    data_dir: Path,
    cache_dir: Path,
    mirror_dir: Path | None = None,
) -> str:
    """deploy/nginx.conf with its EDIT values set for this machine."""
    app = app_url.removeprefix("http://")
    conf = re.sub(
        r"upstream congxa_app \{.*?\}",
        f"upstream congxa_app {{\n    server {app};\n    keepalive 8;\n}}",
        conf,
        flags=re.S,
    )
    conf = conf.replace("listen [::]:80;", "")
    conf = conf.replace("listen 80;", f"listen 127.0.0.1:{listen_port};")
    conf = conf.replace("/srv/congxa/var", str(data_dir))
    conf = conf.replace("/srv/congxa/mirror", str(mirror_dir or data_dir / "mirror"))
    return conf.replace("/var/cache/nginx/congxa", str(cache_dir))


@contextlib.contextmanager
def nginx_in_front(
    app_url: str,
    data_dir: Path,
    mirror_dir: Path | None = None,
    wait: bool = True,
    connections: int = 256,
):
    binary = "/usr/sbin/nginx"
    with tempfile.TemporaryDirectory(prefix="congxa-nginx-") as tmp:
        prefix = Path(tmp)
        for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (prefix / "tmp" / name).mkdir(parents=True)
        port = free_port()
        site_conf = render_deploy_conf(
            (ROOT / "deploy" / "nginx.conf").read_text(),
            listen_port=port,
            app_url=app_url,
            data_dir=data_dir,
            cache_dir=prefix / "cache",
            mirror_dir=mirror_dir,
        )
        (prefix / "congxa.conf").write_text(site_conf)
        # As root, nginx's workers would switch to `nobody`, who cannot read a
        # private temporary directory.
        user = "user root;" if os.geteuid() == 0 else ""
        (prefix / "nginx.conf").write_text(
            NGINX_MAIN.format(prefix=prefix, user=user, connections=connections)
        )
        output = prefix / "output.log"
        with output.open("wb") as log:
            process = subprocess.Popen(
                [binary, "-p", str(prefix), "-c", str(prefix / "nginx.conf")],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        try:
            with (prefix / "error.log").open("a+b") as errors:
                if wait:
                    wait_for(f"http://127.0.0.1:{port}/healthz", process, errors)
                else:
                    wait_for_port(port, process, errors)
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            process.wait(timeout=10)
