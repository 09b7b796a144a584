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
* a public file is ``Cache-Control: public, no-cache`` with an ``ETag`` (the stored file's SHA-256):
  a shared cache may keep it, but must ask again before every use. The public view runs its check
  first, so the question gets a cheap 304 while the attachment is still approved and a 404 the
  moment the coordinator withdraws it (or the report stops being public) — no copy outlives the
  withdrawal (`public_attachment_response`). A lifetime (``max-age``) would let caches serve the
  file without asking for that long, and a URL that changes with each approval would not help:
  a cache keeps serving what it holds under the old URL until the lifetime ends;
* the file streams from storage (`FileResponse`) instead of being read into memory.

A file missing from storage is a 404 like any other attachment the asker may not have.
"""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.utils.cache import get_conditional_response
from django.utils.http import quote_etag

from layani.intake.models import Attachment
from layani.intake.uploads import EXTENSIONS

#: The types `layani.intake.uploads` stores; anything else is served as opaque bytes.
#: (`EXTENSIONS` also names download files by type, never by the sender's file name.)
SAFE_TYPES = frozenset(EXTENSIONS)
DOWNLOAD_CSP = "sandbox; default-src 'none'; frame-ancestors 'none'"
#: Staff's and reporters' downloads: no cache anywhere keeps a copy.
PRIVATE_CACHE = "private, no-store"
#: Public downloads: caches may keep a copy but revalidate before each use (no lifetime).
PUBLIC_CACHE = "public, no-cache"


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
    response["Cache-Control"] = PUBLIC_CACHE if public else PRIVATE_CACHE
    if public and attachment.sha256:
        response["ETag"] = entity_tag(attachment)
    return response


def entity_tag(attachment: Attachment) -> str:
    """The stored file's digest: it changes only when the bytes do."""
    return quote_etag(attachment.sha256)


def public_attachment_response(
    request: HttpRequest, attachment: Attachment, *, filename: str
) -> HttpResponseBase:
    """A public download, for a view that has just checked the attachment may be public.

    A cache (or browser) revalidating a copy it holds gets a 304 without the body; a request that
    reaches here with a stale tag, or none, gets the file (`attachment_response`, public)."""
    if attachment.sha256:
        tag = entity_tag(attachment)
        conditional = get_conditional_response(request, etag=tag)
        if conditional is not None:
            conditional["ETag"] = tag
            conditional["Cache-Control"] = PUBLIC_CACHE
            return conditional
    return attachment_response(attachment, filename=filename, public=True)
