"""The user and administrator manuals: Markdown next to this file, built to
printable HTML and PDF, and shown in the admin's Help menu.

    python -m congxa.editorial.manuals [--output DIR] [--no-pdf]
    congxa manuals [--output DIR] [--no-pdf] [--dry-run]

Pure Python plus the pinned `markdown` library (and Playwright driving Debian's
chromium for the PDF), no Django: `make manuals` builds them from a clean clone
with no database and no configuration. The screenshots in `img/` here
are taken by `tests/browser/test_manual_screenshots.py`, so they show the admin
as it is. A test run keeps them in a temporary folder; to refresh them here, run

    CONGXA_UPDATE_MANUAL_IMAGES=1 pytest tests/browser/test_manual_screenshots.py
"""

from __future__ import annotations

import argparse
import base64
import html
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import markdown

from congxa.vi.text import slugify

REPO = Path(__file__).resolve().parents[3]
# The sources are package data (pyproject.toml), so an installed congxa, not
# only a checkout, has them for the Help menu.
DEFAULT_SOURCE = Path(__file__).resolve().parent
DEFAULT_OUTPUT = REPO / "build" / "manuals"
CHROMIUM = os.environ.get("CONGXA_CHROMIUM", "/usr/bin/chromium")
# File name (no extension) of each manual, in the order of the Help menu.
MANUALS = ("huong-dan-su-dung", "huong-dan-quan-tri")
IMAGE_NAME = re.compile(r"[A-Za-z0-9_-]+\.png")
IMAGE = re.compile(rf'src="img/({IMAGE_NAME.pattern})"')

STYLE = """
:root { color-scheme: light; }
body { font-family: "Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
  line-height: 1.55; color: #1b1b1b; max-width: 46rem; margin: 2rem auto;
  padding: 0 1rem; }
h1 { color: #8a1c1c; font-size: 1.9rem; margin-bottom: .2rem; }
h2 { color: #8a1c1c; border-bottom: 2px solid #e4c7c7; padding-bottom: .2rem;
  margin-top: 2.2rem; break-after: avoid; }
h3 { margin-top: 1.6rem; break-after: avoid; }
img { max-width: 100%; border: 1px solid #ccc; break-inside: avoid; }
figure, p:has(> img) { break-inside: avoid; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #bbb; padding: .3rem .5rem; text-align: left;
  vertical-align: top; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: .92em;
  background: #f3f3f3; padding: 0 .2em; }
pre { background: #f3f3f3; padding: .6rem; overflow-x: auto; }
nav.toc { border: 1px solid #ddd; padding: .4rem 1rem; margin: 1rem 0 2rem; }
nav.toc ul { padding-left: 1.2rem; }
.note { border-left: 4px solid #8a1c1c; padding-left: .8rem; }
@page { size: A4; margin: 18mm 16mm; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } }
"""


class ManualError(Exception):
    """A manual cannot be built; the message says why, in Vietnamese."""


@dataclass(frozen=True)
class Manual:
    name: str
    title: str
    body: str  # HTML of the content, images as `src="img/NAME.png"`
    toc: str  # HTML list of the sections
    images: tuple[str, ...]


def _heading_id(value: str, separator: str) -> str:
    return slugify(value) or "muc"


def read_manual(name: str, source: Path = DEFAULT_SOURCE) -> Manual:
    """One manual, rendered from `source/NAME.md`; every image it shows must exist."""
    path = source / f"{name}.md"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ManualError(f"Không tìm thấy tệp nguồn của tài liệu: {path}.") from exc
    except UnicodeDecodeError as exc:
        raise ManualError(f"Tệp {path} không phải văn bản UTF-8.") from exc
    converter = markdown.Markdown(
        extensions=["tables", "toc", "attr_list", "sane_lists", "fenced_code"],
        extension_configs={"toc": {"slugify": _heading_id, "toc_depth": "2-3"}},
    )
    body = converter.convert(text)
    title_match = re.search(r"<h1[^>]*>(.*?)</h1>", body, re.S)
    if not title_match:
        raise ManualError(f"Tệp {path} thiếu tiêu đề (dòng đầu “# ...”).")
    images = tuple(dict.fromkeys(IMAGE.findall(body)))
    missing = [image for image in images if not (source / "img" / image).is_file()]
    if missing:
        raise ManualError(
            f"Tài liệu {path.name} dùng ảnh chưa có trong {source / 'img'}: "
            + ", ".join(missing)
            + ". Hãy chạy kiểm thử chụp ảnh với CONGXA_UPDATE_MANUAL_IMAGES=1 "
            "(tests/browser/test_manual_screenshots.py) để tạo lại ảnh."
        )
    title = re.sub(r"<[^>]+>", "", title_match.group(1)).strip()
    return Manual(name, html.unescape(title), body, converter.toc, images)


def with_image_urls(body: str, url_for: Callable[[str], str]) -> str:
    """The body with each screenshot's `src` given by `url_for(file name)`."""
    return IMAGE.sub(lambda m: f'src="{html.escape(url_for(m.group(1)))}"', body)


def standalone_html(manual: Manual, source: Path = DEFAULT_SOURCE) -> str:
    """One printable HTML file: style and screenshots inside it."""

    def data_uri(image: str) -> str:
        encoded = base64.b64encode((source / "img" / image).read_bytes()).decode()
        return "data:image/png;base64," + encoded

    body = with_image_urls(manual.body, data_uri)
    first_heading_end = body.find("</h1>") + len("</h1>")
    toc = f'<nav class="toc"><strong>Mục lục</strong>{manual.toc}</nav>'
    return (
        '<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(manual.title)}</title>\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<style>{STYLE}</style>\n</head>\n<body>\n"
        f"{body[:first_heading_end]}\n{toc}\n{body[first_heading_end:]}\n"
        "</body>\n</html>\n"
    )


def _check_chromium(chromium: str) -> None:
    if not Path(chromium).exists():
        raise ManualError(
            f"Không tìm thấy trình duyệt {chromium} để in PDF: cài bằng "
            "“apt-get install -y chromium”, hoặc bỏ PDF bằng --no-pdf."
        )


def write_pdfs(pages: list[tuple[Path, Path]], chromium: str) -> None:
    """Print each HTML file to its PDF with chromium (A4, page numbers)."""
    _check_chromium(chromium)
    from playwright.sync_api import sync_playwright

    footer = (
        '<div style="font-size:8px;width:100%;text-align:center;color:#555">'
        'Trang <span class="pageNumber"></span>/<span class="totalPages"></span>'
        "</div>"
    )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium,
            args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        )
        try:
            page = browser.new_page()
            for html_path, pdf_path in pages:
                page.goto(html_path.resolve().as_uri())
                page.pdf(
                    path=str(pdf_path),
                    format="A4",
                    print_background=True,
                    display_header_footer=True,
                    header_template="<span></span>",
                    footer_template=footer,
                    margin={"top": "16mm", "bottom": "18mm", "left": "0", "right": "0"},
                )
        finally:
            browser.close()


@dataclass
class BuildResult:
    html: int = 0
    pdf: int = 0
    images: int = 0


def build(
    output: Path = DEFAULT_OUTPUT,
    *,
    source: Path = DEFAULT_SOURCE,
    pdf: bool = True,
    dry_run: bool = False,
    chromium: str | None = None,
    write: Callable[[str], None] = lambda line: None,
) -> BuildResult:
    """Every manual to `output/NAME.html` (and `NAME.pdf`); raises ManualError
    before writing anything when a source, a screenshot or chromium is missing."""
    manuals = [read_manual(name, source) for name in MANUALS]
    chromium = chromium or CHROMIUM
    if pdf and not dry_run:
        _check_chromium(chromium)
    result = BuildResult(images=sum(len(m.images) for m in manuals))
    if dry_run:
        for manual in manuals:
            write(f"Sẽ tạo {output / manual.name}.html: {manual.title}")
        return result
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ManualError(f"Không tạo được thư mục {output} ({exc.strerror}).") from exc
    pages = []
    for manual in manuals:
        html_path = output / f"{manual.name}.html"
        html_path.write_text(standalone_html(manual, source), encoding="utf-8")
        write(f"Đã tạo {html_path}")
        result.html += 1
        pages.append((html_path, output / f"{manual.name}.pdf"))
    if pdf:
        write_pdfs(pages, chromium)
        for _, pdf_path in pages:
            write(f"Đã tạo {pdf_path}")
        result.pdf = len(pages)
    return result


def summary(result: BuildResult) -> str:
    return (
        f"Xong: {result.html} tệp HTML, {result.pdf} tệp PDF, "
        f"{result.images} ảnh chụp màn hình."
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m congxa.editorial.manuals",
        description=(
            "Tạo tài liệu hướng dẫn (HTML và PDF) từ congxa/editorial/manuals/."
        ),
    )
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--no-pdf", action="store_true")
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)

    def write(line: str) -> None:
        sys.stdout.write(line + "\n")

    try:
        result = build(
            args.output,
            source=args.source,
            pdf=not args.no_pdf,
            dry_run=args.dry_run,
            write=write,
        )
    except ManualError as exc:
        sys.stderr.write(f"Lỗi: {exc}\n")
        return 1
    write(summary(result))
    return 0
