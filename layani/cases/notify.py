"""Telling people what happened, after the change has committed.

Every message is recorded and delivered by ``layani.notifications`` (retries, digests, gateways).
The reporter is reached on the channel they used when it was SMS or WhatsApp and the deployment has
a gateway for it, otherwise by e-mail, otherwise by SMS. Addresses go to the notification record
only for delivery; the record names the reporter by tracking ID.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from layani.directory.models import Agency
from layani.intake.models import Report, ReporterIdentity
from layani.notifications.models import Channel
from layani.notifications.senders import channel_available
from layani.notifications.services import notify

from . import presentation
from .permissions import identity_restricted


def _reporter_route(report: Report, identity: ReporterIdentity) -> tuple[str, str]:
    messaging = (Channel.SMS, Channel.WHATSAPP)
    if report.channel in messaging and identity.phone and channel_available(report.channel):
        return report.channel, identity.phone
    if identity.email:
        return Channel.EMAIL, identity.email
    if identity.phone and channel_available(Channel.SMS):
        return Channel.SMS, identity.phone
    return Channel.EMAIL, ""


def notify_reporter(report: Report, message: str) -> None:
    """Tell the reporter, if they left a way to reach them. Never logs the address.

    Not when the reporter restricted the processing of their data (UU PDP): their contact is not used.
    """
    if identity_restricted(report):
        return
    identity = ReporterIdentity.objects.filter(report=report).only("email", "phone").first()
    if identity is None:
        return
    channel, address = _reporter_route(report, identity)
    notify(
        recipient_ref=f"reporter:{report.tracking_id}",
        channel=channel,
        address=address,
        event="report.update",
        subject=_("Your report %(id)s") % {"id": report.display_tracking_id},
        body=message,
    )


def notify_agency(agency: Agency, report: Report, message: str) -> None:
    """E-mail the agency's public address about a case it must act on; the text is what the agency
    may read of it (an anonymous report's title quoted in it is masked: `presentation`)."""
    notify(
        recipient_ref=f"agency:{agency.slug}",
        channel=Channel.EMAIL,
        address=agency.public_email,
        event="task.assigned",
        subject=_("Report %(id)s needs your agency") % {"id": report.display_tracking_id},
        body=presentation.text(presentation.Audience.AGENCY, report.privacy, message),
    )
