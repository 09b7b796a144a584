"""Erasing personal data: when the retention period has passed, or on the data subject's request.

What erasure of one report does, in one transaction (the files go after it commits):

- the `ReporterIdentity` row (name, NIK, phone, e-mail, account link) is deleted;
- attachment files are deleted from storage and their rows removed (photos identify people);
- the reporter's values and everything the redactor detects are masked in the report's title,
  description and answers, the case's free text (reasons, notes, ratings), tasks' instructions,
  referral reasons and every message of the case; the address loses the reporter's own values;
- notifications about the report lose their delivery address and have their text masked;
- messaging conversations whose last report it was are deleted (they hold an HMAC of the number);
- one `privacy.erased` audit entry records counts and codes only — the chain still verifies, since
  personal data never entered it.

The report itself stays, with its category, region, dates, status and tasks, so public statistics do
not change. Open reports are never erased by the retention job; reports under legal hold never at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from layani.accounts.models import User
from layani.audit.services import record
from layani.cases.models import Case, CaseMessage, Referral, Task
from layani.intake.models import Attachment, Report, ReporterIdentity
from layani.notifications.models import Notification
from layani.routing.models import RoutingDecision

from .models import ErasureBasis, ReportPrivacy, RequestKind, SubjectRequest
from .policy import retention_policy
from .requests import actor_ref as actor_ref_of
from .requests import new_request
from .scrub import Secrets, scrub_json, scrub_text
from .selectors import is_held, past_retention
from .signals import account_erased, message_receipts_expired, report_erasing

_CASE_TEXT_FIELDS = (
    "hold_reason",
    "decision_reason",
    "redirect_to",
    "outcome_note",
    "rating_comment",
)

Progress = Callable[[int, int], None]


@dataclass
class Erased:
    """What erasing one report changed (counts only, the same as in its audit entry)."""

    tracking_id: str
    identity: bool = False
    attachments: int = 0
    texts: int = 0
    notifications: int = 0
    conversations: int = 0

    def payload(self) -> dict[str, int | bool]:
        return {
            "identity": self.identity,
            "attachments": self.attachments,
            "texts": self.texts,
            "notifications": self.notifications,
            "conversations": self.conversations,
        }


@dataclass
class RunResult:
    """The outcome of one run of the retention job."""

    due: int = 0
    erased: list[Erased] = field(default_factory=list)
    processed_messages: int = 0
    sessions: int = 0
    dry_run: bool = False


def erase_report(
    report: Report,
    *,
    basis: str,
    actor_ref: str = "system",
    request: SubjectRequest | None = None,
    now: datetime | None = None,
) -> Erased | None:
    """Erase the personal data around one report; None when held or already erased (idempotent)."""
    now = now or timezone.now()
    with transaction.atomic():
        state, _ = ReportPrivacy.objects.select_for_update().get_or_create(report=report)
        if state.legal_hold or state.erased_at is not None:
            return None
        identity = ReporterIdentity.objects.filter(report=report).first()
        secrets = Secrets.of(identity)
        erased = Erased(report.tracking_id)
        erased.texts = _scrub_report(report, secrets)
        erased.notifications = _scrub_notifications(report, secrets)
        attachments = Attachment.objects.filter(report=report)
        files = [a.file.name for a in attachments if a.file.name]
        erased.attachments = attachments.delete()[0]
        erased.conversations = _removed(report_erasing.send(sender=Report, report=report))
        if identity is not None:
            identity.delete()
            erased.identity = True
        state.erased_at, state.erasure_basis = now, basis
        state.save(update_fields=["erased_at", "erasure_basis"])
        record(
            "privacy.erased",
            actor_ref=actor_ref,
            object_type="report",
            object_ref=report.tracking_id,
            payload={
                "basis": basis,
                "request": request.pk if request is not None else None,
                **erased.payload(),
            },
            now=now,
        )
        transaction.on_commit(lambda: _delete_files(files))
    return erased


def _removed(responses: list[tuple[Any, Any]]) -> int:
    """Rows the adapters removed, summed over their answers to a signal."""
    return sum(n for _, n in responses if isinstance(n, int))


def erase_expired(
    *, now: datetime | None = None, dry_run: bool = False, progress: Progress | None = None
) -> RunResult:
    """The retention job: erase every finished report past its period, in batches; then housekeeping.

    Each report commits on its own, so an interrupted run loses nothing and the next run continues.
    """
    now = now or timezone.now()
    policy = retention_policy()
    due = past_retention(policy.identity_cutoff(now))
    result = RunResult(due=due.count(), dry_run=dry_run)
    if dry_run:
        return result
    done = 0
    last_pk = 0
    while True:
        batch = list(due.filter(pk__gt=last_pk)[: policy.batch_size])
        if not batch:
            break
        for report in batch:
            erased = erase_report(report, basis=ErasureBasis.RETENTION, now=now)
            if erased is not None:
                result.erased.append(erased)
            done += 1
            if progress is not None:
                progress(done, result.due)
        last_pk = batch[-1].pk
    cutoff = policy.processed_message_cutoff(now)
    result.processed_messages = _removed(
        message_receipts_expired.send(sender=Report, cutoff=cutoff)
    )
    result.sessions = Session.objects.filter(expire_date__lt=now).delete()[0]
    return result


def erase_subject(
    reports: Iterable[Report],
    *,
    handled_by: User | None,
    reason: str,
    account: User | None = None,
    now: datetime | None = None,
) -> tuple[SubjectRequest, list[Erased], list[str]]:
    """Erase one data subject's personal data on their request.

    Returns the request row, what was erased, and the tracking IDs kept because of a legal hold.
    Open reports are erased too: the case goes on without a way to reach the reporter. With
    `account`, the citizen account is also emptied and deactivated.
    """
    now = now or timezone.now()
    reports = list(reports)
    request = new_request(RequestKind.ERASURE, handled_by, reason, len(reports), now)
    actor_ref = actor_ref_of(handled_by)
    erased, held = [], []
    for report in reports:
        outcome = erase_report(
            report, basis=ErasureBasis.REQUEST, actor_ref=actor_ref, request=request, now=now
        )
        if outcome is not None:
            erased.append(outcome)
        elif is_held(report):
            held.append(report.display_tracking_id)
    if account is not None:
        erase_account(account, actor_ref=actor_ref, request=request, now=now)
    return request, erased, held


@transaction.atomic
def erase_account(
    user: User, *, actor_ref: str, request: SubjectRequest, now: datetime | None = None
) -> None:
    """Empty and deactivate a citizen account (staff accounts are refused)."""
    if user.memberships.exists() or user.is_staff or user.is_superuser:
        raise ValueError("Staff accounts are not erased this way.")
    user.username = f"dihapus-{user.pk}"
    user.first_name = user.last_name = user.email = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()
    account_erased.send(sender=User, user=user)
    record(
        "privacy.account_erased",
        actor_ref=actor_ref,
        object_type="user",
        object_ref=str(user.pk),
        payload={"request": request.pk},
        now=now,
    )


def _scrub_report(report: Report, secrets: Secrets) -> int:
    changed = 0
    fields = {
        "title": scrub_text(report.title, secrets),
        "description": scrub_text(report.description, secrets),
        # The place is the point of a report: only the reporter's own values leave the address.
        "address": scrub_text(report.address, secrets, redactor=False),
        "answers": scrub_json(report.answers, secrets),
    }
    updates = {k: v for k, v in fields.items() if v != getattr(report, k)}
    if updates:
        # update(), not save(): `updated_at` is the report's own history, not ours.
        Report.objects.filter(pk=report.pk).update(**updates)
        changed += len(updates)
    case = Case.objects.filter(pk=report.pk).first()
    if case is not None:
        scrubbed = {f: scrub_text(getattr(case, f), secrets) for f in _CASE_TEXT_FIELDS}
        updates = {f: v for f, v in scrubbed.items() if v != getattr(case, f)}
        if updates:
            Case.objects.filter(pk=case.pk).update(**updates)
            changed += len(updates)
        changed += _scrub_rows(CaseMessage.objects.filter(case=case), "body", secrets)
        changed += _scrub_rows(Task.objects.filter(case=case), "instructions", secrets)
        changed += _scrub_rows(Referral.objects.filter(case=case), "reason", secrets)
    for decision in RoutingDecision.objects.filter(report=report):
        explanation = scrub_json(decision.explanation, secrets)
        if explanation != decision.explanation:
            RoutingDecision.objects.filter(pk=decision.pk).update(explanation=explanation)
            changed += 1
    return changed


def _scrub_rows(rows: Iterable[object], field_name: str, secrets: Secrets) -> int:
    changed = 0
    for row in rows:
        before = getattr(row, field_name)
        after = scrub_text(before, secrets)
        if after != before:
            type(row).objects.filter(pk=row.pk).update(**{field_name: after})  # type: ignore[attr-defined]
            changed += 1
    return changed


def _scrub_notifications(report: Report, secrets: Secrets) -> int:
    mine = f"reporter:{report.tracking_id}"
    about = (
        Q(recipient_ref=mine)
        | Q(subject__contains=report.display_tracking_id)
        | Q(body__contains=report.display_tracking_id)
        | Q(subject__contains=report.tracking_id)
        | Q(body__contains=report.tracking_id)
    )
    changed = 0
    for n in Notification.objects.filter(about):
        updates = {
            "subject": scrub_text(n.subject, secrets),
            "body": scrub_text(n.body, secrets),
            "address": "" if n.recipient_ref == mine else n.address,
        }
        if any(getattr(n, k) != v for k, v in updates.items()):
            Notification.objects.filter(pk=n.pk).update(**updates)
            changed += 1
    return changed


def _delete_files(names: list[str]) -> None:
    storage = Attachment._meta.get_field("file").storage
    for name in names:
        storage.delete(name)
