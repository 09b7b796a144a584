"""`layani webhooks deliver | subscribe AGENCY URL | list | deactivate ID`: outgoing webhooks."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from layani.directory.models import Agency
from layani.webhooks.delivery import run_pass
from layani.webhooks.models import Subscription
from layani.webhooks.services import deactivate, subscribe
from layani.webhooks.tasks import deliver_webhooks


class Command(BaseCommand):
    help = "Run a webhook delivery pass, and manage agencies' webhook subscriptions."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True)
        deliver = sub.add_parser("deliver", help="Queue new events and send due deliveries once.")
        deliver.add_argument(
            "--enqueue", action="store_true", help="Put the pass on the task queue instead."
        )
        add = sub.add_parser("subscribe", help="Subscribe AGENCY's URL; prints the secret once.")
        add.add_argument("agency", help="The agency's slug.")
        add.add_argument("url")
        add.add_argument(
            "--event",
            action="append",
            default=[],
            help="An action prefix such as 'task.' or 'report.closure_proposed' (repeatable).",
        )
        sub.add_parser("list", help="List subscriptions and their delivery counts; no secrets.")
        off = sub.add_parser("deactivate", help="Stop sending to a subscription.")
        off.add_argument("id", type=int)

    def handle(self, *args: Any, **options: Any) -> None:
        subcommand = options["subcommand"]
        if subcommand == "deliver":
            if options["enqueue"]:
                result = deliver_webhooks.enqueue()
                self.stdout.write(f"Delivery pass queued ({result.id}).")
            else:
                self.stdout.write(str(run_pass().as_dict()))
        elif subcommand == "subscribe":
            agency = Agency.objects.filter(slug=options["agency"], is_active=True).first()
            if agency is None:
                raise CommandError(f"No active agency with slug {options['agency']!r}.")
            try:
                subscription = subscribe(agency, options["url"], options["event"])
            except ValueError as error:
                raise CommandError(str(error)) from error
            self.stderr.write(
                f"Subscription {subscription.pk} for {agency.slug}. Its secret is shown only now:"
            )
            self.stdout.write(subscription.secret)
        elif subcommand == "list":
            for s in Subscription.objects.select_related("agency"):
                sent = s.deliveries.filter(delivered_at__isnull=False).count()
                waiting = s.deliveries.filter(delivered_at__isnull=True).count()
                events = ",".join(s.events) or "all"
                state = "active" if s.active else "inactive"
                self.stdout.write(
                    f"{s.pk}  {s.agency.slug}  {s.url}  {events}  cursor={s.cursor}  "
                    f"delivered={sent} pending_or_failed={waiting}  {state}"
                )
        else:
            found = Subscription.objects.filter(pk=options["id"]).first()
            if found is None:
                raise CommandError(f"No subscription {options['id']}.")
            deactivate(found)
            self.stdout.write(self.style.SUCCESS(f"Subscription {found.pk} deactivated."))
