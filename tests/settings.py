"""Test settings: the real settings module, fed the environment a test run needs.

Set DATABASE_URL to run the suite on PostgreSQL.
"""

import os
import tempfile

os.environ.setdefault("CONGXA_SECRET_KEY", "tests-only-secret-key-not-for-production")
os.environ.setdefault("CONGXA_ALLOWED_HOSTS", "*")
os.environ.setdefault("CONGXA_DATA_DIR", tempfile.mkdtemp(prefix="congxa-tests-"))
# No manifest in tests: static files are found where they are.
os.environ.setdefault(
    "CONGXA_STATICFILES_STORAGE",
    "django.contrib.staticfiles.storage.StaticFilesStorage",
)

from congxa.settings import *  # noqa: E402, F403

STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405 (WhiteNoise warns without)

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CONGXA_REQUIRE_2FA = False  # tests that need it turn it on with `settings`

# With Redis (CACHE_URL): a lease as long as any test, taken by `_clear_cache`
# when each test starts, so the one query a lease renewal costs (once a second
# in production, congxa/portal/cache_backends.py) never lands in a test's query
# count. tests/scaleout runs the production value in real processes.
if "LEASE_KEY" in CACHES["default"]:  # noqa: F405
    CACHES["default"]["LEASE_SECONDS"] = 120  # noqa: F405
