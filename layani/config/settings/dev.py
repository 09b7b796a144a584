"""Local development and the demo: SQLite under ./var, debug on, a fixed throwaway secret."""

from .base import *  # noqa: F403
from .base import DATA_DIR

DEBUG = True
# Dev settings only.
SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105  # nosec B105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
(DATA_DIR / "static").mkdir(parents=True, exist_ok=True)
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# The demo's Open311 discovery document (docs/open311.md); a deployment sets its own.
LAYANI_OPEN311_CONTACT = "Layani demo, Pemda DIY — open311@layani.example (Mon–Fri 08:00–16:00 WIB)"
LAYANI_OPEN311_KEY_SERVICE = (
    "Ask the demo's administrators for a key: layani open311 issue-key NAME"
)
LAYANI_OPEN311_ENDPOINT_TYPE = "test"
