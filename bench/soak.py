"""Soak: mixed traffic on the two-host province for a while, then the books checked.

    .venv/bin/python bench/soak.py                 # 20 minutes
    .venv/bin/python bench/soak.py --minutes 3     # a short run

Builds the province of tests/scaleout (private PostgreSQL, Redis, moto's S3
server, two `congxa serve` hosts with 2 workers each, Debian's nginx in front)
and runs, side by side: readers (pages through nginx and straight to either
host), searchers, citizens sending questions (form from one host, sent to the
other) and an editor publishing a new title every `--publish-every` seconds,
checked on both hosts at the next request. Reports errors and p50/p99 per kind,
the first tenth of the run against the last tenth (ratios), the workers' memory
at the start and the end, and checks that every question accepted is in the
database exactly once and every publish was visible on both hosts.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import threading
import time
import urllib.parse
import uuid
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.scaleout.conftest import build_province  # noqa: E402
from tests.scaleout.helpers import (  # noqa: E402
    article,
    ask,
    publish_title,
    question_form,
)
from tests.scaleout.services import Browser, get  # noqa: E402

PAGES_SNIPPET = """
from wagtail.models import Page
for page in Page.objects.live().filter(depth__gte=2).specific()[:60]:
    print("PAGE", page.pk, page.url_path.split("/", 2)[2], type(page).__name__)
"""
SEARCHES = ["thu tuc", "khai sinh", "đất đai", "hộ tịch", "văn bản", "lịch công tác"]


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def workers_rss(province) -> dict[int, int]:
    return {pid: rss_kb(pid) for host in province.hosts for pid in host.worker_pids()}


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.samples: dict[str, list[tuple[float, float]]] = defaultdict(list)
        self.errors: dict[str, list[str]] = defaultdict(list)

    def timed(self, kind: str, action):
        started = time.monotonic()
        try:
            ok, detail = action()
        except Exception as exc:  # noqa: BLE001 (a failed request is a figure)
            ok, detail = False, f"{type(exc).__name__}: {exc}"
        elapsed = (time.monotonic() - started) * 1000
        with self.lock:
            self.samples[kind].append((started, elapsed))
            if not ok:
                self.errors[kind].append(detail)
        return ok


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=20)
    parser.add_argument("--readers", type=int, default=3)
    parser.add_argument("--askers", type=int, default=1)
    parser.add_argument("--publish-every", type=float, default=60)
    args = parser.parse_args()

    with build_province() as province:
        a, b = province.hosts
        pages = [
            "/" + line.split()[2]
            for line in province.shell(PAGES_SNIPPET).splitlines()
            if line.startswith("PAGE")
        ]
        article_pk, article_path = article(province)
        # Only the pages the public can read; read once through every base, so
        # the memory measured at the start is that of warm workers.
        pages = [path for path in pages if get(a.url + path)[0] == 200]
        for _ in range(3):
            for base in (a.url, b.url, province.nginx):
                for path in pages:
                    get(base + path)
        bases = [province.nginx, a.url, b.url]
        recorder = Recorder()
        accepted: list[str] = []
        refused: list[str] = []
        publishes: list[tuple[str, bool]] = []
        stop = threading.Event()
        started = time.monotonic()
        deadline = started + args.minutes * 60
        rss_start = workers_rss(province)

        def reader(seed: int):
            rng = random.Random(seed)  # noqa: S311 (traffic, not secrets)
            while not stop.is_set():
                base, path = rng.choice(bases), rng.choice(pages)
                recorder.timed("page", lambda url=base + path: _ok(get(url)))

        def searcher():
            rng = random.Random(99)  # noqa: S311
            while not stop.is_set():
                base, words = rng.choice(bases), rng.choice(SEARCHES)
                query = urllib.parse.quote_plus(words)
                url = f"{base}/tim-kiem/?q={query}"
                recorder.timed("search", lambda url=url: _ok(get(url)))
                time.sleep(0.2)

        def asker(seed: int):
            rng = random.Random(seed)  # noqa: S311
            while not stop.is_set():
                form_host, post_host = rng.sample([a.url, b.url], 2)
                browser = Browser()
                fields = question_form(browser, form_host)
                time.sleep(3.2)  # the form's minimum time
                title = f"Câu hỏi soak {uuid.uuid4().hex[:12]}"

                def send(fields=fields, title=title, browser=browser, host=post_host):
                    status, _, _ = ask(browser, host, fields, title)
                    (accepted if status == 200 else refused).append(title)
                    return status == 200, f"status {status}"

                recorder.timed("question", send)

        def publisher():
            number = 0
            while not stop.wait(args.publish_every):
                number += 1
                title = f"Tin soak số {number} {uuid.uuid4().hex[:6]}"

                def publish(title=title, number=number):
                    env = (a if number % 2 else b).env
                    publish_title(province, article_pk, title, env=env)
                    seen = all(
                        title in get(host.url + article_path)[2].decode()
                        for host in (a, b)
                    )
                    publishes.append((title, seen))
                    return seen, "not visible on both hosts at the next request"

                recorder.timed("publish", publish)

        threads = [
            threading.Thread(target=reader, args=(i,)) for i in range(args.readers)
        ]
        threads.append(threading.Thread(target=searcher))
        threads += [
            threading.Thread(target=asker, args=(i,)) for i in range(args.askers)
        ]
        threads.append(threading.Thread(target=publisher))
        for thread in threads:
            thread.daemon = True
            thread.start()
        while time.monotonic() < deadline:
            time.sleep(1)
        stop.set()
        for thread in threads:
            thread.join(120)
        rss_end = workers_rss(province)
        elapsed = time.monotonic() - started

        counts = dict(
            province.sql(
                "SELECT title, count(*) FROM engagement_question "
                "WHERE title LIKE 'Câu hỏi soak %%' GROUP BY title"
            )
        )

    print(f"soak: {elapsed / 60:.1f} min, 2 hosts x 2 workers behind nginx")
    print(
        f"{'kind':10} {'count':>7} {'errors':>6} {'p50 ms':>8} {'p99 ms':>8} "
        f"{'p50 last/first tenth':>21}"
    )
    tenth = elapsed / 10
    for kind, samples in sorted(recorder.samples.items()):
        values = [ms for _, ms in samples]
        first = [ms for t, ms in samples if t - started < tenth]
        last = [ms for t, ms in samples if t - started > elapsed - tenth]
        ratio = (
            statistics.median(last) / statistics.median(first)
            if first and last
            else float("nan")
        )
        print(
            f"{kind:10} {len(values):7} {len(recorder.errors[kind]):6} "
            f"{percentile(values, 0.5):8.1f} {percentile(values, 0.99):8.1f} "
            f"{ratio:21.2f}"
        )
    for kind, errors in recorder.errors.items():
        for error in errors[:3]:
            print(f"  error ({kind}): {error}")
    start_kb, end_kb = sum(rss_start.values()), sum(rss_end.values())
    print(
        f"worker memory: {start_kb / 1024:.0f} MB at the start (warm), "
        f"{end_kb / 1024:.0f} MB at the end "
        f"({len(rss_start)} -> {len(rss_end)} workers), "
        f"growth {100 * (end_kb - start_kb) / max(start_kb, 1):+.1f}% (target < 10%)"
    )
    once = sum(1 for title in accepted if counts.get(title) == 1)
    print(
        f"questions: {len(accepted)} accepted, {once} in the database exactly once, "
        f"{len(refused)} refused; rows not accepted: "
        f"{sum(1 for t in counts if t not in accepted)}"
    )
    visible = sum(1 for _, seen in publishes if seen)
    print(f"publishes: {len(publishes)}, visible on both hosts at once: {visible}")
    problems = (
        sum(len(e) for e in recorder.errors.values())
        + (len(accepted) - once)
        + (len(publishes) - visible)
    )
    sys.exit(1 if problems else 0)


def _ok(response) -> tuple[bool, str]:
    status = response[0]
    return status == 200, f"status {status}"


if __name__ == "__main__":
    main()
