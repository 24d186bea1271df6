"""Outage: every app process killed under load, then restarted, behind nginx.

    bench/outage.py                  # 30 s of load: kill at 10 s, restart at 20 s
    bench/outage.py --duration 12

Starts the demo commune (`manage.py serve`) on a fixed port, exports its static
mirror (`export_static`), puts deploy/nginx.conf in front, and requests every
demo page through nginx once (pages "ever served"). Then, under `wrk` load on
the article and a sampler that walks all those pages, the app's whole process
group is killed (SIGKILL) a third of the way in and started again at two
thirds. Prints the share of GETs answered 200 (wrk and sampler), where the
sampler's answers came from (app, nginx's stale copy, the mirror) and how long
after the restart the app answered again, directly and through nginx.
127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import collections
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _demo import Server, demo_pages, free_port, http_get, manage, seed_demo  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.perf.servers import nginx_in_front  # noqa: E402


def source(headers) -> str:
    if headers.get("X-Congxa-Mirror"):
        return "mirror"
    cache = headers.get("X-Proxy-Cache", "")
    if cache in {"STALE", "UPDATING"}:
        return "nginx stale copy"
    if cache == "HIT":
        return "nginx fresh copy"
    return f"app ({cache or '-'})"


def sample(urls: list[str], stop: threading.Event, log: list) -> None:
    while not stop.is_set():
        for url in urls:
            started = time.time()
            try:
                status, headers, _ = http_get(url, timeout=10)
                log.append((started, status, source(headers)))
            except OSError:
                log.append((started, 0, "no answer"))
            time.sleep(0.05)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=30, help="seconds (30)")
    parser.add_argument("--connections", type=int, default=50)
    args = parser.parse_args()
    third = args.duration / 3

    with tempfile.TemporaryDirectory(prefix="congxa-outage-") as tmp:
        data_dir = Path(tmp)
        data_dir.chmod(0o755)
        seed_demo(data_dir)
        mirror = data_dir / "mirror"
        port = free_port()
        app_url = f"http://127.0.0.1:{port}"
        with nginx_in_front(app_url, data_dir, mirror_dir=mirror, wait=False) as proxy:
            server = Server(data_dir, port=port)
            pages = demo_pages(data_dir, server.base_url)
            manage(
                data_dir,
                "export_static",
                "--site",
                "127.0.0.1",
                "--output",
                str(mirror / "127.0.0.1"),
            )
            urls = [proxy + path for path in pages.values()]
            for url in urls:
                assert http_get(url)[0] == 200, url
            load = subprocess.Popen(
                ["wrk", "-t1", f"-c{args.connections}", f"-d{args.duration}s"]
                + ["--timeout", "10s", proxy + pages["article"]],
                stdout=subprocess.PIPE,
                text=True,
            )
            stop = threading.Event()
            log: list = []
            sampler = threading.Thread(target=sample, args=(urls, stop, log))
            sampler.start()
            time.sleep(third)
            killed_at = time.time()
            os.killpg(server.process.pid, signal.SIGKILL)
            server.process.wait()
            time.sleep(third)
            restarted_at = time.time()
            server = Server(data_dir, "--skip-collectstatic", port=port)
            direct_back = time.time() - restarted_at  # Server waits for /healthz
            out = load.communicate()[0]
            stop.set()
            sampler.join()
            server.stop()

    total = int(re.search(r"(\d+) requests in", out).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    )
    failed = (int(non_2xx.group(1)) if non_2xx else 0) + (
        sum(int(n) for n in sockets.groups()) if sockets else 0
    )
    down = [entry for entry in log if killed_at <= entry[0] < restarted_at]
    after = [entry for entry in log if entry[0] >= restarted_at]
    back_through_nginx = next(
        (t - restarted_at for t, status, src in after if src.startswith("app")), None
    )
    print(
        f"# outage: wrk -c{args.connections} on the article for {args.duration} s "
        f"through deploy/nginx.conf; app killed at {third:.0f} s, restarted at "
        f"{2 * third:.0f} s"
    )
    print(
        f"wrk (article): {total - failed}/{total} answered 2xx = "
        f"{(total - failed) / max(total, 1):.2%} (target 100%)"
    )
    ok = sum(1 for _, status, _ in log if status == 200)
    print(
        f"sampler (all {len(urls)} pages ever served): {ok}/{len(log)} answered 200 "
        f"= {ok / max(len(log), 1):.2%}"
    )
    print(
        "while down, answers came from: "
        + ", ".join(
            f"{src} {count}"
            for src, count in collections.Counter(
                f"{src} {status}" for _, status, src in down
            ).most_common()
        )
    )
    print(
        f"recovery after restart: app answers /healthz in {direct_back:.1f} s; "
        "through nginx the app answers again after "
        + (f"{back_through_nginx:.1f} s" if back_through_nginx is not None else "-")
    )


if __name__ == "__main__":
    main()
