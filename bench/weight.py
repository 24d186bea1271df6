"""Bytes per page by kind (HTML, CSS, JS, images), raw and compressed.

    .venv/bin/python bench/weight.py

Serves the demo from a temporary data directory and fetches each page kind as
a phone would: the HTML, the stylesheets and scripts it links, the site's own
images, and for each <picture> the candidate a 360 px wide screen picks (the
smallest of the first <source>, AVIF). Text is measured raw, gzip (level 9, as
WhiteNoise precompresses) and brotli (quality 11); images are already
compressed. Budget (issue 7): article without content images <= 40 KB
transferred, with its lead image <= 100 KB.
"""

from __future__ import annotations

import gzip
import re
import sys
import tempfile
from html import unescape
from pathlib import Path

import brotli

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _demo import Server, demo_pages, http_get, seed_demo  # noqa: E402

TEXT_ASSET = re.compile(r'<(?:link[^>]+href|script[^>]+src)="([^"]+)"', re.I)
PICTURE = re.compile(r"<picture>.*?</picture>", re.S)
IMG_SRC = re.compile(r'<img[^>]+src="([^"]+)"', re.I)
FIRST_SRCSET = re.compile(r'<source[^>]+srcset="([^"]+)"', re.I)


def sizes(data: bytes) -> tuple[int, int, int]:
    return len(data), len(gzip.compress(data, 9)), len(brotli.compress(data))


def phone_images(html: str) -> tuple[list[str], list[str]]:
    """(site images, content images a 360 px phone downloads)."""
    content = []
    for picture in PICTURE.findall(html):
        srcset = FIRST_SRCSET.search(picture)
        if srcset:
            content.append(unescape(srcset.group(1)).split(",")[0].split()[0])
        else:
            content += IMG_SRC.findall(picture)
    rest = PICTURE.sub("", html)
    site = []
    for src in IMG_SRC.findall(rest):
        (content if src.startswith("/media/") else site).append(src)
    return sorted(set(site)), content


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="congxa-weight-") as tmp:
        data_dir = Path(tmp)
        seed_demo(data_dir)
        with Server(data_dir) as server:
            pages = demo_pages(data_dir, server.base_url)
            pages["search"] = "/tim-kiem/?q=b%C3%A3o"
            base = server.base_url

            def fetch(url: str) -> bytes:
                status, _, body = http_get(base + url)
                assert status == 200, (url, status)
                return body

            print("# bytes per page: raw / gzip -9 / brotli -11 (images as served)")
            header = (
                f"{'page':<10} {'HTML':>20} {'CSS':>18} {'JS':>10} "
                f"{'site img':>9} {'content img':>12} | {'no content img':>14} "
                f"{'+ content img':>14}"
            )
            print(header)
            for kind, path in pages.items():
                status, headers, gz = http_get(base + path, {"Accept-Encoding": "gzip"})
                assert status == 200, (path, status)
                html_bytes = fetch(path)
                html = html_bytes.decode()
                css = js = (0, 0, 0)
                for url in sorted(set(TEXT_ASSET.findall(html))):
                    if not url.startswith("/static/"):
                        continue
                    if url.endswith(".css"):
                        css = tuple(
                            a + b for a, b in zip(css, sizes(fetch(url)), strict=True)
                        )
                    elif url.endswith(".js"):
                        js = tuple(
                            a + b for a, b in zip(js, sizes(fetch(url)), strict=True)
                        )
                site_imgs, content_imgs = phone_images(html)
                site_img = sum(len(fetch(u)) for u in site_imgs if u.startswith("/"))
                content_img = sum(len(fetch(u)) for u in content_imgs)
                html_sizes = sizes(html_bytes)
                served_gzip = len(gz) if headers.get("Content-Encoding") else None
                transfer = served_gzip or html_sizes[1]
                without = transfer + css[1] + js[1] + site_img
                print(
                    f"{kind:<10} {html_sizes[0]:>6}/{transfer:>6}/{html_sizes[2]:>6} "
                    f"{css[0]:>6}/{css[1]:>5}/{css[2]:>5} {js[0]:>4}/{js[1]:>4} "
                    f"{site_img:>9} {content_img:>12} | {without / 1024:>11.1f} KB "
                    f"{(without + content_img) / 1024:>11.1f} KB"
                )
            print(
                "# 'no content img' = HTML (gzip as served) + CSS + JS (gzip) + site"
                " images; the budget is 40 KB for the article, 100 KB with its image"
            )


if __name__ == "__main__":
    main()
