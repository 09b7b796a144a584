"""Writing a report's attachments durably: under a generated name, fsync'd before the row exists."""

from __future__ import annotations

import hashlib
import os

from django.core.files.base import ContentFile

from .models import Attachment, Report


def store_attachment(report: Report, name: str, content: bytes, content_type: str) -> Attachment:
    """Write a checked attachment under a generated name, on disk before its row is saved."""
    attachment = Attachment(
        report=report,
        original_name=os.path.basename(name)[:255],
        content_type=content_type[:100],
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
    )
    attachment.file.save("upload", ContentFile(content), save=False)
    _fsync(attachment.file.path)
    attachment.save()
    return attachment


def _fsync(path: str) -> None:
    # The report is acknowledged only after its files are on disk, not just in the page cache.
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
