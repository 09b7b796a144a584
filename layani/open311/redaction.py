"""What the public may read of free text: personal data masked before it leaves through Open311.

Masking is the costly part of a GeoReport list (about 2 ms per text: up to 2,000 texts on a page of
1,000 requests). The masked form depends on the text alone, so it is remembered: `prime` looks a
page's texts up in the shared cache (Redis in a scaled-out deployment) in one round trip, masks only
the ones missing and stores them; `redact` then reads from a small per-process memory. Cache keys
are an HMAC of the text under the secret key, so they reveal nothing of it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable

from django.core.cache import cache
from django.utils.crypto import salted_hmac

from layani.routing.redaction import redact as _redact

#: Bump when the masking rules change, so remembered texts are masked again.
VERSION = "1"
#: How many masked texts each process keeps (a few MB), and how long the shared cache keeps one.
LOCAL_MAX = 5000
CACHE_SECONDS = 24 * 60 * 60

_local: OrderedDict[str, str] = OrderedDict()
_lock = threading.Lock()


def redact(text: str | None) -> str | None:
    """`text` with personal data (NIK, phone, e-mail, account numbers, named reporters) masked."""
    if not text:
        return text
    with _lock:
        hit = _local.get(text)
    if hit is not None:
        return hit
    masked = _redact(text).text
    _remember({text: masked})
    return masked


def prime(texts: Iterable[str | None]) -> None:
    """Mask a page's texts ahead of `redact`: shared cache first, then mask what is missing."""
    with _lock:
        wanted = {t for t in texts if t and t not in _local}
    if not wanted:
        return
    keys = {_key(t): t for t in wanted}
    found = {keys[k]: v for k, v in cache.get_many(list(keys)).items()}
    masked = {t: _redact(t).text for t in wanted if t not in found}
    if masked:
        cache.set_many({_key(t): v for t, v in masked.items()}, CACHE_SECONDS)
    _remember({**found, **masked})


def _key(text: str) -> str:
    return f"open311:redact:{VERSION}:{salted_hmac('open311-redaction', text).hexdigest()[:40]}"


def _remember(pairs: dict[str, str]) -> None:
    with _lock:
        _local.update(pairs)
        for text in pairs:
            _local.move_to_end(text)
        while len(_local) > LOCAL_MAX:
            _local.popitem(last=False)
