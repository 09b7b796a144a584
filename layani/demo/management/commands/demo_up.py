"""`layani demo_up`: one command from an empty folder to a running demo at http://127.0.0.1:8000."""

from __future__ import annotations

import contextlib
import os
import signal

# Starts Layani's own worker and scheduler, never anything from input.
import subprocess  # nosec B404
import sys
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from layani.accounts.models import Membership, Role
from layani.demo.deployment import DEMO_PASSWORD, DEMO_TOTP_SECRET, PROVINCE
from layani.directory.models import Agency, Boundary, Category, Region

#: Started beside the web server, as in production (docs/deploy.md), each with its log's name:
#: one queue worker only records what the intake journal acknowledged (the `intake` queue, so a
#: report never waits behind a backlog of e-mails: decision 0026), another sends notifications and
#: runs every other job, the scheduler enqueues the periodic jobs.
BACKGROUND = [
    ("worker-intake", ("db_worker", "--queue-name", "intake", "--interval", "0.5")),
    (
        "worker-other",
        ("db_worker", "--queue-name", "*", "--exclude-queues", "intake", "--interval", "1"),
    ),
    ("scheduler", ("sla", "scheduler", "--interval", "60")),
]

#: One account per role to print; every demo account shares the same password.
SHOWCASE = [
    ("admin", "superuser (Django admin)"),
    ("koordinator.pemda-diy", Role.COORDINATOR.label),
    ("admin.dpu-sleman", Role.AGENCY_ADMIN.label),
    ("petugas1.dpu-sleman", Role.OFFICER.label),
    ("atasan.dpu-sleman", Role.SUPERVISOR.label),
    ("pengawas.inspektorat-diy", Role.OVERSIGHT.label),
]


def stop_background(processes: list[subprocess.Popen[bytes]], seconds: float = 30) -> None:
    """SIGTERM each background command's process group; SIGKILL what is still there after
    `seconds` (the worker finishes the task in hand first)."""
    for process in processes:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=seconds)


class Command(BaseCommand):
    help = "Migrate, load regions and categories, build the demo if empty, print logins, serve."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--addrport", default="127.0.0.1:8000")
        parser.add_argument("--no-serve", action="store_true", help="Set up only; do not serve.")
        parser.add_argument(
            "--no-background",
            action="store_true",
            help="Serve without starting the queue worker and the scheduler.",
        )
        parser.add_argument(
            "--federation",
            action="store_true",
            help="Also run the province's own deployment at :8001 and forward reports to it "
            "(layani/demo/federation_run.py).",
        )

    def handle(
        self,
        *args: Any,
        addrport: str,
        no_serve: bool,
        no_background: bool,
        federation: bool = False,
        **options: Any,
    ) -> None:
        call_command("migrate", verbosity=0)
        if Region.objects.count() < 91_599:
            call_command("load_regions")
        if not Boundary.objects.filter(region_id=PROVINCE).exists():
            call_command("load_boundaries", PROVINCE)
        if not Category.objects.exists():
            call_command("load_categories")
        if not Agency.objects.exists():
            call_command("seed_demo")
        # The public statistics read rollups; bring them up to date before the first page view.
        call_command("rollup_stats", verbosity=0)
        self._print_logins()
        demo = None
        if federation:
            from layani.demo.federation_run import FederationDemo

            demo = FederationDemo(self.stdout, addrport)
            demo.prepare()
        if no_serve:
            return
        background = [] if no_background else self._start_background()
        if demo is not None:
            background += demo.start([] if no_background else BACKGROUND)
        # A SIGTERM (a process manager, `kill`) ends the demo like Ctrl-C does, through `finally`.
        signal.signal(signal.SIGTERM, lambda *_args: sys.exit(0))
        try:
            call_command("runserver", addrport, use_reloader=False)
        finally:
            stop_background(background)

    def _start_background(self) -> list[subprocess.Popen[bytes]]:
        """Start each background command; its output goes to a log file beside the database, so
        the terminal keeps the logins and the web server's lines (the worker prints every demo
        e-mail it sends to the console backend)."""
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": settings.SETTINGS_MODULE}
        processes = []
        for name, command in BACKGROUND:
            argv = [sys.executable, "-m", "layani.cli", *command]
            log_path = Path(settings.DATA_DIR) / f"{name}.log"
            with log_path.open("ab") as log:
                # Its own process group, so that stopping it reaches any child it starts.
                processes.append(
                    subprocess.Popen(  # noqa: S603  # nosec B603
                        argv, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
                    )
                )
            self.stdout.write(
                f"Started `layani {' '.join(command)}` (pid {processes[-1].pid}); "
                f"its output goes to {log_path}."
            )
        return processes

    def _print_logins(self) -> None:
        staff = Membership.objects.count()
        self.stdout.write("")
        self.stdout.write(
            self.style.MIGRATE_HEADING(f"Demo logins (password for all: {DEMO_PASSWORD})")
        )
        for username, role in SHOWCASE:
            self.stdout.write(f"  {username:<28} {role}")
        self.stdout.write(f"  … and {staff} staff accounts in all: see /admin/accounts/membership/")
        self.stdout.write(
            f"The admin, coordinators, agency admins, supervisors and oversight also enter a code "
            f"from an "
            f"authenticator app with the demo key {DEMO_TOTP_SECRET} (or: oathtool --totp -b "
            f"{DEMO_TOTP_SECRET})."
        )
        self.stdout.write("")
