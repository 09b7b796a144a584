"""Peers as data, and the coordinator's referral of a report to an outside peer."""

from __future__ import annotations

import secrets
from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from layani.accounts.models import Membership, Role, User
from layani.audit.services import record
from layani.cases import services as case_services
from layani.cases.models import Case
from layani.cases.workflow import WorkflowError
from layani.directory.models import Agency, AgencyKind, GovernmentLevel, Region
from layani.intake.models import Report, ReportStatus

from .models import Peer, PeerKind


def new_secret() -> str:
    return "fed_" + secrets.token_urlsafe(32)


@transaction.atomic
def add_peer(
    *,
    deployment_id: str,
    name: str,
    kind: str,
    base_url: str,
    secret: str,
    level: str = GovernmentLevel.NATIONAL,
    region: Region | None = None,
    region_id: str | None = None,
    notes: str = "",
    actor_ref: str = "system",
) -> Peer:
    """A peer with its directory agency (kind external_peer) and the service user acting for it."""
    if kind not in PeerKind.values:
        raise ValueError(f"unknown peer kind {kind!r}")
    agency = Agency.objects.create(
        name=name,
        short_name=name[:80],
        slug=f"peer-{deployment_id}"[:80],
        level=level,
        kind=AgencyKind.EXTERNAL_PEER,
        region_id=(region.pk if region else region_id)
        if level != GovernmentLevel.NATIONAL
        else None,
    )
    user = User.objects.create_user(username=f"peer-{deployment_id}"[:150], password=None)
    Membership.objects.create(user=user, agency=agency, role=Role.AGENCY_ADMIN)
    peer = Peer.objects.create(
        agency=agency,
        kind=kind,
        deployment_id=deployment_id,
        base_url=base_url,
        secret=secret,
        service_user=user,
        notes=notes,
    )
    record(
        "federation.peer_added",
        actor_ref=actor_ref,
        object_type="federation_peer",
        object_ref=deployment_id,
        payload={"kind": kind, "agency": agency.slug},
    )
    return peer


@transaction.atomic
def refer_to_peer(
    report: Report, *, actor: User, peer: Peer, reason: str, now: datetime | None = None
) -> Case:
    """The coordinator sends a report to an outside peer with a reason, like a disposition.

    The disposition writes the forward to the outbox in the same transaction (`outbox`); the
    report's tracking ID keeps working here and shows the peer's follow-ups and outcome.
    """
    if not reason.strip():
        raise WorkflowError("reason_required", _("Say why the report belongs to the other system."))
    if not peer.active:
        raise WorkflowError("peer_inactive", _("This complaint system is not connected now."))
    if report.status in (ReportStatus.SUBMITTED, ReportStatus.ON_HOLD):
        case_services.verify_report(report, actor=actor, now=now)
        report.refresh_from_db()
    if report.status != ReportStatus.VERIFIED:
        raise WorkflowError(
            "invalid_transition", _("Only a report waiting for disposition can be referred.")
        )
    return case_services.dispose_report(
        report, actor=actor, lead=peer.agency, instructions=reason.strip(), now=now
    )
