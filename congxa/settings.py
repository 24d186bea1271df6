"""The only runtime settings module, read top to bottom.

Every value comes from an environment variable with an embedded default, so one
commune runs with nothing set (SQLite, on-disk cache, local media under
CONGXA_DATA_DIR) and a province switches to PostgreSQL, Redis and several app
servers by setting DATABASE_URL, CACHE_URL and the CONGXA_* variables.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

# Defaults recorded in the data directory's `congxa.env` (KEY=VALUE lines), read
# once CONGXA_DATA_DIR is known, below. Only `congxa demo` writes that file, so a
# demo data directory keeps working for every `congxa` verb with nothing set; the
# process environment always wins over it.
DATA_DIR_ENV: dict[str, str] = {}


def env_str(name: str, default: str = "") -> str:
    value = os.environ.get(name)
    if value is None:
        value = DATA_DIR_ENV.get(name, default)
    return value.strip()


def env_bool(name: str, default: bool = False) -> bool:
    value = env_str(name)
    if not value:
        return default
    return value.lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = env_str(name)
    if not value:
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(
            f"Biến môi trường {name} phải là một số nguyên (đang là {value!r})."
        ) from exc


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    value = env_str(name)
    if not value:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


def read_env_file(path: Path) -> dict[str, str]:
    """The KEY=VALUE lines of `path` (blank lines and # comments skipped)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise ImproperlyConfigured(
            f"Không đọc được tệp cấu hình {path}: {exc}. "
            "Hãy sửa hoặc xoá tệp này rồi chạy lại."
        ) from exc
    values = {}
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, value = line.partition("=")
        if not sep or not key.strip().isidentifier():
            raise ImproperlyConfigured(
                f"Dòng {number} của tệp cấu hình {path} không đúng dạng TÊN=GIÁ_TRỊ."
            )
        values[key.strip()] = value.strip()
    return values


BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("CONGXA_DATA_DIR", "var").strip() or "var").resolve()
DATA_DIR_ENV.update(read_env_file(DATA_DIR / "congxa.env"))
MEDIA_ROOT = DATA_DIR / "media"
STATIC_ROOT = DATA_DIR / "static"

DEBUG = env_bool("CONGXA_DEBUG", False)
HTTPS = env_bool("CONGXA_HTTPS", False)

# The secret key is never generated per process, nor by any command but
# `congxa demo` (into the demo's data directory, congxa.env): every worker of
# every host must sign with the same key, or sessions, CSRF tokens and the signed
# form tokens break as soon as a load balancer alternates. Old keys stay valid
# for verification while CONGXA_SECRET_KEY_FALLBACKS lists them (rotation).
SECRET_KEY = env_str("CONGXA_SECRET_KEY")
SECRET_KEY_FALLBACKS = env_list("CONGXA_SECRET_KEY_FALLBACKS")
ALLOWED_HOSTS = env_list("CONGXA_ALLOWED_HOSTS")
_missing = []
if not SECRET_KEY:
    if DEBUG:
        SECRET_KEY = "congxa-insecure-debug-key"  # noqa: S105 (debug only)
    else:
        _missing.append(
            "Chưa có khóa bí mật: đặt biến môi trường CONGXA_SECRET_KEY, cùng một "
            "giá trị trên mọi máy chủ (tạo bằng: python3 -c 'import secrets; "
            "print(secrets.token_urlsafe(50))'); bản chạy thử thì chạy `congxa demo`."
        )
if _missing:
    raise ImproperlyConfigured("\n".join(_missing))

if not ALLOWED_HOSTS and DEBUG:
    ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
# Communes: the host names of the Sites in the database (with their aliases) are
# allowed too, so a commune added with `congxa commune add` is served at once;
# CONGXA_ALLOWED_HOSTS adds to them. Held per process, reloaded when a commune
# changes (congxa/portal/hosts.py); an unknown host is still a 400.
from congxa.portal.hosts import AllowedHosts  # noqa: E402

ALLOWED_HOSTS = AllowedHosts(ALLOWED_HOSTS)

INSTALLED_APPS = [
    "congxa.portal",
    "congxa.news",
    "congxa.engagement",
    "congxa.documents",
    "congxa.disclosures",
    "congxa.people",
    "congxa.procedures",
    "congxa.search",
    "congxa.syndication",
    "congxa.province",
    "congxa.demo",
    # Before wagtail: overrides wagtailcore/shared/richtext.html to sanitise.
    "congxa.editorial",
    "congxa.accounts",
    "congxa.operations",
    "congxa.legacy",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    # Its Vietnamese catalog translates the relative times Wagtail shows
    # ("8 seconds ago" in the status panel comes from humanize's naturaltime).
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # Outermost, so cached pages and static files get the headers too.
    "congxa.portal.middleware.SecurityHeadersMiddleware",
    # Database, object storage or disk down: a Vietnamese 503, never a traceback.
    "congxa.portal.degraded.ServiceUnavailableMiddleware",
    # A Vietnamese page for the errors sent without a body (a 405 above all).
    "congxa.portal.middleware.EmptyErrorPageMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Refuses an oversized body from its Content-Length, before reading it.
    "congxa.editorial.middleware.RequestSizeLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Whole-page cache for anonymous visitors; it sits before sessions so a hit
    # touches neither the session store nor the database.
    # Aliases and former hosts redirect; a disabled commune answers 503.
    "congxa.portal.hosts.CommuneHostMiddleware",
    "congxa.portal.cache.PageCacheMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    # Inside gzip: the admin's script tags get the response's CSP nonce.
    "congxa.portal.admin_scripts.AdminScriptNonceMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "congxa.accounts.middleware.AuditAddressMiddleware",
    "congxa.accounts.middleware.SessionIdleTimeoutMiddleware",
    "congxa.accounts.middleware.TwoFactorMiddleware",
    "congxa.editorial.middleware.CommuneScopeMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Turns a login refused for its delay into a 429 page.
    "congxa.accounts.middleware.LoginThrottleMiddleware",
    # Last: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "congxa.urls"
WSGI_APPLICATION = "congxa.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: embedded SQLite (WAL, so readers never wait for the writer) unless
# DATABASE_URL names another server.
DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=600)}
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        _db_options = DATABASES["default"].setdefault("OPTIONS", {})
        # A database that does not answer must not hold a request for minutes.
        _db_options.setdefault(
            "connect_timeout", env_int("CONGXA_DB_CONNECT_TIMEOUT", 5)
        )
        # Persistent connections (one per worker thread, checked before reuse)
        # by default; a psycopg pool per process when CONGXA_DB_POOL_SIZE is set,
        # for workers with several threads (deploy/README.md has the numbers).
        # https://docs.djangoproject.com/en/5.2/ref/databases/#connection-pool
        _pool_size = env_int("CONGXA_DB_POOL_SIZE", 0)
        if _pool_size > 0:
            # Django checks each connection the pool hands out.
            _db_options["pool"] = {
                "min_size": 1,
                "max_size": _pool_size,
                "timeout": 10,
                "max_idle": 300,
            }
            DATABASES["default"]["CONN_MAX_AGE"] = 0
            DATABASES["default"]["CONN_HEALTH_CHECKS"] = False
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "congxa.sqlite3",
            "OPTIONS": {
                # https://docs.djangoproject.com/en/5.2/ref/databases/#sqlite-init-command
                "init_command": (
                    "PRAGMA journal_mode=WAL;"
                    "PRAGMA synchronous=NORMAL;"
                    "PRAGMA busy_timeout=10000;"
                    "PRAGMA foreign_keys=ON;"
                ),
                "transaction_mode": "IMMEDIATE",
            },
            # Keep each worker's connection: reopening it per request re-runs the
            # PRAGMAs above, and closing the last one makes SQLite checkpoint the
            # WAL (measured: a large share of an uncached render; bench/RESULTS.md).
            "CONN_MAX_AGE": None,
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: shared by every worker process (a per-process memory cache would keep
# serving an old page after a publish). On-disk SQLite-backed cache by default,
# Redis when CACHE_URL says so.
# Either way the backend degrades instead of failing (congxa/portal/cache_backends.py):
# a cache that cannot be reached means uncached pages, a local limit for the
# forms, and one bump of every page's generation when it is back.
CACHE_URL = env_str("CACHE_URL")
CACHE_RESILIENCE = {
    "RETRY_SECONDS": 5,
    "LOCAL_PREFIXES": ["congxa:engagement:"],
    "DURABLE_PREFIXES": ["congxa:gen:"],
    "EPOCH_KEY": "congxa:gen:all",
}
if CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    CACHES = {
        "default": {
            "BACKEND": "congxa.portal.cache_backends.ResilientRedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": env_str("CONGXA_CACHE_PREFIX", "congxa"),
            "TIMEOUT": 3600,
            # Fail fast, no retries inside one request: the backend backs off.
            "OPTIONS": {
                "socket_connect_timeout": 0.5,
                "socket_timeout": 1.0,
            },
            **CACHE_RESILIENCE,
            # Shared by several hosts: a process that saw no outage must not
            # trust the generation numbers a lost write left behind
            # (congxa/portal/cache_backends.py, the lease).
            "LEASE_KEY": "congxa:lease:generations",
            "LEASE_SECONDS": 1.0,
        }
    }
elif CACHE_URL:
    raise ImproperlyConfigured(
        "CACHE_URL chỉ hỗ trợ Redis (redis://máy:cổng/số); "
        "bỏ trống để dùng bộ nhớ đệm trên đĩa."
    )
else:
    CACHES = {
        "default": {
            # diskcache.DjangoCache, minus closing its connections per request.
            "BACKEND": "congxa.portal.cache_backends.ResilientDiskCache",
            "LOCATION": str(DATA_DIR / "cache"),
            "TIMEOUT": 3600,
            "SHARDS": 4,
            "DATABASE_TIMEOUT": 1.0,
            "OPTIONS": {"size_limit": 512 * 1024 * 1024},
            **CACHE_RESILIENCE,
        }
    }

# Image renditions, looked up on every render of a page with pictures, in a
# per-process memory cache: their keys carry the image's file hash and focal
# point, so they never go stale. In the shared on-disk cache, Wagtail 7.4 writes
# every cache hit back (one disk write per rendition per render).
# https://docs.wagtail.org/en/stable/advanced_topics/performance.html#caching-image-renditions
CACHES["renditions"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "congxa-renditions",
    "TIMEOUT": 24 * 3600,
    "OPTIONS": {"MAX_ENTRIES": 10_000},
}

PAGE_CACHE_ENABLED = env_bool("CONGXA_PAGE_CACHE", True)
PAGE_CACHE_TIMEOUT = env_int("CONGXA_PAGE_CACHE_TIMEOUT", 3600)
# What browsers and proxies may keep a public page for, in seconds.
PAGE_CACHE_MAX_AGE = env_int("CONGXA_PAGE_CACHE_MAX_AGE", 60)

# Accounts: lockout after repeated failures, per account and per address
# (django-axes), two-factor authentication for every admin account (django-otp),
# sessions that end when idle.
AUTHENTICATION_BACKENDS = [
    "congxa.accounts.backends.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("CONGXA_LOGIN_FAILURE_LIMIT", 5)
# Locked per (user name, address) pair: failures from five addresses never lock
# the real official out of theirs. Across addresses, a growing delay instead
# (congxa/accounts/lockout.py); an address that has not failed is never slowed.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
CONGXA_LOGIN_FREE_FAILURES = env_int("CONGXA_LOGIN_FREE_FAILURES", 2)
CONGXA_LOGIN_MAX_DELAY_SECONDS = env_int("CONGXA_LOGIN_MAX_DELAY_SECONDS", 60)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("CONGXA_LOCKOUT_MINUTES", 30))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"
# REMOTE_ADDR only: X-Forwarded-For is whatever the client wants it to be unless a
# proxy rewrites it; behind nginx, its real_ip module sets REMOTE_ADDR.
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]
CONGXA_REQUIRE_2FA = env_bool("CONGXA_REQUIRE_2FA", True)
OTP_TOTP_ISSUER = "congxa"
CONGXA_SESSION_IDLE_SECONDS = env_int("CONGXA_SESSION_IDLE_MINUTES", 60) * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Largest request body accepted, checked from Content-Length before reading.
CONGXA_MAX_REQUEST_BYTES = env_int("CONGXA_MAX_UPLOAD_MB", 64) * 1024 * 1024

_VALIDATORS = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_VALIDATORS}.UserAttributeSimilarityValidator"},
    {
        "NAME": f"{_VALIDATORS}.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": f"{_VALIDATORS}.CommonPasswordValidator"},
    {"NAME": f"{_VALIDATORS}.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# Day-first input and display formats (congxa/formats/vi/formats.py).
FORMAT_MODULE_PATH = ["congxa.formats"]
# Listed first, so the project's catalog (which carries the Wagtail admin strings
# Wagtail's own Vietnamese catalog lacks) wins.
LOCALE_PATHS = [BASE_DIR / "locale"]

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_URL = "/static/"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed names, compressed copies, far-future cache headers.
        "BACKEND": env_str(
            "CONGXA_STATICFILES_STORAGE",
            "whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}
WHITENOISE_MAX_AGE = 31536000

# Media in S3-compatible object storage when CONGXA_MEDIA_URL says so
# (s3://BUCKET[/PREFIX]?endpoint_url=URL&region=REGION): public images, private
# documents served through the app (congxa/operations/storage.py).
MEDIA_STORAGE_URL = env_str("CONGXA_MEDIA_URL")
if MEDIA_STORAGE_URL:
    from congxa.operations.media_url import s3_storage_options

    STORAGES["default"] = {
        "BACKEND": "congxa.operations.storage.MediaStorage",
        "OPTIONS": s3_storage_options(MEDIA_STORAGE_URL),
    }

# Uploads: size caps, nothing public.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o644
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
# Image uploads checked by content (Pillow decode, no markup) and renamed.
WAGTAILIMAGES_IMAGE_FORM_BASE = "congxa.editorial.images.ImageForm"
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "odt", "ods"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Every document upload in the admin is checked by content and size.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "congxa.documents.forms.CheckedDocumentForm"
DOCUMENTS_MAX_UPLOAD_SIZE = env_int("CONGXA_DOCUMENT_MAX_UPLOAD_SIZE", 20 * 1024 * 1024)

# Security headers on every response, in every mode.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 3600
CSRF_COOKIE_HTTPONLY = True
if HTTPS:
    SECURE_SSL_REDIRECT = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # The health check is probed over plain HTTP from inside the deployment.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
CSRF_TRUSTED_ORIGINS = env_list("CONGXA_CSRF_TRUSTED_ORIGINS")
# A form sent without its token gets the site's Vietnamese page, not Django's.
CSRF_FAILURE_VIEW = "congxa.portal.views.csrf_failure"

WAGTAIL_SITE_NAME = "Cổng thông tin điện tử xã"
WAGTAILADMIN_BASE_URL = env_str("CONGXA_BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAIL_I18N_ENABLED = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Avatars from gravatar.com would be fetched by every editor's browser (nothing
# from another origin); Wagtail shows its own default avatar instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_USER_LOGIN_FORM = "congxa.accounts.forms.LoginForm"
# Every page type's admin form (not an environment variable): installed as
# `Page.base_form_class` by congxa/portal/wagtail_patches/page_base_form.py.
CONGXA_PAGE_FORM = "congxa.editorial.page_form.VietnamesePageForm"


def _filter_lookups():
    # django-filter has no Vietnamese: the admin's filter labels come from here.
    from congxa.portal.wagtail_patches.admin_texts import filter_lookups

    return filter_lookups()


FILTERS_VERBOSE_LOOKUPS = _filter_lookups
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Wagtail's database search, folding Vietnamese on both sides so the admin's
# search finds "Đăng ký" for "dang ky" (congxa/search/backends.py).
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "congxa.search.backends"},
}
WAGTAILEMBEDS_FINDERS = []  # nothing is fetched from the internet at run time
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
WAGTAIL_PASSWORD_RESET_ENABLED = True
# Throttled per address and per e-mail, mailed after the response through the
# outbox (congxa/accounts/password_reset.py; `send_outbox` on a timer retries).
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = (
    "congxa.accounts.password_reset.ThrottledPasswordResetForm"  # noqa: S105
)
CONGXA_PASSWORD_RESET_PER_ADDRESS = env_int("CONGXA_PASSWORD_RESET_PER_ADDRESS", 5)
CONGXA_PASSWORD_RESET_PER_EMAIL = env_int("CONGXA_PASSWORD_RESET_PER_EMAIL", 3)

EMAIL_BACKEND = env_str(
    "CONGXA_EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if env_str("CONGXA_EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = env_str("CONGXA_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("CONGXA_EMAIL_PORT", 25)
DEFAULT_FROM_EMAIL = env_str("CONGXA_FROM_EMAIL", "congxa@localhost")

# Logs: real errors in full, requests refused on purpose in one line each.
# A scanner's bad Host headers and path tricks (Django's `django.security.*`
# loggers, which attach a traceback) and every 4xx of `django.request` are
# written without traceback; 5xx keep theirs. django-axes' own lines repeat
# what the audit log and `django.request` already say.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "one_line": {
            "()": "congxa.portal.logs.OneLineFormatter",
            "format": "%(levelname)s %(name)s: %(message)s",
        },
    },
    "filters": {"refused": {"()": "congxa.portal.logs.RefusedRequestFilter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "refused": {
            "class": "logging.StreamHandler",
            "formatter": "one_line",
        },
    },
    "loggers": {
        "django.security": {"handlers": ["refused"], "propagate": False},
        "django.request": {
            "handlers": ["console"],
            "filters": ["refused"],
            "propagate": False,
        },
        "axes": {"level": "ERROR"},
    },
    "root": {"handlers": ["console"], "level": env_str("CONGXA_LOG_LEVEL", "WARNING")},
}

# A mandatory category with nothing new in this many days is "stale".
CONGXA_STALE_DAYS = env_int("CONGXA_STALE_DAYS", 90)


# The public API (congxa/syndication/api): read-only, anonymous, JSON only,
# rate-limited per client (an IPv6 /64 is one client), described in OpenAPI.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_RATES": {
        "public_api": env_str("CONGXA_API_RATE", "120/minute"),
    },
    "UNAUTHENTICATED_USER": None,
    "EXCEPTION_HANDLER": "congxa.syndication.api.views.exception_handler",
}
# rest_framework and drf_spectacular stay out of INSTALLED_APPS: the API needs
# neither's templates nor static files, and DRF's Vietnamese catalog would
# replace Django's own wording of "Enter a valid email address." everywhere.
SPECTACULAR_SETTINGS = {
    "TITLE": "congxa API",
    "DESCRIPTION": "Cổng thông tin điện tử xã, phường: dữ liệu công khai, chỉ đọc.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "SERVE_AUTHENTICATION": [],
    "PREPROCESSING_HOOKS": ["congxa.syndication.api.schema.public_endpoints_only"],
}
