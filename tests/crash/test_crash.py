"""An acknowledged report is never lost (checklist items 13 and 15).

A real gunicorn server takes a stream of Open311 submissions from a client thread. In the middle
of the stream the master and its workers are killed with SIGKILL (SQLite and PostgreSQL), or
PostgreSQL is stopped in immediate mode (PostgreSQL only). Afterwards every tracking ID the client
received is in the database with the description that was sent (first in the intake journal, then,
once recorded, as a report); while PostgreSQL is away the
server answers 503 with Retry-After (never a 500), and it recovers by itself once PostgreSQL is
back (connection health checks), without a restart.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from .server import Deployment, Stream

pytestmark = pytest.mark.crash

SCENARIO_SECONDS = 40


def _wait_until(condition, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


@pytest.fixture(params=["sqlite", "postgresql"])
def deployment(request):
    url = os.environ.get("DATABASE_URL", "")
    if request.param == "postgresql" and not url.startswith("postgres"):
        pytest.skip("PostgreSQL crash test: set DATABASE_URL to a PostgreSQL server")
    folder = Path(tempfile.mkdtemp(prefix="layani-crash-"))
    dep = Deployment(folder, url if request.param == "postgresql" else None)
    try:
        dep.api_key = dep.prepare()  # type: ignore[attr-defined]
        yield dep
    finally:
        dep.close()


def _assert_nothing_lost(dep: Deployment, stream: Stream) -> dict[str, str]:
    """Every acknowledged submission is stored intact the moment the server is gone (in the intake
    journal or already a report), and every one becomes a report when the worker records it."""
    _assert_all_kept(dep.stored(), stream)
    dep.layani("intake_journal", "--record")
    recorded = dep.reports()
    _assert_all_kept(recorded, stream)
    assert dep.journal_left() == 0, dep.layani("intake_journal")
    return recorded


def _assert_all_kept(stored: dict[str, str], stream: Stream) -> None:
    missing = sorted(set(stream.acknowledged) - set(stored))
    altered = sorted(t for t, d in stream.acknowledged.items() if t in stored and stored[t] != d)
    assert not missing, f"{len(missing)} acknowledged reports lost: {missing[:5]}"
    assert not altered, f"{len(altered)} acknowledged reports altered: {altered[:5]}"


def test_sigkill_during_submissions_loses_no_acknowledged_report(deployment):
    dep = deployment
    dep.start()
    stream = Stream(dep.base, dep.api_key, deadline=time.monotonic() + SCENARIO_SECONDS)
    stream.start()
    try:
        assert _wait_until(lambda: len(stream.acknowledged) >= 25, 15), dep.log_tail()
        dep.kill()  # mid-stream: requests are in flight in both workers
        killed_at = time.monotonic()
        time.sleep(0.5)  # the client now sees refused connections
        dep.start()
        assert _wait_until(lambda: stream.acks_after(killed_at) >= 10, 15), dep.log_tail()
    finally:
        stream.finish()
        dep.kill()
    stored = _assert_nothing_lost(dep, stream)
    failed = [s for _, s in stream.statuses if s not in (200, 201)]
    # The numbers are this test's report (shown with -s).
    print(  # noqa: T201
        f"\n[{dep.env.get('DATABASE_URL', 'sqlite').split(':')[0]}] SIGKILL: "
        f"{len(stream.statuses)} requests, {len(stream.acknowledged)} acknowledged, "
        f"{len(set(stream.acknowledged) & set(stored))} of them found, {len(stored)} stored, "
        f"{len(failed)} failed during the kill ({sorted(set(map(str, failed)))})"
    )
    # Only refused or cut connections while the server was down: no 5xx from the server.
    assert not [s for s in failed if isinstance(s, int)], stream.bodies[:3]


def _cluster() -> str:
    versions = os.listdir("/etc/postgresql") if os.path.isdir("/etc/postgresql") else []
    return versions[0] if len(versions) == 1 else ""


def _pg(action: str) -> None:
    args = [
        shutil.which("pg_ctlcluster") or "/usr/bin/pg_ctlcluster",
        "--skip-systemctl-redirect",
        _cluster(),
        "main",
        action,
    ]
    if action == "stop":
        args += ["-m", "immediate"]
    subprocess.run(args, check=True, capture_output=True, timeout=60)


def _pg_ready() -> bool:
    done = subprocess.run(
        [
            shutil.which("pg_isready") or "/usr/bin/pg_isready",
            "-q",
            "-h",
            "127.0.0.1",
            "-p",
            "5432",
        ],
        check=False,
        timeout=10,
    )
    return done.returncode == 0


def test_postgresql_immediate_stop_gives_503_then_recovers_with_nothing_lost(deployment):
    dep = deployment
    if not dep.postgres_url:
        pytest.skip("stopping the database is a PostgreSQL scenario")
    host = dep.postgres_url.split("@")[-1].split("/")[0].split(":")[0]
    if (
        host not in ("127.0.0.1", "localhost")
        or not _cluster()
        or not shutil.which("pg_ctlcluster")
    ):
        pytest.skip("needs a local PostgreSQL cluster controllable with pg_ctlcluster")
    if os.geteuid() != 0:
        pytest.skip("stopping PostgreSQL needs root (as in CI)")
    if int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1")) > 1:
        pytest.skip(
            "stopping PostgreSQL would break tests in parallel workers; "
            "`make test-crash` (run by .ci/run) runs this serially"
        )
    dep.start()
    stream = Stream(dep.base, dep.api_key, deadline=time.monotonic() + SCENARIO_SECONDS)
    stream.start()
    stopped_at = restarted_at = 0.0
    try:
        assert _wait_until(lambda: len(stream.acknowledged) >= 20, 15), dep.log_tail()
        try:
            _pg("stop")
            stopped_at = time.monotonic()
            seen_503 = _wait_until(
                lambda: any(s == 503 and t > stopped_at for t, s in stream.statuses), 10
            )
            time.sleep(1.0)  # a few more requests during the outage
        finally:
            _pg("start")
            assert _wait_until(_pg_ready, 30), "PostgreSQL did not come back"
            restarted_at = time.monotonic()
        assert seen_503, "no 503 while PostgreSQL was down"
        # No restart of the server: it must serve again by itself.
        assert _wait_until(lambda: stream.acks_after(restarted_at) >= 10, 15), dep.log_tail()
    finally:
        stream.finish()
        dep.kill()
    stored = _assert_nothing_lost(dep, stream)
    during = [s for t, s in stream.statuses if stopped_at < t <= restarted_at]
    unavailable = [b for b in stream.bodies if b[0] == 503]
    # The numbers are this test's report (shown with -s).
    print(  # noqa: T201
        f"\n[postgresql] immediate stop: {len(stream.statuses)} requests, "
        f"{len(stream.acknowledged)} acknowledged, "
        f"{len(set(stream.acknowledged) & set(stored))} of them found; during the outage: "
        f"{during.count(503)} × 503, others {sorted({str(s) for s in during if s != 503})}"
    )
    assert not [s for _, s in stream.statuses if isinstance(s, int) and s >= 500 and s != 503]
    _status, retry_after, body = unavailable[0]
    assert retry_after.isdigit()
    assert "Traceback" not in body and "tidak tersedia" in body and "unavailable" in body
