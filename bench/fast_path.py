"""CPU time of one page-cache hit: the WSGI fast path against the Django path.

    bench/fast_path.py                 # seeds the demo in a temporary folder
    bench/fast_path.py --data-dir DIR  # an already seeded demo data directory

Both run in this one process, on the same stored entry of the newest article,
so the figure is a ratio measured in the same run and counts CPU time, not wall
time (a busy machine slows both alike). The WSGI servers' own cost comes on
top (bench/http.sh measures it end to end).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _demo import demo_env, seed_demo  # noqa: E402

ROUNDS = 3


def measure(data_dir: Path, requests: int) -> None:
    os.environ.update(demo_env(data_dir))
    # Not collected here: static files are found where they are.
    os.environ["CONGXA_STATICFILES_STORAGE"] = (
        "django.contrib.staticfiles.storage.StaticFilesStorage"
    )
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    from django.test import RequestFactory

    from congxa.news.models import ArticlePage
    from congxa.wsgi import application, django_application

    article = ArticlePage.objects.live().order_by("-date").first()
    environ = RequestFactory().get(article.relative_url(None), HTTP_HOST="127.0.0.1")
    environ = environ.environ
    answers = {}

    def start_response(status, headers, exc_info=None):
        answers["status"], answers["headers"] = status, dict(headers)

    results = {}
    for name, app in (("django path", django_application), ("fast path", application)):
        for _ in range(50):
            b"".join(app(dict(environ), start_response))
        assert answers["status"] == "200 OK"
        assert answers["headers"]["X-Cache"] == "HIT"
        best = None
        for _ in range(ROUNDS):
            started = time.process_time()
            for _ in range(requests):
                b"".join(app(dict(environ), start_response))
            spent = (time.process_time() - started) / requests * 1e6
            best = spent if best is None else min(best, spent)
        results[name] = best
    print(f"# CPU per cached article hit, best of {ROUNDS} x {requests}")
    for name, micros in results.items():
        print(f"{name:<12} {micros:7.1f} us  ({1e6 / micros:8.0f} hits/s per core)")
    print(f"fast path: {results['django path'] / results['fast path']:.1f}x cheaper")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--requests", type=int, default=3000)
    args = parser.parse_args()
    if args.data_dir:
        measure(args.data_dir.resolve(), args.requests)
        return
    with tempfile.TemporaryDirectory(prefix="congxa-fastpath-") as tmp:
        seed_demo(Path(tmp))
        measure(Path(tmp), args.requests)


if __name__ == "__main__":
    main()
