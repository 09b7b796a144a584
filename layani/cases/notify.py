"""Telling people what happened, after the change has committed.

E-mail through Django's backend for now; the notifications issue adds recorded notifications,
digests and the SMS/WhatsApp gateway behind these same two functions.
"""

from __future__ import annotations

from django.core.mail import send_mail
from django.utils.translation import gettext as _

from layani.directory.models import Agency
from layani.intake.models import Report, ReporterIdentity


def notify_reporter(report: Report, message: str) -> None:
    """E-mail the reporter, if they left an address. Never logs the address."""
    identity = ReporterIdentity.objects.filter(report=report).only("email").first()
    if identity is None or not identity.email:
        return
    subject = _("Your report %(id)s") % {"id": report.display_tracking_id}
    send_mail(subject, message, None, [identity.email], fail_silently=True)


def notify_agency(agency: Agency, report: Report, message: str) -> None:
    """E-mail the agency's public address about a case it must act on."""
    if not agency.public_email:
        return
    subject = _("Report %(id)s needs your agency") % {"id": report.display_tracking_id}
    send_mail(subject, message, None, [agency.public_email], fail_silently=True)
