"""Guard for `HomePage.route`, which hands treebeard the parent it found.

Written for django-treebeard 5.3 (Wagtail 7.4). Wagtail routes a request one
tree level at a time (a query for the child, one for its specific type);
`HomePage.route` finds every page along the path in one query and sets the
deepest one's `_cached_parent_obj`, the private attribute `MP_Node.get_parent`
reads before querying, so the breadcrumb and the "Các tin khác" block do not
ask again (bench/RESULTS.md). Nothing is replaced: `apply()` does nothing, and
`check()` fails when `get_parent` stops reading that attribute.
"""

from __future__ import annotations

from . import require_source, require_version

NAME = "treebeard_parent"
TREEBEARD = "5.3"
GET_PARENT_DIGEST = "bfeb7b9d494a1320"


def check() -> None:
    from treebeard.mp_tree import MP_Node

    require_version("django-treebeard", TREEBEARD, NAME)
    require_source(MP_Node.get_parent, GET_PARENT_DIGEST, NAME)


def apply() -> None:
    """Nothing to install: the override lives in `HomePage.route`."""
