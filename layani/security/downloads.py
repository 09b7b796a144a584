"""The one way an attachment leaves the server: a download, never a page (checklist item 8).

Every view that serves an attachment (the console's, the reporter's and the public one) decides
*who* may have it and then hands the file to `attachment_response`, which decides *how*:

* ``Content-Disposition: attachment`` — the browser saves the file instead of rendering it, so a
  PDF's scripts or an HTML page that slipped in under an image name never run on Layani's origin;
* the Content-Type is the type sniffed and stored at upload when it is one Layani accepts (JPEG,
  PNG, GIF, WebP, PDF), else ``application/octet-stream``; with ``X-Content-Type-Options: nosniff``
  the browser does not guess another;
* ``Content-Security-Policy: sandbox`` (and ``default-src 'none'``): even a file opened directly
  runs as an opaque origin with no scripts and no access to the session;
* ``Cache-Control: private, no-store`` unless the file is public (a reviewed attachment of a
  public report), so shared caches and the phone's disk keep no copy;
* the file streams from storage (`FileResponse`) instead of being read into memory.

A file missing from storage is a 404 like any other attachment the asker may not have.
"""

from __future__ import annotations

from django.http import FileResponse, Http404

from layani.intake.models import Attachment
from layani.intake.uploads import EXTENSIONS

#: The types `layani.intake.uploads` stores; anything else is served as opaque bytes.
#: (`EXTENSIONS` also names download files by type, never by the sender's file name.)
SAFE_TYPES = frozenset(EXTENSIONS)
DOWNLOAD_CSP = "sandbox; default-src 'none'; frame-ancestors 'none'"


def safe_content_type(attachment: Attachment) -> str:
    declared = (attachment.content_type or "").split(";", 1)[0].strip().lower()
    return declared if declared in SAFE_TYPES else "application/octet-stream"


def generic_name(attachment: Attachment, number: int) -> str:
    """``lampiran-3.jpg``: a download name that says nothing about the sender."""
    return f"lampiran-{number}{EXTENSIONS.get(safe_content_type(attachment), '')}"


def attachment_response(attachment: Attachment, *, filename: str, public: bool) -> FileResponse:
    """The attachment as a download with every protective header (see the module docstring)."""
    try:
        handle = attachment.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=filename,
        content_type=safe_content_type(attachment),
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = DOWNLOAD_CSP
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    response["Cache-Control"] = "public, max-age=3600" if public else "private, no-store"
    return response
