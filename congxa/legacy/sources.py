"""What the command was given, as a stream of source pages. Pure: no Django.

A source is a folder of saved pages (`wget --mirror`, a browser's "save page"),
a single HTML file, a text file of URLs, a sitemap or RSS/Atom feed URL (or
file), a page URL, or a WordPress export (WXR). Pages are produced one at a
time, so a 5,000-page import never holds them all.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree

from .fetching import FetchError, PoliteFetcher, host_of

PAGE_SUFFIXES = {
    "", ".html", ".htm", ".shtml", ".xhtml", ".php", ".asp", ".aspx", ".jsp", ".cfm",
}  # fmt: skip
# The pseudo host of pages read from a folder: root-relative links resolve
# against it and are read back from the folder.
FOLDER_HOST = "legacy-folder.invalid"
WP_NS = re.compile(r"wordpress\.org/export/")


class SourceError(Exception):
    def __init__(self, code: str, source: str, detail: str = ""):
        super().__init__(f"{code}: {source} {detail}".strip())
        self.code = code
        self.source = source
        self.detail = detail


@dataclass
class SourcePage:
    """One page to import and how to read it."""

    key: str  # stable: the URL, or the path inside the folder
    old_path: str  # the path on the old site, for the redirect
    base_url: str  # for resolving links and pictures
    load: Callable[[], tuple[bytes, str | None]]
    folder: Path | None = None
    modified: datetime | None = None
    wxr: dict | None = field(default=None, repr=False)


@dataclass
class SourceFailure:
    """A source (or an entry of it) that yields no page; reported, not fatal."""

    key: str
    code: str
    detail: str = ""


def _file_loader(path: Path, max_bytes: int) -> Callable[[], tuple[bytes, None]]:
    def load():
        size = path.stat().st_size
        if size > max_bytes:
            raise FetchError("too_large", str(path), str(size))
        return path.read_bytes(), None

    return load


def _folder_pages(root: Path, max_bytes: int) -> Iterator[SourcePage]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            path = Path(dirpath) / name
            suffix = path.suffix.lower().split("?")[0]
            if name.startswith(".") or suffix not in PAGE_SUFFIXES:
                continue
            if name in {"robots.txt"}:
                continue
            relative = path.relative_to(root).as_posix()
            old_path = "/" + relative
            if name in {"index.html", "index.htm"}:
                old_path = old_path[: -len(name)]
            yield SourcePage(
                key=old_path,
                old_path=old_path,
                base_url=f"http://{FOLDER_HOST}/{relative}",
                load=_file_loader(path, max_bytes),
                folder=root,
                modified=datetime.fromtimestamp(path.stat().st_mtime),
            )


def _xml_root(data: bytes, key: str):
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(data.lstrip(), parser=parser)
    except etree.XMLSyntaxError as exc:
        raise SourceError("not_xml", key, str(exc)[:120]) from exc


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def urls_from_xml(data: bytes, key: str) -> tuple[str, list[str]]:
    """('sitemapindex'|'urlset'|'feed', URLs) from a sitemap or a feed."""
    root = _xml_root(data, key)
    kind = _local(root.tag)
    urls: list[str] = []
    if kind in {"urlset", "sitemapindex"}:
        for el in root.iter():
            if _local(el.tag) == "loc" and (el.text or "").strip():
                urls.append(el.text.strip())
    elif kind == "rss" or kind == "RDF":
        for item in root.iter():
            if _local(item.tag) == "item":
                for child in item:
                    if _local(child.tag) == "link" and (child.text or "").strip():
                        urls.append(child.text.strip())
                        break
    elif kind == "feed":
        for entry in root.iter():
            if _local(entry.tag) == "entry":
                for child in entry:
                    if (
                        _local(child.tag) == "link"
                        and child.get("rel", "alternate") == "alternate"
                    ):
                        urls.append(child.get("href", "").strip())
                        break
    else:
        raise SourceError("unknown_xml", key, kind)
    return ("feed" if kind in {"rss", "RDF", "feed"} else kind), [u for u in urls if u]


def _looks_xml(data: bytes) -> bool:
    head = data[:512].lstrip().lower()
    return head.startswith(b"<?xml") or head.startswith(
        (b"<urlset", b"<sitemapindex", b"<rss", b"<feed")
    )


def _url_page(url: str, fetcher: PoliteFetcher, preloaded=None) -> SourcePage:
    def load():
        if preloaded is not None:
            return preloaded
        fetched = fetcher.get(url)
        return fetched.content, fetched.charset

    parts = urlsplit(url)
    old_path = parts.path + (f"?{parts.query}" if parts.query else "")
    return SourcePage(key=url, old_path=old_path or "/", base_url=url, load=load)


def _expand_url(
    url: str, fetcher: PoliteFetcher, depth: int = 0
) -> Iterator[SourcePage | SourceFailure]:
    try:
        fetched = fetcher.get(url)
    except FetchError as exc:
        yield SourceFailure(url, exc.code, exc.detail)
        return
    data = fetched.content
    is_xml_name = urlsplit(url).path.lower().endswith((".xml", ".rss", ".atom"))
    if _looks_xml(data) or "xml" in fetched.content_type or is_xml_name:
        try:
            kind, urls = urls_from_xml(data, url)
        except SourceError as exc:
            yield SourceFailure(url, exc.code, exc.detail)
            return
        for child in dict.fromkeys(urls):
            child = urljoin(fetched.url, child)
            if host_of(child) not in fetcher.allowed_hosts:
                yield SourceFailure(child, "host_not_allowed", host_of(child))
            elif kind == "sitemapindex" and depth < 2:
                yield from _expand_url(child, fetcher, depth + 1)
            else:
                yield _url_page(child, fetcher)
        return
    yield _url_page(fetched.url, fetcher, preloaded=(data, fetched.charset))


def _wxr_items(path: Path) -> Iterator[SourcePage | SourceFailure]:
    """Published posts of a WordPress export, streamed item by item."""
    try:
        context = etree.iterparse(
            str(path),
            events=("end",),
            tag="item",
            resolve_entities=False,
            no_network=True,
        )
        for _, item in context:
            entry: dict = {}
            for child in item:
                name = (
                    f"{child.prefix}:{_local(child.tag)}"
                    if child.prefix
                    else _local(child.tag)
                )
                if name == "category":
                    if child.get("domain") == "category":
                        entry.setdefault("categories", []).append(
                            (child.text or "").strip()
                        )
                    continue
                entry[name] = child.text or ""
            item.clear()
            if entry.get("wp:post_type", "post") != "post":
                continue
            if entry.get("wp:status", "publish") not in {
                "publish",
                "private",
                "future",
            }:
                continue
            link = (entry.get("link") or "").strip()
            key = link or f"wxr:{path.name}:{entry.get('wp:post_id', '')}"
            parts = urlsplit(link)
            old_path = (
                (parts.path + (f"?{parts.query}" if parts.query else ""))
                if link
                else ""
            )
            content = (entry.get("content:encoded") or "").encode("utf-8")
            yield SourcePage(
                key=key,
                old_path=old_path,
                base_url=link or f"http://{FOLDER_HOST}/",
                load=lambda content=content: (content, "utf-8"),
                folder=path.parent,
                wxr=entry,
            )
    except etree.XMLSyntaxError as exc:
        yield SourceFailure(str(path), "not_xml", str(exc)[:120])


def is_wxr(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return bool(WP_NS.search(head.decode("utf-8", "ignore")))


def allowed_hosts_of(sources: list[str]) -> set[str]:
    hosts = set()
    for source in sources:
        if source.startswith(("http://", "https://")):
            hosts.add(host_of(source))
        else:
            path = Path(source)
            if path.is_file() and is_wxr(path):
                # A WordPress export's pictures live on the site it came from.
                with path.open("rb") as handle:
                    head = handle.read(65536).decode("utf-8", "ignore")
                match = re.search(
                    r"<wp:base_site_url>\s*(\S+?)\s*<|<link>\s*(https?://\S+?)\s*<",
                    head,
                )
                if match:
                    hosts.add(host_of(match.group(1) or match.group(2)))
            if path.is_file() and path.suffix.lower() == ".txt":
                for line in path.read_text(
                    encoding="utf-8", errors="replace"
                ).splitlines():
                    if line.strip().startswith(("http://", "https://")):
                        hosts.add(host_of(line.strip()))
    return hosts


def expand_sources(
    sources: list[str], fetcher: PoliteFetcher, max_bytes: int
) -> Iterator[SourcePage | SourceFailure]:
    for source in sources:
        if source.startswith(("http://", "https://")):
            yield from _expand_url(source, fetcher)
            continue
        path = Path(unquote(source))
        if path.is_dir():
            yield from _folder_pages(path, max_bytes)
        elif not path.exists():
            yield SourceFailure(source, "missing")
        elif path.suffix.lower() == ".txt":
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                line = line.strip()
                if line and not line.startswith("#"):
                    if line.startswith(("http://", "https://")):
                        yield _url_page(line, fetcher)
                    else:
                        yield SourceFailure(line, "bad_url")
        elif path.suffix.lower() in {".xml", ".rss", ".atom", ".wxr"}:
            if is_wxr(path):
                yield from _wxr_items(path)
                continue
            try:
                kind, urls = urls_from_xml(path.read_bytes(), source)
            except SourceError as exc:
                yield SourceFailure(source, exc.code, exc.detail)
                continue
            # A sitemap file lists sources given: their hosts may be fetched.
            fetcher.allowed_hosts.update(host_of(url) for url in urls if host_of(url))
            for url in urls:
                if host_of(url) in fetcher.allowed_hosts:
                    yield _url_page(url, fetcher)
                else:
                    yield SourceFailure(url, "host_not_allowed", host_of(url))
        else:
            yield SourcePage(
                key="/" + path.name,
                old_path="/" + path.name,
                base_url=f"http://{FOLDER_HOST}/{path.name}",
                load=_file_loader(path, max_bytes),
                folder=path.parent,
                modified=datetime.fromtimestamp(path.stat().st_mtime),
            )
