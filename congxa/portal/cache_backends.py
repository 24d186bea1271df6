"""Cache backends that degrade instead of failing: the shared cache is optional.

When the cache server (Redis) or the on-disk cache cannot be reached, every
operation answers as if the cache were empty and writes are dropped, so pages
render from the database; the keys of the public forms' rate limits fall back to
a memory cache of the process (a local limit); one warning a minute goes to the
log. After a failure the backend leaves the server alone for `RETRY_SECONDS`
(no timeout per request) and then tries again, by itself.

No stale page after an outage: a write to a generation key (`DURABLE_PREFIXES`,
the page cache's generation numbers) that fails is recorded in the database
(`PendingCacheInvalidation`, shared by every host). While the cache is down a
generation read answers a value never seen before, so no copy of a page kept in
a process's memory matches. When the cache answers again, and on the first use
in each process and every `REPLAY_SECONDS` after (one small query), any recorded
failure makes the backend bump the deployment-wide generation (`EPOCH_KEY`)
before anything else is read, then forget the records: every page renders fresh
once. A process that saw the outage probes in the background every
`RETRY_SECONDS`, so the replay comes within seconds of the cache's return even
with no request.

A process that saw nothing (no request during a partition, its connections
reopened silently) must not trust the old numbers either, not even for a
second. With `LEASE_KEY` set (the shared Redis), every read of the epoch also
reads, in the same round trip, a lease key of `LEASE_SECONDS`: a promise that
the database held no record of a lost write when the lease began. A read that
finds no lease checks the records first (one small query per lease period for
the whole deployment, not per hit), replays them if any, and only then renews
the lease and trusts the numbers. A write that is lost waits for every lease
given out before it was recorded to run out (`LEASE_SECONDS` plus a margin, once
per batch of writes: `holding()`) before the publish returns, so from then on
any reader anywhere finds no lease, hence the record, hence the new epoch.
Without `LEASE_KEY` (the on-disk cache of one host) each process checks the
records on its first use and every `REPLAY_SECONDS`.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from dataclasses import dataclass, field

import diskcache
import redis.exceptions
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

from congxa.portal.cache import PersistentDiskCache

logger = logging.getLogger("congxa.cache")

DEFAULT_RETRY_SECONDS = 5.0
DEFAULT_REPLAY_SECONDS = 10.0
DEFAULT_LEASE_SECONDS = 1.0
# Added to the wait after a lost write: the lease's SET travels to the server
# after its owner checked the database.
LEASE_MARGIN_SECONDS = 0.2
WARNING_INTERVAL = 60.0

_holds = threading.local()


class holding:  # noqa: N801 (used as a context manager, like contextlib's)
    """Within it, a lost durable write waits once, when the block ends, instead
    of once per key (a commit that bumps a site's and its settings' generation)."""

    def __enter__(self):
        _holds.depth = getattr(_holds, "depth", 0) + 1
        return self

    def __exit__(self, *exc):
        _holds.depth -= 1
        if _holds.depth == 0:
            until = getattr(_holds, "until", 0.0)
            _holds.until = 0.0
            _hold_until(until)
        return False


def _hold_until(until: float) -> None:
    remaining = until - time.monotonic()
    if remaining > 0:
        time.sleep(remaining)


@dataclass
class _Health:
    """Per-process state of one cache, shared by the process's threads."""

    down_until: float = 0.0
    down_since: float | None = None
    last_warning: float = -WARNING_INTERVAL
    suppressed: int = 0
    next_replay_check: float = 0.0
    prober: threading.Thread | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)
    local: LocMemCache | None = None


_health: dict[str, _Health] = {}
_health_lock = threading.Lock()


def _health_for(name: str) -> _Health:
    with _health_lock:
        if name not in _health:
            _health[name] = _Health(
                local=LocMemCache(
                    f"congxa-fallback-{name}",
                    {"TIMEOUT": 3600, "OPTIONS": {"MAX_ENTRIES": 20_000}},
                )
            )
        return _health[name]


def cache_is_degraded(cache) -> bool:
    """Whether `cache` is running on its fallback right now (for checks and tests)."""
    health = getattr(cache, "_health", None)
    return bool(health and health.down_since is not None)


class ResilientCacheMixin:
    """Wraps every public operation of a Django cache backend; see the module doc.

    Extra top-level keys of the cache's settings:
    RETRY_SECONDS, REPLAY_SECONDS, LOCAL_PREFIXES, DURABLE_PREFIXES, EPOCH_KEY,
    LEASE_KEY, LEASE_SECONDS.
    """

    unavailable_errors: tuple[type[BaseException], ...] = (OSError,)

    def __init__(self, location, params):
        self._configure(location, params)
        super().__init__(location, params)

    def _configure(self, location, params) -> None:
        self._retry_seconds = float(params.get("RETRY_SECONDS", DEFAULT_RETRY_SECONDS))
        self._replay_seconds = float(
            params.get("REPLAY_SECONDS", DEFAULT_REPLAY_SECONDS)
        )
        self._local_prefixes = tuple(params.get("LOCAL_PREFIXES", ()))
        self._durable_prefixes = tuple(params.get("DURABLE_PREFIXES", ()))
        self._epoch_key = params.get("EPOCH_KEY", "")
        self._lease_key = params.get("LEASE_KEY", "") if self._epoch_key else ""
        self._lease_seconds = float(params.get("LEASE_SECONDS", DEFAULT_LEASE_SECONDS))
        self._health_name = f"{type(self).__name__}:{location}"
        self._health = _health_for(self._health_name)

    # -- state -------------------------------------------------------------

    def _mark_down(self, exc: BaseException) -> None:
        health = self._health
        now = time.monotonic()
        with health.lock:
            health.down_until = now + self._retry_seconds
            first = health.down_since is None
            if first:
                health.down_since = now
            if health.prober is None or not health.prober.is_alive():
                # Probe in the background too: the process that published during
                # the outage replays it soon after the cache returns, even if no
                # request comes to it.
                health.prober = threading.Thread(
                    target=self._probe_until_back,
                    name="congxa-cache-probe",
                    daemon=True,
                )
                health.prober.start()
            if now - health.last_warning >= WARNING_INTERVAL:
                health.last_warning = now
                suppressed, health.suppressed = health.suppressed, 0
            else:
                health.suppressed += 1
                return
        logger.warning(
            "Bộ nhớ đệm %s không trả lời (%s: %s); trang được dựng từ cơ sở dữ liệu, "
            "giới hạn biểu mẫu tính riêng trong tiến trình này%s.",
            type(self).__name__,
            type(exc).__name__,
            exc,
            f"; {suppressed} lỗi khác không ghi lại" if suppressed else "",
        )

    def _probe_until_back(self) -> None:
        from django.db import connections

        try:
            while (
                self._health.down_since is not None
                and _health.get(self._health_name) is self._health
            ):
                time.sleep(max(self._retry_seconds, 0.1))
                self._available()
        finally:
            connections.close_all()  # this thread's own database connection

    def _available(self) -> bool:
        """False while in the back-off after a failure; probes once it is over."""
        health = self._health
        now = time.monotonic()
        if health.down_since is None:
            if (
                self._durable_prefixes
                and not self._lease_key
                and now >= health.next_replay_check
            ):
                health.next_replay_check = now + self._replay_seconds
                self._replay_failed_writes()
            return True
        if now < health.down_until:
            return False
        with health.lock:
            if health.down_since is None or now < health.down_until:
                return health.down_since is None
            # Only one thread probes; the others stay on the fallback meanwhile.
            health.down_until = now + self._retry_seconds
        try:
            super().has_key("congxa:probe")
        except self.unavailable_errors as exc:
            self._mark_down(exc)
            return False
        outage = now - (health.down_since or now)
        if self._durable_prefixes and not self._replay_failed_writes():
            return False
        health.down_since = None
        health.next_replay_check = now + self._replay_seconds
        logger.warning(
            "Bộ nhớ đệm %s hoạt động trở lại sau %.0f giây.",
            type(self).__name__,
            outage,
        )
        return True

    def _replay_failed_writes(self) -> bool:
        """Bump the epoch if a generation write was lost; False if that failed."""
        from django.db import DatabaseError

        from congxa.portal.models import PendingCacheInvalidation

        try:
            last = (
                PendingCacheInvalidation.objects.order_by("-pk")
                .values_list("pk", flat=True)
                .first()
            )
        except DatabaseError:
            return True  # nothing readable to replay; the next check retries
        except RuntimeError:
            return True  # database access refused (outside a test's database)
        if last is None:
            return True
        try:
            super().set(self._epoch_key, time.time_ns(), timeout=None)
        except self.unavailable_errors as exc:
            self._mark_down(exc)
            return False
        try:
            PendingCacheInvalidation.objects.filter(pk__lte=last).delete()
        except DatabaseError:
            # Kept: bumping the epoch once more later costs one re-render.
            logger.warning("Không xóa được bản ghi làm mới bộ nhớ đệm.")
        logger.warning(
            "Đã làm mới toàn bộ trang lưu đệm: có thay đổi trong lúc bộ nhớ đệm "
            "gián đoạn."
        )
        return True

    def _record_failed_write(self, key: str) -> None:
        from django.db import DatabaseError

        from congxa.portal.models import PendingCacheInvalidation

        try:
            PendingCacheInvalidation.objects.create(key=key[:250])
        except (DatabaseError, RuntimeError):
            logger.error(
                "Không ghi được thay đổi %s: trang lưu đệm có thể cũ tới khi hết hạn.",
                key,
            )
            return
        if self._lease_key:
            # Leases given out before the record was committed run out first.
            until = time.monotonic() + self._lease_seconds + LEASE_MARGIN_SECONDS
            if getattr(_holds, "depth", 0):
                _holds.until = max(getattr(_holds, "until", 0.0), until)
            else:
                _hold_until(until)

    # -- the lease ---------------------------------------------------------

    def _set_lease(self, seconds: float) -> None:
        super().set(self._lease_key, 1, timeout=seconds)

    def _renew_lease(self) -> bool:
        """Check for lost writes (replaying them), then lease; False if the
        cache failed meanwhile (the caller then trusts nothing it read)."""
        started = time.monotonic()
        if not self._replay_failed_writes():
            return False
        remaining = self._lease_seconds - (time.monotonic() - started)
        if remaining > self._lease_seconds / 2:
            try:
                self._set_lease(remaining)
            except self.unavailable_errors as exc:
                self._mark_down(exc)
                return False
        return True

    def _leased(self, keys: list, version) -> dict | None:
        """`get_many(keys)` with the lease read alongside; None on a failure."""
        asked = [*keys, self._lease_key]
        try:
            values = super().get_many(asked, version=version)
            if self._lease_key in values:
                values.pop(self._lease_key)
                return values
            if not self._renew_lease():
                return None
            return super().get_many(keys, version=version)
        except self.unavailable_errors as exc:
            self._mark_down(exc)
            return None

    # -- helpers -----------------------------------------------------------

    def _is_local(self, key) -> bool:
        return isinstance(key, str) and key.startswith(self._local_prefixes)

    def _is_durable(self, key) -> bool:
        return (
            bool(self._durable_prefixes)
            and isinstance(key, str)
            and key.startswith(self._durable_prefixes)
        )

    def _unknown_generation(self, key, default):
        # A value no stored page was rendered under: nothing matches it.
        return time.time_ns() if self._is_durable(key) else default

    def _call(self, name: str, key, fallback, *args, **kwargs):
        if self._available():
            try:
                return getattr(super(), name)(*args, **kwargs)
            except self.unavailable_errors as exc:
                self._mark_down(exc)
        return fallback()

    def _local_or(self, key, name: str, default, *args, **kwargs):
        """The fallback for a single-key operation."""

        def run():
            if self._is_local(key):
                return getattr(self._health.local, name)(*args, **kwargs)
            # A failed `add` loses nothing: it only initialises a generation.
            if name in {"set", "delete", "incr", "decr"}:
                if self._is_durable(key):
                    self._record_failed_write(key)
            if name in {"incr", "decr"}:
                raise ValueError(f"Key '{key}' not found")
            if name == "get":
                return self._unknown_generation(key, default)
            return default

        return run

    # -- the cache API -----------------------------------------------------

    def get(self, key, default=None, version=None):
        if self._lease_key and key == self._epoch_key:
            return self.get_many([key], version=version).get(key, default)
        return self._call(
            "get",
            key,
            self._local_or(key, "get", default, key, default, version=version),
            key,
            default,
            version=version,
        )

    def get_many(self, keys, version=None):
        keys = list(keys)

        def fallback():
            values = {}
            for key in keys:
                if self._is_local(key):
                    value = self._health.local.get(key, version=version)
                else:
                    value = self._unknown_generation(key, None)
                if value is not None:
                    values[key] = value
            return values

        if self._lease_key and self._epoch_key in keys and self._available():
            values = self._leased(keys, version)
            if values is not None:
                return values
            return fallback()
        return self._call("get_many", keys, fallback, keys, version=version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(
            "set",
            key,
            self._local_or(key, "set", None, key, value, timeout, version=version),
            key,
            value,
            timeout,
            version=version,
        )

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(
            "add",
            key,
            self._local_or(key, "add", False, key, value, timeout, version=version),
            key,
            value,
            timeout,
            version=version,
        )

    def delete(self, key, version=None):
        return self._call(
            "delete",
            key,
            self._local_or(key, "delete", False, key, version=version),
            key,
            version=version,
        )

    def incr(self, key, delta=1, version=None):
        return self._call(
            "incr",
            key,
            self._local_or(key, "incr", None, key, delta, version=version),
            key,
            delta,
            version=version,
        )

    def decr(self, key, delta=1, version=None):
        return self._call(
            "decr",
            key,
            self._local_or(key, "decr", None, key, delta, version=version),
            key,
            delta,
            version=version,
        )

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(
            "touch",
            key,
            self._local_or(key, "touch", False, key, timeout, version=version),
            key,
            timeout,
            version=version,
        )

    def has_key(self, key, version=None):
        return self._call(
            "has_key",
            key,
            self._local_or(key, "has_key", False, key, version=version),
            key,
            version=version,
        )

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):

        def fallback():
            for key, value in data.items():
                self._local_or(key, "set", None, key, value, timeout, version=version)()
            return list(data)

        return self._call("set_many", None, fallback, data, timeout, version=version)

    def delete_many(self, keys, version=None):
        keys = list(keys)

        def fallback():
            for key in keys:
                self._local_or(key, "delete", False, key, version=version)()

        return self._call("delete_many", None, fallback, keys, version=version)

    def clear(self):
        def fallback():
            self._health.local.clear()
            if self._epoch_key:
                self._record_failed_write(self._epoch_key)

        result = self._call("clear", None, fallback)
        self._health.local.clear()
        return result


class ResilientRedisCache(ResilientCacheMixin, RedisCache):
    """Django's Redis backend, degrading when Redis is down or unreachable."""

    unavailable_errors = (redis.exceptions.RedisError, OSError)

    def _set_lease(self, seconds: float) -> None:
        # Milliseconds: Django's backend rounds timeouts down to whole seconds.
        key = self.make_and_validate_key(self._lease_key)
        self._cache.get_client(key, write=True).set(key, 1, px=int(seconds * 1000))


class _Unopened:
    """Stands for a diskcache that could not be opened: every use is an OSError."""

    def __init__(self, error: BaseException):
        self._error = error

    def __getattr__(self, name):
        raise OSError(f"bộ nhớ đệm trên đĩa không mở được: {self._error}")

    # `key in cache` (DjangoCache.has_key, the background probe) and the other
    # operators are looked up on the type, not through __getattr__.
    def _unavailable(self, *args, **kwargs):
        raise OSError(f"bộ nhớ đệm trên đĩa không mở được: {self._error}")

    __contains__ = __getitem__ = __setitem__ = __delitem__ = _unavailable
    __iter__ = __len__ = _unavailable


class ResilientDiskCache(ResilientCacheMixin, PersistentDiskCache):
    """The embedded on-disk cache, degrading on a full disk or read-only directory."""

    unavailable_errors = (sqlite3.Error, OSError, diskcache.Timeout)

    def __init__(self, location, params):
        try:
            super().__init__(location, params)
        except self.unavailable_errors as exc:
            # A read-only or full data directory: run without the cache (the
            # portal then answers 503 from the database's own failure).
            BaseCache.__init__(self, params)
            self._directory = location
            self._cache = _Unopened(exc)
            self._mark_down(exc)
