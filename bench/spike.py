"""Storm night: 1,000 connections through nginx while an editor posts an alert.

    bench/spike.py                   # 60 s, 1,000 connections
    bench/spike.py --duration 10     # shorter, to try it
    bench/spike.py --connections 200

Starts the demo commune (`manage.py serve`, the default server) in a temporary
data directory, deploy/nginx.conf in front of it, then runs two `wrk`s through
nginx at once, half the connections on the home page and half on the newest
article. Halfway through, an editor's emergency alert is saved (a separate
process, as the admin would); from the moment it is committed, both pages are
polled through nginx and straight from the app until every answer in a row
shows it. Prints requests per second, p50/p99, errors (non-2xx and socket
errors) and how long the alert took to show everywhere. 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _demo import Server, demo_pages, http_get, manage, seed_demo  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.perf.servers import nginx_in_front  # noqa: E402

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}
ALERT_TITLE = "Khẩn cấp: sơ tán dân vùng trũng trước 17 giờ"
ALERT = """
import time
from datetime import timedelta
from django.utils import timezone
from wagtail.models import Site
from congxa.portal.alerts import EmergencyAlert
EmergencyAlert.objects.create(
    site=Site.objects.get(is_default_site=True), title={title!r},
    message="Bà con vùng trũng di chuyển đến nhà văn hóa thôn.", level="danger",
    starts_at=timezone.now() - timedelta(minutes=1),
    ends_at=timezone.now() + timedelta(hours=6))
print("COMMITTED", time.time())
"""
IN_A_ROW = 20  # answers in a row that must all show the alert


def wrk(url: str, connections: int, duration: int) -> subprocess.Popen:
    return subprocess.Popen(
        ["wrk", "-t1", f"-c{connections}", f"-d{duration}s", "--latency"]
        + ["--timeout", "10s", url],
        stdout=subprocess.PIPE,
        text=True,
    )


def parse(out: str) -> dict[str, float]:
    def latency(percent: str) -> float:
        match = re.search(rf"^\s*{percent}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        return float(match.group(1)) * UNITS[match.group(2)] if match else float("nan")

    total = int(re.search(r"(\d+) requests in", out).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    )
    return {
        "requests": total,
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": latency("50"),
        "p99": latency("99"),
        "errors": (int(non_2xx.group(1)) if non_2xx else 0)
        + (sum(int(n) for n in sockets.groups()) if sockets else 0),
    }


def watch_alert(urls: list[str], committed: threading.Event, found: dict) -> None:
    """From the commit on, poll every URL until IN_A_ROW answers show the alert."""
    committed.wait()
    start = found["committed_at"]
    in_a_row = 0
    polls = 0
    deadline = time.time() + 60
    while time.time() < deadline:
        for url in urls:
            polls += 1
            try:
                status, _, body = http_get(url, timeout=10)
            except OSError:
                status, body = 0, b""
            if status == 200 and ALERT_TITLE in body.decode(errors="replace"):
                in_a_row += 1
                if in_a_row == 1:
                    found["first"] = time.time() - start
            else:
                in_a_row = 0
                found.pop("first", None)
            if in_a_row >= IN_A_ROW:
                found["everywhere"] = found["first"]
                found["polls"] = polls
                return
        time.sleep(0.02)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=60, help="seconds (60)")
    parser.add_argument("--connections", type=int, default=1000)
    args = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = min(hard, max(soft, args.connections * 4 + 1024))
    resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))

    with tempfile.TemporaryDirectory(prefix="congxa-spike-") as tmp:
        data_dir = Path(tmp)
        data_dir.chmod(0o755)
        seed_demo(data_dir)
        with (
            Server(data_dir) as server,
            nginx_in_front(
                server.base_url, data_dir, connections=args.connections * 3
            ) as proxy,
        ):
            pages = demo_pages(data_dir, server.base_url)
            targets = [pages["home"], pages["article"]]
            for path in targets:
                for _ in range(5):
                    # A cold worker's first render makes the page's renditions:
                    # seconds on a loaded machine.
                    assert http_get(proxy + path, timeout=120)[0] == 200
            workers = len(server.worker_pids())
            half = max(1, args.connections // 2)
            runs = [wrk(proxy + path, half, args.duration) for path in targets]
            time.sleep(args.duration / 2)
            committed = threading.Event()
            found: dict = {}
            watch_urls = [proxy + p for p in targets] + [
                server.base_url + p for p in targets
            ]
            watcher = threading.Thread(
                target=watch_alert, args=(watch_urls, committed, found)
            )
            watcher.start()
            out = manage(data_dir, "shell", "-c", ALERT.format(title=ALERT_TITLE))
            found["committed_at"] = float(out.split("COMMITTED")[-1].split()[0])
            committed.set()
            results = [parse(run.communicate()[0]) for run in runs]
            watcher.join()

    print(
        f"# spike: {args.connections} connections through deploy/nginx.conf for "
        f"{args.duration} s ({half} on each page), {workers} app workers; an alert "
        "saved halfway"
    )
    for path, result in zip(targets, results, strict=True):
        print(
            f"{path[:48]:<48} {result['rps']:8.0f} req/s  p50 {result['p50']:7.2f} ms"
            f"  p99 {result['p99']:7.2f} ms  errors {result['errors']}"
            f" / {result['requests']}"
        )
    everywhere = found.get("everywhere")
    print(
        "alert visible on both pages, through nginx and straight from the app, "
        + (
            f"{IN_A_ROW} answers in a row: {everywhere:.2f} s after the commit"
            if everywhere is not None
            else "NOT within 60 s"
        )
        + " (target < 2 s; errors target 0)"
    )
    print(json.dumps({"results": results, "alert_s": everywhere}))


if __name__ == "__main__":
    main()
