"""Which audit entries are a subscription's events, and the JSON body each becomes.

An entry is an event for an agency when it concerns a report (``object_type="report"``) on which the
agency has or had a task created no later than the entry — so an agency receives what happens on a
case from its involvement on, the same cases its staff can open at the console, and nothing from
before it was involved. Within those:

* only the families ``report.``, ``task.`` and ``message.`` are ever sent (never ``identity.``,
  whose payload carries a free-text reason, nor ``routing.``);
* another agency's internal note (``message.internal``) is not sent: the console hides those notes;
* the subscription's own `events` prefixes narrow the rest.

Payloads are the audit payload as recorded: references and codes only (the audit guards refuse
personal data), never message bodies or the reporter's identity.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Min

from layani.audit.models import AuditEntry
from layani.cases.models import Task

from .models import Subscription

#: The only action families a webhook ever carries.
EVENT_FAMILIES = ("report.", "task.", "message.")


def relevant_entries(subscription: Subscription, entries: Iterable[AuditEntry]) -> list[AuditEntry]:
    """The entries (already in sequence order) that `subscription` should receive."""
    entries = [
        e for e in entries if e.object_type == "report" and e.action.startswith(EVENT_FAMILIES)
    ]
    involved_since = _involvement(subscription, {e.object_ref for e in entries})
    slug = subscription.agency.slug
    chosen = []
    for entry in entries:
        since = involved_since.get(entry.object_ref)
        if since is None or entry.occurred_at < since:
            continue
        if entry.action == "message.internal" and entry.payload.get("agency") != slug:
            continue
        if subscription.wants(entry.action):
            chosen.append(entry)
    return chosen


def _involvement(subscription: Subscription, tracking_ids: set[str]) -> dict[str, datetime]:
    """Tracking ID → when the subscribing agency got its first task on that case."""
    if not tracking_ids:
        return {}
    rows = (
        Task.objects.filter(agency=subscription.agency, case__report__tracking_id__in=tracking_ids)
        .values("case__report__tracking_id")
        .annotate(first=Min("created_at"))
    )
    return {row["case__report__tracking_id"]: row["first"] for row in rows}


def event_body(entry: AuditEntry, subscription: Subscription) -> bytes:
    """The request body for one event; the same bytes on every retry (the id makes it idempotent)."""
    event: dict[str, Any] = {
        "id": entry.sequence,
        "action": entry.action,
        "tracking_id": entry.object_ref,
        "occurred_at": entry.occurred_at,
        "agency": subscription.agency.slug,
        "payload": entry.payload,
    }
    return json.dumps(event, cls=DjangoJSONEncoder, sort_keys=True).encode()
