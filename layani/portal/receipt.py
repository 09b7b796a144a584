"""What the receipt promises about copies: only what `portal.submit` and `cases.notify` really do.

The codes themselves are e-mailed once, when the reporter gave an e-mail address (and, with an
account, kept e-mail notifications on). No SMS carries the codes; with a phone only, later updates
come by SMS or WhatsApp when this deployment has a gateway.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from layani.cases.reporter import contact_channels
from layani.intake.models import Report

from .models import NotificationPreference


def delivery(report: Report, user: object) -> dict[str, str]:
    channels = contact_channels(report)
    signed_in = bool(getattr(user, "is_authenticated", False))
    email_on = not signed_in or NotificationPreference.for_user(user).by_email
    if channels.email and email_on:
        return {
            "kind": "email",
            "text": _("We also sent these two codes to your e-mail address."),
        }
    if channels.updates in ("sms", "whatsapp"):
        return {
            "kind": "sms",
            "text": _(
                "No SMS with these codes is sent: write them down now. When your report moves on, "
                "we tell you by SMS or WhatsApp."
            ),
        }
    return {
        "kind": "none",
        "text": _(
            "No copy of these codes is sent to you (you left no e-mail address). Write them down "
            "now: without them you cannot follow this report."
        ),
    }
