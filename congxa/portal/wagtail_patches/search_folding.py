"""Vietnamese folding of what Wagtail's database search indexes.

Written for modelsearch 1.3 (Wagtail 7.4 delegates search to it). Its database
backends index text as it is: SQLite's FTS5 misses `đ` and letters with two
marks, PostgreSQL stems with the English configuration, so the admin could not
find "Đăng ký" for "dang ky" (tests/search/test_admin_backend.py). The query
side is folded by the backend class in `congxa/search/backends.py`; the indexed
side has no hook: each backend module builds its indexer from its module-level
`ObjectIndexer` name inside `add_items`, so that name is replaced by a subclass
whose `prepare_value` folds, for backends that say so (`folds_vietnamese`) and
for no other.
"""

from __future__ import annotations

import importlib

from congxa.vi.text import tokens

from . import require_source, require_version

NAME = "search_folding"
MODELSEARCH = "1.3"
# The backend modules congxa runs on (the embedded default and PostgreSQL).
# Each with the index class whose `add_items` builds the indexer.
MODULES = {
    "modelsearch.backends.database.sqlite.sqlite": "SQLiteIndex",
    "modelsearch.backends.database.postgres.postgres": "PostgresIndex",
}
# sha256 (16 hex) of `ObjectIndexer.prepare_value` in each, in modelsearch 1.3.2.
PREPARE_VALUE_DIGESTS = {
    "modelsearch.backends.database.sqlite.sqlite": "145e765404603e6b",
    "modelsearch.backends.database.postgres.postgres": "145e765404603e6b",
}
# What `add_items` must still contain for the replaced name to be used.
BUILDS_INDEXER = "ObjectIndexer(obj, self.backend)"


def fold_for_index(text: str) -> str:
    return " ".join(tokens(text))


def _modules():
    """The backend module of the database this deployment runs on.

    Only that one: the other's module cannot even be imported (modelsearch's
    SQLite index model exists only when the database is SQLite)."""
    from django.db import connection

    for name in MODULES:
        if (connection.vendor == "sqlite") != (".sqlite." in name):
            continue
        try:
            yield importlib.import_module(name)
        except (ImportError, LookupError):
            # A driver that is not installed, or a backend whose index model is
            # not there on this database (SQLite's FTS tables on PostgreSQL).
            continue


def _original_indexer(module):
    return getattr(module.ObjectIndexer, "congxa_original", module.ObjectIndexer)


def check() -> None:
    import inspect

    from . import PatchOutdated

    require_version("modelsearch", MODELSEARCH, NAME)
    for module in _modules():
        indexer = _original_indexer(module)
        require_source(
            indexer.prepare_value, PREPARE_VALUE_DIGESTS[module.__name__], NAME
        )
        index_class = getattr(module, MODULES[module.__name__], None)
        if index_class is None or BUILDS_INDEXER not in inspect.getsource(
            index_class.add_items
        ):
            where = f"{module.__name__}.{MODULES[module.__name__]}.add_items"
            raise PatchOutdated(
                f"Bản vá {NAME}: {where} không còn dựng ObjectIndexer theo tên "
                "ở cấp mô-đun; bản vá sẽ không có tác dụng."
            )


def folding_indexer(base):
    class FoldingObjectIndexer(base):
        """Folds indexed values, for the Vietnamese backend only."""

        congxa_original = base

        def __init__(self, obj, backend):
            super().__init__(obj, backend)
            self.folds = getattr(backend, "folds_vietnamese", False)

        def prepare_value(self, value):
            value = super().prepare_value(value)
            return fold_for_index(value) if self.folds else value

    return FoldingObjectIndexer


def apply() -> None:
    for module in _modules():
        if not hasattr(module.ObjectIndexer, "congxa_original"):
            module.ObjectIndexer = folding_indexer(module.ObjectIndexer)
