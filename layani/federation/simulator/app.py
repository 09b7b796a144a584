"""The simulator's WSGI app and a helper to run it in a thread (tests, demo)."""

from __future__ import annotations

import itertools
import json
import threading
import urllib.request
from dataclasses import dataclass, field
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from ..wire import EVENTS, WireError, lapor_xml

Environ = dict[str, Any]


@dataclass
class State:
    token: str
    layani_url: str = ""
    peer_id: str = "sp4n-lapor"
    reports: dict[str, dict[str, Any]] = field(default_factory=dict)
    counter: itertools.count = field(default_factory=lambda: itertools.count(1000001))
    lock: threading.Lock = field(default_factory=threading.Lock)


def _answer(start: Any, status: str, body: bytes, kind: str = "application/xml") -> list[bytes]:
    start(status, [("Content-Type", f"{kind}; charset=utf-8"), ("Content-Length", str(len(body)))])
    return [body]


def _read(environ: Environ) -> bytes:
    length = int(environ.get("CONTENT_LENGTH") or 0)
    return environ["wsgi.input"].read(min(length, lapor_xml.MAX_BODY_BYTES + 1)) if length else b""


class Simulator:
    def __init__(self, state: State) -> None:
        self.state = state

    def __call__(self, environ: Environ, start: Any) -> list[bytes]:
        method, path = environ["REQUEST_METHOD"], environ.get("PATH_INFO", "")
        if method == "POST" and path == lapor_xml.REPORT_PATH:
            return self._document(_read(environ), start)
        if method == "GET" and path == "/api/reports":
            with self.state.lock:
                body = json.dumps(self.state.reports, default=str).encode()
            return _answer(start, "200 OK", body, "application/json")
        if method == "POST" and path.startswith("/api/reports/") and path.endswith("/respond"):
            tracking = path.removeprefix("/api/reports/").removesuffix("/respond")
            return self._respond(tracking, json.loads(_read(environ) or b"{}"), start)
        return _answer(start, "404 Not Found", lapor_xml.encode_answer(error="not found"))

    def _document(self, body: bytes, start: Any) -> list[bytes]:
        try:
            root = lapor_xml.parse(body)
        except WireError as error:
            return _answer(start, "400 Bad Request", lapor_xml.encode_answer(error=error.code))
        if root.findtext("token") != self.state.token:
            return _answer(start, "401 Unauthorized", lapor_xml.encode_answer(error="token"))
        laporan, update = root.find("laporan"), root.find("tindak_lanjut")
        with self.state.lock:
            if laporan is not None:
                reference = laporan.findtext("referensi") or ""
                for tracking, known in self.state.reports.items():  # a repeat: same ID
                    if reference and known["referensi"] == reference:
                        return _answer(start, "200 OK", lapor_xml.encode_answer(tracking))
                tracking = f"LAPOR-{next(self.state.counter)}"
                user = root.find("user")
                self.state.reports[tracking] = {
                    "referensi": reference,
                    "rahasia": laporan.findtext("rahasia"),
                    "anonim": laporan.findtext("anonim"),
                    "isi": laporan.findtext("isi"),
                    "judul": laporan.findtext("judul"),
                    "user": {c.tag: c.text or "" for c in user} if user is not None else {},
                    "updates": [],
                }
                return _answer(start, "200 OK", lapor_xml.encode_answer(tracking))
            if update is not None:
                tracking = update.findtext("tracking_id") or ""
                held = self.state.reports.get(tracking)
                if held is None:
                    return _answer(start, "409 Conflict", lapor_xml.encode_answer(error="unknown"))
                keys = [u["kunci"] for u in held["updates"]]
                if update.findtext("kunci") not in keys:
                    held["updates"].append({c.tag: c.text or "" for c in update})
                return _answer(start, "200 OK", lapor_xml.encode_answer(tracking))
        return _answer(start, "400 Bad Request", lapor_xml.encode_answer(error="empty"))

    def _respond(self, tracking: str, data: dict[str, Any], start: Any) -> list[bytes]:
        """LAPOR! acting on a report it holds: push a follow-up/closure back to Layani."""
        with self.state.lock:
            known = self.state.reports.get(tracking)
            seq = next(self.state.counter)
        event = str(data.get("event", "follow_up"))
        if known is None or event not in EVENTS:
            return _answer(start, "404 Not Found", lapor_xml.encode_answer(error="unknown"))
        payload = {
            "key": f"lapor:{tracking}:{seq}",
            "event": event,
            "origin": {"tracking_id": tracking},
            "your_tracking_id": known["referensi"],
            "text": str(data.get("text", "")),
            "outcome": str(data.get("outcome", "")),
            "rating": None,
        }
        status, body = self.push(lapor_xml.encode_update(self.state.token, payload))
        return _answer(start, f"{status} Pushed", body)

    def push(self, document: bytes) -> tuple[int, bytes]:
        url = f"{self.state.layani_url.rstrip('/')}/federation/v1/lapor/{self.state.peer_id}"
        request = urllib.request.Request(  # noqa: S310 - the operator's own local URL
            url, data=document, method="POST", headers={"Content-Type": "application/xml"}
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310  # nosec B310
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()


class _Quiet(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        return


def serve_in_thread(state: State, port: int = 0) -> tuple[WSGIServer, Simulator]:
    """Start the simulator on 127.0.0.1 in a daemon thread; `server.shutdown()` stops it."""
    simulator = Simulator(state)
    server = make_server("127.0.0.1", port, simulator, handler_class=_Quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, simulator
