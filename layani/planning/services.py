"""Every change to the planning cycle: one function per move, each one transaction with its audit.

The proposal gets a public audit entry (``proposal:<code>``) and so does each report behind it (its
public timeline, in citizen words; a stop names its reason through the action code, see
`workflow.audit_action`). The citizens behind it are told after the commit through the normal
notification channels (`cases.notify.notify_reporter`, which respects restricted processing).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import partial

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from layani.accounts.models import User
from layani.audit import services as audit
from layani.audit import vocabulary
from layani.audit.models import Visibility
from layani.cases.notify import notify_reporter
from layani.directory.models import Agency, Category, Region
from layani.intake.models import Report, ReportType

from . import workflow
from .models import (
    LinkKind,
    PlanningStage,
    PlanningYear,
    Proposal,
    ProposalEvent,
    ProposalReport,
    Reason,
    Stage,
)
from .permissions import may_raise_complaints, planning_scope
from .workflow import Move, Scope, TransitionError


class PlanningError(TransitionError):
    """A refused planning change, with a stable code and a message in the user's language."""


@dataclass(frozen=True)
class ProposalDraft:
    """What a planning officer writes for a proposal (the forum's and SIPD's fields)."""

    title: str
    location: str
    problem: str
    activity: str
    volume: Decimal
    unit: str
    cost_estimate: Decimal
    agency: Agency | None = None
    priority: int = 0
    category: Category | None = None
    latitude: Decimal | None = None
    longitude: Decimal | None = None


def _actor(user: User | None) -> str:
    return f"user:{user.pk}" if user is not None else "system"


def create_year(
    year: int, stages: dict[str, tuple[date, date]], *, actor: User | None = None
) -> PlanningYear:
    """A planning year with the dates of its stages (`Stage` → (starts on, ends on))."""
    with transaction.atomic():
        py = PlanningYear.objects.create(year=year, title=f"RKPD {year}")
        for stage, (starts, ends) in stages.items():
            PlanningStage.objects.create(
                planning_year=py, stage=Stage(stage), starts_on=starts, ends_on=ends
            )
        audit.record(
            "planning.year_created",
            actor_ref=_actor(actor),
            object_type="planning_year",
            object_ref=str(year),
        )
    return py


def _next_code(py: PlanningYear) -> str:
    prefix = f"USL-{py.year}-"
    last = Proposal.objects.filter(code__startswith=prefix).aggregate(m=Max("code"))["m"]
    number = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{number:04d}"


def _reports_for(tracking_ids: list[str], region: Region, kind: str) -> list[Report]:
    reports = list(Report.objects.filter(tracking_id__in=set(tracking_ids)).order_by("pk"))
    if not reports or len(reports) != len(set(tracking_ids)):
        raise PlanningError("reports_missing", _("Some of these reports do not exist."))
    wanted = ReportType.ASPIRATION if kind == LinkKind.ASPIRATION else ReportType.COMPLAINT
    for r in reports:
        if r.type != wanted:
            raise PlanningError("report_type", _("A report of the wrong type was chosen."))
        if not (r.region_id == region.code or r.region_id.startswith(f"{region.code}.")):
            raise PlanningError("report_region", _("A report lies outside the proposal's region."))
    if ProposalReport.objects.filter(report__in=reports).exists():
        raise PlanningError("report_linked", _("A report is already behind another proposal."))
    return reports


def create_proposal(
    user: User,
    planning_year: PlanningYear,
    region: Region,
    draft: ProposalDraft,
    tracking_ids: list[str],
    *,
    kind: str = LinkKind.ASPIRATION,
    now: datetime | None = None,
) -> Proposal:
    """Turn a candidate's aspirations (or recurring complaints) into a proposal at Musrenbang desa."""
    if kind == LinkKind.COMPLAINT:
        if not may_raise_complaints(user, region.code):
            raise PlanningError("forbidden", _("You may not raise complaints in this region."))
    elif planning_scope(user, region.code) is None:
        raise PlanningError("forbidden", _("You are not a planning officer for this region."))
    now = now or timezone.now()
    with transaction.atomic():
        reports = _reports_for(tracking_ids, region, kind)
        proposal = Proposal.objects.create(
            code=_next_code(planning_year),
            planning_year=planning_year,
            region=region,
            created_by=user,
            created_at=now,
            updated_at=now,
            support_count=sum(r.support_count for r in reports),
            **draft.__dict__,
        )
        ProposalReport.objects.bulk_create(
            ProposalReport(proposal=proposal, report=r, kind=kind, linked_at=now) for r in reports
        )
        ProposalEvent.objects.create(
            proposal=proposal,
            action="create",
            to_status=proposal.status,
            actor_ref=_actor(user),
            occurred_at=now,
        )
        _record(proposal, "planning.created", _actor(user), {"reports": len(reports)}, now)
        for r in reports:
            _record_report(r, proposal, "planning.linked", _actor(user), now)
    transaction.on_commit(partial(_tell_citizens, proposal.pk, "planning.linked"))
    return proposal


def _record(
    proposal: Proposal, action: str, actor_ref: str, payload: dict[str, object], now: datetime
) -> None:
    audit.record(
        action,
        actor_ref=actor_ref,
        object_type="proposal",
        object_ref=proposal.code,
        payload={"region": proposal.region_id, **payload},
        visibility=Visibility.PUBLIC,
        now=now,
    )


def _record_report(
    report: Report, proposal: Proposal, action: str, actor_ref: str, now: datetime
) -> None:
    audit.record(
        action,
        actor_ref=actor_ref,
        object_type="report",
        object_ref=report.tracking_id,
        payload={"proposal": proposal.code, "status": proposal.status},
        visibility=Visibility.PUBLIC,
        now=now,
    )


def _tell_citizens(proposal_pk: int, action: str) -> None:
    proposal = Proposal.objects.get(pk=proposal_pk)
    words = vocabulary.citizen_words(action) or ""
    for link in proposal.links.select_related("report"):
        message = _(
            "News about your report %(id)s, part of development proposal %(code)s "
            '("%(title)s"): %(words)s.'
        ) % {
            "id": link.report.display_tracking_id,
            "code": proposal.code,
            "title": proposal.title,
            "words": words,
        }
        notify_reporter(link.report, message)


def move_proposal(
    user: User | None,
    proposal: Proposal,
    move: Move,
    *,
    reason: str = "",
    note: str = "",
    merge_into: Proposal | None = None,
    apbd_year: int | None = None,
    apbd_amount: Decimal | None = None,
    scope: Scope | None = None,
    now: datetime | None = None,
) -> Proposal:
    """Make one move (the table in `workflow`); the named functions below are what callers use.

    `scope` is only for trusted callers that already checked it (the import checks per row).
    """
    scope = scope or (planning_scope(user, proposal.region_id) if user is not None else None)
    if scope is None:
        raise PlanningError("forbidden", _("You are not a planning officer for this region."))
    if move in workflow.STOPS and reason not in Reason.values:
        raise PlanningError("reason", _("Choose the reason why the proposal stops here."))
    if move == Move.FUND and (not apbd_year or apbd_amount is None or apbd_amount <= 0):
        raise PlanningError("apbd", _("Give the APBD year and an amount above zero."))
    now = now or timezone.now()
    actor_ref = _actor(user)
    with transaction.atomic():
        current = Proposal.objects.select_for_update().get(pk=proposal.pk)
        if move == Move.MERGE:
            _check_merge_target(current, merge_into)
        target = workflow.target(move, current.status, scope)
        source = current.status
        current.status = target
        current.updated_at = now
        if move in workflow.STOPS or move == Move.MERGE:
            current.stopped_stage = workflow.STAGE_OF[source]
            current.reason = reason
        if move == Move.MERGE and merge_into is not None:
            current.merged_into = merge_into
            Proposal.objects.filter(pk=merge_into.pk).update(
                support_count=merge_into.support_count + current.support_count
            )
        if move == Move.FUND:
            current.apbd_year, current.apbd_amount = apbd_year, apbd_amount
        current.save()
        ProposalEvent.objects.create(
            proposal=current,
            action=move.value,
            from_status=source,
            to_status=target,
            reason=reason,
            note=note,
            actor_ref=actor_ref,
            occurred_at=now,
        )
        action = workflow.audit_action(move, reason)
        payload: dict[str, object] = {"from": source, "to": target}
        if merge_into is not None:
            payload["into"] = merge_into.code
        _record(current, action, actor_ref, payload, now)
        for link in current.links.select_related("report"):
            _record_report(link.report, current, action, actor_ref, now)
    transaction.on_commit(partial(_tell_citizens, current.pk, action))
    return current


def _check_merge_target(proposal: Proposal, into: Proposal | None) -> None:
    if into is None or into.pk == proposal.pk:
        raise PlanningError("merge_target", _("Choose another proposal to merge into."))
    if into.status in workflow.STOPPED or into.planning_year_id != proposal.planning_year_id:
        raise PlanningError(
            "merge_target", _("Merge only into a proposal of the same year that is still going.")
        )


def accept(user: User, proposal: Proposal, note: str = "", **kw: object) -> Proposal:
    """Accepted at this forum: on to the next stage."""
    return move_proposal(user, proposal, Move.ACCEPT, note=note, **kw)  # type: ignore[arg-type]


def include_in_rkpd(user: User, proposal: Proposal, note: str = "", **kw: object) -> Proposal:
    return move_proposal(user, proposal, Move.INCLUDE_RKPD, note=note, **kw)  # type: ignore[arg-type]


def fund(
    user: User, proposal: Proposal, apbd_year: int, apbd_amount: Decimal, **kw: object
) -> Proposal:
    return move_proposal(
        user,
        proposal,
        Move.FUND,
        apbd_year=apbd_year,
        apbd_amount=apbd_amount,
        **kw,  # type: ignore[arg-type]
    )


def start_building(user: User, proposal: Proposal, note: str = "", **kw: object) -> Proposal:
    return move_proposal(user, proposal, Move.START, note=note, **kw)  # type: ignore[arg-type]


def finish(user: User, proposal: Proposal, note: str = "", **kw: object) -> Proposal:
    return move_proposal(user, proposal, Move.FINISH, note=note, **kw)  # type: ignore[arg-type]


def reject(user: User, proposal: Proposal, reason: str, note: str = "", **kw: object) -> Proposal:
    return move_proposal(user, proposal, Move.REJECT, reason=reason, note=note, **kw)  # type: ignore[arg-type]


def defer(user: User, proposal: Proposal, reason: str, note: str = "", **kw: object) -> Proposal:
    return move_proposal(user, proposal, Move.DEFER, reason=reason, note=note, **kw)  # type: ignore[arg-type]


def merge(user: User, proposal: Proposal, into: Proposal, note: str = "", **kw: object) -> Proposal:
    return move_proposal(user, proposal, Move.MERGE, merge_into=into, note=note, **kw)  # type: ignore[arg-type]
