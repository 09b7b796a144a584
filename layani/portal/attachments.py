"""Attachments for citizens: the reporter's own, and the public ones of public reports.

* The reporter downloads every attachment of a report this browser unlocked with its tracking ID
  and access code (the same session list as the tracking page, `track.SESSION_KEY`).
* The public downloads only reviewed attachments of public reports (`Report.objects.public()`),
  under a neutral name (``lampiran-2.jpg``): the sender's file name may name them. Stored photos
  were re-encoded at upload, so no EXIF (GPS, camera) is left in what is served.

Anything else — an unknown ID, an attachment of another report, a report not unlocked, an
unreviewed or non-public one — is a 404, so guessing IDs tells nothing. The response and its
headers come from `security.downloads`: a reporter's download is ``private, no-store``; a public one
may be kept by shared caches but only with ``no-cache`` (asked again before every use), so once the
coordinator withdraws the review the same URL answers 404 at once, to browsers and caches alike.
"""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.views.decorators.cache import never_cache

from layani.intake.models import Attachment, Report
from layani.security.downloads import (
    attachment_response,
    generic_name,
    public_attachment_response,
)

from .selectors import public_report
from .track import SESSION_KEY


def public_attachments(report: Report) -> list[tuple[int, Attachment]]:
    """(number on the page, attachment) for the attachments anyone may download."""
    reviewed = report.attachments.filter(reviewed=True).order_by("created_at", "pk")
    return list(enumerate(reviewed, start=1))


@never_cache
def reporter_download(request: HttpRequest, tracking_id: str, attachment_id: int) -> FileResponse:
    if tracking_id not in request.session.get(SESSION_KEY, []):
        raise Http404
    attachment = (
        Attachment.objects.filter(pk=attachment_id, report__tracking_id=tracking_id)
        .select_related("report")
        .first()
    )
    if attachment is None:
        raise Http404
    # nosemgrep: raw-report-text - the reporter's own file name, downloaded by the reporter
    filename = attachment.original_name or generic_name(attachment, 1)
    return attachment_response(attachment, filename=filename, public=False)


def public_download(request: HttpRequest, tracking_id: str, attachment_id: int) -> HttpResponseBase:
    # Checked on every request, revalidations included: nothing is remembered between them.
    report = public_report(tracking_id.upper())
    if report is None:
        raise Http404
    for number, attachment in public_attachments(report):
        if attachment.pk == attachment_id:
            return public_attachment_response(
                request, attachment, filename=generic_name(attachment, number)
            )
    raise Http404
