"""Backup and restore of a province's database with its media on S3.

    .venv/bin/python bench/backup_s3.py                  # 150 communes
    .venv/bin/python bench/backup_s3.py --communes 10    # a short run

Builds the province of tests/scaleout (private PostgreSQL, Redis, moto's S3
server, two hosts), adds `--communes` communes with `--articles` articles and a
picture each, renders their pages, then times `congxa backup` (pg_dump plus
every object of the bucket) and `congxa restore` into an empty database and an
empty bucket on a second S3 server, starts a host on the restored copy and
compares its pages with the original's byte for byte. Images are addressed
through one `public_url`, as in production behind a CDN, so both copies' pages
name the same image URLs.
"""

from __future__ import annotations

import argparse
import difflib
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.scaleout.conftest import DATABASE, build_province  # noqa: E402
from tests.scaleout.services import AppHost, MotoS3, app_env, get, manage  # noqa: E402

PUBLIC = "&public_url=http://media.congxa.test"
COMMUNES = """
from congxa.news.factories import ArticlePageFactory, NewsIndexPageFactory
from congxa.portal.factories import ImageFactory, create_commune_site
for number in range({communes}):
    site = create_commune_site(
        name=f"Xã Thử Nghiệm {{number}}", hostname=f"xa-{{number}}.localhost",
        province="Tỉnh Quảng Trị",
    )
    section = NewsIndexPageFactory(
        parent=site.root_page, title="Tin tức", slug="tin-tuc"
    )
    for article in range({articles}):
        ArticlePageFactory(
            parent=section, title=f"Tin {{article}} của xã {{number}}",
            slug=f"tin-{{article}}", featured_image=ImageFactory(),
            lead="Ủy ban nhân dân xã thông báo lịch tiếp công dân.",
        )
print("ok")
"""


LIST_PAGES = """
from wagtail.models import Site
for site in Site.objects.filter(hostname__endswith=".localhost"):
    for page in site.root_page.get_descendants(inclusive=True).live().public():
        print("PAGE", site.hostname, page.get_url_parts()[2])
"""


def pages(province) -> list[tuple[str, str]]:
    return [
        tuple(line.split()[1:3])
        for line in province.shell(LIST_PAGES).splitlines()
        if line.startswith("PAGE ")
    ]


def fetch(base: str, host: str, path: str) -> tuple[int, bytes]:
    status, _, body = get(base + path, {"Host": host})
    return status, body


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--communes", type=int, default=150)
    parser.add_argument("--articles", type=int, default=3)
    parser.add_argument(
        "--sample",
        type=int,
        default=0,
        help="compare this many pages, spread over every commune (0: all)",
    )
    args = parser.parse_args()

    setup = COMMUNES.format(communes=args.communes, articles=args.articles)
    started = time.monotonic()
    with build_province(setup=setup, media_extra=PUBLIC) as province:
        built = time.monotonic() - started
        a = province.hosts[0]
        wanted = pages(province)
        listed = len(wanted)
        if args.sample and args.sample < len(wanted):
            # Every n-th page of the list (each commune's pages are together):
            # the first and the last commune among them.
            step = len(wanted) / args.sample
            wanted = [wanted[int(i * step)] for i in range(args.sample)] + [wanted[-1]]
        original = {page: fetch(a.url, *page) for page in wanted}
        assert all(status == 200 for status, _ in original.values()), [
            page for page, (status, _) in original.items() if status != 200
        ]
        database_bytes = province.sql("SELECT pg_database_size(%s)", DATABASE)[0][0]

        work = Path(tempfile.mkdtemp(prefix="congxa-backup-bench-"))
        t0 = time.monotonic()
        manage(province.env, "backup", "--output", str(work / "archives"))
        backup_seconds = time.monotonic() - t0
        (archive,) = (work / "archives").glob("congxa-backup-*.tar.gz")
        with tarfile.open(archive) as tar:
            members = tar.getmembers()
        objects = [m for m in members if m.name.startswith("media/")]
        object_bytes = sum(m.size for m in objects)

        # The restored copy: an empty database, an empty bucket on another server.
        s3 = MotoS3()
        s3.start()
        restored_host = None
        try:
            province.postgres.createdb("restored")
            env = app_env(
                data_dir=work / "restored-var",
                database_url=province.postgres.url("restored"),
                media_url=s3.media_url(extra=PUBLIC),
                cache_url=f"redis://127.0.0.1:{province.redis.port}/1",
            )
            t0 = time.monotonic()
            manage(
                env, "restore", str(archive), "--data-dir", str(work / "restored-var")
            )
            restore_seconds = time.monotonic() - t0
            restored_host = AppHost(env)
            restored_host.start()
            # Pages show the current time to the minute: read each page from
            # both copies back to back.
            restored = {}
            for page in wanted:
                restored[page] = fetch(restored_host.url, *page)
                original[page] = fetch(a.url, *page)
            same = sum(1 for page in wanted if restored[page] == original[page])
            for page in wanted:
                if restored[page] != original[page]:
                    print(f"first difference: {page}, status {restored[page][0]}")
                    diff = difflib.unified_diff(
                        original[page][1].decode(errors="replace").splitlines(),
                        restored[page][1].decode(errors="replace").splitlines(),
                        lineterm="",
                        n=0,
                    )
                    print("\n".join(list(diff)[:12]))
                    break
        finally:
            if restored_host is not None:
                restored_host.stop()
            s3.stop()

    mb = 1024 * 1024
    print(
        f"province: {args.communes} communes x {args.articles} articles with a "
        f"picture, built in {built:.0f} s"
    )
    print(
        f"database {database_bytes / mb:.1f} MB, {len(objects)} objects "
        f"{object_bytes / mb:.1f} MB; archive {archive.stat().st_size / mb:.1f} MB "
        f"({archive.stat().st_size / (database_bytes + object_bytes):.2f} of the sum)"
    )
    print(
        f"backup {backup_seconds:.1f} s, restore {restore_seconds:.1f} s "
        f"(restore/backup {restore_seconds / backup_seconds:.2f})"
    )
    print(
        f"pages identical byte for byte on the restored copy: {same}/{len(wanted)}"
        f" (of {listed} live pages)"
    )
    sys.exit(0 if same == len(wanted) else 1)


if __name__ == "__main__":
    main()
