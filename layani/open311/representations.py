"""Layani's objects in GeoReport v2 shapes: services, service definitions, requests, updates.

Keys come in the spec's order and every key is always present, so a client that indexes a key never
meets a KeyError, and each has the type strict clients check (docs/open311.md): IDs, codes and
``address`` are strings (the address falls back to the readable region, "Desa X, Kec. Y, Kab. Z",
never null), ``lat``/``long`` numbers (null only without a point), datetimes W3C with an offset,
``media_url`` absolute or null. Free text that the public reads goes through ``redaction.redact``,
for a recorded report and for one still in the intake journal alike. Nothing here reads
``ReporterIdentity`` or the identity a journal entry holds.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from layani.audit.models import AuditEntry
from layani.cases.presentation import Audience, plates_masked
from layani.directory import lookups
from layani.directory.models import Agency, Category, QuestionType, Region
from layani.intake.models import (
    FINAL_STATUSES,
    JournalEntry,
    Report,
    ReportStatus,
    public_coordinate,
)
from layani.intake.tracking import format_tracking_id
from layani.intake.validation import clean_text

from . import redaction

DATATYPES: dict[str, str] = {
    QuestionType.TEXT: "string",
    QuestionType.NUMBER: "number",
    QuestionType.DATE: "datetime",
    QuestionType.SINGLE_CHOICE: "singlevaluelist",
    QuestionType.MULTIPLE_CHOICE: "multivaluelist",
}


def w3c(moment: datetime | None, zone: str = "Asia/Jakarta") -> str | None:
    """An instant in the region's own zone with its offset, e.g. ``2026-01-31T09:15:00+07:00``."""
    if moment is None:
        return None
    return moment.astimezone(ZoneInfo(zone)).isoformat(timespec="seconds")


def open_or_closed(status: str) -> str:
    return "closed" if status in FINAL_STATUSES else "open"


def service_item(category: Category) -> dict[str, Any]:
    """One service; ``description``, ``keywords`` and ``group`` are always strings (the name stands
    in for a missing description, the category itself for a missing group)."""
    keywords = ", ".join(k.replace(",", " ") for k in category.keyword_list())
    return {
        "service_code": category.code,
        "service_name": category.name,
        "description": category.description or category.name,
        "metadata": bool(getattr(category, "has_questions", False)),
        "type": "realtime",
        "keywords": keywords,
        "group": category.parent.name if category.parent else category.name,
    }


def service_definition(category: Category) -> dict[str, Any]:
    questions = sorted(category.questions.all(), key=lambda q: (q.order, q.pk))
    attributes = []
    for position, question in enumerate(questions, start=1):
        attributes.append(
            {
                "variable": True,
                "code": question.code,
                "datatype": DATATYPES.get(question.type, "string"),
                "required": question.required,
                "datatype_description": _datatype_description(question.type, question.help_text),
                # The spec wants unique positive integers; positions are, whatever the stored order.
                "order": position,
                "description": question.label,
                "values": [
                    {"key": str(c["key"]), "name": str(c["name"])} for c in question.choices or []
                ],
            }
        )
    return {"service_code": category.code, "attributes": attributes}


def _datatype_description(kind: str, help_text: str) -> str | None:
    if kind == QuestionType.DATE:
        hint = _("A date (YYYY-MM-DD); the time of a datetime is ignored.")
        return f"{help_text} {hint}".strip()
    return help_text or None


def _public(value: Decimal | str | None, privacy: str) -> float | None:
    if value is None or value == "":
        return None
    return float(public_coordinate(Decimal(value), privacy))


def readable_address(street: str | None, location: str) -> str:
    """The spec's ``address``, from most specific to most general: the street as the public may
    read it (if one was given) before the region and its parents."""
    street = (street or "").strip()
    return f"{street}, {location}" if street and location else street or location


def request_item(
    report: Report,
    *,
    agency: Agency | None = None,
    notes: list[AuditEntry] | None = None,
    extensions: bool = False,
    media_url: str | None = None,
    plates: bool | None = None,
    location: str | None = None,
) -> dict[str, Any]:
    """One public report as a GeoReport request; `extensions` adds the history and extra fields.
    `media_url` is the public download of its first checked attachment, if any. Its texts are what
    the public may read (`cases.presentation`); `plates` is the deployment's plates policy, read once
    per page by the caller (read here when not given). `location` is the readable region with its
    parents (`selectors.locations`, read for a page at once; the region's name when not given)."""
    if plates is None:
        plates = plates_masked(Audience.PUBLIC)

    def redact(text: str | None) -> str | None:
        return redaction.redact(text, plates=plates)

    zone = report.region.timezone or "Asia/Jakarta"
    category = report.category
    closed = report.status in FINAL_STATUSES
    updated = report.closed_at if closed and report.closed_at else report.updated_at
    item: dict[str, Any] = {
        "service_request_id": report.display_tracking_id,
        "status": open_or_closed(report.status),
        "status_notes": str(ReportStatus(report.status).label),
        "service_name": category.name if category else None,
        "service_code": category.code if category else None,
        "description": redact(report.description),
        "agency_responsible": agency.name if agency else None,
        "service_notice": None,
        "requested_datetime": w3c(report.submitted_at, zone),
        "updated_datetime": w3c(updated, zone),
        "expected_datetime": None,
        "address": readable_address(redact(report.address), location or report.region.name),
        "address_id": report.region_id,
        "zipcode": report.region.postal_code or None,
        "lat": _public(report.latitude, report.privacy),
        "long": _public(report.longitude, report.privacy),
        "media_url": media_url,
    }
    if extensions:
        item["title"] = redact(report.title)
        item["detailed_status"] = report.status
        item["type"] = report.type
        item["region_name"] = report.region.name
        item["channel"] = report.channel
        item["support_count"] = report.support_count
        item["notes"] = [note_item(entry, zone) for entry in notes or []]
    return item


def waiting_item(
    entry: JournalEntry,
    *,
    region: Region | None = None,
    location: str = "",
    plates: bool | None = None,
    extensions: bool = False,
) -> dict[str, Any]:
    """A request acknowledged but not yet recorded (the intake journal), shown as the client sent
    it: service, description, location. Its texts are cleaned as recording will clean them and
    masked as a recorded report's are; nothing of the sender's identity is read. `region` is the
    region it names and `location` that region with its parents (`selectors.locations`)."""
    if plates is None:
        plates = plates_masked(Audience.PUBLIC)
    sent = entry.submission
    privacy = str(sent.get("privacy") or "")
    code = str(sent.get("category_code") or "")
    category = lookups.active_category(code) if code else None
    region_code = str(sent.get("region_code") or "")
    received = w3c(entry.received_at)

    def public_text(key: str) -> str | None:
        return redaction.redact(clean_text(str(sent.get(key) or "")), plates=plates) or None

    item: dict[str, Any] = {
        "service_request_id": format_tracking_id(entry.tracking_id),
        "status": "open",
        "status_notes": _("Received; being recorded"),
        "service_name": category.name if category else None,
        "service_code": code or None,
        "description": public_text("description"),
        "agency_responsible": None,
        "service_notice": None,
        "requested_datetime": received,
        "updated_datetime": received,
        "expected_datetime": None,
        "address": readable_address(
            (public_text("address") or "")[:300], location or (region.name if region else "")
        ),
        "address_id": region_code or None,
        "zipcode": (region.postal_code if region else "") or None,
        "lat": _public(sent.get("latitude"), privacy),
        "long": _public(sent.get("longitude"), privacy),
        "media_url": None,
    }
    if extensions:
        item["title"] = public_text("title")
        item["detailed_status"] = ReportStatus.SUBMITTED.value
        item["type"] = sent.get("type")
        item["region_name"] = region.name if region else None
        item["channel"] = sent.get("channel")
        item["support_count"] = 0
        item["notes"] = []
    return item


#: What a public timeline event means to a reader; unknown actions show their own name.
NOTE_DESCRIPTIONS = {
    "report.submitted": gettext_noop("Report received"),
    "report.verified": gettext_noop("Report verified"),
    "report.held": gettext_noop("Waiting for more information from the reporter"),
    "report.information_provided": gettext_noop("The reporter added information"),
    "report.disposed": gettext_noop("Report sent to the responsible agency"),
    "report.merged": gettext_noop("Merged into another report"),
    "report.closure_proposed": gettext_noop("Resolution proposed"),
    "report.confirmed": gettext_noop("The reporter confirmed the resolution"),
    "report.disputed": gettext_noop("The reporter disputed the resolution"),
    "report.appealed": gettext_noop("The reporter appealed"),
    "report.auto_closed": gettext_noop("Closed after the confirmation period"),
    "task.accepted": gettext_noop("An agency accepted the task"),
    "task.referred": gettext_noop("An agency referred the task to another agency"),
    "task.completed": gettext_noop("An agency completed its task"),
    "message.reporter": gettext_noop("The reporter sent a message"),
}


def note_item(entry: AuditEntry, zone: str) -> dict[str, Any]:
    known = NOTE_DESCRIPTIONS.get(entry.action)
    return {
        "datetime": w3c(entry.occurred_at, zone),
        "description": _(known) if known else entry.action,
        "type": entry.action,
    }


def update_item(entry: AuditEntry, report: Report) -> dict[str, Any]:
    """One mySociety ``request_update``: a public event on a public report."""
    zone = report.region.timezone or "Asia/Jakarta"
    return {
        "update_id": str(entry.sequence),
        "service_request_id": report.display_tracking_id,
        "status": open_or_closed(_status_after(entry, report)),
        "updated_datetime": w3c(entry.occurred_at, zone),
        "description": note_item(entry, zone)["description"],
        "media_url": None,
    }


def _status_after(entry: AuditEntry, report: Report) -> str:
    # An event that moved the report carries the status it moved to; others leave it as it is now.
    status = entry.payload.get("status") if isinstance(entry.payload, dict) else None
    return status if status in ReportStatus.values else report.status
