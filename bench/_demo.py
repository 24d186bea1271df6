"""Shared by the benchmarks: a demo commune in a temp data dir, served on 127.0.0.1.

Not a benchmark itself. Everything runs on 127.0.0.1 and in its own temporary
directory, so a benchmark never touches `./var` or another engineer's server.
"""

from __future__ import annotations

import contextlib
import json
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

ROOT = Path(__file__).resolve().parent.parent
_VENV_PYTHON = ROOT / ".venv" / "bin" / "python"
PYTHON = str(_VENV_PYTHON) if _VENV_PYTHON.exists() else sys.executable
MANAGE = str(ROOT / "manage.py")

PAGES_SNIPPET = """
import json
from wagtail.models import Page
from congxa.news.models import ArticlePage, NewsIndexPage
article = (ArticlePage.objects.live().filter(featured_image__isnull=False)
           .order_by("-date").first() or ArticlePage.objects.live().first())
section = article.get_parent() if article else NewsIndexPage.objects.live().first()
print(json.dumps({
    "home": "/",
    "section": section.relative_url(None) if section else None,
    "article": article.relative_url(None) if article else None,
}))
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def demo_env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        CONGXA_DATA_DIR=str(data_dir),
        CONGXA_ALLOWED_HOSTS="127.0.0.1,localhost",
        CONGXA_SECRET_KEY="bench-only-secret-key-" + "x" * 40,
        CONGXA_DEBUG="0",
        DJANGO_SETTINGS_MODULE="congxa.settings",
    )
    for name in ("DATABASE_URL", "CACHE_URL"):
        env.pop(name, None)
    env.update(extra)
    return env


def manage(data_dir: Path, *args: str, **env: str) -> str:
    result = subprocess.run(
        [PYTHON, MANAGE, *args],
        cwd=ROOT,
        env=demo_env(data_dir, **env),
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def seed_demo(data_dir: Path) -> None:
    manage(data_dir, "demo", "--no-serve")


def http_get(url: str, headers: dict[str, str] | None = None, timeout: float = 10):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def demo_pages(data_dir: Path, base_url: str) -> dict[str, str]:
    """home, section, article; document list and procedure detail when they exist."""
    pages = json.loads(manage(data_dir, "shell", "-c", PAGES_SNIPPET).splitlines()[-1])
    pages = {kind: path for kind, path in pages.items() if path}
    status, _, _ = http_get(base_url + "/van-ban/")
    if status == 200:
        pages["documents"] = "/van-ban/"
    status, _, body = http_get(base_url + "/thu-tuc-hanh-chinh/")
    if status == 200:
        match = re.search(rb'href="(/thu-tuc-hanh-chinh/[^"/?#]+/)"', body)
        if match:
            pages["procedure"] = match.group(1).decode()
    return pages


class Server:
    """`manage.py serve` in its own process group, stopped with the group."""

    def __init__(self, data_dir: Path, *args: str, port: int | None = None, **env: str):
        self.port = port or free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            [
                PYTHON,
                MANAGE,
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--no-access-log",
                *args,
            ],
            cwd=ROOT,
            env=demo_env(data_dir, **env),
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.wait_ready()

    def wait_ready(self, timeout: float = 180) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("server exited:\n" + self.output())
            with contextlib.suppress(OSError):
                status, _, _ = http_get(self.base_url + "/healthz", timeout=2)
                if status == 200:
                    return
            time.sleep(0.2)
        self.stop()
        raise RuntimeError("server did not start:\n" + self.output())

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read().decode(errors="replace")

    def worker_pids(self) -> list[int]:
        """Every descendant process (the workers), not the master."""
        children = []
        frontier = [self.process.pid]
        while frontier:
            pid = frontier.pop()
            with contextlib.suppress(OSError):
                for task in Path(f"/proc/{pid}/task").iterdir():
                    kids = (task / "children").read_text().split()
                    children += [int(k) for k in kids]
                    frontier += [int(k) for k in kids]
        return children

    def worker_rss_mb(self) -> list[float]:
        sizes = []
        for pid in self.worker_pids():
            with contextlib.suppress(OSError):
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        sizes.append(int(line.split()[1]) / 1024)
        return sizes

    def stop(self) -> None:
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


NGINX_STATIC_CONF = """
worker_processes 2;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log;
daemon off;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {prefix}/tmp;
    proxy_temp_path {prefix}/tmp;
    fastcgi_temp_path {prefix}/tmp;
    uwsgi_temp_path {prefix}/tmp;
    scgi_temp_path {prefix}/tmp;
    default_type text/html;
    server {{
        listen 127.0.0.1:{port};
        root {prefix}/www;
        location / {{ try_files $uri /index.html; }}
    }}
}}
"""


class StaticNginx:
    """nginx serving one HTML file, the ceiling an app server is compared with."""

    def __init__(self, html: bytes):
        self.dir = tempfile.TemporaryDirectory(prefix="congxa-bench-nginx-")
        prefix = Path(self.dir.name)
        prefix.chmod(0o755)  # nginx's workers (user nobody under root) read it
        (prefix / "www").mkdir()
        (prefix / "tmp").mkdir()
        (prefix / "www" / "index.html").write_bytes(html)
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        conf = prefix / "nginx.conf"
        conf.write_text(NGINX_STATIC_CONF.format(prefix=prefix, port=self.port))
        self.process = subprocess.Popen(
            [nginx_binary(), "-p", str(prefix), "-c", str(conf)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError):
                if http_get(self.base_url + "/", timeout=1)[0] == 200:
                    return
            time.sleep(0.1)
        self.stop()
        raise RuntimeError("nginx did not start")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.dir.cleanup()


def nginx_binary() -> str:
    for candidate in ("/usr/sbin/nginx", "/usr/bin/nginx"):
        if os.access(candidate, os.X_OK):
            return candidate
    sys.exit("nginx is missing: apt-get install -y nginx")
