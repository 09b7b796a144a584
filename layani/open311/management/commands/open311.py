"""`layani open311 issue-key NAME | revoke-key NAME | list-keys`: manage integrators' API keys."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from layani.open311.keys import issue_api_key, revoke_api_keys
from layani.open311.models import ApiKey


class Command(BaseCommand):
    help = "Issue, revoke and list the API keys with which integrators post Open311 requests."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True)
        issue = sub.add_parser("issue-key", help="Issue a new key for NAME and print it once.")
        issue.add_argument("name", help="The integrator; becomes the reports' channel reference.")
        revoke = sub.add_parser("revoke-key", help="Revoke every active key of NAME.")
        revoke.add_argument("name")
        sub.add_parser("list-keys", help="List keys (prefix, integrator, state); never the keys.")

    def handle(self, *args: Any, **options: Any) -> None:
        subcommand = options["subcommand"]
        if subcommand == "issue-key":
            try:
                key, raw = issue_api_key(options["name"])
            except ValueError as error:
                raise CommandError(str(error)) from error
            self.stderr.write(f"Key {key.prefix}… issued to {key.name}. It is shown only now:")
            self.stdout.write(raw)
        elif subcommand == "revoke-key":
            count = revoke_api_keys(options["name"])
            if count == 0:
                raise CommandError(f"No active key for {options['name']!r}.")
            self.stdout.write(self.style.SUCCESS(f"{count} key(s) revoked."))
        else:
            for key in ApiKey.objects.all():
                state = "active" if key.is_active else f"revoked {key.revoked_at:%Y-%m-%d}"
                self.stdout.write(f"{key.prefix}…  {key.name}  {key.created_at:%Y-%m-%d}  {state}")
