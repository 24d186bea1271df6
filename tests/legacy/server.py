"""A real local HTTP server for fetching tests: the mirror plus misbehaving pages."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.legacy.sitegen import MIRROR_BASE, MIRROR_DIR

PORTS = range(18200, 18300)


class LegacySite:
    def __init__(self, root: Path = MIRROR_DIR):
        self.root = root
        self.hits: list[tuple[str, str]] = []  # (path, user agent)
        self.failures_left: dict[str, int] = {"/flaky.html": 2}
        self.server = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def start(self) -> LegacySite:
        handler = self._handler()
        for port in PORTS:
            try:
                self.server = ThreadingHTTPServer(("127.0.0.1", port), handler)
                break
            except OSError:
                continue
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _handler(self):
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def send(
                self,
                status: int,
                body: bytes = b"",
                ctype="text/html; charset=utf-8",
                **headers,
            ):
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a time-out test)

            def do_GET(self):  # noqa: N802 (http.server's name)
                path = self.path.split("#")[0]
                site.hits.append((path, self.headers.get("User-Agent", "")))
                if path == "/slow.html":
                    time.sleep(1.5)
                    return self.send(200, b"<html><body><p>late</p></body></html>")
                if path in site.failures_left:
                    if site.failures_left[path] > 0:
                        site.failures_left[path] -= 1
                        return self.send(503, b"busy")
                    return self.send(
                        200, (MIRROR_DIR / "news" / "bai-viet-1.html").read_bytes()
                    )
                if path == "/error.html":
                    return self.send(500, b"error")
                if path == "/loop-a.html":
                    return self.send(302, Location="/loop-b.html")
                if path == "/loop-b.html":
                    return self.send(302, Location="/loop-a.html")
                if path == "/away.html":
                    return self.send(302, Location="http://elsewhere.example/x.html")
                if path == "/moved.html":
                    return self.send(301, Location="/news/bai-viet-2.html")
                if path == "/binary.html":
                    return self.send(200, b"\x89PNG\r\n\x1a\n" + bytes(4000))
                if path == "/huge.html":
                    return self.send(
                        200, b"<html><body>" + b"<p>x</p>" * (20 * 1024 * 1024 // 8)
                    )
                if path == "/bad-sitemap.xml":
                    return self.send(
                        200,
                        b"<html><body>Trang ch\xe1\xbb\xa7<br>No sitemap</body></html>",
                        "text/xml",
                    )
                target = (site.root / path.lstrip("/").split("?")[0]).resolve()
                if target.is_dir():
                    target = target / "index.html"
                if (
                    not target.is_relative_to(site.root.resolve())
                    or not target.is_file()
                ):
                    return self.send(404, b"not found")
                body = target.read_bytes()
                if target.suffix in {".xml", ".txt"}:
                    body = body.replace(MIRROR_BASE.encode(), site.base.encode())
                ctype = {
                    ".xml": "application/xml",
                    ".txt": "text/plain",
                    ".jpg": "image/jpeg",
                    ".pdf": "application/pdf",
                }.get(target.suffix, "text/html; charset=utf-8")
                return self.send(200, body, ctype)

        return Handler
