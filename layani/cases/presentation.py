"""What each audience may read of a report's text: the one rule for every page, list, export, feed,
message, webhook and API that shows a report's title, description, address, answers or messages.

Citizens type their own NIK, phone number and e-mail into their reports ("lampu mati, hub
0812…"). Who may read that depends on who is looking:

- ``PUBLIC`` — anyone: the home page, the public list, map and report page, Open311, open data.
  Personal data typed into the text (NIK, KK, phone, e-mail, bank accounts, introduced names, and
  vehicle plates when the deployment's ``RoutingSettings.redact_plates`` says so) is masked on
  every tier. Only public tiers are ever shown to the public; callers select them with
  ``Report.objects.public()``, and a confidential report is masked here all the same.
- ``AGENCY`` — staff who handle a report without the right to know who sent it: officers,
  supervisors and agency admins, and anyone reading a list of many reports on an agency's behalf
  (inbox, e-mails to the agency, the REST API). On anonymous tiers the same personal data is
  masked — the agency must not learn who sent an anonymous report from its content either. On the
  other tiers the text is as written: the agency needs the plate of the illegally parked truck.
- ``REVEALED`` — the coordinator and oversight of the report's region (who may reveal the sender
  under an audited reason) and the reporter on their own report: the text as written.

Templates and serializers receive what this module returns (``ReportText``, ``texts``), never a
report's raw fields; ``.semgrep/rules/raw-report-text.yml`` flags raw reads in adapters and
templates, and ``tests/test_canary_crawl.py`` fetches every page as every audience.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from layani.accounts.models import User
from layani.intake.models import ANONYMOUS_TIERS, Report
from layani.intake.redaction import redact_many

from .permissions import IdentityAccess, identity_access


class Audience(StrEnum):
    PUBLIC = "public"
    AGENCY = "agency"
    REVEALED = "revealed"


def _masks(audience: Audience, privacy: str) -> bool:
    if audience == Audience.PUBLIC:
        return True
    if audience == Audience.AGENCY:
        return privacy in ANONYMOUS_TIERS
    return False


def plates_masked(audience: Audience) -> bool:
    """Plates are masked for the public only, and only where the deployment decided so."""
    if audience != Audience.PUBLIC:
        return False
    from layani.routing.models import RoutingSettings

    return RoutingSettings.current().redact_plates


def texts(audience: Audience, items: Iterable[tuple[str, str]]) -> list[str]:
    """Each ``(privacy, text)`` as `audience` may read it, in order. The deployment's policy is read
    once and repeated texts are masked once (masking costs about 2 ms per text)."""
    pairs = list(items)
    masked_at = [i for i, (privacy, text) in enumerate(pairs) if text and _masks(audience, privacy)]
    out = [text or "" for _privacy, text in pairs]
    if masked_at:
        masked = redact_many([pairs[i][1] for i in masked_at], plates=plates_masked(audience))
        for i, value in zip(masked_at, masked, strict=True):
            out[i] = value
    return out


def text(audience: Audience, privacy: str, value: str) -> str:
    """One text of a report of tier `privacy` as `audience` may read it."""
    return texts(audience, [(privacy, value)])[0]


def answers(audience: Audience, privacy: str, values: Mapping[str, Any] | None) -> dict[str, Any]:
    """A report's answers to its category's questions; free-text answers are masked like text."""
    values = dict(values or {})
    keys = [k for k, v in values.items() if isinstance(v, str)]
    for key, shown in zip(keys, texts(audience, [(privacy, values[k]) for k in keys]), strict=True):
        values[key] = shown
    return values


@dataclass(frozen=True)
class ReportText:
    """A report's free text as one audience may read it: what templates and serializers receive."""

    title: str
    description: str
    address: str
    answers: dict[str, Any]


def report_text(report: Report, audience: Audience) -> ReportText:
    title, description, address = texts(
        audience,
        [
            (report.privacy, report.title),
            (report.privacy, report.description),
            (report.privacy, report.address),
        ],
    )
    return ReportText(
        title, description, address, answers(audience, report.privacy, report.answers)
    )


def public_texts(values: Iterable[str]) -> list[str]:
    """Texts of public reports as the public may read them (masked whatever the tier)."""
    return texts(Audience.PUBLIC, [("", v) for v in values])


def titles(audience: Audience, reports: Iterable[Report]) -> list[str]:
    """The titles of `reports` as `audience` may read them (one masking pass for a page)."""
    return texts(audience, [(r.privacy, r.title) for r in reports])


def staff_audience(user: User, report: Report) -> Audience:
    """How a staff member reads one report: as written where they may reveal its sender
    (the region's coordinator and oversight), else as the handling agency reads it."""
    if identity_access(user, report) == IdentityAccess.REVEAL:
        return Audience.REVEALED
    return Audience.AGENCY
