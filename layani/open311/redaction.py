"""What the public may read of free text: personal data masked before it leaves through Open311.

Masking is the costly part of a GeoReport list (about 2 ms per text: up to 2,000 texts on a page of
1,000 requests). The masked form depends on the text and the deployment's plates policy
(`cases.presentation.plates_masked`, read once per request by the caller), so it is remembered:
`prime` looks a page's texts up in the shared cache (Redis in a scaled-out deployment) in one
round trip, masks only the ones missing and stores them; `redact` then reads from a small
per-process memory. Cache keys are an HMAC of the text under the secret key, so they reveal nothing of it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable

from django.core.cache import cache
from django.utils.crypto import salted_hmac

from layani.intake.redaction import redact as _redact

#: Bump when the masking rules change, so remembered texts are masked again.
VERSION = "2"
#: How many masked texts each process keeps (a few MB), and how long the shared cache keeps one.
LOCAL_MAX = 5000
CACHE_SECONDS = 24 * 60 * 60

_local: OrderedDict[tuple[bool, str], str] = OrderedDict()
_lock = threading.Lock()


def redact(text: str | None, *, plates: bool) -> str | None:
    """`text` with personal data (NIK, phone, e-mail, account numbers, named reporters, and plates
    when `plates`) masked, as the public may read it."""
    if not text:
        return text
    with _lock:
        hit = _local.get((plates, text))
    if hit is not None:
        return hit
    masked = _redact(text, plates=plates).text
    _remember(plates, {text: masked})
    return masked


def prime(texts: Iterable[str | None], *, plates: bool) -> None:
    """Mask a page's texts ahead of `redact`: shared cache first, then mask what is missing."""
    with _lock:
        wanted = {t for t in texts if t and (plates, t) not in _local}
    if not wanted:
        return
    keys = {_key(t, plates): t for t in wanted}
    found = {keys[k]: v for k, v in cache.get_many(list(keys)).items()}
    masked = {t: _redact(t, plates=plates).text for t in wanted if t not in found}
    if masked:
        cache.set_many({_key(t, plates): v for t, v in masked.items()}, CACHE_SECONDS)
    _remember(plates, {**found, **masked})


def _key(text: str, plates: bool) -> str:
    digest = salted_hmac("open311-redaction", text).hexdigest()[:40]
    return f"open311:redact:{VERSION}:{int(plates)}:{digest}"


def _remember(plates: bool, pairs: dict[str, str]) -> None:
    with _lock:
        for text, masked in pairs.items():
            _local[(plates, text)] = masked
            _local.move_to_end((plates, text))
        while len(_local) > LOCAL_MAX:
            _local.popitem(last=False)
