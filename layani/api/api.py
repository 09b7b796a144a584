"""The Ninja API object: version 1 of the agencies' REST API, its auth and its error shape.

Why Ninja rather than DRF + drf-spectacular: see docs/decisions/0013-rest-api.md.
"""

from __future__ import annotations

from ninja import NinjaAPI

from .auth import AgencyToken
from .errors import install_error_handlers
from .reads import router as reads
from .writes import router as writes

api = NinjaAPI(
    title="Layani REST API for agencies",
    version="1",
    description=(
        "For an agency's own systems: its inbox of tasks, its cases, follow-ups and task moves, "
        "through the same rules as the staff console. A token speaks for exactly one agency. "
        "The reporter's identity is never returned. See docs/api.md."
    ),
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url="/docs",
    auth=AgencyToken(),
)
install_error_handlers(api)
api.add_router("", reads)
api.add_router("", writes)
