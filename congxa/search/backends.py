"""Wagtail's own search (admin, choosers, `Page.objects.search`) made Vietnamese.

Wagtail 7.4 delegates search to the `modelsearch` package, whose database backend
indexes text as it is: SQLite's FTS5 misses `đ` and letters with two marks, and
PostgreSQL stems with the English configuration. This backend is the same
database backend with both sides folded by `congxa.vi.text`: what it indexes
(titles, bodies, autocomplete fields) and what it is asked (search and
autocomplete; the indexed side through `portal/wagtail_patches/search_folding.py`),
so the admin finds `Đăng ký` for `dang ky`. PostgreSQL uses the
`simple` configuration unless `SEARCH_CONFIG` says otherwise.

    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "congxa.search.backends"}}

After switching to it, `manage.py update_index` re-indexes what is already there.
"""

from __future__ import annotations

import copy

from django.db import connection
from modelsearch.backends import database
from modelsearch.backends.base import EmptySearchResults
from modelsearch.query import Fuzzy, Phrase, PlainText, SearchQuery

from congxa.vi.text import tokens


def fold_for_index(text: str) -> str:
    return " ".join(tokens(text))


def _fold_query(query):
    if isinstance(query, str):
        return fold_for_index(query)
    if isinstance(query, PlainText | Phrase | Fuzzy):
        folded = copy.copy(query)
        folded.query_string = fold_for_index(query.query_string)
        return folded
    if isinstance(query, SearchQuery):
        folded = copy.copy(query)
        if hasattr(folded, "subqueries"):
            folded.subqueries = [_fold_query(q) for q in folded.subqueries]
        if hasattr(folded, "subquery"):
            folded.subquery = _fold_query(folded.subquery)
        for name in ("subquery_a", "subquery_b"):
            if hasattr(folded, name):
                setattr(folded, name, _fold_query(getattr(folded, name)))
        return folded
    return query


class VietnameseSearchMixin:
    """Folds every query before the database backend compiles it; what it
    indexes is folded by `portal/wagtail_patches/search_folding.py`, which
    reads `folds_vietnamese`."""

    folds_vietnamese = True

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        folded = _fold_query(query)
        if isinstance(query, str) and query.strip() and not folded:
            # Only punctuation: nothing can match.
            return EmptySearchResults()
        return super()._search(
            query_compiler_class, folded, model_or_queryset, **kwargs
        )


_classes: dict[type, type] = {}


def SearchBackend(params):  # noqa: N802 (the name modelsearch looks up)
    """The database backend for the default database, folding Vietnamese."""
    params = dict(params)
    if connection.vendor == "postgresql":
        params.setdefault("SEARCH_CONFIG", "simple")
    base_class = type(database.SearchBackend(params))
    if base_class not in _classes:
        _classes[base_class] = type(
            f"Vietnamese{base_class.__name__}",
            (VietnameseSearchMixin, base_class),
            {},
        )
    return _classes[base_class](params)
