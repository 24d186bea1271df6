"""The database side of search: SQLite FTS5 or PostgreSQL full-text search.

Both engines index the same terms, made in Python by `congxa.vi.text` and stored
in `SearchEntry.*_index` (folded) and `*_exact` (exact diacritics): only `[a-z0-9]`
words separated by spaces, so no engine tokeniser, stemmer, stop-word list or
accent folding can disagree with the query side.

- SQLite: an FTS5 table with external content (the entry table) kept in step by
  triggers, so the ORM writes entries and the index follows in the same
  transaction.
- PostgreSQL: two generated `tsvector` columns (`simple` configuration: no
  stemming, no stop words; title weighted A, body B) with GIN indexes. The
  `unaccent` extension is not needed: the text is folded before PostgreSQL sees it,
  with `đ` and the i/y variants that `unaccent` does not handle.

A query is a `Plan` (see `query.py`); the engine turns it into its own syntax from
terms that can only contain `[a-z0-9]`, so no user input reaches the engine's
query parser.
"""

# The SQL below is built from constant table names and from query terms that are
# only [a-z0-9]; every value a visitor typed goes in as a parameter.
# ruff: noqa: S608

from __future__ import annotations

from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from typing import NamedTuple

from django.db import connection, transaction

from congxa.vi.text import code_term

ENTRY_TABLE = "congxa_search_searchentry"
FTS_TABLE = "congxa_search_fts"

# Tiers, best first: a phrase in the title, every word in the title, a phrase in
# the body, every word anywhere.
TITLE_PHRASE, TITLE_WORDS, BODY_PHRASE, ANY_WORDS = 1, 2, 3, 4
# Above this many matches the engine's score is skipped: the tiers and recency
# order them (scoring every one of thousands of matches costs more than it helps).
SCORED_MATCHES = 1000


@dataclass(frozen=True)
class PlanWord:
    """A word of the query as searched: folded parts, exact parts, prefix or not."""

    parts: tuple[str, ...]
    exact: tuple[str, ...]
    prefix: bool = False
    # Typed with diacritics: only such words take part in the exact-match tier.
    marked: bool = False


class Hit(NamedTuple):
    entry_id: int
    kind: str
    exact: int
    tier: int


class Search(NamedTuple):
    """One search of a request: its words, whether exact diacritics rank first,
    and whether its matches are counted (only the words as typed are: the
    count gives the total, and decides whether the score is worth computing)."""

    words: list[PlanWord]
    use_exact: bool = False
    counted: bool = False


class Found(NamedTuple):
    """What one search found: its first hits in rank order, and when it was
    counted, how many matches in all and, from an engine that counts them by
    kind (`counts_kinds`), how many of each kind."""

    hits: list[Hit]
    total: int | None = None
    kinds: dict[str, int] | None = None


def searches_one_by_one(engine, searches, site_ids, limit):
    """`searches` run one statement (or two, count and hits) at a time."""
    found = []
    for search in searches:
        matches = None
        if search.counted:
            matches = engine.count(search.words, site_ids)
            if not matches:
                found.append(Found([], 0))
                continue
        hits = engine.hits(
            search.words,
            site_ids,
            kind=None,
            use_exact=search.use_exact,
            limit=limit,
            scored=matches is not None and matches <= SCORED_MATCHES,
        )
        found.append(Found(hits, matches))
    return found


class SQLiteEngine:
    vendor = "sqlite"
    # Counting by kind joins every match to its entry row: at 100,000 entries
    # that doubled the count of a common word (11 -> 22 ms). SQLite ranks the
    # first thousand matches of each search instead, and the facets count them.
    counts_kinds = False

    @staticmethod
    def session():
        """The searches of one request run in it (nothing to set for SQLite)."""
        return nullcontext()

    install_sql = [
        f"""CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(
            title_index, body_index, title_exact, body_exact, scope,
            content='{ENTRY_TABLE}', content_rowid='id',
            tokenize='unicode61 remove_diacritics 0', prefix='2 3')""",
        f"""CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_ai AFTER INSERT ON {ENTRY_TABLE}
        BEGIN
            INSERT INTO {FTS_TABLE}(rowid, title_index, body_index, title_exact,
                body_exact, scope)
            VALUES (new.id, new.title_index, new.body_index, new.title_exact,
                new.body_exact, new.scope);
        END""",
        f"""CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_ad AFTER DELETE ON {ENTRY_TABLE}
        BEGIN
            INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title_index, body_index,
                title_exact, body_exact, scope)
            VALUES ('delete', old.id, old.title_index, old.body_index,
                old.title_exact, old.body_exact, old.scope);
        END""",
        f"""CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_au AFTER UPDATE ON {ENTRY_TABLE}
        BEGIN
            INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title_index, body_index,
                title_exact, body_exact, scope)
            VALUES ('delete', old.id, old.title_index, old.body_index,
                old.title_exact, old.body_exact, old.scope);
            INSERT INTO {FTS_TABLE}(rowid, title_index, body_index, title_exact,
                body_exact, scope)
            VALUES (new.id, new.title_index, new.body_index, new.title_exact,
                new.body_exact, new.scope);
        END""",
        f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",
    ]
    uninstall_sql = [
        f"DROP TRIGGER IF EXISTS {FTS_TABLE}_ai",
        f"DROP TRIGGER IF EXISTS {FTS_TABLE}_ad",
        f"DROP TRIGGER IF EXISTS {FTS_TABLE}_au",
        f"DROP TABLE IF EXISTS {FTS_TABLE}",
    ]

    # --- query syntax

    @staticmethod
    def _term(term: str, prefix: bool) -> str:
        return f'"{term}"*' if prefix else f'"{term}"'

    def _word(self, word: PlanWord, exact: bool = False) -> str:
        parts = word.exact if exact else word.parts
        prefix = word.prefix and not exact
        code = None if exact else code_term(parts)
        if code is not None:
            return self._term(code, prefix)
        terms = [
            self._term(part, prefix and i == len(parts) - 1)
            for i, part in enumerate(parts)
        ]
        return terms[0] if len(terms) == 1 else "(" + " + ".join(terms) + ")"

    def _all(self, words: list[PlanWord], columns: str, exact=False) -> str:
        words = [w for w in words if w.marked] if exact else words
        return (
            f"{columns} : (" + " AND ".join(self._word(w, exact) for w in words) + ")"
        )

    def _phrase(self, words: list[PlanWord], column: str) -> str:
        terms = []
        for w_index, word in enumerate(words):
            for p_index, part in enumerate(word.parts):
                last = w_index == len(words) - 1 and p_index == len(word.parts) - 1
                terms.append(self._term(part, word.prefix and last))
        return f"{column} : (" + " + ".join(terms) + ")"

    @staticmethod
    def _in_scope(site_ids: list[int]) -> str:
        """The FTS condition for the visible sites: their own items and shared ones."""
        tokens = " OR ".join(f'"s{int(site_id)}"' for site_id in [*site_ids, 0])
        return f"scope : ({tokens})"

    def _match(self, expression: str, site_ids: list[int]) -> str:
        return f"({expression}) AND {self._in_scope(site_ids)}"

    def _base(self, words: list[PlanWord]) -> str:
        return self._all(words, "{title_index body_index}")

    def count(
        self, words: list[PlanWord], site_ids: list[int], cap: int | None = None
    ) -> int:
        """Matches, at most `cap` (counting stops there)."""
        inner = f"SELECT 1 FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
        params: list = [self._match(self._base(words), site_ids)]
        if cap is not None:
            inner += " LIMIT %s"
            params.append(cap)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM ({inner})", params)
            return cursor.fetchone()[0]

    def hits(
        self,
        words: list[PlanWord],
        site_ids: list[int],
        *,
        kind: str | None,
        use_exact: bool,
        offset: int = 0,
        limit: int | None = None,
        scored: bool = True,
    ) -> list[Hit]:
        """Matches in rank order (all of them when `limit` is None)."""
        matching = (
            f"{FTS_TABLE}.rowid IN (SELECT rowid FROM {FTS_TABLE} "
            f"WHERE {FTS_TABLE} MATCH %s)"
        )
        tiers = (TITLE_PHRASE, TITLE_WORDS, BODY_PHRASE)
        tier_queries = [
            self._match(self._phrase(words, "title_index"), site_ids),
            self._match(self._all(words, "title_index"), site_ids),
            self._match(self._phrase(words, "body_index"), site_ids),
        ]
        if not scored:
            # Many matches: a phrase over every body costs more than it ranks.
            tiers, tier_queries = tiers[:2], tier_queries[:2]
        if use_exact:
            exact_sql = matching
            exact_params = [
                self._match(
                    self._all(words, "{title_exact body_exact}", exact=True), site_ids
                )
            ]
        else:
            exact_sql, exact_params = "0", []
        cases = " ".join(f"WHEN {matching} THEN {tier}" for tier in tiers)
        kind_sql, kind_params = (" AND e.kind = %s", [kind]) if kind else ("", [])
        weights = "10.0, 1.0, 0.0, 0.0, 0.0"  # title, body; the rest do not score
        score = f"bm25({FTS_TABLE}, {weights})" if scored else "0"
        sql = (
            f"SELECT e.id, e.kind, {exact_sql} AS exact, "
            f"CASE {cases} ELSE {ANY_WORDS} END AS tier, {score} AS score "
            # CROSS JOIN keeps the full-text match as the outer loop (SQLite may
            # otherwise walk the entries and match once per row); the covering
            # index keeps the wide text rows out of it.
            f"FROM {FTS_TABLE} CROSS JOIN {ENTRY_TABLE} e "
            f"INDEXED BY congxa_search_rank ON e.id = {FTS_TABLE}.rowid "
            f"WHERE {FTS_TABLE} MATCH %s{kind_sql} "
            "ORDER BY exact DESC, tier, score, e.date DESC, e.id DESC "
            "LIMIT %s OFFSET %s"
        )
        params = [
            *exact_params,
            *tier_queries,
            self._match(self._base(words), site_ids),
            *kind_params,
            -1 if limit is None else limit,
            offset,
        ]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [Hit(r[0], r[1], r[2], r[3]) for r in cursor.fetchall()]

    def searches(
        self,
        searches: list[Search],
        site_ids: list[int],
        *,
        limit: int,
        kinds: tuple[str, ...] = (),
    ) -> list[Found]:
        """What each search found (no counts by kind: `counts_kinds`).

        In-process: a statement costs no round trip, so they run one by one."""
        return searches_one_by_one(self, searches, site_ids, limit)

    def size_bytes(self) -> int | None:
        """Bytes held by the entry table, the FTS index and the vocabulary."""
        try:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT SUM(pgsize) FROM dbstat WHERE name LIKE %s",
                    ["congxa_search_%"],
                )
                return cursor.fetchone()[0]
        except Exception:  # noqa: BLE001 (dbstat is an optional SQLite module)
            return None


# The commune of an entry is a lexeme of its vector (`@s12`, `@s0` when shared),
# as in SQLite's FTS table: one GIN lookup answers "these words, in these
# communes" without reading each match's vector to filter it. The `@` keeps it
# apart from query terms, which are only [a-z0-9].
VECTOR_EXPRESSION = """setweight(to_tsvector('simple'::regconfig, title_index), 'A')
            || setweight(to_tsvector('simple'::regconfig, body_index), 'B')
            || array_to_tsvector(ARRAY['@' || scope])"""

TITLE_VECTORS_SQL = f"""ALTER TABLE {ENTRY_TABLE}
        ADD COLUMN IF NOT EXISTS title_vector tsvector GENERATED ALWAYS AS (
            to_tsvector('simple'::regconfig, title_index)) STORED,
        ADD COLUMN IF NOT EXISTS title_exact_vector tsvector GENERATED ALWAYS AS (
            to_tsvector('simple'::regconfig, title_exact)) STORED"""


# Rows narrow enough that ranking thousands of matches reads few table pages:
# bodies and full vectors go to TOAST past 256 bytes, the title vectors the
# ranking reads stay in the row (migration 0008).
NARROW_ROWS_SQL = [
    f"ALTER TABLE {ENTRY_TABLE} SET (toast_tuple_target = 256)",
    f"""ALTER TABLE {ENTRY_TABLE}
        ALTER COLUMN title_vector SET STORAGE MAIN,
        ALTER COLUMN title_exact_vector SET STORAGE MAIN""",
]


# For the searches of a request, in one round trip (`SET LOCAL` is one setting a
# statement): the planner steered to the GIN index (see `session`), and no JIT
# compilation. A search's estimated cost can pass `jit_above_cost` (the row
# lookups of the scored branch are costed for every match) while it runs in a
# few milliseconds: compiling it cost 12 ms of a 37 ms search at 100,000 pages.
# The values before come back (read first: the CTE is computed before the outer
# select list), to be put back inside a caller's transaction.
SEARCH_SETTINGS = (
    "WITH was AS MATERIALIZED (SELECT current_setting('enable_seqscan') AS seqscan, "
    "current_setting('jit') AS jit) SELECT was.seqscan, was.jit, "
    "set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true) "
    "FROM was"
)
SETTINGS_BACK = (
    "SELECT set_config('enable_seqscan', %s, true), set_config('jit', %s, true)"
)
# How the two begin: statement counts leave them out (settings, no data read).
SETTINGS_PREFIXES = (
    "WITH was AS MATERIALIZED (SELECT current_setting(",
    "SELECT set_config(",
)


class PostgresEngine:
    vendor = "postgresql"
    # The typed search counts its matches by kind in the pass that counts them
    # (a window count per kind), so a results page ranks only the hits it
    # shows: the facets do not need the first thousand of each search.
    counts_kinds = True

    @staticmethod
    @contextmanager
    def session():
        """The searches of one request, in one transaction that steers the
        planner to the GIN index.

        PostgreSQL costs `tsvector @@ tsquery` as a cheap filter and, for a
        common word, prefers reading the whole table; the filter reads each
        row's vector out of TOAST, which costs ten times the index lookup
        (measured: 363 ms against 55 ms for a word in 3,800 of 20,000 rows,
        cold). Settings made local to the transaction end with it.
        """
        outer = connection.in_atomic_block
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(SEARCH_SETTINGS)
            seqscan, jit, *_set = cursor.fetchone()
            yield
            if outer:
                # Inside a caller's transaction the settings would outlive the
                # search: put them back (on an error the savepoint's rollback
                # does).
                cursor.execute(SETTINGS_BACK, [seqscan, jit])

    install_sql = [
        f"""ALTER TABLE {ENTRY_TABLE}
        ADD COLUMN IF NOT EXISTS vector tsvector GENERATED ALWAYS AS (
            {VECTOR_EXPRESSION}) STORED,
        ADD COLUMN IF NOT EXISTS exact_vector tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('simple'::regconfig, title_exact), 'A')
            || setweight(to_tsvector('simple'::regconfig, body_exact), 'B')
        ) STORED""",
        # Title-only vectors: small enough to stay in the row (no TOAST read),
        # so ranking thousands of matches by title tier does not read bodies.
        TITLE_VECTORS_SQL,
        *NARROW_ROWS_SQL,
        # A short pending list: every search reads all of it until a vacuum
        # merges it into the index (migration 0011).
        f"CREATE INDEX IF NOT EXISTS {ENTRY_TABLE}_vector ON {ENTRY_TABLE} "
        "USING gin (vector) WITH (gin_pending_list_limit = 256)",
        f"CREATE INDEX IF NOT EXISTS {ENTRY_TABLE}_exact_vector ON {ENTRY_TABLE} "
        "USING gin (exact_vector) WITH (gin_pending_list_limit = 256)",
    ]
    uninstall_sql = [
        f"DROP INDEX IF EXISTS {ENTRY_TABLE}_vector",
        f"DROP INDEX IF EXISTS {ENTRY_TABLE}_exact_vector",
        f"ALTER TABLE {ENTRY_TABLE} DROP COLUMN IF EXISTS vector, "
        "DROP COLUMN IF EXISTS exact_vector, DROP COLUMN IF EXISTS title_vector, "
        "DROP COLUMN IF EXISTS title_exact_vector",
    ]

    @staticmethod
    def _term(term: str, prefix: bool, weight: str = "") -> str:
        marks = ("*" if prefix else "") + weight
        return f"'{term}':{marks}" if marks else f"'{term}'"

    def _word(self, word: PlanWord, weight: str = "", exact: bool = False) -> str:
        parts = word.exact if exact else word.parts
        prefix = word.prefix and not exact
        code = None if exact else code_term(parts)
        if code is not None:
            return self._term(code, prefix, weight)
        terms = [
            self._term(part, prefix and i == len(parts) - 1, weight)
            for i, part in enumerate(parts)
        ]
        return terms[0] if len(terms) == 1 else "(" + " <-> ".join(terms) + ")"

    def _all(self, words: list[PlanWord], weight: str = "", exact=False) -> str:
        words = [w for w in words if w.marked] if exact else words
        return " & ".join(self._word(w, weight, exact) for w in words)

    def _phrase(self, words: list[PlanWord], weight: str) -> str:
        terms = []
        for w_index, word in enumerate(words):
            for p_index, part in enumerate(word.parts):
                last = w_index == len(words) - 1 and p_index == len(word.parts) - 1
                terms.append(self._term(part, word.prefix and last, weight))
        return " <-> ".join(terms)

    @staticmethod
    def _in_scope(query: str, site_ids: list[int]) -> str:
        """The query limited to the visible sites: their own items and shared ones."""
        tokens = " | ".join(f"'@s{int(site_id)}'" for site_id in [*site_ids, 0])
        return f"({query}) & ({tokens})"

    def _scope(self, site_ids: list[int], kind: str | None) -> tuple[str, list]:
        sql = ""
        params: list = []
        if kind:
            sql += " AND e.kind = %s"
            params.append(kind)
        return sql, params

    def count(
        self, words: list[PlanWord], site_ids: list[int], cap: int | None = None
    ) -> int:
        """Matches, at most `cap`: the scan stops there (a common word's
        `COUNT(*)` otherwise visits every one of its rows)."""
        inner = f"SELECT 1 FROM {ENTRY_TABLE} e WHERE e.vector @@ %s::tsquery"
        params: list = [self._in_scope(self._all(words), site_ids)]
        if cap is not None:
            inner += " LIMIT %s"
            params.append(cap)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM ({inner}) AS matches", params)
            return cursor.fetchone()[0]

    def hits(
        self,
        words: list[PlanWord],
        site_ids: list[int],
        *,
        kind: str | None,
        use_exact: bool,
        offset: int = 0,
        limit: int | None = None,
        scored: bool = True,
    ) -> list[Hit]:
        """Matches in rank order (all of them when `limit` is None).

        Unscored (many matches), the tiers and the exact-diacritics flag come
        from the titles only: reading every match's body vector is what made a
        common word slow.
        """
        if use_exact:
            column = "e.exact_vector" if scored else "e.title_exact_vector"
            exact_sql = f"({column} @@ %s::tsquery)"
            exact_params = [self._all(words, exact=True)]
        else:
            exact_sql, exact_params = "false", []
        tier_sql = [
            f"WHEN e.title_vector @@ %s::tsquery THEN {TITLE_PHRASE}",
            f"WHEN e.title_vector @@ %s::tsquery THEN {TITLE_WORDS}",
        ]
        tier_queries = [self._phrase(words, ""), self._all(words)]
        if scored:
            tier_sql.append(f"WHEN e.vector @@ %s::tsquery THEN {BODY_PHRASE}")
            tier_queries.append(self._phrase(words, "B"))
        cases = " ".join(tier_sql)
        scope, scope_params = self._scope(site_ids, kind)
        base = self._all(words)
        where = self._in_scope(base, site_ids)
        score = "ts_rank_cd(e.vector, %s::tsquery)" if scored else "0"
        sql = (
            f"SELECT e.id, e.kind, {exact_sql} AS exact, "
            f"CASE {cases} ELSE {ANY_WORDS} END AS tier, {score} AS score "
            f"FROM {ENTRY_TABLE} e WHERE e.vector @@ %s::tsquery{scope} "
            "ORDER BY exact DESC, tier, score DESC, e.date DESC NULLS LAST, e.id DESC "
            "LIMIT %s OFFSET %s"
        )
        params = [
            *exact_params,
            *tier_queries,
            *([base] if scored else []),
            where,
            *scope_params,
            limit,
            offset,
        ]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [Hit(r[0], r[1], r[2], r[3]) for r in cursor.fetchall()]

    def _branch(
        self,
        number: int,
        search: Search,
        site_ids: list[int],
        limit: int,
        kinds: tuple[str, ...] = (),
    ):
        """One search as a part of `searches`' statement: SQL and parameters.

        The matches are read once: the title tiers and the title's exact
        diacritics are computed in that scan, and a counted search counts them
        in the same pass (a window count) over narrow rows (no vector is carried
        through it: with thousands of matches that spilled to disk). Only when
        the matches are few are their full vectors read, by their row address,
        for the body-phrase tier, the exact diacritics anywhere and the score;
        the bodies of thousands of matches are never read for the order."""
        words = search.words
        base = self._all(words)
        inner_params: list = [self._phrase(words, ""), base]
        outer_params: list = []
        if search.use_exact:
            title_exact = "(e.title_exact_vector @@ %s::tsquery)"
            inner_params.append(self._all(words, exact=True))
        else:
            title_exact = "false"
        total = "count(*) OVER ()" if search.counted else "NULL::bigint"
        window_params: list = []
        if search.counted and kinds:
            by_kind = ", ".join(
                "count(*) FILTER (WHERE t.kind = %s) OVER ()" for _kind in kinds
            )
            by_kind = f"ARRAY[{by_kind}]"
            window_params = list(kinds)
        else:
            by_kind = "NULL::bigint[]"
        if search.counted:
            few = f"m.total <= {SCORED_MATCHES}"
            row = f"FROM {ENTRY_TABLE} x WHERE x.ctid = m.tid"
            exact = "m.title_exact"
            if search.use_exact:
                exact = (
                    f"CASE WHEN {few} THEN (SELECT x.exact_vector @@ %s::tsquery "
                    f"{row}) ELSE m.title_exact END"
                )
                outer_params.append(self._all(words, exact=True))
            tier = (
                f"CASE WHEN m.title_tier < {ANY_WORDS} THEN m.title_tier "
                f"WHEN {few} AND (SELECT x.vector @@ %s::tsquery {row}) "
                f"THEN {BODY_PHRASE} ELSE {ANY_WORDS} END"
            )
            score = (
                f"CASE WHEN {few} THEN (SELECT ts_rank_cd(x.vector, %s::tsquery) "
                f"{row}) ELSE 0 END"
            )
            outer_params += [self._phrase(words, "B"), base]
        else:
            exact, tier, score = "m.title_exact", "m.title_tier", "0"
        sql = (
            f"SELECT {int(number)} AS search, r.id, r.kind, r.exact, r.tier, "
            "r.total, r.kinds, row_number() OVER () AS position FROM ("
            f"SELECT m.id, m.kind, {exact} AS exact, {tier} AS tier, "
            f"{score} AS score, m.date, m.total, m.kinds FROM ("
            f"SELECT t.*, {total} AS total, {by_kind} AS kinds FROM ("
            "SELECT e.id, e.kind, e.date, e.ctid AS tid, "
            f"CASE WHEN e.title_vector @@ %s::tsquery THEN {TITLE_PHRASE} "
            f"WHEN e.title_vector @@ %s::tsquery THEN {TITLE_WORDS} "
            f"ELSE {ANY_WORDS} END AS title_tier, {title_exact} AS title_exact "
            # OFFSET 0 keeps the tiers computed in the scan: the window count
            # then stores these narrow rows, not the title vectors.
            f"FROM {ENTRY_TABLE} e WHERE e.vector @@ %s::tsquery OFFSET 0) t) m "
            "ORDER BY exact DESC, tier, score DESC, m.date DESC NULLS LAST, "
            "m.id DESC LIMIT %s) r"
        )
        # The parameters in the order they appear in the SQL: the outer select
        # list's, the window's, then the inner one's, then the inner WHERE.
        return sql, [
            *outer_params,
            *window_params,
            *inner_params,
            self._in_scope(base, site_ids),
            limit,
        ]

    def searches(
        self,
        searches: list[Search],
        site_ids: list[int],
        *,
        limit: int,
        kinds: tuple[str, ...] = (),
    ) -> list[Found]:
        """What each search found, all in one statement: a request's searches
        cost one round trip and one scan each (no separate `COUNT(*)` pass over
        a common word's matches). A counted search also counts its matches of
        each of `kinds`."""
        if not searches:
            return []
        parts, params = [], []
        for number, search in enumerate(searches):
            sql, part_params = self._branch(number, search, site_ids, limit, kinds)
            parts.append(f"({sql})")
            params += part_params
        sql = " UNION ALL ".join(parts) + " ORDER BY search, position"
        found = [
            Found([], 0 if search.counted else None, {} if search.counted else None)
            for search in searches
        ]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            for number, entry_id, kind, exact, tier, total, by_kind, _ in cursor:
                hits = found[number].hits
                if not hits and total is not None:
                    counts = dict(zip(kinds, by_kind, strict=True)) if by_kind else {}
                    found[number] = Found(hits, total, counts)
                hits.append(Hit(entry_id, kind, exact, tier))
        return found

    def size_bytes(self) -> int | None:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_total_relation_size(%s) + pg_total_relation_size(%s)",
                [ENTRY_TABLE, "congxa_search_searchterm"],
            )
            return cursor.fetchone()[0]


def engine_for(vendor: str | None = None):
    """The engine of the default database (or of `vendor`)."""
    vendor = vendor or connection.vendor
    if vendor == "postgresql":
        return PostgresEngine()
    if vendor == "sqlite":
        return SQLiteEngine()
    raise NotImplementedError(f"Search does not support the {vendor} database yet.")
