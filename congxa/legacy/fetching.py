"""Fetch pages from an old portal politely. Pure: imports nothing of Django.

One request at a time, a delay between requests, robots.txt respected, a clear
User-Agent, retries with back-off on 5xx answers and time-outs, redirects
followed by hand so that they never leave the hosts of the sources given and a
loop is seen, and a size limit read as the body streams in.
"""

from __future__ import annotations

import json
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import requests

USER_AGENT = "congxa-import/0.1 (+https://congxa.vn; legacy portal migration)"
MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5


class FetchError(Exception):
    """A page that could not be fetched; `code` names why, `detail` says more."""

    def __init__(self, code: str, url: str, detail: str = ""):
        super().__init__(f"{code}: {url} {detail}".strip())
        self.code = code
        self.url = url
        self.detail = detail


@dataclass
class Fetched:
    url: str
    status: int
    content: bytes
    content_type: str
    charset: str | None


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


class PoliteFetcher:
    def __init__(
        self,
        *,
        allowed_hosts: set[str],
        delay: float = 1.0,
        timeout: float = 20.0,
        retries: int = 3,
        backoff: float = 1.0,
        user_agent: str = USER_AGENT,
        max_bytes: int = MAX_BYTES,
        respect_robots: bool = True,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.allowed_hosts = {h.lower() for h in allowed_hosts}
        self.delay = delay
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.max_bytes = max_bytes
        self.respect_robots = respect_robots
        self.sleep = sleep
        self.session = requests.Session()
        self.session.headers["User-Agent"] = user_agent
        self.user_agent = user_agent
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._last_request = 0.0
        self.requests_made = 0

    def close(self) -> None:
        self.session.close()

    # -- politeness -------------------------------------------------------------

    def _wait_turn(self) -> None:
        elapsed = time.monotonic() - self._last_request
        if self._last_request and elapsed < self.delay:
            self.sleep(self.delay - elapsed)
        self._last_request = time.monotonic()

    def _robots_for(self, url: str) -> urllib.robotparser.RobotFileParser | None:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            parser = None
            try:
                self._wait_turn()
                self.requests_made += 1
                response = self.session.get(
                    f"{origin}/robots.txt", timeout=self.timeout, allow_redirects=True
                )
                if response.status_code < 400:
                    parser = urllib.robotparser.RobotFileParser()
                    parser.parse(response.text.splitlines())
                elif response.status_code in {401, 403}:
                    parser = urllib.robotparser.RobotFileParser()
                    parser.disallow_all = True
            except requests.RequestException:
                parser = None
            self._robots[origin] = parser
        return self._robots[origin]

    def allowed_by_robots(self, url: str) -> bool:
        if not self.respect_robots:
            return True
        parser = self._robots_for(url)
        if parser is None:
            return True
        # A Crawl-delay longer than ours is the site's wish: follow it.
        wanted = parser.crawl_delay(self.user_agent)
        if wanted and float(wanted) > self.delay:
            self.delay = min(float(wanted), 60.0)
        return parser.can_fetch(self.user_agent, url)

    @property
    def crawl_delay(self) -> float:
        return self.delay

    # -- fetching -----------------------------------------------------------------

    def check_host(self, url: str) -> None:
        if urlsplit(url).scheme not in {"http", "https"}:
            raise FetchError("bad_url", url)
        if host_of(url) not in self.allowed_hosts:
            raise FetchError("host_not_allowed", url, host_of(url))

    def get(self, url: str) -> Fetched:
        """The page at `url` (redirects followed within the allowed hosts)."""
        self.check_host(url)
        if not self.allowed_by_robots(url):
            raise FetchError("robots", url)
        seen = [url]
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            response = self._get_with_retries(current)
            if response.status_code in {301, 302, 303, 307, 308}:
                location = response.headers.get("Location")
                response.close()
                if not location:
                    raise FetchError("http_error", current, str(response.status_code))
                target = urljoin(current, location)
                if target in seen:
                    raise FetchError("redirect_loop", url, " -> ".join([*seen, target]))
                self.check_host(target)
                seen.append(target)
                current = target
                continue
            if response.status_code >= 400:
                response.close()
                raise FetchError("http_error", current, str(response.status_code))
            content = self._read_limited(response, current)
            return Fetched(
                url=current,
                status=response.status_code,
                content=content,
                content_type=response.headers.get("Content-Type", "")
                .split(";")[0]
                .strip(),
                charset=_charset(response.headers.get("Content-Type", "")),
            )
        raise FetchError("redirect_loop", url, " -> ".join(seen))

    def _get_with_retries(self, url: str) -> requests.Response:
        attempt = 0
        while True:
            self._wait_turn()
            self.requests_made += 1
            try:
                response = self.session.get(
                    url, timeout=self.timeout, allow_redirects=False, stream=True
                )
            except requests.Timeout as exc:
                if attempt >= self.retries:
                    raise FetchError("timeout", url) from exc
            except requests.RequestException as exc:
                if attempt >= self.retries:
                    raise FetchError("connection", url, type(exc).__name__) from exc
            else:
                if response.status_code < 500 or attempt >= self.retries:
                    return response
                response.close()
            self.sleep(self.backoff * (2**attempt))
            attempt += 1

    def _read_limited(self, response: requests.Response, url: str) -> bytes:
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            response.close()
            raise FetchError("too_large", url, declared)
        chunks, size = [], 0
        try:
            for chunk in response.iter_content(64 * 1024):
                size += len(chunk)
                if size > self.max_bytes:
                    raise FetchError("too_large", url, str(size))
                chunks.append(chunk)
        except requests.RequestException as exc:
            raise FetchError("timeout", url) from exc
        finally:
            response.close()
        return b"".join(chunks)


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


class ImportState:
    """The resumable state file: one JSON line per source page finished.

    Appending a line per page keeps writing cheap on a 5,000-page import; a
    line cut off by a crash is ignored on resume.
    """

    def __init__(self, path: Path | None):
        self.path = path
        self.done: dict[str, str] = {}
        if path is not None and path.exists():
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                try:
                    entry = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if isinstance(entry, dict) and "source" in entry:
                    self.done[entry["source"]] = entry.get("status", "")
        self._handle = None

    def is_done(self, source: str) -> bool:
        return source in self.done

    def record(self, source: str, status: str) -> None:
        if self.path is None:
            return
        if self._handle is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._handle = self.path.open("a", encoding="utf-8")
        self._handle.write(json.dumps({"source": source, "status": status}) + "\n")
        self._handle.flush()
        self.done[source] = status

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None
