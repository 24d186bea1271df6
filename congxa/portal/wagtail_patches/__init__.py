"""Every change congxa makes to Wagtail's (and its libraries') internals.

Each submodule is one patch, with a comment naming the version it was written
against and the measured reason, and two functions:

- `check()` raises `PatchOutdated` when the patched code is not the code the
  patch was written for: another version than the one named, a function whose
  signature or source (hashed) changed. Run at start-up, so an upgrade that
  would make a patch silently wrong stops the process instead, with a message
  naming what to review.
- `apply()` installs the patch; called once, after every `check()` passed.

`apply_all()` (from `PortalConfig.ready`) finds the submodules with pkgutil: a
new patch is a new file here, nothing else to register.

- `admin_texts`: labels Wagtail evaluates at import time or builds from code
  names (the redirects filter, the sites list's columns, the page search's
  result count), made translatable;
- `page_base_form`: `Page.base_form_class`, every page type's admin form is
  congxa's (settings.CONGXA_PAGE_FORM: Vietnamese addresses, sections in menus);
- `page_create_once`: `CreateView.post`, one create form makes one page even
  when Wagtail's autosave and the writer's click both post it;
- `page_privacy`: `PageQuerySet.private_q` and `Page.get_view_restrictions`,
  no query per list or per page when no private section exists;
- `search_folding`: modelsearch's `ObjectIndexer` (SQLite, PostgreSQL), the
  admin's search folds Vietnamese in what it indexes;
- `treebeard_parent`: replaces nothing, guards `HomePage.route`'s use of
  treebeard's `_cached_parent_obj` (one routing query instead of two a level);
- `user_full_name`: Django's `AbstractUser.get_full_name`, people's names in
  Vietnamese order (family name first) wherever the admin shows them;
- `leaf_delete`, `page_edit_prefetch`, `page_workflow_memo`,
  `workflow_state_memo`: what the explorer and the page edit form read again
  and again (docs/architecture.md, "Framework internals we patch").

The page cache's own patch is added here by its owner as one more submodule.
"""

from __future__ import annotations

import hashlib
import importlib
import inspect
import pkgutil
from importlib.metadata import version
from types import ModuleType

from django.core.exceptions import ImproperlyConfigured


class PatchOutdated(ImproperlyConfigured):
    """The code a patch replaces or relies on is not what it was written for."""


def source_digest(obj) -> str:
    """A short hash of the source of a function or class."""
    source = inspect.getsource(obj)
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]


def require_version(distribution: str, prefix: str, patch: str) -> None:
    installed = version(distribution)
    if not (installed == prefix or installed.startswith(prefix + ".")):
        raise PatchOutdated(
            f"Bản vá {patch} viết cho {distribution} {prefix}.x, nhưng đang cài "
            f"{installed}: xem lại bản vá (congxa/portal/wagtail_patches/) rồi "
            "cập nhật phiên bản và mã băm trong đó."
        )


def require_source(obj, digest: str, patch: str) -> None:
    found = source_digest(obj)
    if found != digest:
        name = f"{obj.__module__}.{obj.__qualname__}"
        raise PatchOutdated(
            f"Bản vá {patch}: mã nguồn của {name} đã thay đổi (băm {found}, bản vá "
            f"viết cho {digest}). Xem lại bản vá trong "
            "congxa/portal/wagtail_patches/ trước khi chạy tiếp."
        )


def require_signature(func, expected: str, patch: str) -> None:
    found = str(inspect.signature(func))
    if found != expected:
        name = f"{func.__module__}.{func.__qualname__}"
        raise PatchOutdated(
            f"Bản vá {patch}: chữ ký của {name} là {found}, bản vá viết cho {expected}."
        )


def patch_modules() -> list[ModuleType]:
    """Every submodule of this package, in name order."""
    return [
        importlib.import_module(f"{__name__}.{info.name}")
        for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name)
        if not info.name.startswith("_")
    ]


_applied = False


def apply_all() -> None:
    """Check every patch, then apply them all; once per process."""
    global _applied
    if _applied:
        return
    modules = patch_modules()
    for module in modules:
        module.check()
    for module in modules:
        module.apply()
    _applied = True
