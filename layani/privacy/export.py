"""Subject access: everything Layani holds about one data subject, as JSON or CSV.

The reporter gets what the tracking page shows them plus what they gave us: their identity as
stored, each report's content, its reporter-visible timeline and follow-ups (agency names, never
officers' names; no internal notes, no inter-agency thread), the attachment list, the notifications
sent to them and, for an account, the account and its preferences.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from layani.accounts.models import User
from layani.audit.services import record
from layani.cases.reporter import reporter_view
from layani.intake.models import Report, ReporterIdentity
from layani.notifications.models import Notification

from .models import ReportPrivacy, RequestKind, SubjectRequest
from .requests import actor_ref, new_request
from .signals import account_export

FORMATS = ("json", "csv")
#: The Content-Type of a download in each format.
CONTENT_TYPES = {"json": "application/json", "csv": "text/csv; charset=utf-8"}


def _when(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _identity(report: Report) -> dict[str, Any] | None:
    identity = ReporterIdentity.objects.filter(report=report).first()
    if identity is None:
        return None
    return {
        "name": identity.name,
        "nik": identity.nik,
        "phone": identity.phone,
        "email": identity.email,
        "show_name_publicly": identity.show_name_publicly,
        "linked_to_account": identity.user_id is not None,
    }


def report_data(report: Report) -> dict[str, Any]:
    view = reporter_view(report)
    state = ReportPrivacy.objects.filter(report=report).first()
    return {
        "tracking_id": report.display_tracking_id,
        "type": report.type,
        "title": report.title,
        "description": report.description,
        "category": report.category.name if report.category else None,
        "region": report.region.name,
        "address": report.address,
        "latitude": str(report.latitude) if report.latitude is not None else None,
        "longitude": str(report.longitude) if report.longitude is not None else None,
        "answers": report.answers,
        "privacy": report.privacy,
        "channel": report.channel,
        "status": report.status,
        "submitted_at": _when(report.submitted_at),
        "closed_at": _when(report.closed_at),
        "responsible_agency": view.lead_agency_name,
        "processing_restricted": bool(state and state.restricted),
        "personal_data_erased_at": _when(state.erased_at if state else None),
        "identity": _identity(report),
        "timeline": [{"at": _when(e.occurred_at), "event": e.action} for e in view.timeline],
        "messages": [
            {
                "at": _when(m.created_at),
                "kind": m.kind,
                "agency": m.agency.short_name if m.agency else None,
                "text": m.body,
            }
            for m in view.messages
        ],
        "attachments": [
            {
                "name": a.original_name,
                "content_type": a.content_type,
                "size": a.size,
                "received_at": _when(a.created_at),
            }
            for a in report.attachments.all()
        ],
        "notifications": [
            {
                "at": _when(n.created_at),
                "channel": n.channel,
                "subject": n.subject,
                "text": n.body,
                "status": n.status,
                "sent_at": _when(n.sent_at),
            }
            for n in Notification.objects.filter(
                recipient_ref=f"reporter:{report.tracking_id}"
            ).order_by("created_at", "pk")
        ],
    }


def build_export(
    reports: Iterable[Report], *, account: User | None = None, now: datetime | None = None
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "generated_at": _when(now or timezone.now()),
        "about": "Layani: personal data held about you (UU 27/2022, subject access).",
    }
    if account is not None:
        data["account"] = {
            "username": account.username,
            "first_name": account.first_name,
            "last_name": account.last_name,
            "email": account.email,
            "date_joined": _when(account.date_joined),
            "last_login": _when(account.last_login),
        }
        for _receiver, section in account_export.send(sender=User, user=account):
            if isinstance(section, tuple):
                data[str(section[0])] = section[1]
    data["reports"] = [report_data(r) for r in reports]
    return data


@transaction.atomic
def export_subject(
    reports: Iterable[Report],
    *,
    handled_by: User | None,
    account: User | None = None,
    reason: str = "",
    file_format: str = "json",
    now: datetime | None = None,
) -> tuple[SubjectRequest, bytes]:
    """Build the export and record the request; `handled_by` None means the citizen themselves."""
    if file_format not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}.")
    now = now or timezone.now()
    reports = list(reports)
    request = new_request(RequestKind.EXPORT, handled_by, reason, len(reports), now)
    data = build_export(reports, account=account, now=now)
    record(
        "privacy.exported",
        actor_ref=actor_ref(handled_by),
        object_type="subject_request",
        object_ref=str(request.pk),
        payload={"reports": len(reports), "format": file_format},
        now=now,
    )
    body = to_json(data) if file_format == "json" else to_csv(data)
    return request, body


def to_json(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2).encode()


def to_csv(data: dict[str, Any]) -> bytes:
    """One row per value: section, report, item number, field, value — readable in a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["section", "report", "item", "field", "value"])
    for key, value in data.items():
        if key != "reports":
            _rows(writer, key, "", value, 0, key)
    for report in data["reports"]:
        tid = report["tracking_id"]
        for key, value in report.items():
            if isinstance(value, list):
                for index, item in enumerate(value, start=1):
                    _rows(writer, key, tid, item, index)
            else:
                _rows(writer, "report" if not isinstance(value, dict) else key, tid, value, 0, key)
    # A byte-order mark so that spreadsheet programs read the Indonesian text as UTF-8.
    return ("\ufeff" + out.getvalue()).encode()


def _rows(writer: Any, section: str, tid: str, value: Any, index: int = 0, name: str = "") -> None:
    item = str(index) if index else ""
    if isinstance(value, dict):
        for key, inner in value.items():
            cell = (
                json.dumps(inner, ensure_ascii=False) if isinstance(inner, dict | list) else inner
            )
            writer.writerow([section, tid, item, key, _safe("" if cell is None else str(cell))])
    else:
        writer.writerow([section, tid, item, name, _safe("" if value is None else str(value))])


def _safe(cell: str) -> str:
    # Spreadsheet formula injection: text starting with = + - @ is shown as text, not run.
    return f"'{cell}" if cell[:1] in ("=", "+", "-", "@") else cell
