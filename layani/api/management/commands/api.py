"""`layani api issue-token AGENCY NAME | revoke-token PREFIX | list-tokens`: agencies' API tokens."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from layani.api.models import ApiScope, ApiToken
from layani.api.tokens import TOKEN_PREFIX, issue_token, revoke_token
from layani.directory.models import Agency


class Command(BaseCommand):
    help = "Issue, revoke and list the tokens with which agencies' systems use the REST API."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True)
        issue = sub.add_parser("issue-token", help="Issue a token for AGENCY and print it once.")
        issue.add_argument("agency", help="The agency's slug; the token speaks for it alone.")
        issue.add_argument("name", help="Which system holds the token, e.g. 'SIMPUS'.")
        issue.add_argument(
            "--read-only", action="store_true", help="Read cases only; no posting, no task moves."
        )
        revoke = sub.add_parser("revoke-token", help="Revoke the token with this prefix.")
        revoke.add_argument(
            "prefix",
            help="The 8 characters after 'lyn_' as list-tokens shows them; 'lyn_' may be included "
            "(needed for a token issued before 2026-11 whose prefix starts with '-').",
        )
        sub.add_parser(
            "list-tokens", help="List tokens (prefix, agency, name, state); never tokens."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        subcommand = options["subcommand"]
        if subcommand == "issue-token":
            agency = Agency.objects.filter(slug=options["agency"], is_active=True).first()
            if agency is None:
                raise CommandError(f"No active agency with slug {options['agency']!r}.")
            scopes = (ApiScope.READ,) if options["read_only"] else (ApiScope.READ, ApiScope.WRITE)
            try:
                token, raw = issue_token(agency, options["name"], scopes=scopes)
            except ValueError as error:
                raise CommandError(str(error)) from error
            self.stderr.write(
                f"Token {token.prefix}… issued to {token.name} of {agency.slug} "
                f"(service user {token.service_user.username}). It is shown only now:"
            )
            self.stdout.write(raw)
        elif subcommand == "revoke-token":
            prefix = options["prefix"].strip().removeprefix(TOKEN_PREFIX)
            matches = list(ApiToken.objects.active().filter(prefix=prefix))
            if len(matches) != 1:
                raise CommandError(
                    f"{len(matches)} active tokens have the prefix {prefix!r}; "
                    "expected exactly one."
                )
            revoke_token(matches[0])
            self.stdout.write(self.style.SUCCESS(f"Token {matches[0].prefix}… revoked."))
        else:
            for token in ApiToken.objects.select_related("agency"):
                state = "active" if token.is_active else f"revoked {token.revoked_at:%Y-%m-%d}"
                used = f"{token.last_used_at:%Y-%m-%d %H:%M}" if token.last_used_at else "never"
                self.stdout.write(
                    f"{token.prefix}…  {token.agency.slug}  {token.name}  "
                    f"{','.join(token.scopes)}  issued {token.created_at:%Y-%m-%d}  "
                    f"last used {used}  {state}"
                )
