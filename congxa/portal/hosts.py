"""Which host names this deployment answers, read from the Sites in the database.

A commune added with `congxa commune add` is served at once, on every worker,
without editing `CONGXA_ALLOWED_HOSTS`: `settings.ALLOWED_HOSTS` is an
`AllowedHosts` list that yields the variable's hosts and then every commune's
host, alias and former host. The table is held in each process and reloaded
when a shared version number (in the cache) changes, checked at most every
`CHECK_SECONDS`; a request in between costs no query at all. An unknown host
still gets Django's `DisallowedHost` (a 400 page).

`CommuneHostMiddleware` answers what Wagtail's Site matching cannot: an alias or
former host redirects (301) to the commune's host, and a disabled commune shows
the maintenance page (503) instead of its public pages.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render

VERSION_KEY = "congxa:hosts-version"
CHECK_SECONDS = 5.0
# Public paths a disabled commune still answers: the admin (its editors keep
# working), static files and the health check.
MAINTENANCE_EXEMPT = ("/admin/", "/static/", "/healthz", "/django-admin/")


@dataclass(frozen=True)
class HostTable:
    version: object = None
    hosts: frozenset[str] = frozenset()
    # alias or former host -> canonical root URL
    redirects: dict[str, str] = field(default_factory=dict)
    # host -> (site id, commune name) of a disabled commune
    disabled: dict[str, tuple[int, str]] = field(default_factory=dict)


_lock = threading.Lock()
_state: dict[str, object] = {"table": None, "checked_at": 0.0}


def _shared_version():
    from django.core.cache import cache

    try:
        return cache.get(VERSION_KEY)
    except Exception:  # noqa: BLE001 (the cache is optional: reload from the DB)
        return object()


def _load(version) -> HostTable:
    from wagtail.models import Site

    from .communes import canonical_root_url
    from .models import Commune, CommuneHost

    sites = {site.pk: site for site in Site.objects.all()}
    communes = {c.site_id: c for c in Commune.objects.all()}
    hosts = {site.hostname.lower() for site in sites.values()}
    redirects = {}
    for row in CommuneHost.objects.all():
        site = sites.get(row.site_id)
        if site is None:
            continue
        site._congxa_commune = communes.get(site.pk) or False
        hosts.add(row.hostname)
        redirects[row.hostname] = canonical_root_url(site)
    disabled = {
        sites[c.site_id].hostname.lower(): (c.site_id, sites[c.site_id].site_name)
        for c in communes.values()
        if not c.enabled and c.site_id in sites
    }
    return HostTable(
        version=version,
        hosts=frozenset(hosts),
        redirects=redirects,
        disabled=disabled,
    )


def host_table() -> HostTable:
    """The current table; at most one cache read per CHECK_SECONDS per process.

    One thread re-checks while the others keep the table they have, so a
    database that does not answer (up to its connect timeout) holds up only
    that thread; until it answers the last table loaded stays in use."""
    now = time.monotonic()
    table = _state["table"]
    if table is not None and now - _state["checked_at"] < CHECK_SECONDS:
        return table
    if not _lock.acquire(blocking=table is None):
        return table  # another thread is re-checking it
    try:
        table = _state["table"]
        version = _shared_version()
        if table is None or version is None or version != table.version:
            try:
                table = _load(version)
            except DatabaseError:
                if table is None:
                    raise
                # The database is down: keep answering the hosts known a moment
                # ago (cached pages are still served) and try again next check.
            else:
                _state["table"] = table
        _state["checked_at"] = now
    finally:
        _lock.release()
    return table


def hosts_changed() -> None:
    """A Site, commune or host name changed: this process rebuilds its table
    now (so the change costs the request that follows nothing) and every other
    process reloads at its next check."""
    from django.core.cache import cache

    version = time.time_ns()
    try:
        cache.set(VERSION_KEY, version, timeout=None)
    except Exception:  # noqa: BLE001 (others reload after CHECK_SECONDS anyway)
        version = None
    try:
        table = _load(version)
    except DatabaseError:
        table = None
    with _lock:
        _state["table"] = table
        _state["checked_at"] = time.monotonic()


class AllowedHosts(list):
    """`settings.ALLOWED_HOSTS`: the configured patterns, then every commune's
    host names. Django only iterates it (`validate_host`)."""

    def __iter__(self) -> Iterator[str]:
        static = list(super().__iter__())
        yield from static
        if "*" in static:
            return
        try:
            table = host_table()
        except DatabaseError:
            return  # no database yet (before `migrate`): the variable alone
        yield from table.hosts

    def __contains__(self, item) -> bool:
        return any(item == host for host in self)

    def __bool__(self) -> bool:
        # Never empty: Django would otherwise fall back to its debug defaults.
        return True


def _hostname(request: HttpRequest) -> str:
    host = request.get_host().lower()
    if host.startswith("["):
        return host.split("]")[0] + "]"
    return host.rsplit(":", 1)[0] if ":" in host else host


class CommuneHostMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        hostname = _hostname(request)  # DisallowedHost for an unknown host
        table = host_table()
        target = table.redirects.get(hostname)
        if target is not None:
            return HttpResponsePermanentRedirect(target + request.get_full_path())
        disabled = table.disabled.get(hostname)
        if disabled is not None and not request.path_info.startswith(
            MAINTENANCE_EXEMPT
        ):
            response = render(
                request,
                "portal/maintenance.html",
                {"commune_name": disabled[1]},
                status=503,
            )
            response["Retry-After"] = "3600"
            response["Cache-Control"] = "no-store"
            return response
        return self.get_response(request)


def connect() -> None:
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Site

    from .models import Commune, CommuneHost

    def changed(sender, **kwargs):
        hosts_changed()

    for model in (Site, Commune, CommuneHost):
        uid = f"congxa-hosts-{model._meta.label_lower}"
        post_save.connect(changed, sender=model, weak=False, dispatch_uid=uid + "-s")
        post_delete.connect(changed, sender=model, weak=False, dispatch_uid=uid + "-d")
