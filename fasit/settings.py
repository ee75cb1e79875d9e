"""The one settings module. Everything that differs between machines comes from the
environment; helpers fail loudly on values they cannot read, because a typo in
production config should stop the process, not silently fall back to a default.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import os
import secrets
import sys
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent


def env_str(name: str, default: str | None = None) -> str | None:
    """Read NAME, or the contents of the file named by NAME_FILE (for secrets)."""
    file_path = os.environ.get(f"{name}_FILE")
    if file_path:
        try:
            return Path(file_path).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ImproperlyConfigured(f"{name}_FILE={file_path!r} cannot be read: {exc}") from exc
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean (use true/false, 1/0, yes/no)")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not an integer") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


DATA_DIR = Path(os.environ.get("FASIT_DATA_DIR") or Path.cwd() / "var").resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("DEBUG", False)
TESTING = os.environ.get("FASIT_TESTING") == "1" or "pytest" in sys.modules


def _secret_key() -> str:
    key = env_str("SECRET_KEY")
    if key:
        return key
    # Development convenience: a key generated once and kept in the data dir, so
    # sessions survive restarts without anyone having to configure anything.
    key_file = DATA_DIR / "secret_key"
    if key_file.exists():
        return key_file.read_text(encoding="utf-8").strip()
    key = secrets.token_urlsafe(50)
    key_file.write_text(key, encoding="utf-8")
    key_file.chmod(0o600)
    return key


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "fasit.core.apps.OperatorAdminConfig",  # django.contrib.admin, superusers only
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "template_partials",
    "django_tasks",
    "django_tasks_db",
    # Listed so /api/docs serves Swagger UI from Fasit's own static files, not a CDN.
    "ninja",
    "fasit.core",
    "fasit.tenancy",
    "fasit.customers",
    "fasit.conversations",
    "fasit.signals",
    "fasit.relationships",
    "fasit.buying",
    "fasit.transfer",
    "fasit.privacy",
    "fasit.webhooks",
    "fasit.capture",
    "fasit.signin",
    "axes",
    "csp",
    "fasit.search",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "fasit.core.middleware.CSPMiddleware",
    "fasit.core.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "fasit.core.middleware.UserLanguageMiddleware",
    "fasit.core.middleware.UserTimeZoneMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "fasit.signin.middleware.SessionLifetimeMiddleware",
    "fasit.tenancy.middleware.TeamMiddleware",
    "fasit.core.middleware.RecordGoneMiddleware",
    "fasit.signin.middleware.TwoFactorRequiredMiddleware",
    # Last, so it sees the failed login the view just handled (docs/operations.md).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "fasit.urls"
WSGI_APPLICATION = "fasit.wsgi.application"

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
                "django.template.context_processors.i18n",
                "fasit.tenancy.context_processors.team",
            ],
            "builtins": ["fasit.core.templatetags.fasit"],
        },
    }
]


def _databases() -> dict[str, dict[str, object]]:
    url = os.environ.get("DATABASE_URL")
    if url:
        try:
            config = dj_database_url.parse(url, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))
        except ValueError as exc:
            raise ImproperlyConfigured(f"DATABASE_URL cannot be parsed: {exc}") from exc
        if config.get("ENGINE") == "django.db.backends.postgresql":
            # Django's, reading times with psycopg's C loader and checking a kept
            # connection without a round trip (fasit/core/postgresql/base.py).
            config["ENGINE"] = "fasit.core.postgresql"
            config["CONN_HEALTH_CHECKS"] = True
            # Prepared statements: a statement run FASIT_DB_PREPARE_THRESHOLD times on a
            # connection is planned once, not on every request (planning cost the
            # server more than running the API lists' statements: bench_api_lists.py).
            # They need server-side binding; set 0 behind a pooler that cannot keep
            # prepared statements (PgBouncer in transaction mode before 1.21).
            threshold = env_int("FASIT_DB_PREPARE_THRESHOLD", 5)
            if threshold > 0:
                options = dict(config.get("OPTIONS") or {})  # type: ignore[call-overload]
                options.setdefault("server_side_binding", True)
                options.setdefault("prepare_threshold", threshold)
                config["OPTIONS"] = options
        return {"default": dict(config)}
    return {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "fasit.sqlite3",
            # Kept open between requests (one per web thread), as for PostgreSQL:
            # opening it again, with the pragmas below, cost 3–4 ms of CPU per request
            # (bench/bench_api_lists.py).
            "CONN_MAX_AGE": env_int("DB_CONN_MAX_AGE", 60),
            "OPTIONS": {
                # WAL lets readers work while a writer commits; IMMEDIATE takes the
                # write lock at BEGIN so two writers queue on the busy timeout
                # instead of failing with "database is locked" mid-transaction.
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL;"
                    "PRAGMA synchronous=NORMAL;"
                    "PRAGMA foreign_keys=ON;"
                    "PRAGMA busy_timeout=20000;"
                ),
            },
        }
    }


DATABASES = _databases()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Django's backend, behind django-axes: a locked account or address is refused before
# its password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Django's, with the request's user read by a plain query (fasit/signin/backends.py).
    "fasit.signin.backends.ModelBackend",
]
# Lock-out after failed sign-ins (docs/operations.md#sign-in-lock-out). Failures are
# counted per username and, separately, per client address; a success resets the count.
AXES_FAILURE_LIMIT = env_int("FASIT_LOGIN_FAILURE_LIMIT", 10)
FASIT_LOGIN_LOCKOUT_MINUTES = env_int("FASIT_LOGIN_LOCKOUT_MINUTES", 15)
if AXES_FAILURE_LIMIT < 1 or FASIT_LOGIN_LOCKOUT_MINUTES < 1:
    raise ImproperlyConfigured(
        "FASIT_LOGIN_FAILURE_LIMIT and FASIT_LOGIN_LOCKOUT_MINUTES must be 1 or more"
    )
AXES_COOLOFF_TIME = dt.timedelta(minutes=FASIT_LOGIN_LOCKOUT_MINUTES)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429
AXES_LOCKOUT_CALLABLE = "fasit.signin.lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "fasit.signin.lockout.client_ip"
# Successful sign-ins are not logged to the database table (the audit of who signed in
# would be personal data kept without a purpose); failures and lock-outs are.
AXES_DISABLE_ACCESS_LOG = True
# How many reverse proxies stand between the client and Fasit, each appending to
# X-Forwarded-For; 0 means the socket address is the client's.
FASIT_TRUSTED_PROXIES = env_int("FASIT_TRUSTED_PROXIES", 0)

# A password-reset link works once and for three hours: long enough for a slow mail
# server, short enough that an old e-mail in a mailbox is no longer a key.
PASSWORD_RESET_TIMEOUT = 3 * 3600

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("sv", "Svenska"),
    ("nb", "Norsk bokmål"),
    ("da", "Dansk"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# One date and number format per language (fasit/formats/<lang>/formats.py).
FORMAT_MODULE_PATH = ["fasit.formats"]
USE_I18N = True
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Oslo")
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
# Static files are served by WhiteNoise straight from the app folders, so a fresh
# clone serves without a collectstatic step.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_ROOT = DATA_DIR / "uploads"

# Transcripts and attachments: anything larger is refused with a message before
# it reaches disk.
FASIT_MAX_UPLOAD_BYTES = env_int("FASIT_MAX_UPLOAD_BYTES", 50 * 1024 * 1024)
# Import files uploaded in the browser (the command line has no limit).
FASIT_MAX_IMPORT_BYTES = env_int("FASIT_MAX_IMPORT_BYTES", 200 * 1024 * 1024)
# How long a per-team aggregate (core/cache.py) may be served at most; any change made
# through Fasit's services replaces it at once.
FASIT_TEAM_CACHE_SECONDS = env_int("FASIT_TEAM_CACHE_SECONDS", 600)
# Where per-team results are kept (core/cache.py): "file" (default) shares them between
# the server's processes through files under the data directory, "local" keeps them
# in each process, a redis:// URL uses that Redis server (needs the redis package).
# The process' own memory cache ("default") stays in front of it.
FASIT_TEAM_CACHE = os.environ.get("FASIT_TEAM_CACHE", "file")
if FASIT_TEAM_CACHE == "file":
    _team_cache: dict[str, Any] = {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(DATA_DIR / "cache" / "team"),
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
    FASIT_TEAM_LOCK_DIR = str(DATA_DIR / "cache" / "locks")
elif FASIT_TEAM_CACHE == "local":
    _team_cache = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "team"}
    FASIT_TEAM_LOCK_DIR = ""
elif FASIT_TEAM_CACHE.startswith(("redis://", "rediss://", "unix://")):
    _team_cache = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": FASIT_TEAM_CACHE,
    }
    # Processes on other hosts are not excluded by a lock file; those on this one are.
    FASIT_TEAM_LOCK_DIR = str(DATA_DIR / "cache" / "locks")
else:
    raise ImproperlyConfigured('FASIT_TEAM_CACHE must be "file", "local" or a redis:// URL')
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "team": {**_team_cache, "TIMEOUT": FASIT_TEAM_CACHE_SECONDS},
}
# `fasit serve` (gunicorn): worker processes (default one per core), threads in each,
# and how long a request may run before its worker is restarted.
FASIT_WEB_WORKERS = env_int("FASIT_WEB_WORKERS", os.cpu_count() or 1)
# Two threads: one can run while the other waits on the database, and the two contend
# for the GIL far less than four did (at 64 clients, p99 of PostgreSQL's API lists and
# pages 145-319 ms with four, 86-227 with two; docs/operations.md).
FASIT_WEB_THREADS = env_int("FASIT_WEB_THREADS", 2)
FASIT_WEB_TIMEOUT = env_int("FASIT_WEB_TIMEOUT", 30)
# Connections one worker keeps open at a time, kept-alive ones included (gunicorn's
# worker_connections). With 4 a thread, 64 clients on two workers met a full worker:
# half waited in the kernel's queue while the others were served again and again (p99
# 3-7 s against 0.6-0.9 s at 16 a thread; docs/operations.md).
FASIT_WEB_CONNECTIONS = env_int("FASIT_WEB_CONNECTIONS", max(64, FASIT_WEB_THREADS * 16))
# 1: each worker listens on its own socket (SO_REUSEPORT) and the kernel spreads new
# connections over the workers by address; 0 (default): one shared socket, taken by
# whichever worker wakes first (docs/operations.md: which suits which clients).
FASIT_WEB_REUSE_PORT = env_int("FASIT_WEB_REUSE_PORT", 0) == 1
# A web worker freezes its heap (gc.freeze) once the app and the signal indexes are
# loaded, so the collector's full passes no longer walk them (docs/operations.md).
FASIT_WEB_GC_FREEZE = env_bool("FASIT_WEB_GC_FREEZE", True)
# Each web worker builds every team's market-signal index in a background thread when
# it starts, so the first statement added after a restart does not wait for a build.
FASIT_SIGNALS_WARM = env_bool("FASIT_SIGNALS_WARM", True)
# Where a built index is kept, one file per team (0600), so that a restart, and every
# web worker but the first, loads it instead of building it again; empty: not kept.
_index_dir = os.environ.get("FASIT_SIGNALS_INDEX_DIR")
FASIT_SIGNALS_INDEX_DIR = str(DATA_DIR / "signal-index") if _index_dir is None else _index_dir
for _name in (
    "FASIT_WEB_WORKERS",
    "FASIT_WEB_THREADS",
    "FASIT_WEB_TIMEOUT",
    "FASIT_WEB_CONNECTIONS",
):
    if globals()[_name] < 1:
        raise ImproperlyConfigured(f"{_name} must be 1 or more")
# API: requests per token in each window of seconds (0 turns the limit off); more get
# 429 with Retry-After.
FASIT_API_RATE_LIMIT = env_int("FASIT_API_RATE_LIMIT", 1200)
FASIT_API_RATE_WINDOW = env_int("FASIT_API_RATE_WINDOW", 60)
if FASIT_API_RATE_WINDOW < 1:
    raise ImproperlyConfigured("FASIT_API_RATE_WINDOW must be 1 or more")
# Where the counts are kept: "cache" (Django's cache; the default in-memory cache counts
# per process) or "database" (shared by every web process, no extra service).
FASIT_API_RATE_STORE = os.environ.get("FASIT_API_RATE_STORE", "cache")
if FASIT_API_RATE_STORE not in {"cache", "database"}:
    raise ImproperlyConfigured("FASIT_API_RATE_STORE must be cache or database")
# Webhooks: seconds to wait for a receiver; loopback endpoints (and plain http:// to them) are
# refused unless this is on (tests and local development only), like every private address.
FASIT_WEBHOOK_TIMEOUT = env_int("FASIT_WEBHOOK_TIMEOUT", 10)
FASIT_WEBHOOK_ALLOW_HTTP_LOOPBACK = env_bool("FASIT_WEBHOOK_ALLOW_HTTP_LOOPBACK", False)
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Optional: a local sentence-embedding model folder combined with the lexicon when
# grouping statements (model2vec or sentence-transformers must be installed).
FASIT_EMBEDDING_MODEL = os.environ.get("FASIT_EMBEDDING_MODEL", "")

TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "FASIT_TASK_BACKEND",
            "django_tasks.backends.immediate.ImmediateBackend"
            if TESTING
            else "django_tasks_db.DatabaseBackend",
        ),
    }
}

# `fasit worker`: a task left RUNNING by a killed worker for longer than this is queued
# again, up to FASIT_TASK_MAX_ATTEMPTS tries in all, then marked failed
# (core/task_recovery.py). Longer than any task takes: the largest transcript allowed is
# analysed in about a minute.
FASIT_TASK_STALE_SECONDS = env_int("FASIT_TASK_STALE_SECONDS", 600)
FASIT_TASK_MAX_ATTEMPTS = env_int("FASIT_TASK_MAX_ATTEMPTS", 3)
for _name in ("FASIT_TASK_STALE_SECONDS", "FASIT_TASK_MAX_ATTEMPTS"):
    if globals()[_name] < 1:
        raise ImproperlyConfigured(f"{_name} must be 1 or more")

# `fasit worker` refreshes the day's account health and knowledge snapshots at each
# local day change, once per installation (relationships/daily.py); off for an
# installation that schedules refresh_account_health_task from cron instead.
FASIT_DAILY_REFRESH = env_bool("FASIT_DAILY_REFRESH", True)

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Fasit <fasit@localhost>")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)

SESSION_COOKIE_HTTPONLY = True
# Django's database sessions, loaded with one plain query (fasit/signin/sessions.py).
SESSION_ENGINE = "fasit.signin.sessions"
# Sessions (docs/operations.md#sessions): signed out after FASIT_SESSION_IDLE_MINUTES
# without a request and FASIT_SESSION_MAX_HOURS after signing in, however active.
# Fasit holds personal data and is used on phones that get lost: two idle hours cover a
# long meeting between two entries; twelve hours cover a working day, so a new day
# starts with a password (and a second factor).
FASIT_SESSION_IDLE_MINUTES = env_int("FASIT_SESSION_IDLE_MINUTES", 120)
FASIT_SESSION_MAX_HOURS = env_int("FASIT_SESSION_MAX_HOURS", 12)
if FASIT_SESSION_IDLE_MINUTES < 1 or FASIT_SESSION_MAX_HOURS < 1:
    raise ImproperlyConfigured(
        "FASIT_SESSION_IDLE_MINUTES and FASIT_SESSION_MAX_HOURS must be 1 or more"
    )
# The cookie and the stored session never outlive the absolute limit.
SESSION_COOKIE_AGE = FASIT_SESSION_MAX_HOURS * 3600
# HTTPS (docs/operations.md#https-and-the-reverse-proxy). Off by default so the demo
# works over plain HTTP on 127.0.0.1; production sets SECURE_COOKIES=true, and every
# HTTPS default below follows from it, so the plainest production environment passes
# ``fasit manage check --deploy --fail-level WARNING``. Each can still be set on its own.
SECURE_COOKIES = env_bool("SECURE_COOKIES", False)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", SECURE_COOKIES)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", SECURE_COOKIES)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", SECURE_COOKIES)
# One year: long enough for browsers' preload lists, and a browser that once saw
# Fasit over HTTPS never falls back to plain HTTP where a cookie could leak.
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 365 * 24 * 3600 if SECURE_COOKIES else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", SECURE_COOKIES)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", SECURE_COOKIES)
if SECURE_HSTS_SECONDS < 0:
    raise ImproperlyConfigured("SECURE_HSTS_SECONDS must be 0 (off) or more")


def _proxy_ssl_header() -> tuple[str, str] | None:
    """SECURE_PROXY_SSL_HEADER=X-Forwarded-Proto (value https) or Header-Name=value.

    Opt-in only: trusting the header without a proxy that sets it lets any client claim
    HTTPS."""
    raw = (os.environ.get("SECURE_PROXY_SSL_HEADER") or "").strip()
    if not raw:
        return None
    name, _, value = raw.partition("=")
    name, value = name.strip(), value.strip() or "https"
    if not name or not all(c.isalnum() or c == "-" for c in name):
        raise ImproperlyConfigured(
            f"SECURE_PROXY_SSL_HEADER={raw!r}: give a header name such as X-Forwarded-Proto"
        )
    return "HTTP_" + name.upper().replace("-", "_"), value


SECURE_PROXY_SSL_HEADER = _proxy_ssl_header()
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp): scripts and style sheets only from Fasit's own
# static files; no inline script, no eval (htmx runs with allowEval off, see base.html).
# Inline style *attributes* stay allowed: templates size bars and charts with them, and
# they cannot run code.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}
# Browser features Fasit never uses, switched off for every page (and any script
# that might ever be injected): the Permissions-Policy header.
FASIT_PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), "
    "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), "
    "publickey-credentials-get=(), usb=(), browsing-topics=()"
)

LOG_DIR = DATA_DIR / "logs"
LOG_DIR.mkdir(exist_ok=True)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
        "file": {
            "class": "logging.handlers.RotatingFileHandler",
            "filename": LOG_DIR / "fasit.log",
            "maxBytes": 5 * 1024 * 1024,
            "backupCount": 3,
            "formatter": "plain",
        },
    },
    "root": {"handlers": ["console", "file"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Axes says INFO at every start and every failure; its WARNINGs (repeated
        # failures, lock-outs) are the ones an operator needs.
        "axes": {"level": "WARNING"},
    },
}

# Captured contact (fasit/capture, docs/capture.md). The Fernet key that encrypts
# mailbox passwords: `python -c "from cryptography.fernet import Fernet;
# print(Fernet.generate_key().decode())"`. Without it nobody can connect a mailbox;
# DEBUG and the tests derive one from SECRET_KEY so a fresh clone works.
FASIT_CAPTURE_KEY = env_str("FASIT_CAPTURE_KEY") or (
    base64.urlsafe_b64encode(hashlib.sha256(f"capture:{SECRET_KEY}".encode()).digest()).decode()
    if DEBUG or TESTING
    else ""
)
# The domain of the BCC addresses (log-<token>@FASIT_MAIL_DOMAIN) `fasit mail serve`
# accepts mail for.
FASIT_MAIL_DOMAIN = env_str("FASIT_MAIL_DOMAIN", "fasit.localhost") or "fasit.localhost"
# Calendar subscriptions: only these hosts (exact names) may be fetched, with a timeout
# and a size cap. Empty: no subscriptions, only uploaded .ics files.
FASIT_CALENDAR_HOSTS = env_list(
    "FASIT_CALENDAR_HOSTS", ["outlook.office365.com", "outlook.live.com", "calendar.google.com"]
)
FASIT_CALENDAR_TIMEOUT = env_int("FASIT_CALENDAR_TIMEOUT", 10)
FASIT_CALENDAR_MAX_BYTES = env_int("FASIT_CALENDAR_MAX_BYTES", 5 * 1024 * 1024)
# Seconds an IMAP server may take to answer before a sync gives up on that mailbox.
FASIT_IMAP_TIMEOUT = env_int("FASIT_IMAP_TIMEOUT", 30)
