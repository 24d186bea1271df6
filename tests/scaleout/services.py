# ruff: noqa: S603, S310  (fixed argv of our own binaries; http://127.0.0.1 only)
"""The province's parts as real processes, each of which a test can stop.

A private PostgreSQL (initdb in a temporary directory), a private Redis, moto's
standalone S3 server behind a TCP relay that can be cut (the storage's address
stops answering, as a stopped server's does, while the objects survive), app
hosts (`manage.py serve`) and Debian's nginx in front of two of them, all on
127.0.0.1 in the ports 18300-18399 (or CONGXA_TEST_PORTS, e.g. 18700-18799, so
two engineers' runs on one machine keep apart).
"""

from __future__ import annotations

import contextlib
import http.cookiejar
import os
import re
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from tests.perf.servers import NGINX_MAIN, ROOT, render_deploy_conf

MANAGE = str(ROOT / "manage.py")
_PORTS_SETTING = os.environ.get("CONGXA_TEST_PORTS", "18300-18399")
PORTS = range(int(_PORTS_SETTING.split("-")[0]), int(_PORTS_SETTING.split("-")[1]) + 1)
SECRET_KEY = "tests-scaleout-shared-secret-key-" + "k" * 30
S3_ACCESS_KEY = "testing-access-key"
S3_SECRET_KEY = "testing-secret-key"  # noqa: S105 (moto accepts any)
BUCKET = "congxa-media"
_taken: set[int] = set()
_taken_lock = threading.Lock()


def port() -> int:
    """A free port of this project's range, never handed out twice in a run."""
    with _taken_lock:
        for candidate in PORTS:
            if candidate in _taken:
                continue
            with socket.socket() as sock:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                try:
                    sock.bind(("127.0.0.1", candidate))
                except OSError:
                    continue
            _taken.add(candidate)
            return candidate
    raise RuntimeError(f"no free port in {_PORTS_SETTING}")


def wait_until(check, timeout: float = 60, what: str = "service") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(Exception):
            if check():
                return
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not come up in {timeout} s")


def tcp_open(port_number: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port_number)) == 0


def _as_postgres(argv: list[str]) -> list[str]:
    # PostgreSQL refuses to run as root.
    if os.geteuid() == 0:
        return [
            "setpriv",
            "--reuid=postgres",
            "--regid=postgres",
            "--init-groups",
        ] + argv
    return argv


def _pg_binary(name: str) -> str:
    for candidate in sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}")):
        return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise RuntimeError(f"{name} not found: install postgresql")
    return found


class Process:
    """A child process with its output in a file; stop() and start() again."""

    def __init__(self, argv: list[str], *, env=None, cwd=None):
        self.argv, self.env, self.cwd = argv, env, cwd
        self.process: subprocess.Popen | None = None
        self.log = tempfile.NamedTemporaryFile(prefix="congxa-proc-", delete=False)

    def start(self) -> None:
        self.process = subprocess.Popen(
            self.argv,
            env=self.env,
            cwd=self.cwd,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def output(self) -> str:
        return Path(self.log.name).read_text(errors="replace")

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 30) -> None:
        if self.process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, sig)
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        self.process = None


class PrivateRedis(Process):
    def __init__(self):
        self.port = port()
        super().__init__(
            [shutil.which("redis-server") or "redis-server"]
            + ["--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no", "--daemonize", "no"]
        )

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        super().start()
        wait_until(lambda: tcp_open(self.port), 20, "redis")


class PrivatePostgres(Process):
    """initdb into a temporary directory; stop() keeps the data for start()."""

    def __init__(self):
        self.port = port()
        self.dir = Path(tempfile.mkdtemp(prefix="congxa-pg-"))
        self.data = self.dir / "data"
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        subprocess.run(
            _as_postgres(
                [_pg_binary("initdb"), "-D", str(self.data), "-U", "postgres"]
                + ["--auth=trust", "-E", "UTF8", "--no-sync"]
            ),
            check=True,
            capture_output=True,
            timeout=120,
        )
        super().__init__(
            _as_postgres(
                [_pg_binary("postgres"), "-D", str(self.data), "-p", str(self.port)]
                + ["-k", str(self.dir), "-h", "127.0.0.1"]
                + ["-c", "fsync=off", "-c", "max_connections=60"]
            )
        )

    def url(self, name: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def start(self) -> None:
        super().start()
        wait_until(lambda: tcp_open(self.port), 60, "postgres")

    def createdb(self, name: str) -> None:
        import psycopg

        def create():
            with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
                conn.execute(f'CREATE DATABASE "{name}"')
            return True

        wait_until(create, 30, "postgres accepting connections")

    def stop(self, sig: int = signal.SIGINT, timeout: float = 30) -> None:
        super().stop(sig, timeout)  # SIGINT: PostgreSQL's fast shutdown

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


class Relay:
    """A TCP relay to `target_port`; cut() makes the address refuse connections."""

    def __init__(self, target_port: int):
        self.port = port()
        self.target = target_port
        self._listener: socket.socket | None = None
        self._connections: set[socket.socket] = set()
        self._lock = threading.Lock()

    def start(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target), 5)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._connections.update((client, upstream))
            threading.Thread(
                target=self._pipe, args=(client, upstream), daemon=True
            ).start()

    def _pipe(self, a: socket.socket, b: socket.socket) -> None:
        try:
            while True:
                readable, _, _ = select.select([a, b], [], [], 1)
                for sock in readable:
                    data = sock.recv(65536)
                    if not data:
                        return
                    (b if sock is a else a).sendall(data)
        except (OSError, ValueError):
            # Cut from another thread: a closed socket's descriptor is -1.
            return
        finally:
            for sock in (a, b):
                with contextlib.suppress(OSError):
                    sock.close()
            with self._lock:
                self._connections.difference_update((a, b))

    def cut(self) -> None:
        if self._listener is not None:
            # shutdown() wakes the thread blocked in accept() and stops the
            # listening; close() alone would leave it accepting.
            with contextlib.suppress(OSError):
                self._listener.shutdown(socket.SHUT_RDWR)
            self._listener.close()
            self._listener = None
        with self._lock:
            connections = list(self._connections)
        for sock in connections:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
                sock.close()


class MotoS3(Process):
    """moto's standalone S3 server, a real HTTP process, with the test bucket."""

    def __init__(self):
        self.port = port()
        super().__init__(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1"]
            + ["-p", str(self.port)]
        )
        self.relay = Relay(self.port)

    def start(self) -> None:
        super().start()
        wait_until(lambda: tcp_open(self.port), 60, "moto")
        self.relay.start()
        import boto3

        boto3.client(
            "s3",
            endpoint_url=f"http://127.0.0.1:{self.port}",
            region_name="us-east-1",
            aws_access_key_id=S3_ACCESS_KEY,
            aws_secret_access_key=S3_SECRET_KEY,
        ).create_bucket(Bucket=BUCKET)

    @property
    def endpoint(self) -> str:
        """The address the app uses: through the relay."""
        return f"http://127.0.0.1:{self.relay.port}"

    def media_url(self, prefix: str = "province", extra: str = "") -> str:
        return (
            f"s3://{BUCKET}/{prefix}?endpoint_url={self.endpoint}&region=us-east-1"
            + extra
        )


def app_env(
    *, data_dir: Path, database_url: str, cache_url: str = "", media_url: str = ""
) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "CACHE_URL"} and not k.startswith("CONGXA_")
    }
    env.update(
        CONGXA_DATA_DIR=str(data_dir),
        CONGXA_ALLOWED_HOSTS="127.0.0.1,localhost,.localhost",
        CONGXA_SECRET_KEY=SECRET_KEY,
        CONGXA_REQUIRE_2FA="0",
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="congxa.settings",
        AWS_ACCESS_KEY_ID=S3_ACCESS_KEY,
        AWS_SECRET_ACCESS_KEY=S3_SECRET_KEY,
    )
    if cache_url:
        env["CACHE_URL"] = cache_url
    if media_url:
        env["CONGXA_MEDIA_URL"] = media_url
    return env


def manage(env: dict[str, str], *args: str, check: bool = True):
    return subprocess.run(
        [sys.executable, MANAGE, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=check,
        timeout=900,
    )


class AppHost(Process):
    """`manage.py serve` (gunicorn, so workers can be killed one by one)."""

    def __init__(self, env: dict[str, str], workers: int = 2):
        self.port = port()
        super().__init__(
            [sys.executable, MANAGE, "serve", "--server", "gunicorn"]
            + ["--host", "127.0.0.1", "--port", str(self.port)]
            + ["--workers", str(workers), "--no-access-log"],
            env=env,
            cwd=ROOT,
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.launch()
        self.wait_ready()

    def launch(self) -> None:
        super().start()

    def wait_ready(self) -> None:
        def up():
            if not self.running():
                raise AssertionError(self.output())
            return get(self.url + "/healthz")[0] == 200

        # A busy machine (a shared CI host) may need longer to start gunicorn.
        deadline = time.monotonic() + float(
            os.environ.get("CONGXA_TEST_READY_SECONDS", "120")
        )
        while time.monotonic() < deadline:
            try:
                if up():
                    return
            except AssertionError:
                raise
            except Exception:  # noqa: S110 (not listening yet)
                pass
            time.sleep(0.2)
        raise RuntimeError(self.output())

    def worker_pids(self) -> list[int]:
        """The gunicorn workers: the children of the master process."""
        master = None
        children = Path("/proc")
        pids = []
        for entry in children.iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
                cmdline = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            if b"gunicorn" in cmdline:
                pids.append((int(entry.name), ppid))
        own = {pid for pid, _ in pids}
        masters = [pid for pid, ppid in pids if ppid not in own]
        for _pid, ppid in pids:
            if ppid in masters and self._belongs(ppid):
                master = ppid
        return sorted(pid for pid, ppid in pids if ppid == master)

    def _belongs(self, pid: int) -> bool:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        return f"127.0.0.1:{self.port}".encode() in cmdline


@contextlib.contextmanager
def nginx_in_front_of(hosts: list[AppHost], data_dir: Path):
    """deploy/nginx.conf (unchanged but for its EDIT values) over several hosts."""
    with tempfile.TemporaryDirectory(prefix="congxa-nginx-") as tmp:
        prefix = Path(tmp)
        for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (prefix / "tmp" / name).mkdir(parents=True)
        listen = port()
        conf = render_deploy_conf(
            (ROOT / "deploy" / "nginx.conf").read_text(),
            listen_port=listen,
            app_url=hosts[0].url,
            data_dir=data_dir,
            cache_dir=prefix / "cache",
        )
        first = f"server {hosts[0].url.removeprefix('http://')};"
        servers = "\n    ".join(
            f"server {host.url.removeprefix('http://')} max_fails=1 fail_timeout=2s;"
            for host in hosts
        )
        assert first in conf
        conf = conf.replace(first, servers)
        (prefix / "congxa.conf").write_text(conf)
        user = "user root;" if os.geteuid() == 0 else ""
        (prefix / "nginx.conf").write_text(
            NGINX_MAIN.format(prefix=prefix, user=user, connections=512)
        )
        process = Process(
            ["/usr/sbin/nginx", "-p", str(prefix), "-c", str(prefix / "nginx.conf")]
        )
        process.start()
        try:
            wait_until(lambda: get(f"http://127.0.0.1:{listen}/healthz")[0] == 200)
            yield f"http://127.0.0.1:{listen}"
        finally:
            process.stop(signal.SIGQUIT)


def get(url: str, headers: dict[str, str] | None = None, timeout: float = 30):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


class Browser:
    """Cookies kept across requests, to any of the hosts (one visitor)."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect()
        )

    def request(self, url: str, data: dict | None = None, timeout: float = 30):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        headers = {"Referer": url}
        request = urllib.request.Request(url, data=body, headers=headers)
        try:
            with self.opener.open(request, timeout=timeout) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.headers, exc.read().decode(errors="replace")

    def upload(self, url: str, fields: dict[str, str], files: dict[str, tuple]):
        """A multipart POST; files maps a field to (filename, bytes, type)."""
        boundary = "congxa" + os.urandom(8).hex()
        parts = []
        for name, value in fields.items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"'
                f"\r\n\r\n{value}\r\n".encode()
            )
        for name, (filename, content, content_type) in files.items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\n'
                f"Content-Type: {content_type}\r\n\r\n".encode()
                + content
                + b"\r\n"
            )
        parts.append(f"--{boundary}--\r\n".encode())
        request = urllib.request.Request(
            url,
            data=b"".join(parts),
            headers={
                "Content-Type": f"multipart/form-data; boundary={boundary}",
                "Referer": url,
            },
        )
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.headers, exc.read().decode(errors="replace")

    def login(self, base: str, username: str, password: str) -> None:
        status, _, html = self.request(base + "/admin/login/")
        assert status == 200, html[:500]
        token = form_fields(html)["csrfmiddlewaretoken"]
        status, headers, html = self.request(
            base + "/admin/login/",
            {"username": username, "password": password, "csrfmiddlewaretoken": token},
        )
        assert status == 302, html[:2000]

    def cookie(self, name: str) -> str | None:
        for cookie in self.jar:
            if cookie.name == name:
                return cookie.value
        return None


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def form_fields(html: str) -> dict[str, str]:
    """The hidden inputs of the first form with a token on the page."""
    fields = {}
    for name, value in re.findall(
        r'<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"', html
    ):
        fields[name] = value
    for value, name in re.findall(
        r'<input[^>]*type="hidden"[^>]*value="([^"]*)"[^>]*name="([^"]+)"', html
    ):
        fields.setdefault(name, value)
    return fields
