"""Batched recording (decision 0026): a worker killed mid-batch loses nothing and doubles nothing.

A real gunicorn server acknowledges a stream of Open311 submissions into the intake journal; the
queue backend here only holds tasks (django-tasks' dummy backend), so nothing is recorded while
the stream runs. Then a worker process records the journal in batches, and is killed with SIGKILL
while its first batch's transaction is open: its reports, identities and audit entries are
written, the journal entries deleted, but nothing is committed yet. The process pauses there (a
wrapper around `recording.create_many` in that process only: it announces the batch on stdout and
sleeps), so the kill always lands mid-batch. Afterwards every acknowledged submission is in
exactly one of the two tables; a second and third worker (at the same time on PostgreSQL) record
the rest; every acknowledged submission is then one report with one audit entry, and the audit
chain verifies.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from .server import BIN, Deployment, Stream

pytestmark = pytest.mark.crash

_HOLD_QUEUE = """
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.dummy.DummyBackend",
        "QUEUES": TASK_QUEUES,  # noqa: F405
    }
}
"""

#: Records the journal in batches of 40, pausing inside the first batch's transaction.
_PAUSING_WORKER = """
import sys, time
from layani.intake import journal, services
real = services.create_many
def announcing(items):
    reports = real(items)
    print(f"BATCH {len(reports)}", flush=True)
    time.sleep(120)
    return reports
services.create_many = announcing
journal.record_pending(batch=40)
"""


@pytest.fixture(params=["sqlite", "postgresql"])
def deployment(request):
    url = os.environ.get("DATABASE_URL", "")
    if request.param == "postgresql" and not url.startswith("postgres"):
        pytest.skip("PostgreSQL crash test: set DATABASE_URL to a PostgreSQL server")
    folder = Path(tempfile.mkdtemp(prefix="layani-crash-batch-"))
    dep = Deployment(folder, url if request.param == "postgresql" else None)
    settings_file = folder / "crash_settings.py"
    settings_file.write_text(settings_file.read_text() + _HOLD_QUEUE)
    try:
        dep.api_key = dep.prepare()
        yield dep
    finally:
        dep.close()


def _shell(dep: Deployment, code: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [str(BIN / "layani"), "shell", "-v0", "-c", code],
        env=dep.env,
        cwd=dep.folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def _where(dep: Deployment) -> dict[str, list[int]]:
    """Per displayed tracking ID: [in the journal, as reports, report.submitted audit entries]."""
    out = dep.layani(
        "shell",
        "-v0",
        "-c",
        "import json, collections; from layani.intake.models import JournalEntry, Report; "
        "from layani.audit.models import AuditEntry; "
        "from layani.intake.tracking import format_tracking_id as f; "
        "d = collections.defaultdict(lambda: [0, 0, 0]); "
        "[d[f(t)].__setitem__(0, d[f(t)][0] + 1) "
        "for t in JournalEntry.objects.values_list('tracking_id', flat=True)]; "
        "[d[f(t)].__setitem__(1, d[f(t)][1] + 1) "
        "for t in Report.objects.values_list('tracking_id', flat=True)]; "
        "[d[f(t)].__setitem__(2, d[f(t)][2] + 1) for t in AuditEntry.objects.filter("
        "action='report.submitted').values_list('object_ref', flat=True)]; "
        "print(json.dumps(d))",
    )
    return dict(json.loads(out.strip().splitlines()[-1]))


def test_worker_killed_mid_batch_loses_nothing_and_doubles_nothing(deployment):
    dep = deployment
    dep.start()
    stream = Stream(dep.base, dep.api_key, deadline=time.monotonic() + 8)
    stream.start()
    stream.thread.join(timeout=30)
    dep.kill()
    acknowledged = stream.acknowledged
    assert len(acknowledged) >= 60, dep.log_tail()
    before = _where(dep)
    assert all(before[t] == [1, 0, 0] for t in acknowledged), "recorded before any worker ran"

    worker = _shell(dep, _PAUSING_WORKER)
    assert worker.stdout is not None
    line = worker.stdout.readline()  # blocks until the first batch is written, uncommitted
    assert line.startswith("BATCH 40"), (line, worker.stderr.read() if worker.stderr else "")
    os.killpg(worker.pid, signal.SIGKILL)
    worker.wait(timeout=10)

    after_kill = _where(dep)
    lost = [t for t in acknowledged if t not in after_kill]
    assert not lost, f"{len(lost)} acknowledged submissions lost: {lost[:5]}"
    assert all(after_kill[t] == [1, 0, 0] for t in acknowledged), "the killed batch committed"

    # Record the rest: two workers at once on PostgreSQL (SKIP LOCKED), one on SQLite.
    workers = 2 if dep.postgres_url else 1
    code = "from layani.intake import journal; print(journal.record_pending(batch=25))"
    running = [_shell(dep, code) for _ in range(workers)]
    for process in running:
        _out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err[-2000:]
    dep.layani("intake_journal", "--record")  # whatever a worker left (none expected)

    final = _where(dep)
    wrong = {t: final.get(t) for t in acknowledged if final.get(t) != [0, 1, 1]}
    assert not wrong, f"{len(wrong)} not recorded exactly once: {list(wrong.items())[:5]}"
    assert dep.reports() == acknowledged
    dep.layani("audit", "verify")  # exits with status 1 (the helper asserts 0) on a broken chain
    print(  # noqa: T201
        f"\n[{'postgresql' if dep.postgres_url else 'sqlite'}] batch killed: "
        f"{len(acknowledged)} acknowledged, all recorded once by {workers} worker(s) afterwards"
    )
