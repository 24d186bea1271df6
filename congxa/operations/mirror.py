"""A static mirror of one commune's public site, for the night the app is down.

Every page is rendered through the project's own views (Django's test client
with the commune's host name: the same URL configuration, middleware and page
cache), so a mirrored page is the page, plus a notice that forms are
unavailable. Pages are found from the commune's live public pages, then by
following the links of every page rendered (sub-pages of procedures and Q&A,
pagination, document files), bounded in number.

Layout of the output folder, the same URLs as the site:

- `/tin-tuc/` -> `tin-tuc/index.html`; `/tin-tuc/?page=2` -> `tin-tuc/index-page-2.html`
- any other address (a document's file, an image) -> the file at that path

The export is incremental: a file whose bytes did not change is not written
again, and a page gone from the site is removed from the mirror (the manifest
`.congxa-mirror.json` says what the last export wrote), so an object-storage
or rsync copy of the folder moves only what changed.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.test import Client
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.models import Site

MANIFEST = ".congxa-mirror.json"
MAX_URLS = 50_000
# Not public pages, or not pages at all.
SKIPPED_PREFIXES = ("/admin/", "/django-admin/", "/_util/", "/tim-kiem/")
LINK = re.compile(r"""(?:href|src)\s*=\s*["']([^"'#]+)""", re.I)
SRCSET = re.compile(r"""srcset\s*=\s*["']([^"']+)""", re.I)
BODY_OPEN = re.compile(rb"<body[^>]*>", re.I)
# Forms do not work on the mirror; a token per render (CSRF, the forms' signed
# timing token) would rewrite the file on every export.
FORM_TOKEN = re.compile(rb'(name="(?:csrfmiddlewaretoken|token)" value=")[^"]*(")')
# A file served at an address ending in "/" is stored as index.<extension>;
# deploy/nginx.conf looks for these.
FILE_EXTENSIONS = {
    "application/pdf": "pdf",
    "application/msword": "doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.ms-excel": "xls",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
}


@dataclass
class MirrorReport:
    written: int = 0
    unchanged: int = 0
    removed: int = 0
    assets: int = 0
    failed: list[tuple[str, int]] = field(default_factory=list)


def find_site(hostname: str) -> Site | None:
    host, _sep, port = hostname.partition(":")
    sites = Site.objects.filter(hostname=host)
    if port.isdigit():
        sites = sites.filter(port=int(port))
    return sites.order_by("-is_default_site", "pk").first()


def mirror_notice() -> bytes:
    text = _(
        "This is a backup copy of the portal: forms (questions, feedback, search) "
        "are temporarily unavailable. Please come back later to send them."
    )
    return f'<p class="mirror-notice" role="status">{escape(text)}</p>'.encode()


def output_path(url: str, content_type: str = "text/html") -> str:
    """Where `url` (path and query) lives in the mirror folder."""
    parts = urlsplit(url)
    path = parts.path
    page = parse_qs(parts.query).get("page", [""])[0]
    if path.endswith("/"):
        extension = FILE_EXTENSIONS.get(content_type.split(";")[0].strip(), "html")
        name = f"index-page-{page}.html" if page else f"index.{extension}"
        return path.lstrip("/") + name
    return path.lstrip("/")


def _links(html: str) -> list[str]:
    found = LINK.findall(html)
    for srcset in SRCSET.findall(html):
        found.extend(item.strip().split(" ")[0] for item in srcset.split(","))
    return found


def _wanted(url: str) -> str | None:
    """The site-relative address to mirror for a link, or None."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return None
    if parts.path.startswith(SKIPPED_PREFIXES):
        return None
    query = parse_qs(parts.query)
    if parts.query and (set(query) != {"page"} or not query["page"][0].isdigit()):
        return None  # only pagination has a file of its own
    return parts.path + (f"?page={query['page'][0]}" if parts.query else "")


def _asset_bytes(path: str) -> bytes | None:
    """A static file or an uploaded image, read from where the app keeps it."""
    if path.startswith(settings.STATIC_URL):
        name = path[len(settings.STATIC_URL) :]
        collected = Path(settings.STATIC_ROOT) / name
        if collected.is_file():
            return collected.read_bytes()
        found = finders.find(name)
        return Path(found).read_bytes() if found else None
    name = path[len(settings.MEDIA_URL) :]
    if default_storage.exists(name):
        with default_storage.open(name) as handle:
            return handle.read()
    return None


def _start_urls(site: Site) -> list[str]:
    pages = site.root_page.get_descendants(inclusive=True).live().public()
    urls = []
    for page in pages.specific(defer=True).iterator():
        url = page.get_url(None, current_site=site)
        if url and url.startswith("/"):
            urls.append(url)
    return urls


def mirror_site(
    site: Site, output: Path, *, dry_run: bool = False, on_url=None
) -> MirrorReport:
    """Render every public page of `site` into `output`; see the module's doc."""
    report = MirrorReport()
    manifest_file = output / MANIFEST
    previous: dict[str, str] = {}
    if manifest_file.is_file():
        previous = json.loads(manifest_file.read_text(encoding="utf-8"))
    current: dict[str, str] = {}
    host = site.hostname if site.port in (80, 443) else f"{site.hostname}:{site.port}"
    client = Client(raise_request_exception=False, HTTP_HOST=host)
    notice = mirror_notice()

    def store(relative: str, content: bytes) -> None:
        digest = hashlib.sha256(content).hexdigest()
        current[relative] = digest
        target = output / relative
        if previous.get(relative) == digest and target.is_file():
            report.unchanged += 1
            return
        report.written += 1
        if not dry_run:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)

    queue = deque(_start_urls(site))
    seen = set(queue)
    assets: set[str] = set()
    while queue and len(seen) <= MAX_URLS:
        url = queue.popleft()
        client.cookies.clear()
        response = client.get(url)
        if on_url:
            on_url(url, response.status_code)
        if response.status_code != 200:
            if response.status_code not in (301, 302, 404):
                report.failed.append((url, response.status_code))
            continue
        if getattr(response, "streaming", False):
            content = b"".join(response.streaming_content)
        else:
            content = response.content
        content_type = response.get("Content-Type", "")
        if content_type.startswith("text/html"):
            html = content.decode("utf-8", errors="replace")
            for link in _links(html):
                wanted = _wanted(urljoin(url, link))  # "?page=2" is relative
                if wanted is None:
                    continue
                if wanted.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
                    assets.add(wanted)
                elif wanted not in seen:
                    seen.add(wanted)
                    queue.append(wanted)
            content = BODY_OPEN.sub(lambda match: match.group(0) + notice, content, 1)
            content = FORM_TOKEN.sub(rb"\1\2", content)
        store(output_path(url, content_type), content)
    for asset in sorted(assets):
        data = _asset_bytes(asset)
        if data is None:
            report.failed.append((asset, 404))
            continue
        report.assets += 1
        store(output_path(asset), data)
    for relative in sorted(set(previous) - set(current)):
        report.removed += 1
        if not dry_run:
            (output / relative).unlink(missing_ok=True)
    if not dry_run:
        output.mkdir(parents=True, exist_ok=True)
        manifest_file.write_text(
            json.dumps(current, indent=0, sort_keys=True), encoding="utf-8"
        )
    return report
