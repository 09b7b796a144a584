"""Photos and documents from the form, before they reach intake.

The checks themselves (type by content, pixel floods, active PDFs, metadata removal, safe names)
live in `layani.intake.uploads`, and `submit_report` applies them to every channel. The portal only
reads the browser's files and turns a refusal into a message beside the upload field early, before
the rest of the report is validated.
"""

from __future__ import annotations

from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from layani.intake.services import UploadedAttachment
from layani.intake.uploads import (
    ACCEPT,
    MAX_ATTACHMENT_BYTES,
    MAX_ATTACHMENTS,
    AttachmentError,
    check_attachment,
    sniff,
    strip_metadata,
)

__all__ = ["ACCEPT", "UploadError", "check_uploads", "sniff", "strip_metadata"]


class UploadError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def check_uploads(files: list[UploadedFile]) -> list[UploadedAttachment]:
    """The uploads as intake attachments, or UploadError with a message for the citizen."""
    files = [f for f in files if f.name]
    if len(files) > MAX_ATTACHMENTS:
        raise UploadError(_("At most %(max)d files per report.") % {"max": MAX_ATTACHMENTS})
    checked = []
    for upload in files:
        if (upload.size or 0) > MAX_ATTACHMENT_BYTES:
            # Refused before reading: a huge upload is never loaded into memory.
            raise UploadError(
                _("%(name)s is too large: each file may be at most %(mb)d MB.")
                % {"name": upload.name, "mb": MAX_ATTACHMENT_BYTES // (1024 * 1024)}
            )
        try:
            name, content, content_type = check_attachment(str(upload.name), upload.read())
        except AttachmentError as refused:
            raise UploadError(refused.message) from None
        checked.append(UploadedAttachment(name=name, content=content, content_type=content_type))
    return checked
