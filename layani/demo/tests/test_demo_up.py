"""`layani demo_up` starts the queue worker and the scheduler beside the web server."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from layani.demo.management.commands import demo_up


def test_background_processes_run_layani_commands_with_the_same_settings(monkeypatch, settings):
    # Recording acknowledged reports has a worker of its own, never behind notifications.
    assert demo_up.BACKGROUND == [
        ("worker-intake", ("db_worker", "--queue-name", "intake", "--interval", "0.5")),
        (
            "worker-other",
            ("db_worker", "--queue-name", "*", "--exclude-queues", "intake", "--interval", "1"),
        ),
        ("scheduler", ("sla", "scheduler", "--interval", "60")),
    ]
    # A command that exits by itself stands in for the long-running ones: it proves the child is
    # a `layani` command in this interpreter, under these settings.
    monkeypatch.setattr(demo_up, "BACKGROUND", [("diffsettings", ("diffsettings", "--all"))])
    command = demo_up.Command()
    launched = []
    real_popen = demo_up.subprocess.Popen

    def popen(argv, **kwargs):
        launched.append(argv)
        kwargs["stdout"] = demo_up.subprocess.PIPE
        return real_popen(argv, **kwargs)

    monkeypatch.setattr(demo_up.subprocess, "Popen", popen)
    [process] = command._start_background()
    out, _ = process.communicate(timeout=120)
    assert process.returncode == 0
    assert (Path(settings.DATA_DIR) / "diffsettings.log").exists()  # where the real ones write
    assert launched == [[sys.executable, "-m", "layani.cli", "diffsettings", "--all"]]
    assert settings.SETTINGS_MODULE.endswith(".test")
    assert b"LAYANI_JOURNAL_KICK_SECONDS = 0" in out  # set by the test settings only


def _gone(pid: int) -> bool:
    stat = Path(f"/proc/{pid}/stat")
    try:
        return stat.read_text().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except (FileNotFoundError, ProcessLookupError):
        return True


def test_stopping_reaches_what_a_background_command_started_itself():
    # `db_worker` runs under Django's autoreloader in development: a parent with a child.
    process = subprocess.Popen(
        ["/bin/sh", "-c", "sleep 60 & echo $!; wait"],
        stdout=subprocess.PIPE,
        start_new_session=True,
    )
    child = int(process.stdout.readline())
    assert not _gone(child)
    demo_up.stop_background([process], seconds=10)
    assert process.returncode is not None
    deadline = time.monotonic() + 5
    while not _gone(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _gone(child)
