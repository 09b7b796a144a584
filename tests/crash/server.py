"""A real Layani server for crash tests: its own database, gunicorn in its own process group.

`Deployment` prepares a database (an SQLite file in a temporary folder, or a fresh PostgreSQL
database `crash_<pid>_<n>` next to the one in DATABASE_URL), loads the Yogyakarta regions and the
default categories, issues an Open311 key, and starts/kills gunicorn on a free loopback port. The
server runs the test settings, pointed at that database and folder by a small settings module
written into the folder.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import requests

BIN = Path(sys.executable).parent
REGION = "34.04.07.2001"  # a village in Sleman
SERVICE = "jalan-rusak"
_counter = itertools.count()

_SETTINGS = """
import os
from pathlib import Path

from layani.config.settings.test import *  # noqa: F403
from layani.config.settings.base import database_from_env

DATA_DIR = Path(os.environ["LAYANI_DATA_DIR"])
DATABASES = {"default": database_from_env(DATA_DIR / "layani.sqlite3")}
MEDIA_ROOT = DATA_DIR / "media"
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _admin_connect(url: str):
    import psycopg

    parts = urlsplit(url)
    return psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True)


class Deployment:
    def __init__(self, folder: Path, postgres_url: str | None) -> None:
        self.folder = folder
        self.postgres_url = postgres_url
        self.port = free_port()
        self.server: subprocess.Popen[bytes] | None = None
        self.db_name = ""
        self.env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        self.env.update(
            PYTHONPATH=str(folder),
            LAYANI_DATA_DIR=str(folder),
            DJANGO_SETTINGS_MODULE="crash_settings",
        )
        (folder / "crash_settings.py").write_text(_SETTINGS)
        if postgres_url:
            self.db_name = f"crash_{os.getpid()}_{next(_counter)}"
            with _admin_connect(postgres_url) as conn:
                conn.execute(f'CREATE DATABASE "{self.db_name}"')
            parts = urlsplit(postgres_url)
            self.env["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{self.db_name}"))

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def layani(self, *args: str) -> str:
        done = subprocess.run(
            [str(BIN / "layani"), *args],
            env=self.env,
            cwd=self.folder,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, f"layani {args[0]} failed:\n{done.stderr[-2000:]}"
        return done.stdout

    def prepare(self) -> str:
        """Migrate and load data; return a fresh Open311 API key."""
        self.layani("migrate", "-v0")
        self.layani("load_regions", "--province", "34")
        self.layani("load_categories")
        return self.layani("open311", "issue-key", "crash-test").strip().splitlines()[-1]

    def start(self) -> None:
        log = open(self.folder / "gunicorn.log", "ab")  # noqa: SIM115 - closed with the process
        self.server = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "layani.config.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "2",
                "--timeout",
                "20",
            ],
            env=self.env,
            cwd=self.folder,
            stdout=log,
            stderr=log,
            start_new_session=True,  # its own process group: SIGKILL reaches master and workers
        )
        log.close()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            assert self.server.poll() is None, "gunicorn exited:\n" + self.log_tail()
            try:
                if requests.get(f"{self.base}/open311/v2/services.json", timeout=2).ok:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.2)
        raise AssertionError("gunicorn did not answer within 20 s:\n" + self.log_tail())

    def kill(self) -> None:
        """SIGKILL the master and every worker at once (no graceful shutdown, no atexit)."""
        if self.server is None:
            return
        with contextlib.suppress(ProcessLookupError):  # already gone
            os.killpg(self.server.pid, signal.SIGKILL)
        self.server.wait(timeout=10)
        self.server = None

    def reports(self) -> dict[str, str]:
        """Every stored report: displayed tracking ID → description (read by a fresh process)."""
        out = self.layani(
            "shell",
            "-v0",
            "-c",
            "import json; from layani.intake.models import Report; "
            "print(json.dumps({r.display_tracking_id: r.description for r in Report.objects.all()}))",
        )
        return dict(json.loads(out.strip().splitlines()[-1]))

    def stored(self) -> dict[str, str]:
        """Every acknowledged submission, recorded or still in the intake journal: displayed
        tracking ID → description (read by a fresh process, before any worker ran)."""
        out = self.layani(
            "shell",
            "-v0",
            "-c",
            "import json; from layani.intake.models import JournalEntry, Report; "
            "from layani.intake.tracking import format_tracking_id as f; "
            "d = {r.display_tracking_id: r.description for r in Report.objects.all()}; "
            "d.update({f(e.tracking_id): e.submission['description'] "
            "for e in JournalEntry.objects.all()}); print(json.dumps(d))",
        )
        return dict(json.loads(out.strip().splitlines()[-1]))

    def journal_left(self) -> int:
        out = self.layani(
            "shell",
            "-v0",
            "-c",
            "from layani.intake.models import JournalEntry; print(JournalEntry.objects.count())",
        )
        return int(out.strip().splitlines()[-1])

    def log_tail(self) -> str:
        path = self.folder / "gunicorn.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""

    def close(self) -> None:
        self.kill()
        if self.postgres_url and self.db_name:
            with _admin_connect(self.postgres_url) as conn:
                conn.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                    [self.db_name],
                )
                conn.execute(f'DROP DATABASE IF EXISTS "{self.db_name}"')
        shutil.rmtree(self.folder, ignore_errors=True)


@dataclass
class Stream:
    """A client thread posting Open311 requests one after another, new connection each time."""

    base: str
    api_key: str
    deadline: float
    acknowledged: dict[str, str] = field(default_factory=dict)
    statuses: list[tuple[float, int | str]] = field(default_factory=list)
    bodies: list[tuple[int, str, str]] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)
    max_requests: int = 3000

    def __post_init__(self) -> None:
        self.run_id = uuid.uuid4().hex[:8]
        self.thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        self.thread.start()

    def finish(self) -> None:
        self.stop.set()
        self.thread.join(timeout=15)
        assert not self.thread.is_alive()

    def acks_after(self, moment: float) -> int:
        return sum(1 for t, s in self.statuses if t > moment and s in (200, 201))

    def _run(self) -> None:
        for n in range(self.max_requests):
            if self.stop.is_set() or time.monotonic() > self.deadline:
                return
            description = f"Jalan berlubang, laporan uji {self.run_id}-{n}: ±{n * 7} cm «dalam»"
            data = {
                "api_key": self.api_key,
                "service_code": SERVICE,
                "region_code": REGION,
                "lat": "-7.7160",
                "long": "110.3555",
                "description": description,
            }
            try:
                response = requests.post(
                    f"{self.base}/open311/v2/requests.json", data=data, timeout=(2, 10)
                )
            except requests.RequestException as error:
                self.statuses.append((time.monotonic(), type(error).__name__))
                time.sleep(0.05)
                continue
            self.statuses.append((time.monotonic(), response.status_code))
            if response.status_code in (200, 201):
                tracking_id = response.json()[0]["service_request_id"]
                self.acknowledged[tracking_id] = description
            else:
                self.bodies.append(
                    (response.status_code, response.headers.get("Retry-After", ""), response.text)
                )
                time.sleep(0.05)
