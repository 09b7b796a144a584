"""What staff read after each action: what happened, in words ("Sent to DPUPKP Sleman, due 10 Dec
2026 16:00 WIB."), never just "Done."."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from layani.cases.models import Case, CaseMessage, MessageKind, Task, TaskRole
from layani.intake.models import Report

from .rows import stamp


def _due(report: Report, task: Task | None) -> str:
    """A task's deadline in the report region's zone, or ""."""
    if task is None or task.due_at is None:
        return ""
    when = stamp(task.due_at, report.region.timezone)
    return f"{when.text} {when.zone}".strip()


def verified(report: Report, data: dict[str, Any], result: object) -> str:
    report.refresh_from_db()
    if report.category is not None:
        return _("Verified as %(category)s.") % {"category": report.category}
    return _("Verified.")


def held(report: Report, data: dict[str, Any], result: object) -> str:
    return _(
        "The reporter was asked for more information; the clock stands still until they answer."
    )


def declined(report: Report, data: dict[str, Any], result: object) -> str:
    if data.get("redirect_to"):
        return _("Marked not within our authority; the reporter is told where to go instead.")
    return _("Marked not within our authority.")


def archived(report: Report, data: dict[str, Any], result: object) -> str:
    return _("Archived: the report left the queue.")


def merged(report: Report, data: dict[str, Any], result: object) -> str:
    case = Case.objects.filter(pk=report.pk).select_related("merged_into").first()
    into = case.merged_into if case else None
    if into is None:
        return _("Merged as a duplicate.")
    return _("Merged into %(id)s; its supports now count there.") % {"id": into.display_tracking_id}


def disposed(report: Report, data: dict[str, Any], result: object) -> str:
    lead = (
        Task.objects.filter(case_id=report.pk, role=TaskRole.LEAD, agency=data["lead"])
        .order_by("-created_at")
        .first()
    )
    due = _due(report, lead)
    text = (
        _("Sent to %(agency)s, first follow-up due %(due)s.")
        % {"agency": data["lead"].short_name, "due": due}
        if due
        else _("Sent to %(agency)s.") % {"agency": data["lead"].short_name}
    )
    co = [a.short_name for a in data.get("co_handlers") or []]
    if co:
        text += " " + _("Co-handling: %(agencies)s.") % {"agencies": ", ".join(co)}
    return text


_MESSAGE_SENT: dict[str, Callable[[], str]] = {
    MessageKind.PUBLIC_FOLLOW_UP: lambda: _("Follow-up sent to the reporter."),
    MessageKind.REQUEST_TO_REPORTER: lambda: _("Question sent to the reporter."),
    MessageKind.AGENCY_THREAD: lambda: _("Message sent to the agencies on this case."),
    MessageKind.INTERNAL_NOTE: lambda: _("Internal note saved."),
}


def message_sent(report: Report, data: dict[str, Any], result: object) -> str:
    kind = result.kind if isinstance(result, CaseMessage) else data.get("kind", "")
    words = _MESSAGE_SENT.get(kind)
    return words() if words else _("Message saved.")


def closure_proposed(report: Report, data: dict[str, Any], result: object) -> str:
    return _("Resolution proposed: the reporter is asked to confirm it.")


def accepted(report: Report, data: dict[str, Any], result: object) -> str:
    task = result if isinstance(result, Task) else None
    due = _due(report, task)
    if due:
        return _("Task accepted. The first follow-up is due %(due)s.") % {"due": due}
    return _("Task accepted.")


def delegated(report: Report, data: dict[str, Any], result: object) -> str:
    task = result if isinstance(result, Task) else None
    who = [str(x) for x in (task.assigned_unit, task.assigned_officer) if x] if task else []
    if who:
        return _("Delegated to %(who)s.") % {"who": ", ".join(who)}
    return _("Delegation cleared: the task is with the whole agency.")


def referred(report: Report, data: dict[str, Any], result: object) -> str:
    if result is None:  # the bounce threshold: back to the coordinator
        return _(
            "Referred too often: the report goes back to the coordinator, who disposes it again."
        )
    return _("Referred to %(agency)s.") % {"agency": data["to"].short_name}


def completed(report: Report, data: dict[str, Any], result: object) -> str:
    return _("Your agency's part is reported done.")


def withdrawn(report: Report, data: dict[str, Any], result: object) -> str:
    return _("Task withdrawn.")


def bulk(action: str, done: int) -> str:
    if action == "verify":
        return ngettext("%(n)d report verified.", "%(n)d reports verified.", done) % {"n": done}
    return ngettext("%(n)d report archived.", "%(n)d reports archived.", done) % {"n": done}
