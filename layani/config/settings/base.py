"""Settings shared by every environment.

The embedded default is SQLite in WAL mode with full synchronous commits, so that one machine can
serve a regency with nothing else installed. ``DATABASE_URL`` switches to PostgreSQL and
``REDIS_URL`` turns on Redis for the cache and the task queue: the scale-out path.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import dj_database_url
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent.parent.parent
#: Where runtime data (the SQLite file, uploaded media) lives; override with LAYANI_DATA_DIR.
DATA_DIR = Path(os.environ.get("LAYANI_DATA_DIR", Path.cwd() / "var"))

INSTALLED_APPS = [
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Third party
    "django_tasks",
    "django_tasks_db",
    # Domain apps (lower layers first)
    "layani.audit",
    "layani.security",
    "layani.sla",
    "layani.directory",
    "layani.accounts",
    "layani.intake",
    "layani.routing",
    "layani.cases",
    "layani.notifications",
    "layani.escalation",
    "layani.webhooks",
    "layani.privacy",
    "layani.planning",
    "layani.federation",
    # Adapters
    "layani.portal",
    "layani.planning_web",
    "layani.console",
    "layani.open311",
    "layani.federation_api",
    "layani.api",
    "layani.transparency",
    "layani.messaging",
    "layani.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "layani.security.headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Public pages only, never those with secrets (BREACH): layani/portal/compression.py.
    "layani.portal.compression.PublicGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Innermost, so that a database outage in any view becomes a clear 503 (not a 500 page).
    "layani.security.availability.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "layani.config.urls"
WSGI_APPLICATION = "layani.config.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


def database_from_env(default_sqlite_path: Path) -> dict[str, Any]:
    """The database: PostgreSQL when DATABASE_URL is set, else the embedded SQLite file.

    SQLite runs in WAL mode with ``synchronous=FULL``: an acknowledged report must survive a power
    cut, and WAL lets readers work while one writer commits. ``IMMEDIATE`` transactions take the
    write lock up front so that concurrent writers wait (busy timeout) instead of failing midway.
    """
    url = os.environ.get("DATABASE_URL")
    if url:
        config: dict[str, Any] = dict(
            dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
        )
        return config
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(default_sqlite_path),
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL;"
                "PRAGMA synchronous=FULL;"
                "PRAGMA foreign_keys=ON;"
                "PRAGMA busy_timeout=20000;"
            ),
        },
    }


DATABASES = {"default": database_from_env(DATA_DIR / "layani.sqlite3")}

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "layani",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "layani",
        }
    }

# Background work runs on a real queue: the database backend for the embedded default (the worker
# is `layani db_worker`); deployments with Redis may swap in a Redis-backed backend.
# Work by priority (decision 0026): recording acknowledged reports has a queue of its own
# (`intake`, also the highest priority), so it never waits behind notifications, digests, webhooks,
# statistics or retraining. A worker started with `--queue-name intake` does nothing else; one with
# `--queue-name '*' --exclude-queues intake` does the rest (docs/deploy.md).
TASK_QUEUES = ["intake", "notifications", "background", "default"]
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": TASK_QUEUES}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Bahasa Indonesia first; English as the second language.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Indonesian")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
# Stored instants are UTC; each region shows its own zone (WIB/WITA/WIT).
TIME_ZONE = "Asia/Jakarta"
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_URL = "media/"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

LOGIN_URL = "console:login"
# Sessions end after a working day, and when the browser closes.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
LOGIN_REDIRECT_URL = "console:home"
LOGOUT_REDIRECT_URL = "portal:home"

#: Map tiles for the report pin and the public map, e.g. "https://tiles.example.go.id/{z}/{x}/{y}.png".
#: Empty (the default): maps show no tiles and pins still work; no third party is contacted.
LAYANI_MAP_TILE_URL = os.environ.get("LAYANI_MAP_TILE_URL", "")
LAYANI_MAP_ATTRIBUTION = os.environ.get("LAYANI_MAP_ATTRIBUTION", "")

#: Key for the HMAC that protects reporters' access codes at rest; defaults to SECRET_KEY.
LAYANI_ACCESS_CODE_KEY = os.environ.get("LAYANI_ACCESS_CODE_KEY", "")

#: Open311 `GET requests` answers are cached this many seconds per query (0: never): integrators
#: poll the same lists, and a page of 1,000 requests is the most expensive public read.
LAYANI_OPEN311_LIST_CACHE_SECONDS = int(os.environ.get("LAYANI_OPEN311_LIST_CACHE_SECONDS", "30"))

# Retention under UU PDP (docs/decisions/0022-retention-and-subject-rights.md): a finished report's
# personal data is erased this many years after its last final move; inbound-message receipts after
# this many days. The job erases this many reports per batch.
LAYANI_RETENTION_IDENTITY_YEARS = int(os.environ.get("LAYANI_RETENTION_IDENTITY_YEARS", "5"))
LAYANI_RETENTION_PROCESSED_MESSAGE_DAYS = int(
    os.environ.get("LAYANI_RETENTION_PROCESSED_MESSAGE_DAYS", "30")
)
LAYANI_RETENTION_BATCH_SIZE = 100

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
