"""Write what the extractor read into congxa: articles, pictures, files, redirects.

Each source page is written inside its own transaction: a page that fails
leaves nothing behind, and never stops the others. Articles are matched by
their source URL, so running the same import again updates what changed and
leaves the rest alone.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import UnidentifiedImageError
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Site
from wagtail.utils.file import hash_filelike

from congxa.editorial.sanitize import sanitize_html
from congxa.news.models import ArticlePage, NewsIndexPage
from congxa.vi.text import fold

from .decoding import NotText, decode_bytes
from .extraction import Article, Block, NoArticle, extract_article
from .fetching import FetchError, PoliteFetcher, host_of
from .profiles import Profile, profile_named
from .sources import FOLDER_HOST, SourcePage

LOCAL_ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
MAX_ASSET_BYTES = 25 * 1024 * 1024


class Status:
    IMPORTED = "imported"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    SKIPPED = "skipped"
    FAILED = "failed"


STATUSES = (
    Status.IMPORTED,
    Status.UPDATED,
    Status.UNCHANGED,
    Status.SKIPPED,
    Status.FAILED,
)


class PageFailed(Exception):
    def __init__(self, code: str, detail: str = ""):
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.detail = detail


@dataclass
class Outcome:
    """What happened to one source page: a row of the report."""

    source: str
    status: str
    title: str = ""
    date: datetime | None = None
    section: str = ""
    paragraphs: int = 0
    images: int = 0
    warnings: list[tuple[str, str]] = field(default_factory=list)
    reason: str = ""
    detail: str = ""
    page_id: int | None = None
    page_path: str = ""


@contextlib.contextmanager
def page_cache_batch(site: Site) -> Iterator[None]:
    """Run a bulk import; the page cache is invalidated once, at the end.

    Every publish, image and redirect of the import would bump the site's
    generation; `invalidation.deferred()` collects those bumps and writes each
    once when the import ends, and the site is bumped even if nothing else did.
    """
    from congxa.portal import invalidation

    with invalidation.deferred():
        try:
            yield
        finally:
            invalidation.bump(site.pk)


def commune_collection(site: Site) -> Collection:
    """The commune's collection: its editorial board's, or one named after it."""
    board = getattr(site, "editorial_board", None)
    with contextlib.suppress(Exception):
        if board is not None and board.collection_id:
            return board.collection
    from congxa.editorial.services import commune_name

    root = Collection.get_first_root_node()
    name = commune_name(site)
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


def site_sections(site: Site) -> dict[str, NewsIndexPage]:
    """The site's news sections by slug (and by folded title, for mapping files)."""
    sections: dict[str, NewsIndexPage] = {}
    for section in NewsIndexPage.objects.descendant_of(site.root_page).specific():
        sections.setdefault(section.slug, section)
        sections.setdefault(fold(section.title), section)
    return sections


class AssetLoader:
    """Reads a picture or file a page links to: from the saved folder, or from
    the old site when its host is one of the sources'."""

    def __init__(self, fetcher: PoliteFetcher | None):
        self.fetcher = fetcher

    def load(self, url: str, page: SourcePage) -> bytes:
        parts = urlsplit(url)
        if parts.hostname == FOLDER_HOST or parts.scheme == "file":
            if page.folder is None:
                raise PageFailed("asset_missing", url)
            root = page.folder.resolve()
            target = (root / unquote(parts.path).lstrip("/")).resolve()
            if not target.is_relative_to(root) or not target.is_file():
                raise PageFailed("asset_missing", url)
            if target.stat().st_size > MAX_ASSET_BYTES:
                raise PageFailed("asset_too_large", url)
            return target.read_bytes()
        if self.fetcher is None or host_of(url) not in self.fetcher.allowed_hosts:
            raise PageFailed("asset_host", url)
        try:
            return self.fetcher.get(url).content
        except FetchError as exc:
            raise PageFailed("asset_fetch", f"{url} ({exc.code} {exc.detail})") from exc


def _sha1(data: bytes) -> str:
    return hash_filelike(io.BytesIO(data))


def _file_name(url: str, default: str) -> str:
    name = unquote(urlsplit(url).path.rsplit("/", 1)[-1]) or default
    name = re.sub(r"[^\w.\-]+", "-", fold(name)).strip("-.") or default
    return name[-90:]


def image_from_bytes(
    data: bytes, *, url: str, title: str, alt: str, collection: Collection
):
    """The commune's picture with these bytes: found by content hash, or created."""
    Image = get_image_model()
    digest = _sha1(data)
    existing = Image.objects.filter(file_hash=digest, collection=collection).first()
    if existing is not None:
        return existing, False
    try:
        with PILImage.open(io.BytesIO(data)) as probe:
            probe.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise PageFailed("image_invalid", url) from exc
    image = Image(
        title=(title or _file_name(url, "anh.jpg"))[:255],
        description=alt[:255],
        collection=collection,
    )
    image.file = ContentFile(data, name=_file_name(url, "anh.jpg"))
    image.file_hash = digest
    image.save()
    return image, True


_DOCUMENT_MAGIC = (
    b"%PDF",
    b"\xd0\xcf\x11\xe0",
    b"PK\x03\x04",
    b"{\\rtf",
    b"Rar!",
    b"7z\xbc\xaf",
)


def document_from_bytes(data: bytes, *, url: str, title: str, collection: Collection):
    Document = get_document_model()
    digest = _sha1(data)
    existing = Document.objects.filter(file_hash=digest, collection=collection).first()
    if existing is not None:
        return existing, False
    if not data.startswith(_DOCUMENT_MAGIC):
        raise PageFailed("attachment_invalid", url)
    document = Document(
        title=(title or _file_name(url, "tep"))[:255], collection=collection
    )
    document.file = ContentFile(data, name=_file_name(url, "tep"))
    document.file_hash = digest
    document.file_size = len(data)
    document.save()
    return document, True


def _aware(value: datetime) -> datetime:
    if timezone.is_aware(value):
        return value
    return value.replace(tzinfo=LOCAL_ZONE)


def unique_slug(parent, title: str, exclude_pk: int | None = None) -> str:
    base = slugify(fold(title))[:70].strip("-") or "bai-viet"
    taken = set(
        parent.get_children().exclude(pk=exclude_pk).filter(slug__startswith=base)
        .values_list("slug", flat=True)
    )  # fmt: skip
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def article_digest(article: Article, section: NewsIndexPage, publish: bool) -> str:
    data = [
        article.title,
        article.published.isoformat() if article.published else "",
        article.lead,
        article.signature,
        article.view_count,
        section.pk,
        publish,
        [(b.kind, b.text, b.html, b.src, b.caption) for b in article.blocks],
    ]
    return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode()).hexdigest()


@dataclass
class ImportOptions:
    site: Site
    default_section: NewsIndexPage
    sections: dict[str, NewsIndexPage]
    mapping: object  # mapping.SectionMapping
    publish: bool = False
    dry_run: bool = False
    redirects: bool = True
    profile: Profile | None = None
    max_bytes: int = 10 * 1024 * 1024


class SiteImporter:
    """Imports source pages into one commune, one transaction per page."""

    def __init__(self, options: ImportOptions, fetcher: PoliteFetcher | None):
        self.options = options
        self.assets = AssetLoader(fetcher)
        self._collection: Collection | None = None

    @property
    def collection(self) -> Collection:
        if self._collection is None:
            self._collection = commune_collection(self.options.site)
        return self._collection

    # -- reading ------------------------------------------------------------------

    def read(self, page: SourcePage) -> Article:
        try:
            data, charset = page.load()
        except FetchError as exc:
            raise PageFailed(exc.code, exc.detail) from exc
        except OSError as exc:
            raise PageFailed("unreadable", str(exc)) from exc
        if len(data) > self.options.max_bytes:
            raise PageFailed("too_large", str(len(data)))
        if page.wxr is not None:
            return self._read_wxr(page, data)
        try:
            html = decode_bytes(data, charset)
        except NotText as exc:
            raise PageFailed("not_html") from exc
        try:
            return extract_article(html, page.base_url, self.options.profile)
        except NoArticle as exc:
            raise PageFailed("no_article", str(exc)) from exc

    def _read_wxr(self, page: SourcePage, data: bytes) -> Article:
        entry = page.wxr or {}
        content = data.decode("utf-8", "replace")
        if "<p" not in content.lower():
            content = "".join(
                f"<p>{part.strip()}</p>"
                for part in re.split(r"\n\s*\n", content)
                if part.strip()
            )
        title = entry.get("title") or ""
        html = (
            '<html><head><meta name="generator" content="WordPress"></head><body>'
            f'<article><h1 class="entry-title">{_escape(title)}</h1>'
            f'<div class="entry-content">{content}</div></article></body></html>'
        )
        try:
            article = extract_article(html, page.base_url, profile_named("wordpress"))
        except NoArticle as exc:
            raise PageFailed("no_article", str(exc)) from exc
        article.title = " ".join(title.split()) or article.title
        posted = (entry.get("wp:post_date") or "").strip()
        try:
            article.published = datetime.fromisoformat(posted) if posted else None
            article.has_time = bool(posted)
        except ValueError:
            article.published = None
        if article.published and "no_date" in article.warnings:
            article.warnings.remove("no_date")
        article.breadcrumb = list(entry.get("categories") or [])
        if not article.signature and entry.get("dc:creator"):
            article.signature = entry["dc:creator"].strip()
        return article

    # -- writing ------------------------------------------------------------------

    def section_for(self, page: SourcePage, article: Article) -> NewsIndexPage:
        mapping = self.options.mapping
        name = (
            mapping.section_for(page.old_path, article.breadcrumb)
            if mapping.rules
            else ""
        )
        if not name:
            # No rule: a breadcrumb step named like a section of the site.
            for step in reversed(article.breadcrumb):
                section = self.options.sections.get(fold(step))
                if section is not None:
                    return section
            return self.options.default_section
        return self.options.sections.get(name) or self.options.sections[fold(name)]

    def import_page(self, page: SourcePage) -> Outcome:
        outcome = Outcome(source=page.key, status=Status.FAILED)
        try:
            article = self.read(page)
        except PageFailed as exc:
            outcome.status = (
                Status.SKIPPED if exc.code == "no_article" else Status.FAILED
            )
            outcome.reason, outcome.detail = exc.code, exc.detail
            return outcome
        outcome.title = article.title
        outcome.paragraphs = len(article.paragraphs)
        outcome.images = len(article.images)
        outcome.warnings = [
            (code, "") for code in article.warnings if code != "no_date"
        ]
        if not article.title:
            outcome.reason = "no_title"
            return outcome
        if article.published is None:
            if page.modified is not None:
                article.published = page.modified
                outcome.warnings.append(("no_date_file", ""))
            else:
                article.published = timezone.localtime().replace(
                    tzinfo=None, microsecond=0
                )
                outcome.warnings.append(("no_date_now", ""))
        outcome.date = article.published
        section = self.section_for(page, article)
        outcome.section = section.title
        source_url = (
            article.canonical_url if _usable_url(article.canonical_url) else page.key
        )
        try:
            with transaction.atomic():
                self._write(page, article, section, source_url, outcome)
        except PageFailed as exc:
            outcome.status, outcome.reason, outcome.detail = (
                Status.FAILED,
                exc.code,
                exc.detail,
            )
        except Exception as exc:  # noqa: BLE001 (one bad page never stops the others)
            outcome.status, outcome.reason = Status.FAILED, "internal"
            outcome.detail = f"{type(exc).__name__}: {exc}"[:300]
        return outcome

    def _existing(self, source_url: str, key: str) -> ArticlePage | None:
        keys = {source_url, key}
        return (
            ArticlePage.objects.descendant_of(self.options.site.root_page)
            .filter(source_url__in=keys)
            .order_by("pk")
            .first()
        )

    def _write(self, page, article, section, source_url, outcome) -> None:
        options = self.options
        digest = article_digest(article, section, options.publish)
        existing = self._existing(source_url, page.key)
        if existing is not None and existing.source_digest == digest:
            outcome.status, outcome.page_id = Status.UNCHANGED, existing.pk
            outcome.page_path = _page_path(existing)
            if not options.dry_run:
                self._redirect(page, existing)
            return
        if options.dry_run:
            outcome.status = Status.UPDATED if existing else Status.IMPORTED
            return
        body = self._body(page, article, outcome)
        first_image = next(
            (b["value"]["image"]["image"] for b in body if b["type"] == "image"), None
        )
        fields = {
            "title": article.title[:255],
            "date": _aware(article.published),
            "lead": article.lead,
            "body": body,
            "signature": article.signature[:120],
            "view_count": article.view_count,
            "source_url": source_url[:1000],
            "source_digest": digest,
            # Lists show a picture: the article's first, shown once on its page.
            "featured_image_id": first_image,
        }
        if existing is None:
            target = ArticlePage(
                slug=unique_slug(section, article.title), live=False, **fields
            )
            if options.publish:
                # Lists and feeds keep the old portal's order and dates.
                target.first_published_at = fields["date"]
            section.add_child(instance=target)
            outcome.status = Status.IMPORTED
        else:
            target = existing.specific
            if target.get_parent().pk != section.pk:
                target.move(section, pos="last-child")
                target.refresh_from_db()
                target.slug = unique_slug(section, article.title, exclude_pk=target.pk)
            for name, value in fields.items():
                setattr(target, name, value)
            target.save()
            outcome.status = Status.UPDATED
        revision = target.save_revision(clean=False, log_action=True)
        if options.publish or target.live:
            revision.publish(log_action=True)
        outcome.page_id = target.pk
        outcome.page_path = _page_path(target)
        self._redirect(page, target)

    def _redirect(self, page: SourcePage, target: ArticlePage) -> None:
        if not self.options.redirects or not page.old_path:
            return
        old_path = Redirect.normalise_path(page.old_path)
        if old_path in {"", "/"}:
            return
        url = target.get_url_parts()
        if url and Redirect.normalise_path(url[2]) == old_path:
            return
        Redirect.objects.update_or_create(
            site=self.options.site,
            old_path=old_path,
            defaults={
                "redirect_page": target,
                "redirect_link": "",
                "is_permanent": True,
            },
        )

    def _body(self, page: SourcePage, article: Article, outcome: Outcome) -> list[dict]:
        stream: list[dict] = []
        documents: dict[str, int] = {}
        for block in article.blocks:
            if block.kind == "attachment":
                doc_id = self._document(page, block.src, block.text, outcome, documents)
                if doc_id:
                    stream.append(
                        _paragraph(
                            f'<p><a linktype="document" id="{doc_id}">'
                            f"{_escape(block.text)}</a></p>"
                        )
                    )
                continue
            if block.kind == "image":
                image = self._image(page, block, outcome)
                if image is not None:
                    stream.append(
                        {
                            "type": "image",
                            "value": {
                                "image": {
                                    "image": image.pk,
                                    "alt_text": (block.alt or block.caption)[:255],
                                    "decorative": not (block.alt or block.caption),
                                },
                                "caption": block.caption[:255],
                            },
                        }
                    )
                continue
            if block.kind == "heading":
                tag = "h2" if block.level <= 2 else "h3"
                stream.append(_paragraph(f"<{tag}>{_escape(block.text)}</{tag}>"))
                continue
            html = self._links(page, block.html, outcome, documents)
            stream.append(
                _paragraph(html if block.kind == "list" else f"<p>{html}</p>")
            )
        return stream

    def _links(
        self, page, html: str, outcome: Outcome, documents: dict[str, int]
    ) -> str:
        def replace(match: re.Match) -> str:
            href = match.group(1).replace("&amp;", "&")
            url = _absolute(page, href)
            if re.search(
                r"\.(pdf|docx?|xlsx?|pptx?|odt|ods|rtf|zip|rar|7z)$",
                urlsplit(url).path,
                re.I,
            ):
                doc_id = self._document(page, url, "", outcome, documents)
                if doc_id:
                    return f'<a linktype="document" id="{doc_id}">'
            parts = urlsplit(url)
            if parts.hostname == FOLDER_HOST:
                query = f"?{parts.query}" if parts.query else ""
                return f'<a href="{_escape(parts.path + query)}">'
            return f'<a href="{_escape(url)}">'

        return re.sub(r'<a href="([^"]*)">', replace, html)

    def _image(self, page: SourcePage, block: Block, outcome: Outcome):
        try:
            data = self.assets.load(block.src, page)
            image, _ = image_from_bytes(
                data,
                url=block.src,
                title=block.caption or block.alt,
                alt=block.alt or block.caption,
                collection=self.collection,
            )
        except PageFailed as exc:
            outcome.warnings.append((exc.code, block.src))
            outcome.images -= 1
            return None
        return image

    def _document(self, page, url, title, outcome, documents) -> int | None:
        if url in documents:
            return documents[url]
        try:
            data = self.assets.load(url, page)
            document, _ = document_from_bytes(
                data,
                url=url,
                title=title or _file_name(url, "tep"),
                collection=self.collection,
            )
        except PageFailed as exc:
            outcome.warnings.append((exc.code, url))
            return None
        documents[url] = document.pk
        return document.pk


def _page_path(page) -> str:
    parts = page.get_url_parts()
    return parts[2] if parts else ""


def _paragraph(html: str) -> dict:
    return {"type": "paragraph", "value": sanitize_html(html)}


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
    )


def _absolute(page: SourcePage, href: str) -> str:
    from urllib.parse import urljoin

    return urljoin(page.base_url, href)


def _usable_url(url: str) -> bool:
    parts = urlsplit(url or "")
    return (
        parts.scheme in {"http", "https"}
        and bool(parts.hostname)
        and parts.hostname != FOLDER_HOST
    )


def resolve_path(value: str) -> Path:
    return Path(value).expanduser()
