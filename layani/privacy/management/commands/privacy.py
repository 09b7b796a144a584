"""`layani privacy …`: the retention job and data subjects' requests handled by staff.

    layani privacy erase-expired [--dry-run]
    layani privacy export --actor USER (--email E | --phone P | --nik N) --reason TEXT [--format csv]
    layani privacy erase-subject --actor USER (--email E | --phone P | --nik N) --reason TEXT
    layani privacy restrict|unrestrict --actor USER (--email … | --tracking-id T) --reason TEXT
    layani privacy hold|release --actor USER --tracking-id T --reason TEXT

`--actor` is the coordinator or oversight member who verified the requester's contact; only reports
in the regions where they hold that role are touched. Every request is audited.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import QuerySet

from layani.accounts.models import User
from layani.intake.models import Report
from layani.intake.tracking import normalize_tracking_id
from layani.privacy.erasure import erase_expired, erase_subject
from layani.privacy.export import FORMATS, export_subject
from layani.privacy.policy import retention_policy
from layani.privacy.requests import set_legal_hold, set_restriction
from layani.privacy.selectors import may_handle_requests, report_for_staff, reports_by_contact

_SUBJECT_COMMANDS = ("export", "erase-subject", "restrict", "unrestrict")


class Command(BaseCommand):
    help = "Erase personal data past retention; handle data subjects' requests (UU PDP)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True)
        expired = sub.add_parser("erase-expired", help="Run the retention job now.")
        expired.add_argument(
            "--dry-run", action="store_true", help="Only count what would be erased."
        )
        for name in (*_SUBJECT_COMMANDS, "hold", "release"):
            p = sub.add_parser(name)
            p.add_argument("--actor", required=True, help="Username of the coordinator/oversight.")
            p.add_argument("--reason", required=True)
            p.add_argument("--tracking-id", default="")
            if name in _SUBJECT_COMMANDS:
                p.add_argument("--email", default="")
                p.add_argument("--phone", default="")
                p.add_argument("--nik", default="")
            if name == "export":
                p.add_argument("--format", choices=FORMATS, default="json")
                p.add_argument("--output", default="-", help="File to write; '-' for stdout.")

    def handle(self, *args: Any, **options: Any) -> None:
        command = options["subcommand"]
        if command == "erase-expired":
            self._erase_expired(dry_run=options["dry_run"])
            return
        actor = self._actor(options["actor"])
        if len(options["reason"].strip()) < 5:
            raise CommandError("--reason: say why (at least 5 characters).")
        if command in ("hold", "release"):
            report = self._one_report(options["tracking_id"], actor)
            set_legal_hold(
                report, held=command == "hold", handled_by=actor, reason=options["reason"]
            )
            self.stdout.write(f"{report.display_tracking_id}: {command} recorded.")
            return
        reports = self._subject_reports(options, actor)
        if command == "export":
            _, body = export_subject(
                reports, handled_by=actor, reason=options["reason"], file_format=options["format"]
            )
            if options["output"] == "-":
                sys.stdout.buffer.write(body)
            else:
                Path(options["output"]).write_bytes(body)
                self.stderr.write(f"{len(reports)} reports exported to {options['output']}.")
        elif command == "erase-subject":
            _, erased, held = erase_subject(reports, handled_by=actor, reason=options["reason"])
            self.stdout.write(f"{len(erased)} reports erased.")
            if held:
                self.stdout.write(f"Kept under legal hold: {', '.join(held)}.")
        else:
            set_restriction(
                reports,
                restricted=command == "restrict",
                handled_by=actor,
                reason=options["reason"],
            )
            self.stdout.write(f"{len(reports)} reports: {command} recorded.")

    def _erase_expired(self, *, dry_run: bool) -> None:
        policy = retention_policy()
        bar = _ProgressBar(self.stderr)
        result = erase_expired(dry_run=dry_run, progress=bar)
        bar.finish()
        if dry_run:
            self.stdout.write(
                f"{result.due} reports are past the retention period "
                f"({policy.identity_years} years after closure); nothing erased (dry run)."
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(result.erased)} reports erased; {result.processed_messages} message "
                f"receipts and {result.sessions} expired sessions removed."
            )
        )

    def _actor(self, username: str) -> User:
        actor = User.objects.filter(username=username, is_active=True).first()
        if actor is None:
            raise CommandError(f"--actor: no active user {username!r}.")
        if not may_handle_requests(actor):
            raise CommandError("--actor must be a coordinator or an oversight member.")
        return actor

    def _one_report(self, tracking_id: str, actor: User) -> Report:
        if normalize_tracking_id(tracking_id) is None:
            raise CommandError("--tracking-id: not a valid tracking ID.")
        report = report_for_staff(actor, tracking_id)
        if report is None:
            raise CommandError("--tracking-id: no such report in your regions.")
        return report

    def _subject_reports(self, options: dict[str, Any], actor: User) -> list[Report]:
        if options["tracking_id"]:
            return [self._one_report(options["tracking_id"], actor)]
        if not (options["email"] or options["phone"] or options["nik"]):
            raise CommandError("Name the data subject: --email, --phone, --nik or --tracking-id.")
        found: QuerySet[Report] = reports_by_contact(
            email=options["email"], phone=options["phone"], nik=options["nik"], staff=actor
        )
        return list(found)


class _ProgressBar:
    """A one-line progress bar on stderr for long runs."""

    def __init__(self, stream: Any) -> None:
        self.stream, self.shown = stream, False

    def __call__(self, done: int, total: int) -> None:
        width = 30
        filled = width * done // max(total, 1)
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending="")
        self.stream.flush()
        self.shown = True

    def finish(self) -> None:
        if self.shown:
            self.stream.write("")
