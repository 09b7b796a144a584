"""Wire formats, one module each: `layani_json` (Layani to Layani) and `lapor_xml` (SP4N-LAPOR!).

Both speak in the same small vocabulary of events, so the services never see a wire detail.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: What the receiving side tells the origin (origin applies them with the peer's service user).
RECEIVER_EVENTS = ("accepted", "follow_up", "request", "closure_proposed", "declined", "referred")
#: What the origin tells the receiving side (the citizen follows the case at the origin).
ORIGIN_EVENTS = ("reporter_message", "confirmed", "disputed", "appealed")
EVENTS = RECEIVER_EVENTS + ORIGIN_EVENTS


class WireError(Exception):
    """A message that cannot be read: a stable `code`, the `field` at fault, a message for people."""

    def __init__(self, code: str, field: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.field = field
        self.message = message


@dataclass(frozen=True)
class WireAttachment:
    """A file that crossed with a forward, as received: checked again by intake before storing."""

    name: str
    content_type: str
    content: bytes


@dataclass(frozen=True)
class Message:
    kind: str
    key: str
    origin_deployment: str
    origin_tracking_id: str
    report: dict[str, str] = field(default_factory=dict)
    identity: dict[str, str] | None = None
    reason: str = ""
    event: str = ""
    your_tracking_id: str = ""
    text: str = ""
    outcome: str = ""
    rating: int | None = None
    attachments: tuple[WireAttachment, ...] = ()
