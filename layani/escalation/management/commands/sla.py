"""``layani sla sweep|tick|scheduler``: run the service clock by hand, from cron, or as a loop.

* ``sweep`` does one pass now (``--enqueue`` puts it on the task queue instead; ``--now`` runs it
  as of another instant, e.g. to check what a catch-up would do on a copy of the data).
* ``tick`` enqueues each periodic job whose slot is unclaimed (sweep, checkpoint, digest): run it
  every minute from cron, or use ``scheduler``.
* ``scheduler`` ticks forever every ``--interval`` seconds; several may run side by side.
"""

from __future__ import annotations

import time
from datetime import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from layani.escalation import scheduler
from layani.escalation.sweep import sweep
from layani.escalation.tasks import run_sweep


class Command(BaseCommand):
    help = "Run the service clock: one sweep, one scheduler tick, or the scheduler loop."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        one = sub.add_parser("sweep", help="One pass: remind, escalate, auto-close.")
        one.add_argument("--enqueue", action="store_true", help="Queue it for a worker.")
        one.add_argument("--now", help="Run as of this ISO 8601 instant (with offset).")
        sub.add_parser("tick", help="Enqueue the periodic jobs that are due.")
        loop = sub.add_parser("scheduler", help="Tick forever.")
        loop.add_argument("--interval", type=float, default=60.0)

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "sweep":
            if options["enqueue"]:
                result = run_sweep.enqueue()
                self.stdout.write(f"queued {result.id}")
                return
            now = _parse_now(options["now"])
            counts = sweep(now=now)
            self.stdout.write(" ".join(f"{k}={v}" for k, v in sorted(counts.items())) or "idle")
        elif action == "tick":
            self.stdout.write(" ".join(scheduler.tick()) or "nothing due")
        else:
            interval = options["interval"]
            self.stdout.write(f"scheduler ticking every {interval:g}s")
            try:
                while True:
                    enqueued = scheduler.tick()
                    if enqueued:
                        self.stdout.write(" ".join(enqueued))
                    time.sleep(interval)
            except KeyboardInterrupt:
                return


def _parse_now(value: str | None) -> datetime | None:
    if not value:
        return None
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        raise CommandError("--now needs an offset, e.g. 2026-01-05T09:00+07:00")
    return parsed
