"""A real HTTP receiver on 127.0.0.1 that checks signatures the way docs/api.md tells agencies to."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from layani.cases import services
from layani.webhooks.signing import (
    EVENT_ID_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    verify,
)


class Receiver:
    """Records verified events; answers `fail_first` requests with 503 before accepting."""

    def __init__(self, fail_first: int = 0) -> None:
        self.secret = ""
        self.fail_first = fail_first
        self.events: list[dict] = []
        self.requests = 0
        self.bad_signatures = 0
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"

    def _handler(self):
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                with receiver.lock:
                    receiver.requests += 1
                    ok = verify(
                        receiver.secret,
                        body=body,
                        timestamp_header=self.headers[TIMESTAMP_HEADER],
                        signature_header=self.headers[SIGNATURE_HEADER],
                        now=time.time(),
                    )
                    if not ok:
                        receiver.bad_signatures += 1
                        status = 401
                    elif receiver.fail_first > 0:
                        receiver.fail_first -= 1
                        status = 503
                    else:
                        event = json.loads(body)
                        assert str(event["id"]) == self.headers[EVENT_ID_HEADER]
                        receiver.events.append(event)
                        status = 204
                self.send_response(status)
                self.end_headers()

            def log_message(self, *args):
                pass

        return Handler

    def __enter__(self) -> Receiver:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with Receiver() as r:
        yield r


@pytest.fixture
def flaky_receiver() -> Iterator[Receiver]:
    with Receiver(fail_first=2) as r:
        yield r


@pytest.fixture
def case_for(team, make_report):
    """A verified report disposed to `lead` (and co-handlers)."""

    def make(lead, co_handlers=()):
        report = make_report()
        services.verify_report(report, actor=team.coordinator)
        services.dispose_report(
            report, actor=team.coordinator, lead=lead, co_handlers=list(co_handlers)
        )
        return report

    return make
