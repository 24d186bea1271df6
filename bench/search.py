"""Search benchmark: generated commune pages (20,000 by default), index build
time and size, query latency p50/p95 with the synonym dictionary on and off, and
the relevance sets measured among them.

    .venv/bin/python bench/search.py                       # SQLite, 20,000 pages
    .venv/bin/python bench/search.py --pages 20000 100000  # two sizes
    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test \
        .venv/bin/python bench/search.py    # SQLite, then PostgreSQL
    .venv/bin/python bench/search.py --engines postgresql --build-timeout 300
    .venv/bin/python bench/search.py --pages 100000 --communes 150  # a province

`--build-timeout` bounds each build (generation and indexing): the run stops
with an error instead of running on. `--repeats` sets how many times the query
mix runs (5 by default).

Each engine runs in its own process on a throw-away database (a temporary SQLite
file, or a `congxa_search_bench` PostgreSQL database created and dropped here).
The pages are indexed through the same normaliser and bulk path as
`congxa rebuild-search`, without building 20,000 Wagtail pages first (that would
time Wagtail's page tree, not search). Prints figures; asserts nothing.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as a script, this folder comes first on sys.path; other benchmarks' module
# names (`http.py`) must not shadow the standard library.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
PAGES = int(os.environ.get("BENCH_PAGES", "20000"))
BUILD_TIMEOUT = float(os.environ.get("BENCH_BUILD_TIMEOUT", "600"))
COMMUNES = ["Vĩnh Thủy", "Gio Linh", "Cam Lộ", "Triệu Phong", "Hải Lăng"]
# How many communes share the pages (--communes): 5 by default, each with a
# fifth of them (the worst case for one commune's search); a province has
# 60-170, so 100,000 pages are some 700 a commune.
SITES = int(os.environ.get("BENCH_COMMUNES", str(len(COMMUNES))))
SIZE_NAME = f"{PAGES}" if SITES == len(COMMUNES) else f"{PAGES}_c{SITES}"
REPEATS = int(os.environ.get("BENCH_REPEATS", "5"))

# What citizens type (issue 15): abbreviations, everyday names, questions.
EVERYDAY_MIX = [
    "lam so do",
    "cong chung hop dong",
    "dk ket hon",
    "cccd",
    "giay chung sinh",
    "so dien thoai cong an xa",
    "qd 15",
    "quyet dinh 15 nam 2025",
    "ai phu trach dia chinh",
    "chung thuc ban sao o dau",
]

QUERY_MIX = [
    "dang ky khai sinh",
    "đăng ký khai sinh",
    "Dang uy",
    "ban cong tac 35",
    "le thanh hai",
    "quan ly",
    "thur tucj hanhf chinhs",
    "1.001193",
    "42/2022",
    "15/2025/QĐ-UBND",
    "tiep cong dan",
    "thong bao",
    "xa",
    "nong thon moi",
    "dnag ky ket hon",
    "hoi nghi tong ket nam 2025",
    "bao so",
    "cap nuoc sinh hoat",
    "chuyen doi so",
    "nghia vu quan su",
]

TITLE_TEMPLATES = [
    "Hội nghị tổng kết công tác {topic} năm {year}",
    "Thông báo về việc {action} {topic}",
    "Xã {commune} triển khai {topic}",
    "Kế hoạch {topic} giai đoạn {year}-{year2}",
    "Quyết định {n}/{year}/QĐ-UBND về {topic}",
    "Hướng dẫn {action} {topic} trên Cổng Dịch vụ công",
    "Thôn {village} ra quân {topic}",
    "Tập huấn {topic} cho cán bộ thôn",
    "Kiểm tra, giám sát {topic} quý {quarter}",
    "Lịch {topic} tháng {month} năm {year}",
]
TOPICS = [
    "xây dựng nông thôn mới",
    "chuyển đổi số",
    "cải cách hành chính",
    "phòng chống thiên tai",
    "tiếp công dân",
    "đăng ký kết hôn",
    "cấp giấy chứng nhận quyền sử dụng đất",
    "bảo hiểm y tế",
    "tuyển quân",
    "vệ sinh môi trường",
    "thu gom rác thải",
    "phòng cháy chữa cháy",
    "an toàn giao thông",
    "giảm nghèo bền vững",
    "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "bầu cử đại biểu Hội đồng nhân dân",
    "quản lý đất đai",
    "thu thuế sử dụng đất phi nông nghiệp",
    "tiêm chủng mở rộng",
    "khuyến học, khuyến tài",
]
ACTIONS = ["thực hiện", "triển khai", "tăng cường", "đăng ký", "nộp hồ sơ", "rà soát"]
VILLAGES = ["Linh Hải", "Duy Viên", "Tân An", "Hòa Bình", "Xuân Mỹ", "Đông Hà"]
SENTENCES = [
    "Ủy ban nhân dân xã đề nghị các thôn phối hợp thực hiện nghiêm túc.",
    "Đảng ủy xã chỉ đạo các chi bộ quán triệt đến từng đảng viên.",
    "Người dân có thể nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia.",
    "Hội nghị đã đánh giá kết quả đạt được và chỉ ra những tồn tại, hạn chế.",
    "Mặt trận Tổ quốc và các đoàn thể tích cực tuyên truyền, vận động nhân dân.",
    "Kinh phí thực hiện từ ngân sách nhà nước và nguồn xã hội hóa.",
    "Bộ phận Một cửa tiếp nhận và trả kết quả đúng hẹn cho công dân.",
    "Đoàn Thanh niên ra quân dọn vệ sinh, trồng cây xanh trên các tuyến đường.",
    "Chủ tịch Ủy ban nhân dân xã phát biểu chỉ đạo tại hội nghị.",
    "Theo Nghị định 42/2022/NĐ-CP, thông tin được công khai trên cổng thông tin.",
    "Các hộ gia đình cần chuẩn bị giấy tờ tùy thân khi đến làm thủ tục.",
    "Thời gian thực hiện từ ngày 01 đến hết ngày 30 hằng tháng.",
    "Mọi thắc mắc xin liên hệ văn phòng Ủy ban nhân dân xã để được hướng dẫn.",
    "Công tác quản lí, sử dụng đất đai được tăng cường kiểm tra.",
    "Bà con nông dân chủ động chuyển đổi cơ cấu cây trồng phù hợp.",
    "Hội Phụ nữ xã tổ chức nhiều hoạt động thiết thực, ý nghĩa.",
]


def generate(count: int, rng: random.Random):
    """(site index, kind, title, body, date) for `count` realistic items."""
    kinds = ["news"] * 6 + ["documents"] * 2 + ["procedures", "pages"]
    start = datetime(2020, 1, 1)
    for n in range(count):
        year = rng.randint(2020, 2026)
        title = rng.choice(TITLE_TEMPLATES).format(
            topic=rng.choice(TOPICS),
            action=rng.choice(ACTIONS),
            commune=rng.choice(COMMUNES),
            village=rng.choice(VILLAGES),
            year=year,
            year2=year + 5,
            n=rng.randint(1, 60),
            quarter=rng.choice(["I", "II", "III", "IV"]),
            month=rng.randint(1, 12),
        )
        paragraphs = rng.randint(4, 14)
        body = " ".join(rng.choice(SENTENCES) for _ in range(paragraphs * 3))
        if rng.random() < 0.1:
            body += f" Mã thủ tục 1.{rng.randint(0, 2):03d}{rng.randint(0, 999):03d}."
        yield (
            n % SITES,
            rng.choice(kinds),
            title,
            body,
            start + timedelta(hours=rng.randint(0, 6 * 365 * 24)),
        )


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def run_engine() -> None:
    """Runs inside a child process whose environment selects the database."""
    # --baseline: another checkout's code measured on the same kept database.
    sys.path.insert(0, os.environ.get("BENCH_CODE") or str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    import django

    tmp = tempfile.mkdtemp(prefix="congxa-bench-")
    os.environ["CONGXA_DATA_DIR"] = tmp
    django.setup()
    from django.db import connection

    reuse = os.environ.get("BENCH_REUSE", "")
    if reuse:
        # A kept database per engine and size: built once, measured many times
        # (and by other checkouts' code, --baseline).
        Path(reuse).mkdir(parents=True, exist_ok=True)
        test_name = (
            f"{connection.settings_dict['NAME']}_search_{SIZE_NAME}"
            if connection.vendor == "postgresql"
            else str(Path(reuse) / f"search-{SIZE_NAME}.sqlite3")
        )
    else:
        test_name = (
            f"{connection.settings_dict['NAME']}_search_bench"
            if connection.vendor == "postgresql"
            else str(Path(tmp) / "bench.sqlite3")
        )
    connection.settings_dict["TEST"]["NAME"] = test_name
    connection.creation.create_test_db(
        verbosity=0, autoclobber=True, serialize=False, keepdb=bool(reuse)
    )
    try:
        _measure(connection, reuse=bool(reuse))
    finally:
        if not reuse:
            connection.creation.destroy_test_db(test_name, verbosity=0)


def _built(connection) -> list | None:
    """The communes of a kept database that holds this run's pages, or None."""
    from wagtail.models import Site

    from congxa.search.models import SearchEntry

    if SearchEntry.objects.filter(key__startswith="bench:").count() != PAGES:
        return None
    by_host = {site.hostname: site for site in Site.objects.all()}
    sites = [by_host.get(f"xa{i}.localhost") for i in range(SITES)]
    return sites if all(sites) else None


def _measure(connection, *, reuse: bool = False) -> None:
    from django.utils import timezone

    from congxa.portal.factories import create_commune_site
    from congxa.search import services
    from congxa.search.registry import Document
    from tests.search import relevance

    sites = _built(connection) if reuse else None
    if sites is not None:
        _queries(connection, sites, None)
        return
    if reuse:
        # Kept from a broken build: start again.
        connection.creation.destroy_test_db(
            connection.settings_dict["NAME"], verbosity=0
        )
        connection.creation.create_test_db(
            verbosity=0, autoclobber=True, serialize=False
        )
    sites = [
        create_commune_site(
            name=f"Xã {name}", hostname=f"xa{i}.localhost", default=i == 0
        )
        for i, name in enumerate(
            [*COMMUNES, *(f"Thử Nghiệm {n}" for n in range(len(COMMUNES), SITES))][
                :SITES
            ]
        )
    ]
    rng = random.Random(20260211)
    started = time.perf_counter()
    deadline = started + BUILD_TIMEOUT

    def bounded(items):
        for n, item in enumerate(items):
            if n % 1000 == 0 and time.perf_counter() > deadline:
                raise SystemExit(
                    f"build stopped: over {BUILD_TIMEOUT:.0f} s (--build-timeout)"
                )
            yield item

    entries = [
        services.entry_build(
            f"bench:{n}",
            Document(
                title=title,
                body=body,
                url=f"/tin/{n}/",
                site_id=sites[site_index].pk,
                kind=kind,
                date=timezone.make_aware(date),
            ),
        )
        for n, (site_index, kind, title, body, date) in enumerate(
            bounded(generate(PAGES, rng))
        )
    ]
    normalised = time.perf_counter()
    services.entries_replace(entries)
    built = time.perf_counter()
    relevance.load(sites[0])
    # Its own commune: the two corpora hold some of the same procedures.
    relevance.load_everyday(sites[1])
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE congxa_search_searchentry")

    _queries(connection, sites, (started, normalised, built))


def _queries(connection, sites, timings) -> None:
    from congxa.search import selectors
    from congxa.search.engines import engine_for
    from tests.search import relevance

    engine = engine_for()
    if connection.vendor == "postgresql":
        # What autovacuum does on a live database some minutes after a bulk
        # write (this machine's PostgreSQL runs without it): a kept database
        # just migrated, or rebuilt, is measured as a live one would be.
        with connection.cursor() as cursor:
            cursor.execute(
                "VACUUM (ANALYZE) congxa_search_searchentry, congxa_search_searchterm"
            )
    size = engine.size_bytes()
    mix = QUERY_MIX + EVERYDAY_MIX
    for query in mix:  # warm the plan caches and the dictionary once
        selectors.search(query, site=sites[0])
    runs = {}
    for dictionary in (False, True):
        latencies = []
        for _ in range(REPEATS):
            for query in mix:
                begin = time.perf_counter()
                selectors.search(query, site=sites[0], dictionary=dictionary)
                latencies.append((time.perf_counter() - begin) * 1000)
        runs[dictionary] = latencies
    statements, blocks = _work(connection, sites[0], mix)
    client_cpu, server_cpu = _cpu(connection, sites[0], mix)
    score = relevance.evaluate(sites[0])
    everyday = relevance.evaluate_everyday(sites[1])

    print(f"engine: {connection.vendor} ({connection.settings_dict['NAME']})")
    load = os.getloadavg()
    print(
        f"machine load average: {load[0]:.1f} ({os.cpu_count()} cores): "
        "latencies scale with it, compare runs at similar load"
    )
    print(
        f"pages: {PAGES} in {SITES} communes "
        f"(the one searched holds {PAGES // SITES} of them)"
    )
    if timings is None:
        print(f"index build: reused ({connection.settings_dict['NAME']})")
    else:
        started, normalised, built = timings
        print(
            f"index build: {built - started:.1f} s "
            f"(normalising {normalised - started:.1f} s, "
            f"writing {built - normalised:.1f} s)"
        )
    print(
        "index size: "
        + (f"{size / 1024 / 1024:.1f} MiB" if size is not None else "unknown")
    )
    off, on = runs[False], runs[True]
    for label, latencies in (("dictionary off", off), ("dictionary on ", on)):
        print(
            f"query latency, {label} ({len(latencies)} searches, full results "
            f"page data): p50 {percentile(latencies, 0.5):.1f} ms, "
            f"p95 {percentile(latencies, 0.95):.1f} ms, max {max(latencies):.1f} ms"
        )
    print(
        "p95 dictionary on / off: "
        f"{percentile(on, 0.95) / max(percentile(off, 0.95), 0.001):.2f}x"
    )
    print(
        f"work per search (dictionary on, mean over the mix): {statements:.1f} "
        "statements (transaction control left out)"
        + (f", {blocks:.0f} shared buffers read or hit" if blocks is not None else "")
    )
    print(
        f"CPU per search (dictionary on): {client_cpu:.1f} ms in this process"
        + (
            f" + {server_cpu:.1f} ms in the PostgreSQL backend"
            if server_cpu is not None
            else ""
        )
    )
    slowest = sorted(
        mix,
        key=lambda q: -statistics.mean(on[mix.index(q) :: len(mix)]),
    )[:3]
    print(f"slowest queries (dictionary on): {', '.join(slowest)}")
    if os.environ.get("BENCH_PER_QUERY"):
        print("per query, median ms over the repeats (dictionary off / on):")
        for index, query in sorted(
            enumerate(mix), key=lambda item: -statistics.median(on[item[0] :: len(mix)])
        ):
            print(
                f"  {query:<32} {statistics.median(off[index :: len(mix)]):7.1f} "
                f"{statistics.median(on[index :: len(mix)]):7.1f}"
            )
    print(
        f"relevance set among them ({len(relevance.QUERIES)} queries): "
        f"recall@10 {score.recall:.3f}, MRR {score.mrr:.3f}"
    )
    for query, wanted, rank in score.misses:
        print(f"  not first: {query!r} -> {wanted} at rank {rank}")
    print("everyday queries among them (recall@3, MRR, queries):")
    for kind, kind_score in everyday.items():
        print(
            f"  {kind:<12} recall@3 {kind_score.recall:.3f}  "
            f"MRR {kind_score.mrr:.3f}  ({kind_score.count})"
        )


# Transaction control and the search's settings (engines.SETTINGS_PREFIXES,
# spelled out: a --baseline checkout may not have it).
CONTROL = ("SAVEPOINT", "RELEASE SAVEPOINT", "SET LOCAL", "BEGIN", "COMMIT")
CONTROL += ("WITH was AS MATERIALIZED (SELECT current_setting(", "SELECT set_config(")


def _work(connection, site, mix) -> tuple[float, float | None]:
    """Statements per search and, on PostgreSQL, the buffers they touch (each
    statement run again under EXPLAIN (ANALYZE, BUFFERS)): figures that do not
    depend on the machine's load."""
    import json

    from django.db import transaction
    from django.test.utils import CaptureQueriesContext

    from congxa.search import selectors

    statements, blocks = 0, 0
    for query in mix:
        with CaptureQueriesContext(connection) as captured:
            selectors.search(query, site=site)
        reads = [q["sql"] for q in captured if not q["sql"].startswith(CONTROL)]
        statements += len(reads)
        if connection.vendor != "postgresql":
            continue
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL jit = off")
            for sql in reads:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql)
                plan = cursor.fetchone()[0]
                plan = json.loads(plan) if isinstance(plan, str) else plan
                top = plan[0]["Plan"]
                blocks += top.get("Shared Hit Blocks", 0) + top.get(
                    "Shared Read Blocks", 0
                )
    count = len(mix)
    return statements / count, (
        blocks / count if connection.vendor == "postgresql" else None
    )


def _backend_cpu(connection) -> float | None:
    """CPU seconds the PostgreSQL backend of this connection has used (a
    server on this machine), or None."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _cpu(connection, site, mix, rounds: int = 3) -> tuple[float, float | None]:
    """CPU milliseconds per search, this process and the database backend: a
    busy machine stretches the wall clock, far less the CPU a search uses."""
    from congxa.search import selectors

    client, server = time.process_time(), _backend_cpu(connection)
    for _ in range(rounds):
        for query in mix:
            selectors.search(query, site=site)
    client = time.process_time() - client
    after = _backend_cpu(connection)
    count = rounds * len(mix)
    return client * 1000 / count, (
        (after - server) * 1000 / count if server is not None else None
    )


def parse_args(argv: list[str]):
    import argparse

    parser = argparse.ArgumentParser(description="congxa search benchmark")
    parser.add_argument(
        "--pages", type=int, nargs="+", default=[PAGES], help="page counts to run"
    )
    parser.add_argument(
        "--engines",
        nargs="+",
        choices=["sqlite", "postgresql"],
        default=None,
        help="engines to run (default: SQLite, and PostgreSQL when DATABASE_URL "
        "points to it)",
    )
    parser.add_argument(
        "--build-timeout",
        type=float,
        default=BUILD_TIMEOUT,
        help="seconds a build may take before the run stops (default 600)",
    )
    parser.add_argument("--repeats", type=int, default=REPEATS)
    parser.add_argument(
        "--communes",
        type=int,
        default=len(COMMUNES),
        help="communes the pages are spread over (default 5; a province: 150)",
    )
    parser.add_argument(
        "--per-query",
        action="store_true",
        help="also print each query's median latency, slowest first",
    )
    parser.add_argument(
        "--reuse",
        nargs="?",
        const=str(Path(tempfile.gettempdir()) / "congxa-search-bench"),
        default="",
        metavar="DIR",
        help="keep the built databases and measure them again next time "
        "(PostgreSQL: <DATABASE_URL name>_search_<pages>; SQLite: files in DIR)",
    )
    parser.add_argument(
        "--baseline",
        default="",
        metavar="CHECKOUT",
        help="also measure another checkout's code (e.g. /work/main) on the same "
        "kept databases, alternating with this one, and print the ratio "
        "(needs --reuse)",
    )
    parser.add_argument(
        "--baseline-database-url",
        default="",
        metavar="URL",
        help="with --baseline on PostgreSQL: the baseline's kept databases are "
        "named after this URL's database instead (a copy built or migrated by "
        "the baseline's own code, when the storage differs)",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="with --baseline: how many times baseline and this code alternate",
    )
    args = parser.parse_args(argv)
    if any(n < 100 for n in args.pages):
        parser.error("--pages: at least 100 pages")
    if args.communes < 2:
        parser.error("--communes: at least 2 (the relevance sets use two)")
    if args.baseline and not args.reuse:
        parser.error("--baseline needs --reuse (both measure the same database)")
    return args


def main() -> None:
    if os.environ.get("CONGXA_BENCH_CHILD"):
        run_engine()
        return
    args = parse_args(sys.argv[1:])
    has_pg = os.environ.get("DATABASE_URL", "").startswith("postgres")
    engines = args.engines or (["sqlite", "postgresql"] if has_pg else ["sqlite"])
    if "postgresql" in engines and not has_pg:
        raise SystemExit("--engines postgresql needs DATABASE_URL=postgresql://...")
    runs = []
    if "sqlite" in engines:
        runs.append(
            ("SQLite", {k: v for k, v in os.environ.items() if k != "DATABASE_URL"})
        )
    if "postgresql" in engines:
        runs.append(("PostgreSQL", dict(os.environ)))
    codes = [("this checkout", "")]
    if args.baseline:
        # This code first: it builds the kept database when there is none.
        codes.append(("baseline " + args.baseline, args.baseline))
    rounds = args.rounds if args.baseline else 1
    summary = []
    for pages in args.pages:
        for label, env in runs:
            figures: dict[str, list] = {code: [] for code, _ in codes}
            for _round in range(rounds):
                for code, path in codes:
                    print(f"== {label}, {pages} pages, {code}", flush=True)
                    own = {}
                    if path and args.baseline_database_url and label == "PostgreSQL":
                        own = {"DATABASE_URL": args.baseline_database_url}
                    child = {
                        **env,
                        **own,
                        "CONGXA_BENCH_CHILD": "1",
                        "BENCH_PAGES": str(pages),
                        "BENCH_COMMUNES": str(args.communes),
                        "BENCH_BUILD_TIMEOUT": str(args.build_timeout),
                        "BENCH_REPEATS": str(args.repeats),
                        "BENCH_PER_QUERY": "1" if args.per_query else "",
                        "BENCH_REUSE": args.reuse,
                        "BENCH_CODE": path,
                    }
                    figures[code].append(_run_child(child))
            summary.append((label, pages, figures))
    if args.baseline:
        _print_comparison(summary, codes)


def _run_child(env: dict) -> dict:
    """Runs one measurement, echoing it; returns its p95 figures."""
    import re

    found = {}
    with subprocess.Popen(
        [sys.executable, __file__], env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True
    ) as child:
        for line in child.stdout:
            print(line, end="", flush=True)
            if line.startswith("CPU per search"):
                found["cpu"] = sum(float(n) for n in re.findall(r"([\d.]+) ms", line))
            if line.startswith("work per search"):
                numbers = re.findall(r"([\d.]+) (?:statements|shared)", line)
                found["work"] = [float(n) for n in numbers]
            match = re.match(
                r"query latency, dictionary (on|off).*p50 ([\d.]+) ms, p95 ([\d.]+) ms",
                line,
            )
            if match:
                found[match[1]] = (float(match[2]), float(match[3]))
            if line.startswith("machine load average:"):
                found["load"] = float(line.split(":")[1].split()[0])
    if child.returncode:
        raise SystemExit(child.returncode)
    return found


def _print_comparison(summary, codes) -> None:
    (mine, _), (base, _) = codes
    print("== comparison (p95 in ms, median of the rounds; ratio baseline / this)")
    for label, pages, figures in summary:
        cpu = {
            code: statistics.median(f["cpu"] for f in figures[code] if "cpu" in f)
            for code in (base, mine)
            if any("cpu" in f for f in figures[code])
        }
        if len(cpu) == 2:
            print(
                f"{label:<10} {pages:>6} pages, CPU per search (client + database): "
                f"baseline {cpu[base]:.1f} ms  this {cpu[mine]:.1f} ms  "
                f"{cpu[base] / max(cpu[mine], 0.001):.2f}x less"
            )
        work = {code: figures[code][0].get("work") for code in (base, mine)}
        if all(work.values()):
            print(
                f"{label:<10} {pages:>6} pages, work per search: statements "
                f"baseline {work[base][0]:.1f}  this {work[mine][0]:.1f}"
                + (
                    f"; buffers baseline {work[base][1]:.0f}  this {work[mine][1]:.0f}"
                    if len(work[base]) > 1 and len(work[mine]) > 1
                    else ""
                )
            )
        for dictionary in ("off", "on"):
            ours = statistics.median(f[dictionary][1] for f in figures[mine])
            theirs = statistics.median(f[dictionary][1] for f in figures[base])
            loads = [f["load"] for code in figures for f in figures[code]]
            print(
                f"{label:<10} {pages:>6} pages, dictionary {dictionary:<3}: "
                f"baseline {theirs:7.1f}  this {ours:7.1f}  "
                f"{theirs / max(ours, 0.001):5.2f}x faster  "
                f"(load {min(loads):.1f}-{max(loads):.1f})"
            )


if __name__ == "__main__":
    main()
