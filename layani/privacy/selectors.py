"""Reads: whose data is it, what is restricted or held, which reports are past retention."""

from __future__ import annotations

import re
from datetime import datetime

from django.db.models import Q, QuerySet
from django.db.models.functions import Coalesce

from layani.accounts.models import Role, User
from layani.cases.permissions import is_coordinator_for, is_oversight_for, region_scope
from layani.intake.models import FINAL_STATUSES, Report, ReporterIdentity
from layani.intake.tracking import normalize_tracking_id

from .models import ReportPrivacy


def is_restricted(report: Report) -> bool:
    """Has the reporter restricted the processing of their data on this report?"""
    return ReportPrivacy.objects.filter(report_id=report.pk, restricted=True).exists()


def is_held(report: Report) -> bool:
    return ReportPrivacy.objects.filter(report_id=report.pk, legal_hold=True).exists()


def past_retention(cutoff: datetime) -> QuerySet[Report]:
    """Finished reports whose last final move is older than `cutoff`, not held, not yet erased.

    A report reopened after closure has its `closed_at` cleared, so only the latest closure counts.
    """
    return (
        Report.objects.filter(status__in=FINAL_STATUSES)
        .annotate(finished_at=Coalesce("closed_at", "updated_at"))
        .filter(finished_at__lt=cutoff)
        .exclude(privacy_state__legal_hold=True)
        .exclude(privacy_state__erased_at__isnull=False)
        .order_by("pk")
    )


def reports_of_user(user: User) -> QuerySet[Report]:
    """Every report sent from this citizen account (all tiers: they are the reporter)."""
    return Report.objects.filter(identity__user_id=user.pk).order_by("submitted_at", "pk")


def phone_variants(phone: str) -> set[str]:
    """The ways one Indonesian mobile number is written: 0812…, 62812…, +62812…"""
    digits = re.sub(r"\D", "", phone)
    if not digits:
        return set()
    if digits.startswith("62"):
        national = digits[2:]
    elif digits.startswith("0"):
        national = digits[1:]
    else:
        national = digits
    return {f"0{national}", f"62{national}", f"+62{national}"}


def reports_by_contact(
    *, email: str = "", phone: str = "", nik: str = "", staff: User | None = None
) -> QuerySet[Report]:
    """Reports whose stored identity carries this verified contact.

    With `staff`, only reports inside the regions where they are coordinator or oversight.
    """
    match = Q(pk__in=[])
    if email.strip():
        match |= Q(email__iexact=email.strip())
    if phone.strip():
        match |= Q(phone__in=phone_variants(phone))
    if nik.strip():
        match |= Q(nik=nik.strip())
    reports = Report.objects.filter(
        pk__in=ReporterIdentity.objects.filter(match).values("report_id")
    )
    if staff is not None:
        scope = Q(pk__in=[])
        for role in (Role.COORDINATOR, Role.OVERSIGHT):
            part = region_scope(staff, role)
            if part is not None:
                scope |= part
        reports = reports.filter(scope)
    return reports.order_by("submitted_at", "pk")


def may_handle_requests(user: User) -> bool:
    """Coordinators and oversight members act on data subjects' requests."""
    return any(region_scope(user, role) is not None for role in (Role.COORDINATOR, Role.OVERSIGHT))


def report_for_staff(staff: User, tracking_id: str) -> Report | None:
    """The report with this tracking ID when it is in a region where `staff` is coordinator or
    oversight; None for an invalid or unknown ID and for a report outside their regions."""
    canonical = normalize_tracking_id(tracking_id)
    report = Report.objects.filter(tracking_id=canonical).first() if canonical else None
    if report is None or not (is_coordinator_for(staff, report) or is_oversight_for(staff, report)):
        return None
    return report
