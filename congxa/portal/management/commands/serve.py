"""Serve the portal with a production WSGI server, never Django's runserver."""

from __future__ import annotations

import os
import socket
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

SERVERS = ("gunicorn", "granian")


# Measured by bench/http.sh on the article page, same run, one machine
# (bench/RESULTS.md): granian served 1.5-1.7x the cached pages of gunicorn
# (sync or gthread, 2 or 3 processes) with a lower p99, and as many uncached
# pages (renders are CPU-bound in Python whatever the server). Its HTTP layer
# is Rust and keeps connections alive. One process per core plus one, one
# thread each, was the best of the set-ups tried. Both reload their workers
# gracefully on SIGHUP; gunicorn (--server gunicorn) also recycles workers.
DEFAULT_SERVER = "granian"
DEFAULT_THREADS = 1


def default_workers() -> int:
    # Renders are CPU-bound: a process per core, plus one to cover waits.
    return (os.cpu_count() or 1) + 1


def port_is_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if host == "::":
            # The dual-stack socket the server will open: IPv4 port taken too.
            sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def ipv6_available() -> bool:
    if not socket.has_ipv6:
        return False
    try:
        with socket.socket(socket.AF_INET6) as sock:
            sock.bind(("::1", 0))
    except OSError:
        return False
    return True


def listen_addresses(host: str, server: str) -> list[str]:
    """The addresses to listen on: IPv6 as well as IPv4 where the machine has it.

    `0.0.0.0` (every interface) becomes `::`, one dual-stack socket that takes
    IPv4 and IPv6 alike. The IPv4 loopback gets the IPv6 one beside it where the
    server can open two sockets (gunicorn); granian opens one, and behind nginx
    (the deployment at scale) the loopback only carries nginx's IPv4 upstream.
    """
    if not ipv6_available():
        return [host]
    if host == "0.0.0.0":  # noqa: S104 (asked for every interface)
        return ["::"]
    if host == "127.0.0.1" and server == "gunicorn":
        return [host, "::1"]
    return [host]


class Command(BaseCommand):
    help = "Serve the portal with a production WSGI server (gunicorn or granian)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--host",
            default=os.environ.get("CONGXA_HOST", "127.0.0.1"),
            help="Address to listen on; :: or 0.0.0.0 is every IPv6 and IPv4 address.",
        )
        parser.add_argument(
            "--port", type=int, default=int(os.environ.get("CONGXA_PORT", "8000"))
        )
        parser.add_argument("--workers", type=int, default=None)
        parser.add_argument(
            "--threads",
            type=int,
            default=int(os.environ.get("CONGXA_THREADS", DEFAULT_THREADS)),
            help="Threads per worker (gunicorn: more than 1 uses gthread workers).",
        )
        parser.add_argument(
            "--server",
            choices=SERVERS,
            default=os.environ.get("CONGXA_SERVER", DEFAULT_SERVER),
        )
        parser.add_argument(
            "--no-access-log",
            action="store_true",
            help="Do not write one line per request.",
        )
        parser.add_argument(
            "--skip-collectstatic",
            action="store_true",
            help="Static files were collected already (e.g. in an image build).",
        )

    def handle(
        self,
        *args,
        host,
        port,
        workers,
        threads,
        server,
        no_access_log,
        skip_collectstatic,
        **options,
    ):
        if not 0 < port < 65536:
            raise CommandError(f"Cổng {port} không hợp lệ: chọn một số từ 1 đến 65535.")
        workers = workers or default_workers()
        if workers < 1:
            raise CommandError("Số tiến trình (--workers) phải từ 1 trở lên.")
        if threads < 1:
            raise CommandError("Số luồng (--threads) phải từ 1 trở lên.")
        addresses = listen_addresses(host, server)
        if not all(port_is_free(address, port) for address in addresses):
            raise CommandError(
                f"Cổng {port} trên {host} đang được một chương trình khác sử dụng. "
                "Hãy dừng chương trình đó hoặc chọn cổng khác, ví dụ: "
                "congxa serve --port 8001"
            )
        if not skip_collectstatic:
            call_command("collectstatic", interactive=False, verbosity=0)

        self.stdout.write(
            f"Cổng thông tin đang chạy tại http://{host}:{port}/ "
            f"({server}, {workers} tiến trình). Nhấn Ctrl+C để dừng."
        )
        self.stdout.flush()
        access_log = (
            not no_access_log and os.environ.get("CONGXA_ACCESS_LOG", "1") != "0"
        )
        binds = [
            f"[{address}]:{port}" if ":" in address else f"{address}:{port}"
            for address in addresses
        ]
        if server == "granian":
            argv = [
                sys.executable,
                "-m",
                "granian",
                "--interface",
                "wsgi",
                "--host",
                addresses[0],
                "--port",
                str(port),
                "--workers",
                str(workers),
                "--blocking-threads",
                str(threads),
            ]
            if access_log:
                argv.append("--access-log")
            argv.append("congxa.wsgi:application")
        else:
            argv = [
                sys.executable,
                "-m",
                "gunicorn",
                "congxa.wsgi:application",
                *(part for bind in binds for part in ("--bind", bind)),
                "--workers",
                str(workers),
                "--worker-class",
                "gthread" if threads > 1 else "sync",
                "--threads",
                str(threads),
                "--preload",
                "--graceful-timeout",
                "20",
                "--timeout",
                "60",
                "--max-requests",
                "20000",
                "--max-requests-jitter",
                "2000",
            ]
            if access_log:
                argv += ["--access-logfile", "-"]
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congxa.settings")
        os.environ["CONGXA_DATA_DIR"] = str(settings.DATA_DIR)
        sys.stdout.flush()
        sys.stderr.flush()
        # Replace this process: signals (HUP for a graceful reload, TERM to
        # stop) then reach the server directly.
        os.execv(sys.executable, argv)  # noqa: S606 (fixed argv, no shell)
