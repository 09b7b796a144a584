"""Subscribing an agency to webhooks and ending a subscription."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

from django.db import transaction
from django.db.models import Max

from layani.audit.models import AuditEntry
from layani.directory.models import Agency

from .events import EVENT_FAMILIES
from .models import Subscription
from .signing import new_secret


def clean_events(events: Sequence[str]) -> list[str]:
    """Action prefixes, each inside one of the families webhooks carry (e.g. 'task.referred')."""
    cleaned = sorted({e.strip() for e in events if e.strip()})
    for prefix in cleaned:
        if not any(prefix.startswith(f) or f.startswith(prefix) for f in EVENT_FAMILIES):
            raise ValueError(
                f"{prefix!r} is not an event webhooks carry ({', '.join(EVENT_FAMILIES)})."
            )
    return cleaned


def clean_url(url: str) -> str:
    """An absolute http(s) URL without credentials: where, and only where, events are sent."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError("The URL must be an absolute http:// or https:// URL.")
    if parts.username or parts.password:
        raise ValueError("Put no credentials in the URL; requests are signed instead.")
    return url.strip()


@transaction.atomic
def subscribe(agency: Agency, url: str, events: Sequence[str] = ()) -> Subscription:
    """Start sending `agency` its cases' events from now on (history is not replayed).

    The new subscription's cursor is the audit log's current end, so a fresh subscriber is not
    flooded with everything that happened before it existed.
    """
    end = AuditEntry.objects.aggregate(end=Max("sequence"))["end"] or 0
    return Subscription.objects.create(
        agency=agency,
        url=clean_url(url),
        secret=new_secret(),
        events=clean_events(events),
        cursor=end,
    )


def deactivate(subscription: Subscription) -> Subscription:
    """Stop sending; queued deliveries stay as they are and resume if it is activated again."""
    subscription.active = False
    subscription.save(update_fields=["active"])
    return subscription
