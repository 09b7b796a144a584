"""Every state change of a case. Each service checks the permission and the workflow table,
changes the rows, writes the audit entry and queues notifications after commit — in one
transaction. Views, the API and background tasks call these; nothing else changes case state.
"""

from .attachments import review_attachment
from .automatic import auto_dispose_if_confident
from .closure import appeal_case, auto_close_case, confirm_closure, dispute_closure, propose_closure
from .handling import (
    accept_task,
    complete_task,
    delegate_task,
    post_message,
    post_reporter_reply,
    refer_task,
    return_from_outside,
    withdraw_task,
)
from .identity import reveal_identity
from .verification import (
    archive_report,
    dispose_report,
    hold_report,
    merge_report,
    provide_information,
    reject_as_not_within_authority,
    verify_report,
)

__all__ = [
    "accept_task",
    "appeal_case",
    "archive_report",
    "auto_close_case",
    "auto_dispose_if_confident",
    "complete_task",
    "confirm_closure",
    "delegate_task",
    "dispose_report",
    "dispute_closure",
    "hold_report",
    "merge_report",
    "post_message",
    "post_reporter_reply",
    "propose_closure",
    "provide_information",
    "refer_task",
    "reject_as_not_within_authority",
    "return_from_outside",
    "reveal_identity",
    "review_attachment",
    "verify_report",
    "withdraw_task",
]
