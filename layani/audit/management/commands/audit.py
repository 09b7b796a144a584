"""`layani audit verify|checkpoint|public-key`: check the audit chain, sign its head, show the key."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from layani.audit import signing
from layani.audit.services import ChainBrokenError, create_checkpoint
from layani.audit.verify import verify_chain


class Command(BaseCommand):
    help = (
        "Verify the tamper-evident audit log, create a signed checkpoint, or print the public key."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        subcommands = parser.add_subparsers(dest="subcommand", required=True)
        subcommands.add_parser(
            "verify",
            help="Recompute every hash and check the checkpoints; exit status 1 on the first fault.",
        )
        subcommands.add_parser("checkpoint", help="Sign the current head of the chain.")
        subcommands.add_parser("public-key", help="Print the checkpoint signing key (PEM).")

    def handle(self, *args: Any, **options: Any) -> None:
        subcommand = options["subcommand"]
        if subcommand == "verify":
            self._verify()
        elif subcommand == "checkpoint":
            self._checkpoint()
        else:
            self.stdout.write(signing.public_key_pem(), ending="")

    def _verify(self) -> None:
        result = verify_chain()
        if not result.ok:
            raise CommandError(str(result), returncode=1)
        self.stdout.write(self.style.SUCCESS(str(result)))

    def _checkpoint(self) -> None:
        try:
            checkpoint = create_checkpoint()
        except ChainBrokenError as error:
            raise CommandError(f"No checkpoint signed: {error}", returncode=1) from error
        if checkpoint is None:
            self.stdout.write("The audit log is empty; nothing to sign.")
            return
        self.stdout.write(self.style.SUCCESS(f"Checkpoint {checkpoint.pk} created."))
        self.stdout.write(f"statement: {checkpoint.statement}")
        self.stdout.write(f"signature: {checkpoint.signature}")
        self.stdout.write(f"key: {checkpoint.public_key_id}")
