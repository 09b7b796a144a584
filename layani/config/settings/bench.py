"""Benchmark settings (`make bench`): production-like, plus two baselines, without rate limits.

Like production: DEBUG off, the same middleware, templates and database settings; PostgreSQL when
DATABASE_URL is set, else SQLite under LAYANI_DATA_DIR (default ``./var/bench``). Different from
production, on purpose and only here:

- the URLconf is ``bench.http.urls``: every Layani URL plus ``/bench/bare/``, a plain Django JSON
  view that reads the request body, the baseline the intake rate is compared with, and
  ``/bench/floor/``, the same plus one committed INSERT (the least a durable acknowledgment costs).
  The module lives
  in the repository's ``bench/`` folder, outside the installed package, so production settings
  cannot reach it;
- ``LAYANI_RATE_LIMITS`` are lifted: the load comes from one loopback address, which the limits
  would (rightly) throttle after a few requests;
- no HTTPS redirect or secure-only cookies: the benchmark speaks plain HTTP on loopback;
- a fixed, benchmark-only secret key and password hasher defaults unchanged.
"""

import os
from pathlib import Path

from .base import *  # noqa: F403
from .base import database_from_env

DEBUG = False
# Benchmark settings only; never deployed.
SECRET_KEY = "bench-only-key-not-for-production-0123456789abcdefghijklmnop"  # noqa: S105  # nosec B105
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
DATA_DIR = Path(os.environ.get("LAYANI_DATA_DIR", Path.cwd() / "var" / "bench"))
DATA_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {"default": database_from_env(DATA_DIR / "layani.sqlite3")}
MEDIA_ROOT = DATA_DIR / "media"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
ROOT_URLCONF = "bench.http.urls"
EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
LAYANI_RATE_LIMITS = dict.fromkeys(
    ("submit", "open311-write", "open311-read", "api", "messaging", "track", "totp"),
    (1_000_000_000, 60),
)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
