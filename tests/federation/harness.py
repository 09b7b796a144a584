"""Two live Layani deployments side by side, for the federation end-to-end tests and the lag bench.

`Deployment` is one deployment: its own data folder (audit signing key, media, an SQLite file) or
its own PostgreSQL database (`layani_fed_<name>_<pid>` next to the one in DATABASE_URL, dropped by
`close`), a settings module written into the folder, gunicorn in its own process group on a fixed
loopback port (so the peer's URL stays right across restarts), and optionally `layani db_worker`
processes. `Pair` makes an origin (a regency, "layani-sleman") and a receiver (the province,
"layani-diy") that know each other as peers with one shared secret.

Two ways to deliver:
- `workers=False` (the tests): decisions do not kick a delivery (LAYANI_FEDERATION_KICK off) and
  the test runs `layani federation deliver` processes when it wants a pass, so every step is
  deliberate and real HTTP crosses between the two gunicorn servers;
- `workers=True` (the lag bench): the database queue backend, decisions enqueue the delivery
  task after commit, and a `db_worker` per deployment runs it, as in production.

Everything inside a deployment happens in its own processes, never in the process that runs the
test, so the two databases and settings never mix: gunicorn, the CLI (`layani …`), the queue
workers, and the deployment's agent (tests/federation/steps.py --serve), one long-lived process
that makes the staff's and the operator's moves through the real services and reads the database
for the checks (a process per step would cost a Django start each, seconds on a loaded machine).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import requests

BIN = Path(sys.executable).parent
ROOT = Path(__file__).resolve().parents[2]
SECRET = "fed_e2e_shared_secret_0123456789"

_SETTINGS = """
import os
from pathlib import Path

from layani.config.settings.test import *  # noqa: F403
from layani.config.settings.base import database_from_env

DATA_DIR = Path(os.environ["LAYANI_DATA_DIR"])
DATABASES = {"default": database_from_env(DATA_DIR / "layani.sqlite3")}
MEDIA_ROOT = DATA_DIR / "media"
LAYANI_FEDERATION_ID = os.environ["LAYANI_FEDERATION_ID"]
# Retries fall due after 2 s, 4 s, 8 s … instead of 10 s, 20 s … (the schedule, shortened).
LAYANI_FEDERATION_FIRST_RETRY_SECONDS = 2
"""

_DELIBERATE = """
# Delivery only when the test runs `layani federation deliver`.
LAYANI_FEDERATION_KICK = False
"""

_WORKERS = """
# Production's queue: decisions enqueue the delivery task on commit, `db_worker` runs it.
LAYANI_FEDERATION_KICK = True
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": TASK_QUEUES,  # noqa: F405
    }
}
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _admin_connect(url: str) -> Any:
    import psycopg

    parts = urlsplit(url)
    return psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True)


class Deployment:
    def __init__(
        self, name: str, federation_id: str, postgres_url: str | None, *, workers: bool
    ) -> None:
        self.name = name
        self.federation_id = federation_id
        self.folder = Path(tempfile.mkdtemp(prefix=f"layani-fed-{name}-"))
        self.postgres_url = postgres_url
        self.workers = workers
        self.port = free_port()
        self.server: subprocess.Popen[bytes] | None = None
        self.worker_processes: list[subprocess.Popen[bytes]] = []
        self.agent: subprocess.Popen[str] | None = None
        self.db_name = ""
        (self.folder / "tmp").mkdir()
        self.env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
        self.env.update(
            PYTHONPATH=f"{self.folder}{os.pathsep}{ROOT}",
            LAYANI_DATA_DIR=str(self.folder),
            LAYANI_FEDERATION_ID=federation_id,
            DJANGO_SETTINGS_MODULE="fed_settings",
            TMPDIR=str(self.folder / "tmp"),  # the test settings' throwaway folders land here
        )
        (self.folder / "fed_settings.py").write_text(
            _SETTINGS + (_WORKERS if workers else _DELIBERATE)
        )
        if postgres_url:
            self.db_name = f"layani_fed_{name}_{os.getpid()}"
            with _admin_connect(postgres_url) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{self.db_name}"')
                conn.execute(f'CREATE DATABASE "{self.db_name}"')
            parts = urlsplit(postgres_url)
            self.env["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{self.db_name}"))

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # -- commands and steps (each in a process of its own) -------------------------------------

    def run(self, *argv: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            argv,
            env=self.env,
            cwd=self.folder,
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
        if check and done.returncode != 0:
            raise AssertionError(
                f"[{self.name}] {' '.join(argv[:3])} failed ({done.returncode}):\n"
                f"{done.stdout[-1500:]}\n{done.stderr[-3000:]}"
            )
        return done

    def layani(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return self.run(str(BIN / "layani"), *args, check=check)

    def steps(self, *steps: tuple[str, dict[str, Any]]) -> list[dict[str, Any]]:
        """Run the steps (tests/federation/steps.py) in the deployment's agent, a process of its
        own started on first use (it outlives restarts of gunicorn); their results in order."""
        if self.agent is None or self.agent.poll() is not None:
            with open(self.folder / "agent.log", "ab") as log:
                self.agent = subprocess.Popen(
                    [sys.executable, "-m", "tests.federation.steps", "--serve"],
                    env=self.env,
                    cwd=self.folder,
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=log,
                    text=True,
                    start_new_session=True,
                )
        assert self.agent.stdin is not None and self.agent.stdout is not None
        self.agent.stdin.write(json.dumps([list(s) for s in steps]) + "\n")
        self.agent.stdin.flush()
        line = self.agent.stdout.readline()
        if not line:
            raise AssertionError(f"[{self.name}] the agent died:\n{self._tail('agent.log')}")
        answer = json.loads(line)
        if "error" in answer:
            raise AssertionError(f"[{self.name}] steps {steps} failed:\n{answer['error']}")
        return list(answer["results"])

    def step(self, step_name: str, /, **kwargs: Any) -> dict[str, Any]:
        return self.steps((step_name, kwargs))[0]

    def deliver(self) -> dict[str, int]:
        """One delivery pass by `layani federation deliver`: {"delivered", "failed", "waiting"}."""
        out = self.layani("federation", "deliver").stdout.strip().splitlines()[-1]
        return {k: int(v) for k, v in re.findall(r"'(\w+)': (\d+)", out)}

    def prepare(self) -> None:
        self.layani("migrate", "-v0")
        self.step("load_reference")

    # -- processes ------------------------------------------------------------------------------

    def _spawn(self, argv: list[str], log_name: str) -> subprocess.Popen[bytes]:
        log = open(self.folder / log_name, "ab")  # noqa: SIM115 - closed with the process
        try:
            return subprocess.Popen(
                argv,
                env=self.env,
                cwd=self.folder,
                stdout=log,
                stderr=log,
                start_new_session=True,  # own process group: SIGKILL reaches every child
            )
        finally:
            log.close()

    def start(self) -> None:
        self.server = self._spawn(
            [
                str(BIN / "gunicorn"),
                "layani.config.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "2",
                "--timeout",
                "30",
                "--no-control-socket",  # not the shared default path under $HOME
                "--access-logfile",
                "-",  # the kill test counts the inbox requests answered
            ],
            "gunicorn.log",
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.server.poll() is not None:
                raise AssertionError(f"[{self.name}] gunicorn exited:\n{self.log_tail()}")
            try:
                if requests.get(f"{self.base}/lacak/", timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                pass
            time.sleep(0.2)
        else:
            raise AssertionError(f"[{self.name}] gunicorn did not answer:\n{self.log_tail()}")
        if self.workers:
            self.worker_processes = [
                self._spawn(
                    [
                        str(BIN / "layani"),
                        "db_worker",
                        "--queue-name",
                        "*",
                        "--interval",
                        "0.1",
                        "--no-startup-delay",
                    ],
                    "worker.log",
                )
            ]

    def kill(self) -> None:
        """SIGKILL gunicorn (master and workers at once) and any queue worker: no goodbye."""
        for process in [self.server, *self.worker_processes]:
            if process is None:
                continue
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=15)
        self.server = None
        self.worker_processes = []

    def log_tail(self) -> str:
        return self._tail("gunicorn.log")

    def _tail(self, name: str) -> str:
        path = self.folder / name
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""

    def close(self) -> None:
        self.kill()
        if self.agent is not None:
            self.agent.stdin.close()  # type: ignore[union-attr]  # the agent ends at EOF
            try:
                self.agent.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.agent.pid, signal.SIGKILL)
                self.agent.wait(timeout=15)
        if self.postgres_url and self.db_name:
            with _admin_connect(self.postgres_url) as conn:
                conn.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                    [self.db_name],
                )
                conn.execute(f'DROP DATABASE IF EXISTS "{self.db_name}"')
        shutil.rmtree(self.folder, ignore_errors=True)


class Pair:
    """The regency (origin) and the province (receiver), each the other's peer."""

    def __init__(self, postgres_url: str | None = None, *, workers: bool = False) -> None:
        self.origin = Deployment("a", "layani-sleman", postgres_url, workers=workers)
        try:
            self.receiver = Deployment("b", "layani-diy", postgres_url, workers=workers)
        except Exception:
            self.origin.close()
            raise

    def prepare(self) -> None:
        """Migrate and load both at once (two processes), then make each the other's peer."""
        with ThreadPoolExecutor(2) as pool:
            for done in [pool.submit(d.prepare) for d in (self.origin, self.receiver)]:
                done.result()
        for dep, region, level, name, peer, peer_level, peer_region in (
            (self.origin, "34.04", "regency", "Kabupaten Sleman", self.receiver, "province", "34"),
            (self.receiver, "34", "province", "DIY", self.origin, "regency", "34.04"),
        ):
            dep.step(
                "setup",
                region=region,
                level=level,
                name=name,
                peer_id=peer.federation_id,
                peer_name=f"Layani {'Provinsi DIY' if peer is self.receiver else 'Sleman'}",
                peer_url=peer.base,
                peer_level=peer_level,
                peer_region=peer_region,
                secret=SECRET,
            )

    def start(self) -> None:
        self.origin.start()
        self.receiver.start()

    def close(self) -> None:
        self.origin.close()
        self.receiver.close()


class Citizen:
    """A browser on the origin's public tracking page: unlock with the two codes, read, act."""

    def __init__(self, base: str, tracking_id: str, access_code: str) -> None:
        self.base = base
        self.tracking_id = tracking_id
        self.session = requests.Session()
        self.session.headers["Accept-Language"] = "en"
        self.session.cookies.set("django_language", "en")
        page = self.session.get(f"{base}/lacak/", timeout=10)
        page.raise_for_status()
        unlocked = self.session.post(
            f"{base}/lacak/",
            data={
                "tracking_id": tracking_id,
                "access_code": access_code,
                "csrfmiddlewaretoken": self._csrf(page.text),
            },
            headers={"Referer": f"{base}/lacak/"},
            timeout=10,
        )
        assert unlocked.status_code == 200 and f"/lacak/{tracking_id}/" in unlocked.url, (
            unlocked.status_code,
            unlocked.url,
        )

    @staticmethod
    def _csrf(html: str) -> str:
        found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        assert found, "no CSRF token on the page"
        return found.group(1)

    def page(self) -> str:
        response = self.session.get(f"{self.base}/lacak/{self.tracking_id}/", timeout=10)
        assert response.status_code == 200, response.status_code
        return response.text

    def act(self, action: str, **data: str) -> requests.Response:
        url = f"{self.base}/lacak/{self.tracking_id}/"
        token = self._csrf(self.session.get(url, timeout=10).text)
        return self.session.post(
            f"{url}{action}/",
            data={"csrfmiddlewaretoken": token, **data},
            headers={"Referer": url},
            timeout=10,
        )
