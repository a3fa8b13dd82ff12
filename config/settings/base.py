"""Settings shared by every environment; values come from the environment.

DATABASE_URL (default: SQLite under var/), SECRET_KEY, DEBUG (off), ALLOWED_HOSTS.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from config.settings.storage import storages_from_environment

# One thread for the numeric libraries (OpenBLAS, OpenMP) in every SIMASN process: web workers,
# task workers and test workers each have a core, and a second BLAS thread spinning on a busy
# core made the overlap detector's training and scoring several times slower (a 30,000-element
# dot product: 80 µs against 7.5 µs). Read when numpy is first imported, which is after the
# settings; a value set in the environment wins.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("SIMASN_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "insecure-development-key-change-me")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "ninja",  # serves Swagger UI from our own static files (no CDN)
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "simasn.core",
    "simasn.accounts",
    "simasn.organization",
    "simasn.positions",
    "simasn.personnel",
    "simasn.actions",
    "simasn.lawdata",
    "simasn.workplans",
    "simasn.bulk",
    "simasn.planning",
    "simasn.performance",
    "simasn.procurement",
    "simasn.learning",
    "simasn.talent",
    "simasn.discipline",
    "simasn.disputes",
    "simasn.rewards",
    "simasn.site",  # on top: composes the apps above (dashboard, navigation, demo data)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "simasn.web.locale_middleware.ChosenLanguageMiddleware",
    "simasn.web.middleware.RefuseNulCharactersMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "simasn.accounts.middleware.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simasn.web.middleware.ApplicationErrorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "simasn" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "simasn.site.navigation.navigation",
                "simasn.site.panels.panels",
            ],
            # Dates and numbers written one way on every page (simasn.web.formatting).
            "builtins": ["simasn.web.templatetags.simasn_format"],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'simasn.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
#: PostgreSQL connection pool per process (Django's native pool over psycopg_pool, ADR 0026): with
#: DB_POOL_MAX_SIZE > 0 a process's request threads borrow one of at most that many connections
#: per query or transaction and give it back at the end of the request, so 64-128 threads can
#: share a handful of connections (PostgreSQL's max_connections is the cluster-wide limit).
DB_POOL_MAX_SIZE = int(os.environ.get("DB_POOL_MAX_SIZE", "0"))
if DB_POOL_MAX_SIZE > 0 and DATABASES["default"]["ENGINE"].endswith("postgresql"):
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # the pool keeps the connections, not the thread
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": min(int(os.environ.get("DB_POOL_MIN_SIZE", "2")), DB_POOL_MAX_SIZE),
        "max_size": DB_POOL_MAX_SIZE,
        # A thread waits this long for a free connection before its request fails.
        "timeout": float(os.environ.get("DB_POOL_TIMEOUT", "10")),
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
# A read replica, when configured, serves read-only selectors and exports
# (docs/adr/0006-scaling-beyond-one-server.md).
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(os.environ["DATABASE_REPLICA_URL"])
DATABASE_ROUTERS = ["simasn.core.db_router.ReplicaRouter"]
SIMASN_READ_REPLICA_ALIAS = "replica" if os.environ.get("DATABASE_REPLICA_URL") else None

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "site:dashboard"
LOGOUT_REDIRECT_URL = "accounts:login"

# Lockout after repeated failures (django-axes).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.5  # hours
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"

# Two-factor login is required for the roles listed in accounts.roles.
SIMASN_REQUIRE_2FA = env_bool("SIMASN_REQUIRE_2FA", True)
OTP_TOTP_ISSUER = "SIMASN"
# Seconds a valid API token stays in the shared cache (simasn/accounts/tokens.py). A
# revocation is seen at once by every process (version keys); this only bounds memory.
# 0 = look the token up on every call.
SIMASN_API_TOKEN_CACHE_SECONDS = float(os.environ.get("SIMASN_API_TOKEN_CACHE_SECONDS", "300"))

# One cache shared by every process of a deployment (web workers, task worker, scheduler):
# API tokens and law overrides are cached in it with version keys that a write bumps
# (simasn/core/shared_cache.py). Redis when REDIS_URL is set (production), else files
# under var/cache, which the demo's three processes on one machine share (docs/deploy.md).
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES: dict[str, dict[str, object]]
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

# Aggregates shown to roles without access to personal data never show a count below
# this (simasn/actions: retirement projection): such a cell could name a person.
SIMASN_AGGREGATE_MIN_CELL = int(os.environ.get("SIMASN_AGGREGATE_MIN_CELL", "5"))

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "simasn" / "locale"]
# Date and number formats of both languages (simasn/formats/<lang>/formats.py).
FORMAT_MODULE_PATH = ["simasn.formats"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [
    BASE_DIR / "simasn" / "static",
    ("vendor/htmx", BASE_DIR / "node_modules" / "htmx.org" / "dist"),
    ("vendor/pico", BASE_DIR / "node_modules" / "@picocss" / "pico" / "css"),
    ("vendor/chartjs", BASE_DIR / "node_modules" / "chart.js" / "dist"),
]
MEDIA_ROOT = Path(os.environ.get("SIMASN_MEDIA_ROOT", VAR_DIR / "media"))
# Uploaded and generated files are read back through the storages and downloaded through
# scoped views only; nothing is served from a media URL.
STORAGES = storages_from_environment(
    staticfiles_backend="django.contrib.staticfiles.storage.StaticFilesStorage")

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "simasn@localhost")

# Content security policy (django-csp 4): everything is served by the app itself.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 3600
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the cookie-less meta tag instead
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

SIMASN_PAGE_SIZE = 25
#: Lists count their total exactly unless PostgreSQL needs longer than this; then they show
#: its estimate, marked "sekitar" (simasn/web/pagination.py). 0 = always count.
SIMASN_EXACT_COUNT_TIMEOUT_MS = int(os.environ.get("SIMASN_EXACT_COUNT_TIMEOUT_MS", "250"))

# Lockout is by username: agency offices sit behind shared NAT addresses, so locking
# an IP address would lock out a whole BKPSDM office after one person's typos.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

#: A bulk import into an empty register builds its secondary indexes after the rows when
#: the file has at least this many rows (simasn/bulk/deferral.py, ADR 0008).
IMPORT_BULK_BUILD_MIN_ROWS = int(os.environ.get("SIMASN_IMPORT_BULK_BUILD_MIN_ROWS", "100000"))
#: A web import that has committed no chunk for this many seconds lost its worker: the
#: scheduler resumes it from its checkpoint (simasn/bulk/recovery.py, docs/bulk.md).
SIMASN_IMPORT_STALE_SECONDS = float(os.environ.get("SIMASN_IMPORT_STALE_SECONDS", "30"))
#: Rows per chunk of a web import (the progress bar moves every chunk), and a pause
#: between chunks to leave the database to the office during a large load (0 = none).
SIMASN_IMPORT_WEB_CHUNK = int(os.environ.get("SIMASN_IMPORT_WEB_CHUNK", "2000"))
SIMASN_IMPORT_PAUSE_SECONDS = float(os.environ.get("SIMASN_IMPORT_PAUSE_SECONDS", "0"))
#: The address the public reaches this SIMASN at: printed on every decree with its
#: verification code (simasn/actions/documents.py), so anyone can check it without a login.
SIMASN_PUBLIC_URL = os.environ.get("SIMASN_PUBLIC_URL", "http://127.0.0.1:8000")
