"""HTTP to a peer: one POST, no redirects, no proxy from the environment, a timeout.

`send` returns the peer's answer as (status or None, body, error text); the wire modules read it.
Tests and the simulator use the same function against real local servers.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from typing import Any

from .conf import REQUEST_TIMEOUT_SECONDS, own_id
from .models import Peer, PeerKind
from .wire import lapor_xml, layani_json


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirects())


def build_request(peer: Peer, payload: dict[str, Any]) -> tuple[str, bytes, dict[str, str]]:
    """(URL, body, headers) for one message to `peer` in its wire format."""
    base = peer.base_url.rstrip("/")
    if peer.kind == PeerKind.LAPOR:
        encode = (
            lapor_xml.encode_report if payload["kind"] == "forward" else lapor_xml.encode_update
        )
        body = encode(peer.secret, payload)
        headers = {"Content-Type": "application/xml; charset=utf-8"}
        return base + lapor_xml.REPORT_PATH, body, headers
    body = layani_json.encode(payload)
    headers = layani_json.request_headers(
        own_id(), peer.secret, payload["key"], body, int(time.time())
    )
    return base + layani_json.INBOX_PATH, body, headers


def post(url: str, body: bytes, headers: dict[str, str]) -> tuple[int | None, bytes, str]:
    request = urllib.request.Request(  # noqa: S310 - the peer's URL is checked by the URLField
        url, data=body, method="POST", headers={"User-Agent": "Layani-Federation/1", **headers}
    )
    try:
        with _opener.open(request, timeout=REQUEST_TIMEOUT_SECONDS) as response:
            return response.status, response.read(), ""
    except urllib.error.HTTPError as error:
        return error.code, error.read() or b"", f"HTTP {error.code}"
    except (urllib.error.URLError, OSError, ValueError) as error:
        return None, b"", type(error).__name__ + ": " + str(error)[:200]


def send(peer: Peer, payload: dict[str, Any]) -> tuple[int | None, bytes, str]:
    return post(*build_request(peer, payload))


def remote_tracking_id(peer: Peer, body: bytes) -> str:
    """The receiver's tracking ID in its answer to a forward (WireError if missing)."""
    if peer.kind == PeerKind.LAPOR:
        return lapor_xml.tracking_id_of_answer(body)
    return layani_json.forward_answer(body)
