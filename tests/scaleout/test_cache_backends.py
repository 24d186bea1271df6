"""The cache backends degrade instead of failing, and replay what an outage lost."""

from __future__ import annotations

import logging
import time

import pytest

from congxa.portal import cache_backends
from congxa.portal.cache_backends import (
    ResilientDiskCache,
    ResilientRedisCache,
    cache_is_degraded,
)
from congxa.portal.models import PendingCacheInvalidation

from .services import PrivateRedis, Relay, port

PARAMS = {
    "RETRY_SECONDS": 0.3,
    "LOCAL_PREFIXES": ["congxa:engagement:"],
    "DURABLE_PREFIXES": ["congxa:gen:"],
    "EPOCH_KEY": "congxa:gen:all",
    "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1.0},
}


@pytest.fixture(autouse=True)
def _fresh_health():
    cache_backends._health.clear()
    yield
    cache_backends._health.clear()


@pytest.fixture(scope="module")
def redis_server():
    server = PrivateRedis()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def relay(redis_server):
    """Redis through a relay: cut() is a partition, Redis keeps its data."""
    relay = Relay(redis_server.port)
    relay.start()
    yield relay
    relay.cut()


def backend(url: str) -> ResilientRedisCache:
    return ResilientRedisCache(url, dict(PARAMS))


def dead_redis() -> ResilientRedisCache:
    return backend(f"redis://127.0.0.1:{port()}/0")  # nothing listens there


def test_unreachable_redis_reads_as_empty_and_drops_writes(db):
    cache = dead_redis()
    assert cache.get("congxa:page:x") is None
    assert cache.get("congxa:page:x", "default") == "default"
    cache.set("congxa:page:x", "body")
    assert cache.add("congxa:page:y", 1) is False
    assert cache.get_many(["congxa:page:x"]) == {}
    assert cache_is_degraded(cache)


def test_generation_reads_never_match_while_redis_is_down(db):
    cache = dead_redis()
    first = cache.get("congxa:gen:site:1")
    second = cache.get_many(["congxa:gen:all"])["congxa:gen:all"]
    assert isinstance(first, int)
    assert first != second != cache.get("congxa:gen:site:1")


def test_rate_limit_counters_fall_back_to_process_memory(db):
    cache = dead_redis()
    key = "congxa:engagement:attempts:1:abc:0"
    cache.add(key, 0, timeout=60)
    assert cache.incr(key) == 1
    assert cache.incr(key) == 2
    assert cache.get(key) == 2
    with pytest.raises(ValueError):
        cache.incr("congxa:page:not-local")


def test_one_warning_a_minute_not_one_per_request(db, caplog):
    cache = backend(f"redis://127.0.0.1:{port()}/0")
    cache._retry_seconds = 0  # every call tries the server again
    with caplog.at_level(logging.WARNING, logger="congxa.cache"):
        for _ in range(20):
            cache.get("congxa:page:x")
    warnings = [r for r in caplog.records if "không trả lời" in r.getMessage()]
    assert len(warnings) == 1


def test_back_off_leaves_a_dead_server_alone(db):
    cache = dead_redis()
    cache._retry_seconds = 30
    cache.get("congxa:page:x")
    started = time.monotonic()
    for _ in range(200):
        cache.get("congxa:page:x")
    # 200 reads in the back-off cost no connection attempt each.
    assert time.monotonic() - started < 0.5


def test_back_to_normal_by_itself(db, relay):
    cache = backend(f"redis://127.0.0.1:{relay.port}/0")
    cache.set("congxa:page:kept", "old body")
    relay.cut()
    assert cache.get("congxa:page:kept") is None
    relay.start()
    time.sleep(0.4)
    assert cache.get("congxa:page:kept") == "old body"
    assert not cache_is_degraded(cache)


# transactional_db: the backend's background probe reads the records from its
# own thread, which sees only what is committed (as in production).
def test_failed_generation_bump_is_recorded_and_replayed_on_return(
    transactional_db, relay
):
    url = f"redis://127.0.0.1:{relay.port}/0"
    cache = backend(url)
    cache.set("congxa:gen:all", 1, timeout=None)
    cache.set("congxa:gen:site:1", 1, timeout=None)
    relay.cut()
    cache.set("congxa:gen:site:1", 2, timeout=None)  # a publish, lost
    assert PendingCacheInvalidation.objects.filter(key="congxa:gen:site:1").exists()
    relay.start()
    time.sleep(0.4)
    assert cache.get("congxa:gen:site:1") == 1  # Redis kept the old number...
    assert cache.get("congxa:gen:all") != 1  # ...but the epoch moved on
    assert not PendingCacheInvalidation.objects.exists()


def test_a_process_that_saw_no_outage_replays_what_another_recorded(
    transactional_db, relay
):
    url = f"redis://127.0.0.1:{relay.port}/0"
    backend(url).set("congxa:gen:all", 1, timeout=None)
    PendingCacheInvalidation.objects.create(key="congxa:gen:site:3")
    cache_backends._health.clear()  # a new process: first use checks the record
    fresh = backend(url)
    assert fresh.get("congxa:gen:all") != 1
    assert not PendingCacheInvalidation.objects.exists()


LEASED = {**PARAMS, "LEASE_KEY": "congxa:lease:generations", "LEASE_SECONDS": 0.5}


def test_a_process_that_saw_no_error_trusts_no_number_a_lost_write_left(
    transactional_db, redis_server, django_assert_num_queries
):
    """Two processes on one Redis; only the first loses its way to it (a
    partition). The second, which saw nothing, must not serve the old
    generation numbers for even a moment after the first's publish returns."""
    cut, other = Relay(redis_server.port), Relay(redis_server.port)
    cut.start()
    other.start()
    try:
        a = ResilientRedisCache(f"redis://127.0.0.1:{cut.port}/0", dict(LEASED))
        b = ResilientRedisCache(f"redis://127.0.0.1:{other.port}/0", dict(LEASED))
        b.set("congxa:gen:all", 1, timeout=None)
        b.set("congxa:gen:site:1", 1, timeout=None)
        keys = ["congxa:gen:all", "congxa:gen:site:1"]
        assert b.get_many(keys) == {"congxa:gen:all": 1, "congxa:gen:site:1": 1}
        cut.cut()
        started = time.monotonic()
        a.set("congxa:gen:site:1", 2, timeout=None)  # a publish, lost
        # The publish waited for the lease b was given to run out...
        assert time.monotonic() - started >= LEASED["LEASE_SECONDS"]
        assert PendingCacheInvalidation.objects.exists()
        # ...so b, reading right after, finds no lease, hence the record.
        values = b.get_many(keys)
        assert values["congxa:gen:all"] != 1
        assert b.get("congxa:gen:all") == values["congxa:gen:all"]
        assert not PendingCacheInvalidation.objects.exists()
        # And trusts the numbers again, under a new lease, without a query.
        with django_assert_num_queries(0):
            assert b.get_many(keys) == values
    finally:
        cut.cut()
        other.cut()


def test_lost_writes_of_one_commit_wait_once(transactional_db):
    cache = ResilientRedisCache(f"redis://127.0.0.1:{port()}/0", dict(LEASED))
    started = time.monotonic()
    with cache_backends.holding():
        cache.set("congxa:gen:site:1", 2, timeout=None)
        cache.set("congxa:gen:settings:1", 2, timeout=None)
        assert time.monotonic() - started < LEASED["LEASE_SECONDS"]
    waited = time.monotonic() - started
    assert LEASED["LEASE_SECONDS"] <= waited < 2 * LEASED["LEASE_SECONDS"]
    assert PendingCacheInvalidation.objects.count() == 2


def test_failed_add_of_a_generation_is_not_recorded(db):
    dead_redis().add("congxa:gen:site:1", 5)
    assert not PendingCacheInvalidation.objects.exists()


def test_disk_cache_on_a_broken_directory_degrades(db, tmp_path):
    cache = ResilientDiskCache(str(tmp_path / "cache"), {**PARAMS, "SHARDS": 2})
    cache.set("congxa:page:x", "body")
    assert cache.get("congxa:page:x") == "body"
    # The shards' database files disappear under it (a disk unmounted, say).
    for shard in (tmp_path / "cache").iterdir():
        for file in shard.iterdir():
            file.unlink()
        shard.rmdir()
    (tmp_path / "cache").rmdir()
    (tmp_path / "cache").write_text("not a directory")
    cache.set("congxa:page:y", "body")
    assert cache.get("congxa:page:y") in (None, "body")
