"""Auto-disposition: a report the router is sure about skips manual triage, where allowed.

A deployment switches it on in the routing settings (off by default) and sets the confidence both
the category and the agency suggestions must reach. Even then a person keeps the report when:
- the citizen chose a category and the router suggests another (they disagree);
- it has likely duplicates (merging is a person's decision);
- no agency is responsible for the suggested category in the report's region.
Otherwise the background worker verifies it with the suggested category and service class and
disposes it to the suggested agency as lead, exactly as a coordinator would — the same tasks,
deadlines and notifications — with ``system`` as the actor and the confidences in the audit log.
The decision is recorded with no person (`record_final_decision(actor=None)`), so later overrides
by agencies still teach the next model.
"""

from __future__ import annotations

import logging
from datetime import datetime

from django.db import IntegrityError, transaction

from layani.directory.models import Agency
from layani.intake.models import Report, ReportStatus
from layani.routing.selectors import likely_duplicates
from layani.routing.services import (
    RoutingSuggestion,
    is_confident_enough,
    record_final_decision,
    suggest_for_report,
)

from ..models import Case
from ..workflow import Actor, ReportAction, WorkflowError
from .common import audit, locked_case, move_report, now_or
from .verification import open_tasks

logger = logging.getLogger(__name__)


def auto_dispose_if_confident(
    report: Report, suggestion: RoutingSuggestion, *, now: datetime | None = None
) -> Case | None:
    """Dispose `report` as suggested when the deployment allows it and nothing needs a person.

    Returns the case when it was disposed, None when it stays in the coordinator's queue.
    """
    lead = suggestion.agency
    if not is_confident_enough(suggestion) or lead is None:
        return None
    if report.category_id is not None and report.category_id != suggestion.category.pk:
        return None
    if likely_duplicates(report, limit=1):
        return None
    try:
        return _auto_dispose(report, suggestion, lead, now_or(now))
    except WorkflowError as refused:  # a coordinator acted first, or the report moved on
        logger.info("auto-disposition of %s skipped: %s", report.tracking_id, refused.code)
        return None


@transaction.atomic
def _auto_dispose(
    report: Report, suggestion: RoutingSuggestion, lead: Agency, now: datetime
) -> Case:
    case = locked_case(report)
    move_report(case, ReportAction.VERIFY, Actor.SYSTEM, None, now)
    report = case.report
    report.category = suggestion.category
    report.service_class = suggestion.service_class
    report.save(update_fields=["category", "service_class"])
    case.verified_at = now
    case.save(update_fields=["verified_at"])
    # Strings: the audit chain hashes canonical JSON, where floats are not allowed.
    category_confidence = f"{suggestion.category_confidence:.4f}"
    agency_confidence = f"{suggestion.agency_confidence:.4f}"
    audit(
        case,
        "report.verified",
        None,
        now,
        public=True,
        category=report.category.code,
        service_class=report.service_class or None,
        automatic=True,
        category_confidence=category_confidence,
        agency_confidence=agency_confidence,
    )
    move_report(case, ReportAction.DISPOSE, Actor.SYSTEM, None, now)
    open_tasks(case, lead, (), "", now)
    record_final_decision(
        report, suggestion.category, lead, None, service_class=report.service_class
    )
    audit(
        case,
        "report.disposed",
        None,
        now,
        public=True,
        lead=lead.slug,
        co_handlers=[],
        automatic=True,
        category_confidence=category_confidence,
        agency_confidence=agency_confidence,
    )
    return case


def route_reports(report_ids: list[int], *, now: datetime | None = None) -> int:
    """Store the router's suggestion for each of these reports that has none, and auto-dispose the
    new ones where the deployment allows it, as the sweep does for every new report
    (`escalation.sweep.route_new_reports`). Run it on the queue (`console.tasks`): suggesting
    loads the model and its numeric stack, which web workers do without. Returns how many
    suggestions were stored."""
    waiting = Report.objects.filter(
        pk__in=report_ids, routing_decision__isnull=True
    ).select_related("category", "region")
    routed = 0
    for report in waiting:
        try:
            with transaction.atomic():
                suggestion = suggest_for_report(report)
        except IntegrityError:
            continue  # the sweep or another worker stored one first
        routed += 1
        if report.status == ReportStatus.SUBMITTED:
            auto_dispose_if_confident(report, suggestion, now=now)
    return routed
