"""The API's input and output shapes: every field named, typed and documented, nothing implicit.

Inputs ignore fields they do not declare (pydantic's default), so posting `status`, `agency` or
`privacy` alongside a message changes nothing (mass assignment). Texts refuse NUL characters and
unpaired surrogates, which PostgreSQL cannot store, with a 400 that names the field instead of a 500.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from ninja import Schema
from pydantic import AfterValidator, AwareDatetime, Field, StringConstraints

from layani.cases.models import MessageKind, Outcome, TaskRole, TaskStatus
from layani.intake.models import PrivacyTier, ReportStatus, ReportType

_NO_NUL = r"^[^\x00]*$"


def _storable(text: str) -> str:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ValueError("The text contains characters that cannot be stored.") from error
    return text


def _representable_in_utc(moment: datetime) -> datetime:
    try:
        return moment.astimezone(UTC)
    except OverflowError as error:
        raise ValueError("The instant is out of range.") from error


def Text(max_length: int) -> Any:  # noqa: N802 (reads as a type at the use site)
    """A non-empty text of at most `max_length` characters that the database can store."""
    return Annotated[
        str,
        StringConstraints(min_length=1, max_length=max_length, pattern=_NO_NUL),
        AfterValidator(_storable),
    ]


Instant = Annotated[AwareDatetime, AfterValidator(_representable_in_utc)]

# ---- errors ---------------------------------------------------------------------------------


class FieldError(Schema):
    field: str = Field(description="The input that was refused, e.g. `body` or `limit`.")
    message: str


class Error(Schema):
    """Every refusal: a stable `code` for programs, a `message` for people."""

    code: str = Field(
        description="Stable: `invalid`, `unauthorized`, `forbidden`, `not_found`, "
        "`invalid_transition`, `text_required` … (see docs/api.md)."
    )
    message: str
    field: str | None = Field(None, description="The first refused input, for `invalid`.")
    errors: list[FieldError] = Field(default_factory=list)


# ---- reads ----------------------------------------------------------------------------------


class AgencyRef(Schema):
    slug: str
    name: str


class UnitOut(Schema):
    id: int
    name: str


class OfficerOut(Schema):
    id: int
    display_name: str


class AgencyOut(Schema):
    """The token's own agency, with the units and officers a task can be delegated to."""

    slug: str
    name: str
    token_name: str
    scopes: list[str]
    units: list[UnitOut]
    officers: list[OfficerOut]


class CategoryOut(Schema):
    code: str
    name: str


class RegionOut(Schema):
    code: str
    name: str


class TaskOut(Schema):
    id: int
    tracking_id: str
    agency: AgencyRef
    role: TaskRole
    status: TaskStatus
    is_active: bool
    overdue: bool
    due_at: datetime | None
    created_at: datetime
    accepted_at: datetime | None
    finished_at: datetime | None
    instructions: str = Field(description="Only on the token agency's own tasks; else empty.")
    assigned_unit: UnitOut | None = Field(description="Only on the token agency's own tasks.")
    assigned_officer: OfficerOut | None = Field(description="Only on the token agency's own tasks.")


class ReportSummary(Schema):
    tracking_id: str
    display_tracking_id: str
    type: ReportType
    title: str
    status: ReportStatus
    privacy: PrivacyTier
    category: CategoryOut | None
    region: RegionOut
    submitted_at: datetime
    updated_at: datetime


class InboxItem(Schema):
    """One task of the agency with a summary of its case (the console's agency inbox)."""

    task: TaskOut
    report: ReportSummary


class InboxPage(Schema):
    count: int = Field(description="How many tasks match the filters, over all pages.")
    limit: int
    offset: int
    items: list[InboxItem]


class MessageOut(Schema):
    id: int
    kind: MessageKind
    agency: AgencyRef | None
    body: str
    created_at: datetime


class CaseFacts(Schema):
    lead_agency: AgencyRef | None
    referral_count: int
    bounced: bool
    outcome: Outcome | Literal[""]
    outcome_note: str
    closure_proposed_at: datetime | None


class CaseOut(Schema):
    """One case as the agency sees it: content, tasks, deadlines and the messages it may read.

    Never the reporter's identity: not in this version of the API, whatever the privacy tier.
    """

    report: ReportSummary
    description: str
    address: str
    latitude: float | None
    longitude: float | None
    answers: dict[str, Any]
    case: CaseFacts
    tasks: list[TaskOut]
    messages: list[MessageOut]


# ---- writes ---------------------------------------------------------------------------------


class MessageIn(Schema):
    kind: Literal["follow_up", "request", "thread", "internal"] = Field(
        description="`follow_up`: a public follow-up the reporter reads (lead agency); `request`: "
        "a question to the reporter (lead agency); `thread`: to the other agencies on the case; "
        "`internal`: a note only the token's agency reads."
    )
    body: Text(5000)  # type: ignore[valid-type]


class DelegateIn(Schema):
    unit_id: int | None = Field(None, ge=1, le=2**31 - 1, description="A unit of the agency.")
    officer_id: int | None = Field(
        None, ge=1, le=2**31 - 1, description="An officer of the agency (see GET /agency)."
    )


class ReferIn(Schema):
    to_agency: Text(80) = Field(description="The slug of the agency the task belongs to.")  # type: ignore[valid-type]
    reason: Text(2000)  # type: ignore[valid-type]


class CompleteIn(Schema):
    summary: Text(5000)  # type: ignore[valid-type]


class ClosureIn(Schema):
    outcome: Outcome
    explanation: Text(5000)  # type: ignore[valid-type]


class ReferralOut(Schema):
    referred_task: TaskOut
    new_task: TaskOut | None = Field(
        description="The receiving agency's task; null when the case bounced to the coordinator."
    )
    bounced: bool


class ClosureOut(Schema):
    tracking_id: str
    status: ReportStatus
    outcome: Outcome
