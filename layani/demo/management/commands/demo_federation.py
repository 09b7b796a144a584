"""`layani demo_federation`: the province's side of the federation demo, and a delivery loop.

Run by `layani demo_up --federation` (layani/demo/federation_run.py) in the province's
environment; by hand only to repeat a step:

    layani demo_federation setup-province --origin-id layani --origin-url http://127.0.0.1:8000
    layani demo_federation handle          # the province handles what arrived, sends answers
    layani demo_federation deliver --every 5
"""

from __future__ import annotations

import signal
import sys
import time
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from layani.demo import federation
from layani.demo.federation_run import settle, undelivered
from layani.demo.organisations import PROVINCE
from layani.directory.models import Agency, Boundary, Category, Region
from layani.federation import delivery


class Command(BaseCommand):
    help = "The federation demo's province: set it up, handle what arrived, deliver in a loop."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="step", required=True)
        setup = sub.add_parser("setup-province", help="Migrate, load DIY, build the province")
        setup.add_argument("--origin-id", required=True, help="The regencies' deployment id")
        setup.add_argument("--origin-url", required=True, help="Its base URL")
        sub.add_parser("handle", help="Handle the reports that arrived, then deliver the answers")
        loop = sub.add_parser("deliver", help="Run a delivery pass every few seconds")
        loop.add_argument("--every", type=float, default=5.0)

    def handle(self, *args: Any, step: str, **options: Any) -> None:
        if step == "setup-province":
            self._setup(options["origin_id"], options["origin_url"])
        elif step == "handle":
            handled = federation.handle_received()
            delivered = settle(lambda: not undelivered())
            self.stdout.write(
                f"The province handled {handled} report(s); "
                + ("its answers were delivered." if delivered else "some answers still wait.")
            )
        else:
            self._loop(options["every"])

    def _setup(self, origin_id: str, origin_url: str) -> None:
        call_command("migrate", verbosity=0)
        if not Region.objects.filter(code=PROVINCE).exists():
            call_command("load_regions", provinces=[PROVINCE], verbosity=0)
        if not Boundary.objects.filter(region_id=PROVINCE).exists():
            call_command("load_boundaries", PROVINCE, verbosity=0)
        if not Category.objects.exists():
            call_command("load_categories", verbosity=0)
        if Agency.objects.exists():
            self.stdout.write("The province's deployment is already set up.")
            return
        peer = federation.build_province(origin_id=origin_id, origin_url=origin_url)
        self.stdout.write(
            f"The province's deployment: {Agency.objects.count() - 1} offices and the peer "
            f"{peer.deployment_id} at {peer.base_url}."
        )

    def _loop(self, every: float) -> None:
        if every <= 0:
            raise CommandError("--every must be a positive number of seconds.")
        signal.signal(signal.SIGTERM, lambda *_args: sys.exit(0))
        try:
            while True:
                result = delivery.run_pass()
                if result.delivered or result.failed:
                    self.stdout.write(f"delivery: {result.as_dict()}")
                    self.stdout.flush()
                time.sleep(every)
        except KeyboardInterrupt:
            return
