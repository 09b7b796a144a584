"""The one error every intake channel reports back: a stable code, the field at fault, a message."""

from __future__ import annotations


class SubmissionError(Exception):
    """Input that cannot become a report. `code` is stable; `field` names the input at fault."""

    def __init__(self, code: str, field: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.field = field
        self.message = message
