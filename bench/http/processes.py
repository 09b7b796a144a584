"""The bench's view of processes and servers: free ports, waiting for gunicorn, plain requests,
and the memory and CPU time a process has used (read from /proc)."""

from __future__ import annotations

import os
import platform
import socket
import sqlite3
import subprocess  # nosec B404 — only for the Popen type of this repository's own server
import time
import urllib.error
import urllib.request
from pathlib import Path

_VENV = Path(__file__).resolve().parents[2] / ".venv" / "bin"


def free_port() -> int:
    """A loopback port nobody listens on (other people's servers share this machine)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_up(url: str, server: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310  # nosec B310
                return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"gunicorn did not answer at {url}")


def status(url: str, cookie: str = "") -> int:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310  # nosec B310
            response.read()
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)
    except TimeoutError:
        return 599  # no answer within a minute: the scenario runs and shows it, the run goes on


def drain(base: str, seconds: float = 60) -> None:
    """Wait until requests left running by the last scenario are done (a bare request is quick)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        started = time.monotonic()
        status(f"{base}/bench/bare/")
        if time.monotonic() - started < 0.05:
            return
        time.sleep(0.5)


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def memory_mb(pid: int) -> tuple[float, float]:
    """(RSS, PSS) in MB from /proc/PID/smaps_rollup."""
    fields = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value, *_ = line.split()
        fields[name.rstrip(":")] = int(value)
    return fields["Rss"] / 1024, fields["Pss"] / 1024


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time so far of these processes (/proc/PID/stat, fields 14 and 15)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total / ticks


def machine() -> dict[str, object]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    mem_kb = int(Path("/proc/meminfo").read_text().split()[1])
    versions = {}
    for name, command in {
        "python": [str(_VENV / "python"), "--version"],
        "django": [str(_VENV / "python"), "-c", "import django; print(django.get_version())"],
        "gunicorn": [str(_VENV / "gunicorn"), "--version"],
        "wrk": ["wrk", "--version"],
        "postgresql": ["psql", "--version"],
        "sqlite": [str(_VENV / "python"), "-c", "import sqlite3; print(sqlite3.sqlite_version)"],
    }.items():
        try:
            out = subprocess.run(command, capture_output=True, text=True, timeout=30)  # noqa: S603  # nosec B603
            versions[name] = (out.stdout or out.stderr).strip().splitlines()[0]
        except (OSError, IndexError):
            versions[name] = "not found"
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gb": round(mem_kb / 1024 / 1024, 1),
        "kernel": platform.release(),
        "versions": versions,
        "load_before": os.getloadavg(),
    }


def sql_int(env: dict[str, str], query: str) -> int:
    """One integer from the benchmark's database: psql for PostgreSQL, sqlite3 for the file."""
    if "DATABASE_URL" in env:
        out = subprocess.run(  # noqa: S603  # nosec B603
            ["psql", env["DATABASE_URL"], "-tAc", query],  # noqa: S607
            capture_output=True,
            text=True,
            check=True,
        )
        return int(out.stdout.strip())
    path = Path(env["LAYANI_DATA_DIR"]) / "layani.sqlite3"
    with sqlite3.connect(path, timeout=60) as connection:
        return int(connection.execute(query).fetchone()[0])
