"""Legacy-portal import: field scores on the corpus, then pages/s and peak memory.

    .venv/bin/python bench/import_site.py                 # 200 and 1000 pages
    .venv/bin/python bench/import_site.py --pages 1000,5000

1. Field scores per platform family on tests/legacy/corpus, for congxa's
   extractor and for plain trafilatura (the pinned version, default settings
   plus images), side by side. Printed, not asserted: the thresholds are in
   tests/legacy/test_corpus.py.
2. Extraction alone over generated pages (the baseline of the same run), then
   the whole `import_site` command into a fresh demo commune, each size in its
   own process: pages per second (and as a ratio of extraction alone) and peak
   resident memory, which must not grow with the number of pages.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._demo import PYTHON, demo_env, seed_demo  # noqa: E402

POOL = 20  # distinct pictures the generated pages share


def corpus_scores() -> None:
    from congxa.legacy.decoding import decode_bytes
    from congxa.legacy.extraction import extract_article
    from congxa.legacy.scoring import (
        Score,
        corpus_pages,
        field_results,
        from_article,
        from_trafilatura,
    )

    ours: dict[str, Score] = defaultdict(Score)
    theirs: dict[str, Score] = defaultdict(Score)
    day_right = [0, 0]  # the date's day alone: trafilatura gives no time
    for path, want in corpus_pages(ROOT / "tests" / "legacy" / "corpus"):
        html = decode_bytes(path.read_bytes())
        mine, plain = from_article(extract_article(html)), from_trafilatura(html)
        day_right[0] += mine.date[:10] == want["date"][:10]
        day_right[1] += plain.date[:10] == want["date"][:10]
        for family in (want["family"], "ALL"):
            ours[family].add(field_results(mine, want))
            theirs[family].add(field_results(plain, want))
    import trafilatura

    print(f"Field scores (exactly right) — trafilatura {trafilatura.__version__}")
    print(
        f"{'family':12} {'pages':>5} {'congxa':>8} {'no-furn.':>8}   "
        f"{'trafil.':>8} {'no-furn.':>8}"
    )
    for family in sorted(ours, key=lambda f: (f == "ALL", f)):
        a, b = ours[family], theirs[family]
        print(
            f"{family:12} {a.pages:5d} {a.fields_right:8.1%} {a.no_furniture:8.0%}"
            f"   {b.fields_right:8.1%} {b.no_furniture:8.0%}"
        )
    a, b = ours["ALL"], theirs["ALL"]
    print(
        "per field:   " + "  ".join(f"{k}={a.right[k]}/{b.right[k]}" for k in a.right)
    )
    print(
        f"date, day only: congxa {day_right[0]}/{a.pages}, "
        f"trafilatura {day_right[1]}/{a.pages}"
    )
    print()


def write_pages(folder: Path, count: int) -> None:
    from tests.legacy.sitegen import generated_page, small_jpeg

    rng = random.Random(count)  # noqa: S311
    uploads = folder / "uploads" / "news"
    uploads.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        family, data = generated_page(number, rng)
        # Pictures come from a pool, as on a real site where many share a few.
        data = data.replace(
            f"bench-{number}-".encode(), f"pool-{number % POOL}-".encode()
        )
        page = folder / family / f"bai-{number}.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_bytes(data)
    for number in range(POOL):
        for index in range(2):
            (uploads / f"pool-{number}-{index}.jpg").write_bytes(
                small_jpeg(number * 3 + index)
            )


def extract_only(folder: Path) -> float:
    from congxa.legacy.decoding import decode_bytes
    from congxa.legacy.extraction import extract_article

    pages = sorted(folder.rglob("*.html"))
    started = time.perf_counter()
    for path in pages:
        extract_article(
            decode_bytes(path.read_bytes()), f"http://x.example/{path.name}"
        )
    return len(pages) / (time.perf_counter() - started)


CHILD = """
import json, resource, sys, time
import django
django.setup()
from io import StringIO
from django.core.management import call_command
out = StringIO()
started = time.perf_counter()
call_command("import_site", sys.argv[1], site="127.0.0.1", publish=True,
             state_file=sys.argv[2], stdout=out, stderr=StringIO())
elapsed = time.perf_counter() - started
print(json.dumps({"seconds": elapsed,
                  "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "summary": out.getvalue().strip().splitlines()[-1]}))
"""


def import_run(count: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="congxa-bench-import-") as tmp:
        tmp_path = Path(tmp)
        folder = tmp_path / "site"
        write_pages(folder, count)
        baseline = extract_only(folder)
        data_dir = tmp_path / "data"
        seed_demo(data_dir)
        result = subprocess.run(
            [PYTHON, "-c", CHILD, str(folder), str(tmp_path / "state.jsonl")],
            cwd=ROOT,
            env=demo_env(data_dir),
            capture_output=True,
            text=True,
            check=True,
        )
        figures = json.loads(result.stdout.strip().splitlines()[-1])
        figures["baseline"] = baseline
        figures["pages"] = count
        return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", default="200,1000", help="Sizes, comma-separated.")
    parser.add_argument("--no-scores", action="store_true")
    parser.add_argument("--scores-only", action="store_true")
    args = parser.parse_args()
    if not args.no_scores:
        import os

        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congxa.settings")
        corpus_scores()
    if args.scores_only:
        return
    runs = [import_run(int(n)) for n in args.pages.split(",")]
    print(
        f"{'pages':>6} {'extract p/s':>11} {'import p/s':>10} {'ratio':>6} "
        f"{'peak RSS MB':>11}"
    )
    for run in runs:
        rate = run["pages"] / run["seconds"]
        print(
            f"{run['pages']:6d} {run['baseline']:11.1f} {rate:10.1f} "
            f"{rate / run['baseline']:6.2f} {run['maxrss_kb'] / 1024:11.1f}   "
            f"{run['summary']}"
        )
    if len(runs) > 1:
        first, last = runs[0], runs[-1]
        print(
            f"peak memory {last['pages']} vs {first['pages']} pages: "
            f"{last['maxrss_kb'] / first['maxrss_kb']:.2f}x"
        )


if __name__ == "__main__":
    main()
