"""A province as real processes: PostgreSQL, Redis, S3 (moto), two app hosts, nginx.

Session-scoped: built once (about a minute), shared by the two-host and the fault
tests. A fault test stops a part and starts it again before it ends.
"""

from __future__ import annotations

import contextlib
import tempfile
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

from .services import (
    AppHost,
    MotoS3,
    PrivatePostgres,
    PrivateRedis,
    Relay,
    app_env,
    manage,
    nginx_in_front_of,
)

ADMIN_USER = "tinh-admin"
ADMIN_PASSWORD = "mat-khau-thu-nghiem-1"  # noqa: S105 (test account)
DATABASE = "province"

SETUP = f"""
from congxa.engagement.models import EngagementSettings
from wagtail.models import Site
# Every test request comes from 127.0.0.1: one address, many citizens.
for site in Site.objects.all():
    config = EngagementSettings.for_site(site)
    config.rate_limit_per_address = config.rate_limit_per_contact = 100000
    config.challenge_after = 100000
    config.save()
from django.contrib.auth import get_user_model
User = get_user_model()
if not User.objects.filter(username={ADMIN_USER!r}).exists():
    User.objects.create_superuser(
        {ADMIN_USER!r}, "admin@example.com", {ADMIN_PASSWORD!r}
    )
"""


@dataclass
class Province:
    postgres: PrivatePostgres
    redis: PrivateRedis
    redis_relay: Relay
    s3: MotoS3
    hosts: list[AppHost]
    nginx: str
    env: dict[str, str]

    def sql(self, query: str, *params):
        with psycopg.connect(self.postgres.url(DATABASE), autocommit=True) as conn:
            return conn.execute(query, params).fetchall()

    def shell(self, code: str) -> str:
        return manage(self.env, "shell", "-c", code).stdout


@pytest.fixture(scope="session")
def province():
    with build_province() as built:
        yield built


@contextlib.contextmanager
def build_province(setup: str = "", media_extra: str = ""):
    """PostgreSQL, Redis, S3, the demo commune, two hosts and nginx; torn down after.

    `setup` is more Python run in `manage.py shell` before the hosts start.
    """
    postgres = PrivatePostgres()
    redis = PrivateRedis()
    s3 = MotoS3()
    parts = [postgres, redis, s3]
    hosts: list[AppHost] = []
    try:
        postgres.start()
        postgres.createdb(DATABASE)
        redis.start()
        # The hosts reach Redis through a relay, so a test can cut the network
        # while Redis keeps its data (a partition, not a restart).
        redis_relay = Relay(redis.port)
        redis_relay.start()
        s3.start()
        shared = {
            "database_url": postgres.url(DATABASE),
            "cache_url": f"redis://127.0.0.1:{redis_relay.port}/0",
            "media_url": s3.media_url(extra=media_extra),
        }
        # Each host has its own data directory, as two machines would.
        dirs = [Path(tempfile.mkdtemp(prefix=f"congxa-host{i}-")) for i in (1, 2)]
        for directory in dirs:
            directory.chmod(0o755)
        env = app_env(data_dir=dirs[0], **shared)
        manage(env, "migrate", "--verbosity=0")
        manage(env, "seed_demo")
        manage(env, "shell", "-c", SETUP)
        if setup:
            manage(env, "shell", "-c", setup)
        hosts = [AppHost(app_env(data_dir=d, **shared)) for d in dirs]
        for host in hosts:
            host.launch()
        for host in hosts:
            host.wait_ready()
        with nginx_in_front_of(hosts, dirs[0]) as nginx:
            yield Province(
                postgres=postgres,
                redis=redis,
                redis_relay=redis_relay,
                s3=s3,
                hosts=hosts,
                nginx=nginx,
                env=env,
            )
    finally:
        for part in [*hosts, *parts]:
            part.stop()
        postgres.remove()
