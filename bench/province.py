"""Province benchmark: the admin and the public pages at 1, 50 and 150 communes.

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres \
        .venv/bin/python bench/province.py --communes 1,50,150 --articles 40

Builds a province on a throw-away PostgreSQL database (`h1_province_bench`,
created and dropped here; SQLite in a temporary file without DATABASE_URL)
through the same `portal.communes` service as `congxa commune add`, with
articles published through Wagtail, then at each step measures, page cache off,
as a commune writer and as the province operator: dashboard, page explorer,
page edit, image chooser, settings; and the public home, section, article and
search; plus publishing one article. Prints p50/p95 in ms, query counts, and
ratios against the first step. Asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
BENCH_DB = "h1_province_bench"


def _setup_env(database_url: str) -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="congxa.settings",
        CONGXA_SECRET_KEY="bench-only-secret-key-" + "x" * 30,
        CONGXA_ALLOWED_HOSTS="*",
        CONGXA_DATA_DIR=tempfile.mkdtemp(prefix="congxa-province-bench-"),
        CONGXA_PAGE_CACHE="0",
        CONGXA_REQUIRE_2FA="0",
        CONGXA_STATICFILES_STORAGE=(
            "django.contrib.staticfiles.storage.StaticFilesStorage"
        ),
    )
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    Path(os.environ["CONGXA_DATA_DIR"], "static").mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(ROOT))


def _pg_admin(database_url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute(sql)


def build_communes(first: int, last: int, articles: int) -> float:
    from django.utils import timezone

    from congxa.news.models import ArticlePage, NewsIndexPage
    from congxa.portal.communes import CommuneSpec, commune_create

    started = time.perf_counter()
    for n in range(first, last):
        site = commune_create(
            CommuneSpec(
                host=f"xa{n:03d}.bench.gov.vn",
                name=f"Xã Thử Nghiệm {n:03d}",
                scheme="http",
            )
        ).site
        section = NewsIndexPage.objects.get(
            url_path__startswith=site.root_page.url_path, slug="tin-tuc-su-kien"
        )
        now = timezone.now()
        for a in range(articles):
            # Live without a revision: the build times the page tree, not the
            # publish path, which is measured on its own below.
            article = ArticlePage(
                title=f"Tin số {a} của xã {n:03d}: hội nghị triển khai nhiệm vụ",
                slug=f"tin-{a}",
                date=now,
                lead="Ủy ban nhân dân xã tổ chức hội nghị triển khai nhiệm vụ năm.",
                body=[("paragraph", "<p>Nội dung bài viết thử nghiệm.</p>")],
                live=True,
                first_published_at=now,
                last_published_at=now,
            )
            section.add_child(instance=article)
    return time.perf_counter() - started


def _people():
    from django.contrib.auth import get_user_model
    from wagtail.models import Site

    from congxa.editorial.enums import Role
    from congxa.editorial.services import editor_add
    from congxa.province.services import operator_add

    User = get_user_model()
    site = Site.objects.get(hostname="xa000.bench.gov.vn")
    writer, created = User.objects.get_or_create(username="bench-writer")
    if created:
        editor_add(user=writer, site=site, role=Role.WRITER)
    admin, created = User.objects.get_or_create(username="bench-admin")
    if created:
        editor_add(user=admin, site=site, role=Role.ADMIN)
    operator, created = User.objects.get_or_create(username="bench-operator")
    if created:
        operator_add(user=operator)
    reviewers = {}
    for role in (Role.EDITOR, Role.APPROVER):
        person, created = User.objects.get_or_create(username=f"bench-{role}")
        if created:
            editor_add(user=person, site=site, role=role)
        reviewers[role] = person
    return site, writer, admin, operator, reviewers


def measure(client, url: str, host: str, repeats: int) -> tuple[float, float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url, HTTP_HOST=host)  # warm
    times = []
    count = 0
    for _ in range(repeats):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url, HTTP_HOST=host)
            times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url} on {host}: HTTP {response.status_code}")
        count = len(queries)
    times.sort()
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    return statistics.median(times), p95, count


def screens(site, writer):
    from django.utils import timezone

    from congxa.news.models import ArticlePage, NewsIndexPage

    section = NewsIndexPage.objects.get(
        url_path__startswith=site.root_page.url_path, slug="tin-tuc-su-kien"
    )
    article = ArticlePage.objects.child_of(section).live().first()
    # A writer edits their own draft (writers may not edit others' pages).
    draft = ArticlePage.objects.child_of(section).filter(owner=writer).first()
    if draft is None:
        draft = ArticlePage(
            title="Bản nháp của phóng viên",
            slug="ban-nhap",
            date=timezone.now(),
            lead="Bản nháp.",
            owner=writer,
            live=False,
        )
        section.add_child(instance=draft)
        draft.save_revision(user=writer)
    # A page waiting in the workflow, as its reviewers open it.
    waiting = ArticlePage.objects.child_of(section).filter(slug="cho-duyet").first()
    if waiting is None:
        waiting = ArticlePage(
            title="Bài chờ duyệt",
            slug="cho-duyet",
            date=timezone.now(),
            lead="Chờ duyệt.",
            owner=writer,
            live=False,
        )
        section.add_child(instance=waiting)
        waiting.save_revision(user=writer)
        waiting.get_workflow().start(waiting, writer)
    admin = {
        "page edit (moderation)": f"/admin/pages/{waiting.pk}/edit/",
        "dashboard": "/admin/",
        "explorer": f"/admin/pages/{section.pk}/",
        "page edit": f"/admin/pages/{draft.pk}/edit/",
        "image chooser": "/admin/images/chooser/",
        "settings": f"/admin/settings/portal/communesettings/{site.pk}/",
    }
    public = {
        "home": "/",
        "section": section.url_path.removeprefix(site.root_page.url_path[:-1]),
        "article": article.url_path.removeprefix(site.root_page.url_path[:-1]),
        "search": "/tim-kiem/?q=hoi+nghi",
    }
    return admin, public, section


def publish_time(section, repeats: int = 3) -> float:
    from django.utils import timezone

    from congxa.news.models import ArticlePage

    times = []
    for _ in range(repeats):
        article = ArticlePage(
            title=f"Bài đo xuất bản {time.time_ns()}",
            date=timezone.now(),
            lead="Đo thời gian xuất bản.",
        )
        article.slug = f"do-{time.time_ns()}"
        section.add_child(instance=article)
        started = time.perf_counter()
        article.save_revision().publish()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def run(steps: list[int], articles: int, repeats: int) -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    built = 0
    baseline: dict[str, tuple[float, int]] = {}
    engine = "PostgreSQL" if os.environ.get("DATABASE_URL") else "SQLite"
    print(f"# congxa province bench on {engine}: {articles} articles per commune")
    print(f"# {repeats} requests per screen after a warm-up; page cache off")
    total_build = 0.0
    for step in steps:
        seconds = build_communes(built, step, articles)
        total_build += seconds
        built = step
        site, writer, admin_user, operator, reviewers = _people()
        admin, public, section = screens(site, writer)
        print(
            f"\n## {step} communes (built {seconds:.0f} s, total {total_build:.0f} s)"
        )
        print(
            f"{'screen':<36}{'p50 ms':>9}{'p95 ms':>9}{'queries':>9}{'p50 vs 1st':>12}"
            f"{'queries vs 1st':>16}"
        )
        rows = []
        plan = {
            "writer": (writer, ["dashboard", "explorer", "page edit", "image chooser"]),
            "editor": (reviewers["editor"], ["page edit (moderation)"]),
            "approver": (reviewers["approver"], ["page edit (moderation)"]),
            "commune admin": (admin_user, ["dashboard", "settings"]),
            "operator": (operator, ["dashboard"]),
        }
        for who, (user, names) in plan.items():
            client = Client()
            client.force_login(user)
            for name, url in admin.items():
                if name not in names:
                    continue
                rows.append(
                    (f"{who}: {name}", *measure(client, url, site.hostname, repeats))
                )
        if True:
            client = Client()
            client.force_login(operator)
            rows.append(
                (
                    "operator: province view",
                    *measure(client, "/admin/tinh/", site.hostname, repeats),
                )
            )
        anonymous = Client()
        for name, url in public.items():
            rows.append(
                (f"public: {name}", *measure(anonymous, url, site.hostname, repeats))
            )
        rows.append(("publish one article", publish_time(section), 0.0, 0))
        for name, p50, p95, queries in rows:
            first = baseline.setdefault(name, (p50, queries))
            ratio = p50 / first[0] if first[0] else 0
            qratio = f"{queries}/{first[1]}" if queries else "-"
            print(
                f"{name:<36}{p50:>9.1f}{p95:>9.1f}{queries:>9}{ratio:>11.2f}x{qratio:>16}"
            )
    print(f"\n# build total {total_build:.0f} s for {built} communes")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--communes", default="1,50,150")
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    steps = sorted({int(n) for n in args.communes.split(",")})
    database_url = os.environ.get("DATABASE_URL", "")
    if args.child:
        _setup_env(os.environ.get("BENCH_DATABASE_URL", ""))
        run(steps, args.articles, args.repeats)
        return
    bench_url = ""
    if database_url:
        base, name = database_url.rsplit("/", 1)
        # Named after the caller's own database, so two benches never share one.
        bench_db = f"{name.split('?')[0]}_province_bench" if name else BENCH_DB
        _pg_admin(database_url, f"DROP DATABASE IF EXISTS {bench_db}")
        _pg_admin(database_url, f"CREATE DATABASE {bench_db}")
        bench_url = f"{base}/{bench_db}"
    started = time.perf_counter()
    try:
        subprocess.run(  # noqa: S603 (fixed argv)
            [
                sys.executable,
                __file__,
                "--child",
                "--communes",
                args.communes,
                "--articles",
                str(args.articles),
                "--repeats",
                str(args.repeats),
            ],
            env={**os.environ, "BENCH_DATABASE_URL": bench_url},
            check=True,
        )
    finally:
        if database_url:
            _pg_admin(database_url, f"DROP DATABASE IF EXISTS {bench_db} WITH (FORCE)")
    print(f"# took {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
