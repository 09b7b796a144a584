"""`layani federation add-peer|list|test|outbox|retry|deliver`: peers and the outbox by hand."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from layani.federation import delivery
from layani.federation.models import OutboxMessage, Peer, PeerKind
from layani.federation.services import add_peer, new_secret
from layani.federation.transport import post


class Command(BaseCommand):
    help = "Federation peers (other Layani deployments, SP4N-LAPOR!) and the outbox."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        add = sub.add_parser("add-peer", help="Add a peer (and its directory agency)")
        add.add_argument("deployment_id")
        add.add_argument("--name", required=True)
        add.add_argument("--kind", choices=PeerKind.values, default=PeerKind.LAYANI)
        add.add_argument("--url", required=True)
        add.add_argument("--secret", default="", help="Shared secret / LAPOR! token (new if empty)")
        add.add_argument("--level", default="national")
        add.add_argument("--region", default="", help="Region code for a regional peer")
        sub.add_parser("list", help="List peers")
        test = sub.add_parser("test", help="Check a peer answers")
        test.add_argument("deployment_id")
        out = sub.add_parser("outbox", help="Show undelivered messages")
        out.add_argument("--all", action="store_true", help="Delivered ones too")
        retry = sub.add_parser("retry", help="Send undelivered (also given-up) messages again now")
        retry.add_argument("ids", nargs="*", type=int)
        sub.add_parser("deliver", help="Run one delivery pass")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "add-peer":
            secret = options["secret"] or new_secret()
            peer = add_peer(
                deployment_id=options["deployment_id"],
                name=options["name"],
                kind=options["kind"],
                base_url=options["url"],
                secret=secret,
                level=options["level"],
                region_id=options["region"] or None,
            )
            self.stdout.write(f"peer {peer.deployment_id} agency={peer.agency.slug}")
            if not options["secret"]:
                self.stdout.write(f"secret (give it to the peer): {secret}")
        elif action == "list":
            for peer in Peer.objects.select_related("agency"):
                state = "active" if peer.active else "inactive"
                self.stdout.write(
                    f"{peer.deployment_id}\t{peer.kind}\t{peer.base_url}\t{peer.agency.slug}\t{state}"
                )
        elif action == "test":
            found = Peer.objects.filter(deployment_id=options["deployment_id"]).first()
            if found is None:
                raise CommandError(f"No peer {options['deployment_id']!r}.")
            status, _body, error = post(found.base_url.rstrip("/") + "/", b"", {})
            if status is None:
                raise CommandError(f"{found.deployment_id} does not answer: {error}")
            self.stdout.write(f"{found.deployment_id} answers (HTTP {status})")
        elif action == "outbox":
            rows = OutboxMessage.objects.select_related("hop__peer").order_by("pk")
            if not options["all"]:
                rows = rows.filter(delivered_at__isnull=True)
            for m in rows:
                state = "delivered" if m.delivered_at else ("given up" if m.given_up else "waiting")
                self.stdout.write(
                    f"{m.pk}\t{m.hop.peer.deployment_id}\t{m.kind}\t{state}\t"
                    f"attempts={m.attempts}\tnext={m.next_attempt_at:%Y-%m-%d %H:%M:%S}\t{m.last_error}"
                )
        elif action == "retry":
            self.stdout.write(
                f"{delivery.retry(message_ids=options['ids'] or None)} message(s) queued"
            )
        elif action == "deliver":
            self.stdout.write(str(delivery.run_pass().as_dict()))
