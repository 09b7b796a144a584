"""Every audit action in people's words: one table for the console's audit trail and the citizen's timeline.

An action code such as ``report.disposed`` is for machines; a person reads "Sent to the responsible
agency". ``record`` refuses an action that has no words here, so a new event cannot ship without
them (and ``make messages`` then asks for its Indonesian). Each action has staff words, shown to
ASN in the console, and may have citizen words, shown on the report's public and tracking pages;
an action without citizen words is internal and never reaches a citizen's page.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Words:
    staff: Promise
    citizen: Promise | None = None


ACTIONS: dict[str, Words] = {
    "report.submitted": Words(_("Report received"), _("Report received")),
    "report.viewed": Words(_("Report opened")),
    "report.verified": Words(
        _("Verified and classified"), _("Checked and classified by the coordinator")
    ),
    "report.held": Words(
        _("More information asked of the reporter"),
        _("The coordinator asked the reporter for more information"),
    ),
    "report.information_provided": Words(
        _("Reporter added information"), _("The reporter added information")
    ),
    "report.disposed": Words(
        _("Sent to the responsible agency"), _("Sent to the responsible agency")
    ),
    "report.bounced": Words(
        _("Returned to the coordinator after repeated referrals"),
        _("Returned to the coordinator after repeated referrals"),
    ),
    "report.closure_proposed": Words(
        _("Resolution proposed"), _("The agency proposed a resolution")
    ),
    "report.confirmed": Words(
        _("Reporter confirmed the resolution"), _("The reporter confirmed the resolution")
    ),
    "report.disputed": Words(
        _("Reporter disputed the resolution"),
        _("The reporter disputed the resolution; handling reopened"),
    ),
    "report.auto_closed": Words(
        _("Closed after no reply from the reporter"), _("Closed after no reply from the reporter")
    ),
    "report.closed": Words(_("Closed"), _("Closed")),
    "report.appealed": Words(_("Reporter appealed"), _("The reporter appealed")),
    "report.not_within_authority": Words(
        _("Marked not within our authority"),
        _("Not within the authority of the agencies here"),
    ),
    "report.merged": Words(
        _("Merged into another report"),
        _("Merged into another report about the same problem"),
    ),
    "report.archived": Words(_("Archived"), _("Archived by the coordinator")),
    "report.note_added": Words(_("Internal note added")),
    "report.status_changed": Words(_("Status changed"), _("The report's status changed")),
    "report.update": Words(_("Update sent")),
    "task.assigned": Words(_("Task assigned to an officer")),
    "task.accepted": Words(_("Agency accepted the task"), _("The agency accepted the task")),
    "task.referred": Words(_("Referred to another agency"), _("Referred to another agency")),
    "task.delegated": Words(_("Task delegated within the agency")),
    "task.completed": Words(
        _("Co-handling agency finished its part"),
        _("A co-handling agency finished its part"),
    ),
    "task.withdrawn": Words(_("Task withdrawn")),
    "message.follow_up": Words(_("Follow-up posted"), _("The agency posted a follow-up")),
    "message.reporter": Words(_("Message from the reporter"), _("The reporter sent a message")),
    "message.request": Words(
        _("Question sent to the reporter"), _("The agency asked the reporter a question")
    ),
    "message.thread": Words(_("Message between the agencies")),
    "message.internal": Words(_("Internal message")),
    "routing.decided": Words(_("Routing decided")),
    "deadline.reminder": Words(_("Deadline reminder sent")),
    "deadline.breached": Words(_("Deadline passed")),
    "deadline.escalated": Words(_("Escalated to a supervisor")),
    "identity.revealed": Words(_("Reporter's identity revealed")),
    "attachment.downloaded": Words(_("Attachment downloaded")),
    "attachment.reviewed": Words(_("Attachment reviewed")),
    "attachment.review_withdrawn": Words(_("Attachment review withdrawn")),
    "privacy.exported": Words(_("Personal data exported")),
    "privacy.erased": Words(_("Personal data erased")),
    "privacy.account_erased": Words(_("Account erased")),
    "privacy.restricted": Words(_("Processing restricted")),
    "privacy.restriction_lifted": Words(_("Processing restriction lifted")),
    "privacy.hold_set": Words(_("Legal hold set")),
    "privacy.hold_released": Words(_("Legal hold released")),
    "api.token_issued": Words(_("API token issued")),
    "api.token_revoked": Words(_("API token revoked")),
    "open311.key_issued": Words(_("Open311 key issued")),
    "open311.key_revoked": Words(_("Open311 key revoked")),
    "open311.update_received": Words(_("Update received over Open311")),
    "digest.daily": Words(_("Daily digest sent")),
    # Development planning (layani.planning): one entry on the proposal and one on each report.
    "planning.year_created": Words(_("Planning year created")),
    "planning.created": Words(
        _("Development proposal created"), _("Taken into a development proposal (Musrenbang)")
    ),
    "planning.linked": Words(
        _("Report linked to a development proposal"),
        _("Taken into a development proposal (Musrenbang)"),
    ),
    "planning.edited": Words(_("Development proposal details changed")),
    "planning.imported": Words(_("Planning decisions imported")),
    "planning.accepted": Words(
        _("Proposal accepted at a planning forum"),
        _("The proposal was accepted at a planning forum and goes to the next stage"),
    ),
    "planning.included_rkpd": Words(
        _("Proposal included in the RKPD"),
        _("The proposal was included in the regional work plan (RKPD)"),
    ),
    "planning.funded": Words(
        _("Proposal funded in the APBD"), _("The proposal was funded in the regional budget (APBD)")
    ),
    "planning.building": Words(_("Proposal being built"), _("Work on the proposal has started")),
    "planning.done": Words(_("Proposal built"), _("The proposal was built and finished")),
    "planning.merged": Words(
        _("Proposal merged into another"),
        _("The proposal was merged into another proposal about the same need"),
    ),
    "planning.rejected.not_priority": Words(
        _("Proposal rejected: other proposals had higher priority"),
        _("Rejected at a planning forum: other proposals had higher priority"),
    ),
    "planning.rejected.no_budget": Words(
        _("Proposal rejected: the budget ceiling was reached"),
        _("Rejected at a planning forum: the budget ceiling was reached"),
    ),
    "planning.rejected.not_authority": Words(
        _("Proposal rejected: it is not within this government's authority"),
        _("Rejected at a planning forum: it is not within this government's authority"),
    ),
    "planning.rejected.not_feasible": Words(
        _("Proposal rejected: it is not feasible (land, technical or legal reasons)"),
        _("Rejected at a planning forum: it is not feasible (land, technical or legal reasons)"),
    ),
    "planning.rejected.already_planned": Words(
        _("Proposal rejected: it is already planned or funded elsewhere"),
        _("Rejected at a planning forum: it is already planned or funded elsewhere"),
    ),
    "planning.rejected.other": Words(
        _("Proposal rejected: another reason, see the proposal's page"),
        _("Rejected at a planning forum: another reason, see the proposal's page"),
    ),
    "planning.deferred.not_priority": Words(
        _("Proposal deferred: other proposals had higher priority"),
        _("Deferred at a planning forum: other proposals had higher priority"),
    ),
    "planning.deferred.no_budget": Words(
        _("Proposal deferred: the budget ceiling was reached"),
        _("Deferred at a planning forum: the budget ceiling was reached"),
    ),
    "planning.deferred.not_authority": Words(
        _("Proposal deferred: it is not within this government's authority"),
        _("Deferred at a planning forum: it is not within this government's authority"),
    ),
    "planning.deferred.not_feasible": Words(
        _("Proposal deferred: it is not feasible (land, technical or legal reasons)"),
        _("Deferred at a planning forum: it is not feasible (land, technical or legal reasons)"),
    ),
    "planning.deferred.already_planned": Words(
        _("Proposal deferred: it is already planned or funded elsewhere"),
        _("Deferred at a planning forum: it is already planned or funded elsewhere"),
    ),
    "planning.deferred.other": Words(
        _("Proposal deferred: another reason, see the proposal's page"),
        _("Deferred at a planning forum: another reason, see the proposal's page"),
    ),
    "report.returned_from_outside": Words(
        _("Handed back by the outside complaint system (counted as a bounce)"),
        _("The other complaint system handed the report back to the coordinator"),
    ),
    "federation.queued": Words(_("Queued for forwarding to an outside complaint system")),
    "federation.forwarded": Words(
        _("Forwarded to an outside complaint system"),
        _("Forwarded to the responsible complaint system"),
    ),
    "federation.received": Words(
        _("Received from an outside complaint system"),
        _("Received from another complaint system"),
    ),
    "federation.status": Words(
        _("The outside complaint system accepted the report"),
        _("The responsible complaint system is handling the report"),
    ),
    "federation.referred_at_peer": Words(
        _("Referred onward at the outside complaint system (counted as a bounce)")
    ),
    "federation.peer_added": Words(_("Federation peer added")),
}


def is_known(action: str) -> bool:
    return action in ACTIONS


def staff_words(action: str) -> str:
    """What ASN read for an action; an unknown code (an entry older than its words) stays as is."""
    words = ACTIONS.get(action)
    return str(words.staff) if words else action


def citizen_words(action: str) -> str | None:
    """What a citizen reads for an action, or None when the action is internal."""
    words = ACTIONS.get(action)
    return str(words.citizen) if words and words.citizen is not None else None
