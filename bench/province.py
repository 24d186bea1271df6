"""Province benchmark: the admin and the public pages at 1, 50 and 150 communes.

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres \
        .venv/bin/python bench/province.py --communes 1,50,150 --articles 400

Builds a province on a throw-away PostgreSQL database (named after the one in
DATABASE_URL plus `_province_bench`, created and dropped here; `--template-db`
starts it from an empty migrated database, `--keep` keeps it). Communes 0 and 1
are made by the same `portal.communes` service as `congxa commune add`, and in
each one article and one legal document are published through Wagtail and 20
citizens' questions saved; the other articles and documents of a commune, and
communes 2 and up, are copies of those rows made in SQL (see "bulk copies"
below): 150 communes of 400 articles, 40 documents and 20 questions in a few
minutes instead of hours. Then at each step it measures, page cache off, as a
commune writer, a commune administrator and the province operator: dashboard,
page explorer, page edit, image chooser, settings; and the public home,
section, article and search; plus publishing one article. Prints p50/p95 in ms,
query counts, the load average, and ratios against the first step. Asserts
nothing; checks that the last commune copied is whole (tree, pages served,
revisions read back).
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


DOCUMENTS = 40  # per commune
QUESTIONS = 20  # per commune


def _marker_subs(n: int) -> list[str]:
    """The strings that carry commune `n`'s identity in its rows."""
    return [f"xa{n:03d}", f"Thử Nghiệm {n:03d}", f"thu nghiem {n:03d}", f"'{n:03d}'"]


def _leaf_copies(page, copies: int, subs, new_subs, make) -> None:
    """`make()` publishes one page through Wagtail under `page`; then `copies`
    more are made from its rows, as its next siblings."""
    from wagtail.models import Page

    before = max_ids()
    template = make()
    after = max_ids()
    if copies <= 0:
        return
    parent_path = page.path
    position = Page._str2int(template.path[-Page.steplen :])
    clone_rows(
        before,
        after,
        max_ids(),
        copies,
        subs,
        new_subs,
        {"wagtailcore_page": template.path},
        lambda k: {
            "wagtailcore_page": Page._get_path(
                parent_path, template.depth, position + k
            )
        },
    )


def _commune_fill(site, n: int, articles: int) -> None:
    """The commune's articles, documents and citizens' questions."""
    from django.utils import timezone

    from congxa.documents.models import (
        DocumentIndexPage,
        DocumentType,
        LegalDocumentPage,
    )
    from congxa.engagement.models import Question
    from congxa.news.models import ArticlePage, NewsIndexPage

    home = site.root_page
    name = site.site_name
    now = timezone.now()
    section = NewsIndexPage.objects.get(
        url_path__startswith=home.url_path, slug="tin-tuc-su-kien"
    )

    def article():
        page = ArticlePage(
            title=f"Tin số 0 của {name}: hội nghị triển khai nhiệm vụ",
            slug="tin-0",
            date=now,
            lead="Ủy ban nhân dân xã tổ chức hội nghị triển khai nhiệm vụ năm.",
            body=[("paragraph", "<p>Nội dung bài viết thử nghiệm.</p>")],
        )
        section.add_child(instance=page)
        page.save_revision().publish()
        return page

    _leaf_copies(
        section,
        articles - 1,
        ["Tin số 0 ", "tin so 0 ", "tin-0", "'0'"],
        lambda k: [f"Tin số {k} ", f"tin so {k} ", f"tin-{k}", f"'{k}'"],
        article,
    )
    documents = DocumentIndexPage.objects.filter(
        url_path__startswith=home.url_path
    ).first()
    kind, _ = DocumentType.objects.get_or_create(
        slug="quyet-dinh", defaults={"name": "Quyết định"}
    )

    def document():
        page = LegalDocumentPage(
            title=f"Văn bản số 0 về kế hoạch của {name}",
            slug="vb-0",
            document_type=kind,
            number="0/QĐ-UBND",
            issuing_body=f"Ủy ban nhân dân {name}",
            issue_date=now.date(),
            signer="Chủ tịch Lê Văn Hùng",
        )
        documents.add_child(instance=page)
        page.save_revision().publish()
        return page

    _leaf_copies(
        documents,
        DOCUMENTS - 1,
        ["Văn bản số 0 ", "van ban so 0 ", "vb-0", "'0'", "0/QĐ-UBND", "0/qd-ubnd"],
        lambda k: [
            f"Văn bản số {k} ",
            f"van ban so {k} ",
            f"vb-{k}",
            f"'{k}'",
            f"{k}/QĐ-UBND",
            f"{k}/qd-ubnd",
        ],
        document,
    )
    for q in range(QUESTIONS):
        Question.objects.create(
            site=site,
            title=f"Hỏi về thủ tục đăng ký khai sinh số {q}",
            text="Xin hỏi thủ tục đăng ký khai sinh cần giấy tờ gì?",
            name="Nguyễn Văn A",
            tracking_code=f"B{n:03d}Q{q:04d}",
        )


def _commune_real(n: int, articles: int):
    """Commune `n` through the real service, filled through Wagtail (one page of
    each kind published, the rest copies of it)."""
    from congxa.portal.communes import CommuneSpec, commune_create

    site = commune_create(
        CommuneSpec(
            host=f"xa{n:03d}.bench.gov.vn",
            name=f"Xã Thử Nghiệm {n:03d}",
            scheme="http",
        )
    ).site
    _commune_fill(site, n, articles)
    return site


def _check_copy(n: int) -> None:
    """The last commune made is whole: a sound tree, its pages served, and
    Wagtail reads its pages' revisions back as the pages themselves."""
    from django.db import connection
    from django.test import Client
    from wagtail.models import Site

    from congxa.news.models import ArticlePage

    # Treebeard's invariants, in SQL (`Page.find_problems` asks once per page).
    with connection.cursor() as cursor:
        cursor.execute(
            "WITH kids AS (SELECT substr(path, 1, length(path) - 4) AS parent,"
            " count(*) AS n FROM wagtailcore_page WHERE depth > 1 GROUP BY 1)"
            " SELECT (SELECT count(*) FROM wagtailcore_page WHERE length(path)"
            " <> depth * 4), (SELECT count(*) FROM kids LEFT JOIN wagtailcore_page p"
            " ON p.path = kids.parent WHERE p.id IS NULL), (SELECT count(*) FROM"
            " wagtailcore_page p LEFT JOIN kids ON kids.parent = p.path WHERE"
            " p.numchild <> coalesce(kids.n, 0))"
        )
        problems = cursor.fetchone()
    if any(problems):
        raise SystemExit(f"tree problems (depth, orphans, numchild): {problems}")
    site = Site.objects.get(hostname=f"xa{n:03d}.bench.gov.vn")
    home = site.root_page
    article = ArticlePage.objects.descendant_of(home).live().order_by("path").last()
    revision = article.live_revision.as_object()
    if (revision.pk, revision.path, revision.title) != (
        article.pk,
        article.path,
        article.title,
    ):
        raise SystemExit(f"revision of {article.pk} does not match its page")
    client = Client()
    for path in ("/", article.url_path.removeprefix(home.url_path[:-1])):
        response = client.get(path, HTTP_HOST=site.hostname)
        if response.status_code != 200 or site.site_name not in response.text:
            raise SystemExit(f"{site.hostname}{path}: HTTP {response.status_code}")


class Province:
    """Communes 0 and 1 made for real; 2 and up copied from commune 1's rows."""

    def __init__(self, articles: int):
        self.articles = articles
        self.built = 0
        self.template: tuple[dict, dict] | None = None

    def grow(self, to: int) -> float:
        from django.db import connection
        from wagtail.models import Collection, Page, Site

        started = time.perf_counter()
        if self.built == 0 and to >= 1:
            _commune_real(0, self.articles)
            self.built = 1
        if self.built == 1 and to >= 2:
            before = max_ids()
            _commune_real(1, self.articles)
            self.template = (before, max_ids())
            self.built = 2
        if to > self.built:
            before, after = self.template
            site = Site.objects.get(hostname="xa001.bench.gov.vn")
            home = site.root_page
            collection = Collection.objects.get(name=site.site_name)
            first = self.built
            home_at = Page._str2int(home.path[-Page.steplen :])
            coll_at = Collection._str2int(collection.path[-Collection.steplen :])
            clone_rows(
                before,
                after,
                max_ids(),
                to - first,
                _marker_subs(1),
                lambda k: _marker_subs(first + k - 1),
                {
                    "wagtailcore_page": home.path,
                    "wagtailcore_collection": collection.path,
                },
                lambda k: {
                    "wagtailcore_page": Page._get_path(
                        home.path, home.depth, home_at + first + k - 2
                    ),
                    "wagtailcore_collection": Collection._get_path(
                        collection.path, collection.depth, coll_at + first + k - 2
                    ),
                },
            )
            self.built = to
        vocabulary_rebuild()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        seconds = time.perf_counter() - started
        _check_copy(self.built - 1)
        return seconds


# -- bulk copies ---------------------------------------------------------------
#
# One commune is made by the real service (`commune_create`) and one article and
# one document by Wagtail's real publish path; everything else is a copy of those
# rows made in SQL: every row the template created (found as the ids above each
# table's maximum before it was made), once per copy, with new ids, foreign keys
# and generic references (content type + object id) moved to the copy's rows,
# the tree paths moved under the copy's own place in the tree, the commune's
# number and the page's number replaced in every text (titles, url_path, slugs,
# group names, the revisions' JSON, the search vectors), new translation keys,
# and the revisions' JSON pointed at the copy's page. What a copy holds is what
# the app made for the template: page rows of every model, live revisions, log
# entries, Wagtail's search index rows, congxa's search entries, the reference
# index, groups, permissions, workflow, tasks, collection, settings.

TEXT_TYPES = {"text", "character varying", "jsonb", "json", "tsvector"}


def _table_columns() -> dict[str, list[tuple[str, str]]]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name, column_name, data_type FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND is_generated = 'NEVER'"
            " ORDER BY ordinal_position"
        )
        columns: dict[str, list[tuple[str, str]]] = {}
        for table, column, data_type in cursor.fetchall():
            columns.setdefault(table, []).append((column, data_type))
    return columns


def _models():
    from django.apps import apps

    return [
        m
        for m in apps.get_models(include_auto_created=True)
        if m._meta.managed and not m._meta.proxy
    ]


def _root_table(model) -> str:
    parents = model._meta.get_parent_list()
    return (parents[-1] if parents else model)._meta.db_table


def _own_id_tables() -> dict[str, str]:
    """Table -> its integer primary-key column, for tables that number their rows."""
    from django.db import models

    found = {}
    for model in _models():
        pk = model._meta.pk
        if pk.is_relation:
            continue
        if isinstance(pk, (models.AutoField, models.BigAutoField)):
            found[model._meta.db_table] = pk.column
    return found


def max_ids() -> dict[str, int]:
    from django.db import connection

    tables = _own_id_tables()
    with connection.cursor() as cursor:
        parts = [
            f'(SELECT coalesce(max("{pk}"), 0) FROM "{table}")'
            for table, pk in tables.items()
        ]
        cursor.execute("SELECT " + ", ".join(parts))
        values = cursor.fetchone()
    return dict(zip(tables, values, strict=True))


def _sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def clone_rows(
    before: dict[str, int],
    after: dict[str, int],
    current: dict[str, int],
    copies: int,
    subs: list[str],
    new_subs,
    tree: dict[str, str],
    new_roots,
) -> int:
    """Copy every row made between `before` and `after` `copies` times, above
    `current` (each table's highest id now).

        `subs` are strings replaced in every text column by `new_subs(k)[i]` in copy
        k (1-based); `tree` maps a treebeard table to the template's subtree root
        path, replaced by `new_roots(k)[table]`. Returns the rows written.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction

    columns = _table_columns()
    own = _own_id_tables()
    ranges = {
        t: (before.get(t, 0) + 1, after[t]) for t in own if after[t] > before.get(t, 0)
    }
    bases = {t: current[t] + 1 for t in ranges}
    spans = {t: hi - lo + 1 for t, (lo, hi) in ranges.items()}

    def moved(expr: str, table: str) -> str:
        lo, hi = ranges[table]
        return (
            f"(CASE WHEN {expr} BETWEEN {lo} AND {hi} THEN {expr} - {lo} + "
            f"{bases[table]} + (c.k - 1) * {spans[table]} ELSE {expr} END)"
        )

    content_types = {
        ct.pk: _root_table(ct.model_class())
        for ct in ContentType.objects.all()
        if ct.model_class() is not None
    }

    def moved_object_id(ct_col: str, id_col: str, numeric: bool) -> str:
        if numeric:
            cases = [
                f'WHEN t."{ct_col}" = {ct} THEN ' + moved(f't."{id_col}"', table)
                for ct, table in content_types.items()
                if table in ranges
            ]
        else:
            cases = [
                f'WHEN t."{ct_col}" = {ct} AND t."{id_col}" ~ \'^[0-9]+$\' THEN '
                + moved(f't."{id_col}"::bigint', table)
                + "::text"
                for ct, table in content_types.items()
                if table in ranges
            ]
        if not cases:
            return f't."{id_col}"'
        return f'(CASE {" ".join(cases)} ELSE t."{id_col}" END)'

    copy_rows = []
    for k in range(1, copies + 1):
        roots = new_roots(k)
        copy_rows.append(
            "("
            + ", ".join(
                [str(k)]
                + [_sql_text(v) for v in new_subs(k)]
                + [_sql_text(roots[t]) for t in sorted(tree)]
            )
            + ")"
        )
    copy_columns = (
        ["k"] + [f"s{i}" for i in range(len(subs))] + [f"r_{t}" for t in sorted(tree)]
    )
    values = f"(VALUES {', '.join(copy_rows)}) AS c({', '.join(copy_columns)})"

    written = 0
    # One transaction: Django's foreign keys are checked at the commit, so the
    # tables can be copied in any order.
    with transaction.atomic(), connection.cursor() as cursor:
        for model in _models():
            table = model._meta.db_table
            pk = model._meta.pk
            if pk.is_relation:
                target = _root_table(pk.related_model)
                if target not in ranges:
                    continue
                lo, hi = ranges[target]
                where = f't."{pk.column}" BETWEEN {lo} AND {hi}'
            elif table in ranges:
                lo, hi = ranges[table]
                where = f't."{pk.column}" BETWEEN {lo} AND {hi}'
            else:
                continue
            fields = {f.column: f for f in model._meta.local_concrete_fields}
            names = {f.column for f in fields.values()}
            exprs = []
            cols = []
            for column, data_type in columns[table]:
                field = fields.get(column)
                expr = f't."{column}"'
                if field is not None and field.primary_key and not field.is_relation:
                    expr = moved(expr, table)
                elif field is not None and field.is_relation and field.related_model:
                    target = _root_table(field.related_model)
                    if target in ranges:
                        expr = moved(expr, target)
                elif column.endswith("object_id"):
                    prefix = column[: -len("object_id")]
                    ct_col = next(
                        (
                            c
                            for c in (
                                f"{prefix}base_content_type_id",
                                f"{prefix}content_type_id",
                            )
                            if c in names
                        ),
                        None,
                    )
                    if ct_col:
                        expr = moved_object_id(
                            ct_col, column, data_type not in TEXT_TYPES
                        )
                elif column == "path" and table in tree:
                    expr = f"c.r_{table} || substr(t.path, {len(tree[table]) + 1})"
                elif column == "translation_key":
                    expr = "gen_random_uuid()"
                elif data_type in TEXT_TYPES:
                    text = f"{expr}::text" if data_type != "text" else expr
                    for i, old in enumerate(subs):
                        text = f"replace({text}, {_sql_text(old)}, c.s{i})"
                    cast = {
                        "jsonb": "::jsonb",
                        "json": "::json",
                        "tsvector": "::tsvector",
                        "character varying": "",
                    }.get(data_type, "")
                    expr = f"({text}){cast}"
                cols.append(f'"{column}"')
                exprs.append(expr)
            _unique_keys(table, cols, exprs)
            cursor.execute(
                f'INSERT INTO "{table}" ({", ".join(cols)}) '  # noqa: S608 (our SQL)
                f'SELECT {", ".join(exprs)} FROM "{table}" t, {values} WHERE {where}'
            )
            written += cursor.rowcount
        for table, pk_column in own.items():
            if table in ranges:
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('\"{table}\"',"
                    f" '{pk_column}'), {bases[table] + copies * spans[table] - 1})"
                )
        _after_clone(cursor, ranges, bases)
    return written


def _unique_keys(table: str, cols: list[str], exprs: list[str]) -> None:
    """Unique values made of ids: made again from the copy's ids."""
    from congxa.engagement.models import Question
    from congxa.search.models import SearchEntry

    by_column = dict(zip(cols, exprs, strict=True))
    if table == SearchEntry._meta.db_table:
        key = cols.index('"key"')
        # page:ID for pages; other kinds (procedures...) are not in a commune.
        exprs[key] = (
            f"CASE WHEN t.page_id IS NULL THEN t.key ELSE 'page:' || "
            f"{by_column[chr(34) + 'page_id' + chr(34)]} END"
        )
        exprs[cols.index('"scope"')] = (
            f"'s' || coalesce({by_column[chr(34) + 'site_id' + chr(34)]}, 0)"
        )
    if table == Question._meta.db_table:
        exprs[cols.index('"tracking_code"')] = (
            f"upper(substr(md5({by_column[chr(34) + 'id' + chr(34)]}::text"
            " || 'congxa'), 1, 10))"
        )


def _after_clone(cursor, ranges, bases) -> None:
    """What a copy must not share with its template: keys made of ids, and the
    revisions' own record of their page."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    if "wagtailcore_revision" in ranges:
        page_ct = ContentType.objects.get_for_model(Page).pk
        cursor.execute(
            "UPDATE wagtailcore_revision r SET content = r.content ||"
            " jsonb_build_object('pk', p.id, 'id', p.id, 'page_ptr', p.id,"
            " 'path', p.path, 'url_path', p.url_path,"
            " 'translation_key', p.translation_key::text, 'live_revision',"
            " p.live_revision_id, 'latest_revision', p.latest_revision_id)"
            " FROM wagtailcore_page p WHERE r.base_content_type_id = %s"
            " AND r.object_id = p.id::text AND r.id >= %s",
            [page_ct, bases["wagtailcore_revision"]],
        )
    # Treebeard's child counts of the parents the copies were added under.
    for table in ("wagtailcore_page", "wagtailcore_collection"):
        cursor.execute(
            f"UPDATE {table} p SET numchild = c.n FROM (SELECT"  # noqa: S608
            f" substr(path, 1, length(path) - 4) AS parent, count(*) AS n FROM {table}"
            f" GROUP BY 1) c WHERE p.path = c.parent AND p.numchild <> c.n"
        )


def vocabulary_rebuild() -> None:
    """congxa's search vocabulary (documents per term) from the entries."""
    from collections import Counter

    from django.db import transaction

    from congxa.search.models import SearchEntry, SearchTerm

    counts: Counter = Counter()
    rows = SearchEntry.objects.values_list("title_index", "body_index")
    for title, body in rows.iterator(chunk_size=2000):
        counts.update(set(title.split()) | set(body.split()))
    with transaction.atomic():
        SearchTerm.objects.all()._raw_delete(SearchTerm.objects.db)
        SearchTerm.objects.bulk_create(
            (
                SearchTerm(term=t, documents=n)
                for t, n in counts.items()
                if len(t) <= 40
            ),
            batch_size=2000,
        )


def _contents() -> str:
    from wagtail.models import Page, Revision, Site

    from congxa.documents.models import LegalDocumentPage
    from congxa.engagement.models import Question
    from congxa.news.models import ArticlePage
    from congxa.search.models import SearchEntry

    counts = {
        "sites": Site.objects.count(),
        "pages": Page.objects.count(),
        "articles": ArticlePage.objects.live().count(),
        "documents": LegalDocumentPage.objects.live().count(),
        "questions": Question.objects.count(),
        "revisions": Revision.objects.count(),
        "search entries": SearchEntry.objects.count(),
    }
    return ", ".join(f"{name} {n}" for name, n in counts.items())


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


def measure(client, url: str, host: str, repeats: int) -> tuple[float, float, int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url, HTTP_HOST=host)  # warm
    times = []
    cpu = []
    count = 0
    for _ in range(repeats):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            started_cpu = time.thread_time()
            response = client.get(url, HTTP_HOST=host)
            cpu.append((time.thread_time() - started_cpu) * 1000)
            times.append((time.perf_counter() - started) * 1000)
        status = response.status_code
        count = len(queries)
    times.sort()
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    return statistics.median(times), p95, count, status, statistics.median(cpu)


def _writer_page(section, writer, title: str, slug: str):
    """A draft article of the commune writer, saved as Wagtail saves one."""
    from django.utils import timezone

    from congxa.news.models import ArticlePage

    page = ArticlePage(
        title=title,
        slug=slug,
        date=timezone.now(),
        lead=title + ".",
        owner=writer,
        live=False,
    )
    section.add_child(instance=page)
    page.save_revision(user=writer)
    return page


def screens(site, writer):

    from congxa.news.models import ArticlePage, NewsIndexPage

    section = NewsIndexPage.objects.get(
        url_path__startswith=site.root_page.url_path, slug="tin-tuc-su-kien"
    )
    article = ArticlePage.objects.child_of(section).live().first()
    # A writer edits their own draft (writers may not edit others' pages), and
    # a page waiting in the workflow, as its reviewers open it.
    draft = ArticlePage.objects.child_of(section).filter(owner=writer).first()
    if draft is None:
        draft = _writer_page(section, writer, "Bản nháp của phóng viên", "ban-nhap")
    waiting = ArticlePage.objects.child_of(section).filter(slug="cho-duyet").first()
    if waiting is None:
        waiting = _writer_page(section, writer, "Bài chờ duyệt", "cho-duyet")
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


def publish_time(section, repeats: int = 5) -> tuple[float, float, int, int, float]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from congxa.news.models import ArticlePage

    times = []
    cpu = []
    count = 0
    for _ in range(repeats):
        article = ArticlePage(
            title=f"Bài đo xuất bản {time.time_ns()}",
            date=timezone.now(),
            lead="Đo thời gian xuất bản.",
        )
        article.slug = f"do-{time.time_ns()}"
        section.add_child(instance=article)
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            started_cpu = time.thread_time()
            article.save_revision().publish()
            cpu.append((time.thread_time() - started_cpu) * 1000)
            times.append((time.perf_counter() - started) * 1000)
        count = len(queries)
    times.sort()
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    return statistics.median(times), p95, count, 200, statistics.median(cpu)


def run(steps: list[int], articles: int, repeats: int) -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"# migrate {time.perf_counter() - started:.0f} s (not part of the build)")
    province = Province(articles)
    baseline: dict[str, tuple[float, int]] = {}
    engine = "PostgreSQL" if os.environ.get("DATABASE_URL") else "SQLite"
    print(f"# congxa province bench on {engine}: {articles} articles per commune")
    print(f"# {repeats} requests per screen after a warm-up; page cache off")
    total_build = 0.0
    for step in steps:
        seconds = province.grow(step)
        total_build += seconds
        site, writer, admin_user, operator, reviewers = _people()
        admin, public, section = screens(site, writer)
        print(
            f"\n## {step} communes (built {seconds:.0f} s, total {total_build:.0f} s;"
            f" load average {os.getloadavg()[0]:.1f})"
        )
        print("# " + _contents())
        print(
            f"{'screen':<36}{'p50 ms':>9}{'p95 ms':>9}{'cpu ms':>9}{'queries':>9}"
            f"{'p50 vs 1st':>12}{'cpu vs 1st':>11}{'queries vs 1st':>16}"
        )
        rows = []
        plan = {
            "writer": (writer, ["dashboard", "explorer", "page edit", "image chooser"]),
            "editor": (reviewers["editor"], ["page edit (moderation)"]),
            "approver": (reviewers["approver"], ["page edit (moderation)"]),
            "commune admin": (admin_user, ["dashboard", "settings"]),
            # Not on the commune's board: what the operator may see of it.
            "operator": (operator, list(admin)),
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
        rows.append(("publish one article", *publish_time(section)))
        for name, p50, p95, queries, status, cpu in rows:
            first = baseline.setdefault(name, (p50, queries, cpu))
            ratio = p50 / first[0] if first[0] else 0
            cpu_ratio = cpu / first[2] if first[2] else 0
            qratio = f"{queries}/{first[1]}" if queries else "-"
            note = "" if status == 200 else f"  HTTP {status}"
            print(
                f"{name:<36}{p50:>9.1f}{p95:>9.1f}{cpu:>9.1f}{queries:>9}"
                f"{ratio:>11.2f}x{cpu_ratio:>10.2f}x{qratio:>16}{note}"
            )
    print(
        f"\n# build total {total_build:.0f} s for {province.built} communes;"
        f" load average {os.getloadavg()[0]:.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--communes", default="1,50,150")
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument(
        "--template-db",
        default="",
        help="an empty, migrated database to start from (CREATE DATABASE ... TEMPLATE)",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the database (to profile a screen)"
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    steps = sorted({int(n) for n in args.communes.split(",")})
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url and not args.child:
        raise SystemExit(
            "DATABASE_URL=postgresql://... is needed (the build copies rows in SQL)"
        )
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
        template = f" TEMPLATE {args.template_db}" if args.template_db else ""
        _pg_admin(database_url, f"CREATE DATABASE {bench_db}{template}")
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
        if database_url and not args.keep:
            _pg_admin(database_url, f"DROP DATABASE IF EXISTS {bench_db} WITH (FORCE)")
        elif database_url:
            print(f"# kept: {bench_url}")
    print(f"# took {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
