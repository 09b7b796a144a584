"""Test settings: SQLite by default, PostgreSQL when DATABASE_URL is set (CI runs both)."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import database_from_env

DEBUG = False
# Test settings only.
SECRET_KEY = "test-only-key"  # noqa: S105  # nosec B105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
_tmp = Path(tempfile.mkdtemp(prefix="layani-test-"))
DATABASES = {"default": database_from_env(_tmp / "layani.sqlite3")}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A real file, not Django's in-memory default, so tests see WAL and synchronous=FULL.
    DATABASES["default"]["TEST"] = {"NAME": str(_tmp / "test.sqlite3")}
MEDIA_ROOT = _tmp / "media"
# Runtime files (the audit signing key …) go to the throwaway folder, never to ./var.
DATA_DIR = _tmp
STATIC_ROOT = _tmp / "static"
STATIC_ROOT.mkdir()
# Fast hashing keeps the suite quick; production uses Django's defaults.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": TASK_QUEUES,  # noqa: F405
    }
}
# Limits high enough never to trip by accident; rate-limit tests set their own small ones.
LAYANI_RATE_LIMITS = dict.fromkeys(
    ("submit", "open311-write", "open311-read", "api", "messaging", "track", "totp"), (1000000, 60)
)
# Tests see their own writes at once; layani/open311/tests/test_list_cache.py tests the cache.
LAYANI_OPEN311_LIST_CACHE_SECONDS = 0
# Each test process keeps its own cache keys: parallel workers (and earlier runs) share Redis.
CACHES["default"]["KEY_PREFIX"] = f"layani-test-{_tmp.name}"  # noqa: F405
# Every acknowledged journal entry is recorded at once (the immediate backend runs the kick), and
# reference lookups are read fresh, so tests see the database as they left it.
LAYANI_JOURNAL_KICK_SECONDS = 0
LAYANI_LOOKUP_CACHE_SECONDS = 0
