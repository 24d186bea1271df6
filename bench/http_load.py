"""Throughput and latency of the demo commune under `wrk`, against nginx static.

    bench/http.sh            # the full run, about 9 minutes
    bench/http.sh --quick    # one 3 s run per figure, to try it
    REFERENCE_URL=http://127.0.0.1:18480/breads/... bench/http.sh --quick
                             # also the reference Wagtail demo, in the same run

The cached figures go through the WSGI fast path (congxa/wsgi.py); the article
is also measured with CONGXA_FAST_PATH=0 (hits answered inside Django). With
REFERENCE_URL (or --reference-url), the page of an already-running reference
server (bakerydemo, see bench/RESULTS.md for how it was run) is measured right
after the uncached article, and their ratio printed.

Starts the demo in its own temporary data directory with `manage.py serve` on
127.0.0.1, warms it, then runs `wrk -t2 -c16 -d10s --latency` three times per
page (medians): with the page cache, without it (CONGXA_PAGE_CACHE=0), and the
same article HTML as a static file served by nginx. Then compares WSGI servers
and worker counts on the article page. Figures on a shared machine are noisy:
read the ratios, measured in the same run, not the absolute numbers.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _demo import Server, StaticNginx, demo_pages, http_get, seed_demo  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.perf.servers import nginx_in_front  # noqa: E402

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def require(binary: str, package: str) -> None:
    if shutil.which(binary) is None:
        sys.exit(f"{binary} is missing: apt-get install -y {package}")


def wrk(url: str, duration: int) -> dict[str, float]:
    out = subprocess.run(
        # wrk drops answers slower than its 2 s default from the counts; on a
        # loaded machine an uncached page can take longer, so wait for them.
        ["wrk", "-t2", "-c16", f"-d{duration}s", "--latency", "--timeout", "30s", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    def latency(percent: str) -> float:
        value, unit = re.search(
            rf"^\s*{percent}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M
        ).groups()
        return float(value) * UNITS[unit]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": latency("50"),
        "p99": latency("99"),
        "errors": int(errors.group(1)) if errors else 0,
    }


def median_of(url: str, runs: int, duration: int) -> dict[str, float]:
    results = [wrk(url, duration) for _ in range(runs)]
    return {
        key: statistics.median(r[key] for r in results)
        for key in ("rps", "p50", "p99", "errors")
    }


def warm(base_url: str, paths: dict[str, str], expect_hit: bool) -> None:
    for path in paths.values():
        for _ in range(8):
            # A worker's first render of a page with pictures makes its
            # renditions: seconds on a loaded machine.
            status, headers, _ = http_get(base_url + path, timeout=120)
        assert status == 200, (path, status)
        if expect_hit:
            assert headers.get("X-Cache") == "HIT", (path, headers)


def fmt(result: dict[str, float] | None) -> str:
    if result is None:
        return f"{'-':>8} {'-':>7} {'-':>7}"
    return f"{result['rps']:8.0f} {result['p50']:6.2f}ms {result['p99']:6.2f}ms"


def rss(server: Server) -> str:
    sizes = server.worker_rss_mb()
    return ", ".join(f"{size:.0f}" for size in sizes) + " MB" if sizes else "?"


SERVERS = [
    ("gunicorn sync", ["--server", "gunicorn", "--workers", "2", "--threads", "1"]),
    ("gunicorn sync", ["--server", "gunicorn", "--workers", "3", "--threads", "1"]),
    ("gunicorn gthread", ["--server", "gunicorn", "--workers", "2", "--threads", "4"]),
    ("gunicorn gthread", ["--server", "gunicorn", "--workers", "3", "--threads", "4"]),
    ("granian", ["--server", "granian", "--workers", "2", "--threads", "1"]),
    ("granian", ["--server", "granian", "--workers", "3", "--threads", "1"]),
    ("granian", ["--server", "granian", "--workers", "2", "--threads", "4"]),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1 run of 3 s each")
    parser.add_argument("--no-servers", action="store_true", help="skip comparison")
    parser.add_argument(
        "--reference-url",
        default=os.environ.get("REFERENCE_URL", ""),
        help="a page of an already-running reference server (127.0.0.1 only)",
    )
    args = parser.parse_args()
    if args.reference_url and not args.reference_url.startswith(
        ("http://127.0.0.1", "http://localhost", "http://[::1]")
    ):
        sys.exit("--reference-url must be on 127.0.0.1")
    runs, duration = (1, 3) if args.quick else (3, 10)
    require("wrk", "wrk")
    require("nginx", "nginx")

    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="congxa-bench-") as tmp:
        data_dir = Path(tmp)
        seed_demo(data_dir)
        results: dict[str, dict] = {}
        rss_line = {}
        with Server(data_dir) as server:  # collects static files once
            pages = demo_pages(data_dir, server.base_url)
            warm(server.base_url, pages, expect_hit=True)
            for kind, path in pages.items():
                results[(kind, "cached")] = median_of(
                    server.base_url + path, runs, duration
                )
            article_html = http_get(server.base_url + pages["article"])[2]
            rss_line["cached"] = rss(server)
            server_args = server.process.args
        with Server(data_dir, "--skip-collectstatic", CONGXA_FAST_PATH="0") as server:
            warm(server.base_url, {"a": pages["article"]}, expect_hit=True)
            results[("article", "django-path")] = median_of(
                server.base_url + pages["article"], runs, duration
            )
        with Server(data_dir, "--skip-collectstatic", CONGXA_PAGE_CACHE="0") as server:
            warm(server.base_url, pages, expect_hit=False)
            for kind, path in pages.items():
                results[(kind, "uncached")] = median_of(
                    server.base_url + path, runs, duration
                )
                if kind == "article" and args.reference_url:
                    status = http_get(args.reference_url)[0]
                    assert status == 200, (args.reference_url, status)
                    results[("article", "reference")] = median_of(
                        args.reference_url, runs, duration
                    )
            rss_line["uncached"] = rss(server)
            # The spike recipe: deploy/nginx.conf's page cache in front of the app.
            with nginx_in_front(server.base_url, data_dir) as proxy_url:
                warm(proxy_url, {"a": pages["article"]}, expect_hit=False)
                results[("article", "proxied")] = median_of(
                    proxy_url + pages["article"], runs, duration
                )
        nginx = StaticNginx(article_html)
        try:
            results[("article", "static")] = median_of(
                nginx.base_url + "/", runs, duration
            )
        finally:
            nginx.stop()

        print(f"# congxa HTTP bench: wrk -t2 -c16 -d{duration}s, median of {runs}")
        print("# server: " + " ".join(server_args[server_args.index("serve") :]))
        print(
            f"{'page':<10} {'cached req/s  p50     p99':>26} | "
            f"{'uncached req/s p50     p99':>26} | "
            f"{'static req/s  p50     p99':>26} | cached/static cached/uncached"
        )
        for kind in pages:
            cached = results[(kind, "cached")]
            uncached = results[(kind, "uncached")]
            static = results.get((kind, "static"))
            ratio_static = (
                f"{cached['rps'] / static['rps']:12.1%}" if static else (f"{'-':>12}")
            )
            print(
                f"{kind:<10} {fmt(cached)} | {fmt(uncached)} | {fmt(static)} | "
                f"{ratio_static}  {cached['rps'] / uncached['rps']:10.1f}x"
            )
        errors = sum(r["errors"] for r in results.values())
        proxied = results[("article", "proxied")]
        static = results[("article", "static")]
        print(
            f"article via deploy/nginx.conf (1 s cache, app uncached): {fmt(proxied)}"
            f" | {proxied['rps'] / static['rps']:.1%} of static"
        )
        fast = results[("article", "cached")]
        django_path = results[("article", "django-path")]
        print(
            f"article, fast path (cached):   {fmt(fast)} | "
            f"{fast['rps'] / static['rps']:.1%} of static (target >= 20%, p99 < 10 ms)"
        )
        print(
            f"article, Django path (cached): {fmt(django_path)} | "
            f"{django_path['rps'] / static['rps']:.1%} of static; fast path "
            f"{fast['rps'] / django_path['rps']:.1f}x"
        )
        reference = results.get(("article", "reference"))
        if reference is not None:
            uncached = results[("article", "uncached")]
            print(
                f"article uncached vs reference ({args.reference_url}): "
                f"{fmt(uncached)} | {fmt(reference)} | "
                f"{uncached['rps'] / reference['rps']:.1f}x (target 5x)"
            )
        print(f"# non-2xx responses: {errors}")
        print(f"# worker RSS after cached run:   {rss_line['cached']}")
        print(f"# worker RSS after uncached run: {rss_line['uncached']}")

        if not args.no_servers:
            short = max(3, duration // 2)
            print(f"\n# article page by server, 1 run of {short} s, cached | uncached")
            article = pages["article"]
            baseline = None
            for name, server_args in SERVERS:
                row = {}
                for mode, env in (
                    ("cached", {}),
                    ("uncached", {"CONGXA_PAGE_CACHE": "0"}),
                ):
                    with Server(
                        data_dir, "--skip-collectstatic", *server_args, **env
                    ) as server:
                        warm(
                            server.base_url, {"a": article}, expect_hit=mode == "cached"
                        )
                        row[mode] = wrk(
                            server.base_url + article, max(3, duration // 2)
                        )
                        row[mode + "_rss"] = rss(server)
                if baseline is None:
                    baseline = row
                label = f"{name} {' '.join(server_args[2:])}"
                print(
                    f"{label:<38} {fmt(row['cached'])} | {fmt(row['uncached'])} | "
                    f"vs first: {row['cached']['rps'] / baseline['cached']['rps']:.2f}x"
                    f" / {row['uncached']['rps'] / baseline['uncached']['rps']:.2f}x"
                    f" | RSS {row['uncached_rss']}"
                )
        print(f"# took {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
