"""Supporting a proposal ("dukung"): the rule of `intake.supports`, applied to proposals.

The same people rule as for reports, reused rather than copied: `intake.supports.Supporter` says who
supports (an account once; a guest once per browser), the guest's proof of work is issued and
checked by `intake.supports.issue_challenge` / `check_proof` (bound to the proposal's code, which
can never be a tracking ID: it has dashes), the address is hashed by `intake.supports.address_hash`
and the daily per-address budget is `intake.supports.address_budget()`. Only the rows differ:
`ProposalSupport` and `ProposalSupportBudget`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import cast

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from layani.intake.errors import SubmissionError
from layani.intake.models import Report, SupportKind
from layani.intake.supports import (
    Challenge,
    Outcome,
    Supporter,
    address_budget,
    address_hash,
    check_proof,
    issue_challenge,
)

from . import workflow
from .models import Proposal, ProposalSupport, ProposalSupportBudget


@dataclass(frozen=True)
class _Subject:
    """What the proof-of-work functions read of a report (its `tracking_id`), for a proposal."""

    tracking_id: str


def _subject(proposal: Proposal) -> Report:
    return cast(Report, _Subject(proposal.code))


def challenge(proposal: Proposal) -> Challenge:
    return issue_challenge(_subject(proposal))


def support_proposal(
    proposal: Proposal, supporter: Supporter, now: datetime | None = None
) -> Outcome:
    """Count one person's support on a proposal that is still going (rules: module docstring)."""
    if proposal.status in workflow.STOPPED:
        raise SubmissionError(
            "not_open", "proposal", _("This proposal has stopped and cannot be supported.")
        )
    if supporter.kind == SupportKind.ANONYMOUS:
        check_proof(_subject(proposal), supporter.proof)
    now = now or timezone.now()
    hashed = address_hash(supporter.address)
    try:
        with transaction.atomic():
            if supporter.kind == SupportKind.ANONYMOUS:
                if ProposalSupport.objects.filter(
                    proposal=proposal, supporter_key=supporter.key
                ).exists():
                    return Outcome.ALREADY
                if not _charge_budget(proposal, hashed, now):
                    return Outcome.OVER_BUDGET
            ProposalSupport.objects.create(
                proposal=proposal,
                supporter_key=supporter.key[:80],
                kind=supporter.kind,
                address_hash=hashed,
                created_at=now,
            )
            Proposal.objects.filter(pk=proposal.pk).update(support_count=F("support_count") + 1)
    except IntegrityError:
        return Outcome.ALREADY
    return Outcome.COUNTED


def _charge_budget(proposal: Proposal, hashed: str, now: datetime) -> bool:
    budget, _created = ProposalSupportBudget.objects.get_or_create(
        proposal=proposal, address_hash=hashed, day=timezone.localdate(now)
    )
    rows = ProposalSupportBudget.objects.filter(pk=budget.pk, counted__lt=address_budget())
    if rows.update(counted=F("counted") + 1):
        return True
    ProposalSupportBudget.objects.filter(pk=budget.pk).update(refused=F("refused") + 1)
    return False


def supports(proposal: Proposal, supporter_key: str) -> bool:
    return (
        bool(supporter_key)
        and ProposalSupport.objects.filter(proposal=proposal, supporter_key=supporter_key).exists()
    )
