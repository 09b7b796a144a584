"""`layani messaging add-gateway NAME --kind KIND | rotate-secret SLUG | list-gateways`."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from layani.messaging.gateways import add_gateway, rotate_secret
from layani.messaging.models import Gateway, GatewayKind


class Command(BaseCommand):
    help = "Register inbound messaging gateways and print their signing secrets."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True)
        add = sub.add_parser("add-gateway", help="Register a gateway; prints its secret once.")
        add.add_argument("name")
        add.add_argument("--kind", required=True, choices=GatewayKind.values)
        rotate = sub.add_parser(
            "rotate-secret", help="Issue a new secret; the old one stops working."
        )
        rotate.add_argument("slug")
        sub.add_parser("list-gateways", help="List gateways and their webhook paths.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["subcommand"] == "add-gateway":
            try:
                gateway, secret = add_gateway(options["name"], options["kind"])
            except ValueError as error:
                raise CommandError(str(error)) from error
            self._show(gateway, secret)
        elif options["subcommand"] == "rotate-secret":
            found = Gateway.objects.filter(slug=options["slug"]).first()
            if found is None:
                raise CommandError(f"No gateway {options['slug']!r}.")
            self._show(found, rotate_secret(found))
        else:
            for gateway in Gateway.objects.all():
                state = "active" if gateway.is_active else "inactive"
                self.stdout.write(f"{gateway.slug}  {gateway.kind}  {_path(gateway)}  {state}")

    def _show(self, gateway: Gateway, secret: str) -> None:
        self.stderr.write(
            f"Gateway {gateway.name}: POST {_path(gateway)}, signed with this secret:"
        )
        self.stdout.write(secret)


def _path(gateway: Gateway) -> str:
    suffix = "email" if gateway.kind == GatewayKind.EMAIL else "inbound"
    return f"/messaging/{gateway.slug}/{suffix}"
