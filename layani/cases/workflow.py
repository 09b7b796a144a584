"""The workflow as data: every state, every allowed move, and who may make it. Pure: no ORM.

Report states live on `intake.Report.status`; task states on `cases.Task.status`. A move not in
these tables is refused with a stable error code before anything changes. docs/workflow.md draws
the same tables.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext as _

from layani.intake.models import ReportStatus as S

from .models import TaskStatus as T


class Actor(StrEnum):
    """The capacity in which someone acts on a case (resolved by permissions.py)."""

    COORDINATOR = "coordinator"
    LEAD_AGENCY = "lead_agency"  # admin, supervisor or officer of the lead agency's active task
    TASK_AGENCY = "task_agency"  # admin, supervisor or officer of the task's own agency
    TASK_MANAGER = "task_manager"  # admin or supervisor of the task's own agency
    REPORTER = "reporter"  # the citizen holding the tracking ID and access code
    SYSTEM = "system"  # the background worker (silence period, bounce alarm, auto-disposition)


@dataclass(frozen=True)
class Move:
    sources: frozenset[str]
    target: str | None  # None: the state does not change (e.g. a task's delegation)
    actors: frozenset[Actor]


def _move(sources: Iterable[str], target: str | None, *actors: Actor) -> Move:
    return Move(frozenset(sources), target, frozenset(actors))


class ReportAction(StrEnum):
    VERIFY = "verify"
    HOLD = "hold"
    PROVIDE_INFO = "provide_info"
    REJECT_AUTHORITY = "reject_authority"
    ARCHIVE = "archive"
    MERGE = "merge"
    DISPOSE = "dispose"
    BOUNCE = "bounce"
    PROPOSE_CLOSURE = "propose_closure"
    CONFIRM = "confirm"
    DISPUTE = "dispute"
    AUTO_CLOSE = "auto_close"
    APPEAL = "appeal"


_TRIAGE = {S.SUBMITTED, S.ON_HOLD}

REPORT_MOVES: dict[ReportAction, Move] = {
    # SYSTEM: auto-disposition of a report the router is sure about (services/automatic.py).
    ReportAction.VERIFY: _move(_TRIAGE, S.VERIFIED, Actor.COORDINATOR, Actor.SYSTEM),
    ReportAction.HOLD: _move({S.SUBMITTED}, S.ON_HOLD, Actor.COORDINATOR),
    ReportAction.PROVIDE_INFO: _move({S.ON_HOLD}, S.SUBMITTED, Actor.REPORTER),
    ReportAction.REJECT_AUTHORITY: _move(_TRIAGE, S.NOT_WITHIN_AUTHORITY, Actor.COORDINATOR),
    ReportAction.ARCHIVE: _move(_TRIAGE, S.ARCHIVED, Actor.COORDINATOR),
    ReportAction.MERGE: _move(_TRIAGE | {S.VERIFIED}, S.MERGED, Actor.COORDINATOR),
    ReportAction.DISPOSE: _move({S.VERIFIED}, S.IN_PROGRESS, Actor.COORDINATOR, Actor.SYSTEM),
    ReportAction.BOUNCE: _move({S.IN_PROGRESS}, S.VERIFIED, Actor.SYSTEM),
    ReportAction.PROPOSE_CLOSURE: _move({S.IN_PROGRESS}, S.CLOSURE_PROPOSED, Actor.LEAD_AGENCY),
    ReportAction.CONFIRM: _move({S.CLOSURE_PROPOSED}, S.CLOSED, Actor.REPORTER),
    ReportAction.DISPUTE: _move({S.CLOSURE_PROPOSED}, S.IN_PROGRESS, Actor.REPORTER),
    ReportAction.AUTO_CLOSE: _move({S.CLOSURE_PROPOSED}, S.CLOSED, Actor.SYSTEM),
    ReportAction.APPEAL: _move({S.CLOSED}, S.IN_PROGRESS, Actor.REPORTER),
}


class TaskAction(StrEnum):
    ACCEPT = "accept"
    DELEGATE = "delegate"
    REFER = "refer"
    COMPLETE = "complete"
    WITHDRAW = "withdraw"


TASK_MOVES: dict[TaskAction, Move] = {
    TaskAction.ACCEPT: _move({T.PENDING}, T.ACCEPTED, Actor.TASK_AGENCY),
    TaskAction.DELEGATE: _move({T.PENDING, T.ACCEPTED}, T.ACCEPTED, Actor.TASK_MANAGER),
    TaskAction.REFER: _move({T.PENDING, T.ACCEPTED}, T.REFERRED, Actor.TASK_MANAGER),
    TaskAction.COMPLETE: _move({T.ACCEPTED}, T.DONE, Actor.TASK_AGENCY),
    TaskAction.WITHDRAW: _move({T.PENDING, T.ACCEPTED}, T.WITHDRAWN, Actor.COORDINATOR),
}

#: Report states in which tasks may move and agencies may write on the case.
HANDLING_STATES = frozenset({S.IN_PROGRESS})


class WorkflowError(Exception):
    """A refused move. `code` is stable for APIs and tests; `message` is for people."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def check_report_move(action: ReportAction, status: str, actor: Actor) -> str:
    """The report's next status, or WorkflowError when the table does not allow the move."""
    return _check(REPORT_MOVES[action], action, status, actor) or status


def check_task_move(action: TaskAction, status: str, actor: Actor) -> str:
    """The task's next status (unchanged for delegation), or WorkflowError."""
    return _check(TASK_MOVES[action], action, status, actor) or status


def _check(move: Move, action: str, status: str, actor: Actor) -> str | None:
    if status not in move.sources:
        raise WorkflowError(
            "invalid_transition",
            _("This step (%(action)s) is not allowed while the status is %(status)s.")
            % {"action": action, "status": status},
        )
    if actor not in move.actors:
        raise WorkflowError(
            "forbidden", _("You may not take this step (%(action)s).") % {"action": action}
        )
    return move.target
