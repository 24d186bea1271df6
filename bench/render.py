"""Uncached renders per second of one page, in-process, through the whole WSGI app.

    bench/render.py --data-dir DIR                # the newest article, 300 renders
    bench/render.py --data-dir DIR --path /       # another page
    bench/render.py --data-dir DIR --profile      # and cProfile's top costs
    bench/render.py --data-dir DIR --tree /work/main   # another checkout's code

The page cache is off (CONGXA_PAGE_CACHE=0), so every request renders: routing,
middleware, template, gzip. CPU time per render (best of 3 rounds), so a busy
machine slows it less than wall time; compare two trees by running this twice
in a row (`--tree`), which is what bench/RESULTS.md quotes. DIR is a seeded demo
data directory (`manage.py demo --no-serve` with CONGXA_DATA_DIR=DIR).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROUNDS = 3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--path", default="", help="default: the newest article")
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--save", type=Path, help="write the page's HTML there")
    parser.add_argument("--tree", type=Path, default=Path(__file__).parent.parent)
    args = parser.parse_args()

    tree = args.tree.resolve()
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _demo import demo_env

    os.environ.update(demo_env(args.data_dir.resolve(), CONGXA_PAGE_CACHE="0"))
    os.environ["CONGXA_STATICFILES_STORAGE"] = (
        "django.contrib.staticfiles.storage.StaticFilesStorage"
    )
    sys.path.insert(0, str(tree))
    import django

    django.setup()
    from django.db import connection
    from django.test import RequestFactory

    import congxa
    from congxa.news.models import ArticlePage
    from congxa.wsgi import application

    assert Path(congxa.__file__).resolve().is_relative_to(tree), congxa.__file__
    path = args.path
    if not path:
        # The article bench/http.sh measures: the newest with a lead picture.
        path = (
            ArticlePage.objects.live()
            .filter(featured_image__isnull=False)
            .order_by("-date")
            .first()
            .relative_url(None)
        )
    environ = (
        RequestFactory()
        .get(path, HTTP_HOST="127.0.0.1", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
        .environ
    )
    answers = {}

    def start_response(status, headers, exc_info=None):
        answers["status"], answers["headers"] = status, dict(headers)

    def render() -> bytes:
        return b"".join(application(dict(environ), start_response))

    for _ in range(20):
        body = render()
    assert answers["status"] == "200 OK", answers
    queries = []
    with connection.execute_wrapper(
        lambda execute, sql, *rest: queries.append(sql) or execute(sql, *rest)
    ):
        render()
    best = None
    for _ in range(ROUNDS):
        started = time.process_time()
        for _ in range(args.requests):
            render()
        spent = (time.process_time() - started) / args.requests
        best = spent if best is None else min(best, spent)
    print(f"# {tree}: {path}, uncached, best of {ROUNDS} x {args.requests}")
    print(
        f"cpu per render {best * 1000:7.2f} ms  ({1 / best:7.1f} renders/s per core)"
        f"  queries {len(queries)}  bytes {len(body)}"
        f" ({answers['headers'].get('Content-Encoding', 'identity')})"
    )
    if args.save:
        import gzip

        if answers["headers"].get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        args.save.write_bytes(body)
    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.requests):
            render()
        profiler.disable()
        stats = pstats.Stats(profiler)
        stats.sort_stats("cumulative").print_stats(45)
        # The project's own functions and template tags, by cumulative time.
        stats.sort_stats("cumulative").print_stats(r"congxa|_tags|blocks", 45)
        stats.sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
