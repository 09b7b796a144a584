"""Running the federation demo (`layani demo_up --federation`, `make demo-federation`).

Beside the regencies' demo at http://127.0.0.1:8000 this starts the province's own deployment at
http://localhost:8001: its own SQLite database and media under `var/province/`, its own queue
worker and scheduler, its own deployment id. (Another host name than :8000's on purpose: browsers
keep cookies per host, not per port, so signing in at one would sign you out of the other.)

The province is set up in a child process with its own environment (`layani demo_federation
setup-province`); the regencies' side connects the peer and forwards the demo reports in this
process (`federation.py`). Once both servers answer, a thread plays the rest through the real
HTTP inboxes: the forwards are delivered, the province handles them (`demo_federation handle`),
its follow-ups and outcomes come back, and the first reporter confirms hers, which flows to the
province. Each side also runs `demo_federation deliver --every 5`, so what staff or citizens do
afterwards crosses within seconds even while the other side was down for a moment.
"""

from __future__ import annotations

import json
import os
import socket

# Starts Layani's own commands with fixed arguments, never anything from input.
import subprocess  # nosec B404
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connection

from layani.federation import delivery
from layani.federation.conf import own_id
from layani.federation.models import Hop, OutboxMessage
from layani.intake.models import Report, ReportStatus

from . import federation

DELIVERY_LOOP = ("demo_federation", "deliver", "--every", "5")
SHOWCASE = [
    ("koordinator.pemda-diy", "coordinator (Pemda DIY)"),
    ("petugas1.disnaker-diy", "officer, labour office (Disnakertrans DIY)"),
    ("admin", "superuser (Django admin)"),
]


def province_dir() -> Path:
    return Path(settings.DATA_DIR) / "province"


def province_env() -> dict[str, str]:
    """The province's processes: own data folder and id; never the regency's database or Redis."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "REDIS_URL", "LAYANI_DATA_DIR", "LAYANI_FEDERATION_ID")
    }
    env.update(
        DJANGO_SETTINGS_MODULE=settings.SETTINGS_MODULE,
        LAYANI_DATA_DIR=str(province_dir()),
        LAYANI_FEDERATION_ID=federation.PROVINCE_ID,
    )
    return env


def _regency_env() -> dict[str, str]:
    return {**os.environ, "DJANGO_SETTINGS_MODULE": settings.SETTINGS_MODULE}


def _argv(command: Sequence[str]) -> list[str]:
    return [sys.executable, "-m", "layani.cli", *command]


def _start(command: Sequence[str], env: dict[str, str], log_path: Path) -> subprocess.Popen[bytes]:
    with log_path.open("ab") as log:
        return subprocess.Popen(  # noqa: S603  # nosec B603
            _argv(command), env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


def wait_for(port: int, seconds: float = 120) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if _answers(port):
            return True
        time.sleep(0.5)
    return False


def undelivered() -> bool:
    return OutboxMessage.objects.filter(delivered_at__isnull=True).exists()


def settle(done: Callable[[], bool], *, deliver: bool = True, seconds: float = 60) -> bool:
    """Deliver now (retrying what waits for its backoff) until `done()`, for at most `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        if deliver:
            delivery.retry()
            delivery.run_pass()
        if done():
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(1)


class _Out(Protocol):
    def write(self, msg: str) -> Any: ...


class FederationDemo:
    """The province listens on the port after the regencies' one (8000 → 8001)."""

    def __init__(self, out: _Out, regency_addrport: str) -> None:
        self.out = out
        self.regency_port = int(regency_addrport.rsplit(":", 1)[-1])
        self.regency_url = f"http://127.0.0.1:{self.regency_port}"
        self.province_port = self.regency_port + 1
        self.province_url = f"http://127.0.0.1:{self.province_port}"  # where :8000 posts
        self.province_browser_url = f"http://localhost:{self.province_port}"  # what people open
        self.simulator_port = self.regency_port + 765  # 8000 → 8765
        self.simulator_url = f"http://127.0.0.1:{self.simulator_port}"
        self.forwarded: list[federation.Forwarded] = []

    def prepare(self) -> None:
        """Set up the province (child process) and forward the demo reports here (outbox)."""
        for port in (self.province_port, self.simulator_port):
            if _answers(port):
                raise CommandError(
                    f"Port {port} is already in use (an earlier demo still running?): stop what "
                    "listens there, or give another --addrport (the province takes the next port, "
                    "the simulator the port + 765)."
                )
        province_dir().mkdir(parents=True, exist_ok=True)
        self.out.write("Setting up the province's deployment in var/province/ …\n")
        subprocess.run(  # noqa: S603  # nosec B603
            _argv(
                [
                    "demo_federation",
                    "setup-province",
                    "--origin-id",
                    own_id(),
                    "--origin-url",
                    self.regency_url,
                ]
            ),
            env=province_env(),
            check=True,
        )
        peer = federation.connect_regency(province_url=self.province_url)
        self.forwarded = federation.forward_demo_reports(peer)
        lapor = federation.connect_lapor(simulator_url=self.simulator_url)
        self.forwarded += federation.forward_demo_reports(lapor, [federation.LAPOR_REPORT])
        self.print_summary()

    def start(
        self, background: Sequence[tuple[str, Sequence[str]]]
    ) -> list[subprocess.Popen[bytes]]:
        """The province's server and background commands, a delivery loop on each side, and the
        thread that plays the demo reports through once both servers answer."""
        env, logs = province_env(), province_dir()
        processes = [
            _start(
                ("runserver", f"127.0.0.1:{self.province_port}", "--noreload"),
                env,
                logs / "server.log",
            ),
            _start(DELIVERY_LOOP, env, logs / "federation-deliver.log"),
            _start(
                DELIVERY_LOOP, _regency_env(), Path(settings.DATA_DIR) / "federation-deliver.log"
            ),
        ]
        for name, command in background:
            processes.append(_start(command, env, logs / f"{name}.log"))
        simulator = [
            sys.executable,
            "-m",
            "layani.federation.simulator",
            *("--port", str(self.simulator_port), "--token", federation.LAPOR_TOKEN),
            *("--layani-url", self.regency_url, "--peer-id", federation.LAPOR_ID),
        ]
        with (Path(settings.DATA_DIR) / "lapor-simulator.log").open("ab") as log:
            processes.append(
                subprocess.Popen(  # noqa: S603  # nosec B603
                    simulator, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
                )
            )
        self.out.write(
            f"Started the province's deployment at {self.province_browser_url} and its background "
            f"commands (logs in {logs}/).\n"
        )
        threading.Thread(target=self._play, name="federation-demo", daemon=True).start()
        return processes

    def _play(self) -> None:
        try:
            ports = (self.province_port, self.regency_port, self.simulator_port)
            if not all(wait_for(port) for port in ports):
                self.out.write("Federation demo: a server did not start; see var/province/.\n")
                return
            # The delivery loops may have tried before the servers answered: send now.
            settle(lambda: not undelivered())
            subprocess.run(  # noqa: S603  # nosec B603
                _argv(["demo_federation", "handle"]), env=province_env(), check=True
            )
            first = federation.REPORTS[0].key
            settle(
                lambda: (
                    Report.objects.filter(
                        idempotency_key=first, status=ReportStatus.CLOSURE_PROPOSED
                    ).exists()
                    or Report.objects.filter(
                        idempotency_key=first, status=ReportStatus.CLOSED
                    ).exists()
                ),
                deliver=False,
            )
            confirmed = federation.confirm_first_outcome()
            settle(lambda: not undelivered())
            self._lapor_answers()
            self.out.write(
                "Federation demo ready: the province handled the forwarded reports; their "
                "follow-ups and outcomes are back at the origin"
                + (" (the first one confirmed by its reporter).\n" if confirmed else ".\n")
            )
        except (subprocess.CalledProcessError, OSError) as error:
            self.out.write(f"Federation demo: {error}; see var/province/*.log.\n")
        finally:
            connection.close()

    def _lapor_answers(self) -> None:
        """The simulator answers the national report as LAPOR! would: a follow-up, an outcome."""
        hop = (
            Hop.objects.filter(
                report__idempotency_key=federation.LAPOR_REPORT.key,
                peer__deployment_id=federation.LAPOR_ID,
                report__status=ReportStatus.IN_PROGRESS,
            )
            .exclude(remote_tracking_id="")
            .first()
        )
        if hop is None:
            return
        for event, text, outcome in federation.LAPOR_ANSWERS:
            body = json.dumps({"event": event, "text": text, "outcome": outcome}).encode()
            request = urllib.request.Request(  # noqa: S310 - the simulator this demo started
                f"{self.simulator_url}/api/reports/{hop.remote_tracking_id}/respond",
                data=body,
                method="POST",
                headers={"Content-Type": "application/json"},
            )
            with urllib.request.urlopen(request, timeout=20):  # noqa: S310  # nosec B310
                pass

    def print_summary(self) -> None:
        w = self.out.write
        w("\nFederation demo (docs/federation.md#demo)\n")
        w(f"  Regencies' deployment  {self.regency_url}  (id {own_id()})\n")
        w(f"  Province's deployment  {self.province_browser_url}  (id {federation.PROVINCE_ID})\n")
        w(
            f"  SP4N-LAPOR! simulator  {self.simulator_url}/api/reports  (peer {federation.LAPOR_ID})\n"
        )
        w("  Province logins (same password and authenticator key as above):\n")
        for username, role in SHOWCASE:
            w(f"    {username:<28} {role}\n")
        w(
            "  Reports forwarded (three to the province, one to LAPOR!); track them at "
            f"{self.regency_url}/lacak/:\n"
        )
        for item in self.forwarded:
            w(f"    {item.display_id}  access code {item.access_code}  {item.title}\n")
        w("\n")
