"""The Open311 server's settings, with the defaults that apply when a deployment sets nothing.

``LAYANI_OPEN311_DEFAULT_REGION``: the Kemendagri code given to a request that names no region
(``region_code`` or ``address_id``); meant for a deployment that serves one regency. Empty = such a
request is refused with a 400 that says what to send.
``LAYANI_OPEN311_CONTACT`` and ``LAYANI_OPEN311_KEY_SERVICE``: shown in the discovery document
(``contact``: who integrators write to; ``key_service``: how they get a key). Both are always
strings there; set them in every deployment (the demo's settings do).
``LAYANI_OPEN311_ENDPOINT_TYPE``: discovery's endpoint ``type``, ``production`` (default) or ``test``.
"""

from __future__ import annotations

from django.conf import settings

#: Spec: "Default query limit is a span of 90 days or first 1000 requests returned".
DEFAULT_WINDOW_DAYS = 90
MAX_RESULTS = 1000
#: Spec: descriptions are "free form text limited to 4,000 characters".
DESCRIPTION_MAX = 4000
#: The radius of the nearby filter (lat/long on GET requests), in metres, and its upper bound.
DEFAULT_RADIUS_M = 1000
MAX_RADIUS_M = 50_000
#: When this API's behaviour last changed (discovery's `changeset`).
CHANGESET = "2026-01-15T00:00:00+07:00"


def default_region() -> str:
    return str(getattr(settings, "LAYANI_OPEN311_DEFAULT_REGION", "") or "").strip()


def contact() -> str:
    """Discovery's ``contact``: a string even when unset (validators of the document want one)."""
    return str(getattr(settings, "LAYANI_OPEN311_CONTACT", "") or "").strip()


def endpoint_type() -> str:
    kind = str(getattr(settings, "LAYANI_OPEN311_ENDPOINT_TYPE", "") or "production").strip()
    return kind if kind in ("production", "test") else "production"


def key_service() -> str:
    return str(
        getattr(settings, "LAYANI_OPEN311_KEY_SERVICE", "")
        or "Ask the deployment's administrators for a key (layani open311 issue-key NAME)."
    )
