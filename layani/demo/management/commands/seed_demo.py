"""`layani seed_demo`: build the demo deployment (agencies, staff, matrix, a few thousand reports)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.test.utils import override_settings
from django.utils import timezone
from tqdm import tqdm

from layani.accounts.models import User
from layani.demo.deployment import DEMO_PASSWORD, PROVINCE, build_organisations
from layani.demo.organisations import DEMO_TOTP_SECRET
from layani.demo.planning import build_planning_year
from layani.demo.reports import generate_reports
from layani.directory.models import Agency, Category, Region
from layani.security.models import TotpDevice


class Command(BaseCommand):
    help = (
        "Create the demo deployment for Daerah Istimewa Yogyakarta (needs regions and categories)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--reports", type=int, default=2000, help="How many reports (2000).")
        parser.add_argument("--seed", type=int, default=2026, help="Random seed (2026).")

    def handle(self, *args: Any, reports: int, seed: int, **options: Any) -> None:
        if not Region.objects.filter(code=PROVINCE).exists():
            raise CommandError("Load the regions first: layani load_regions")
        if not Category.objects.exists():
            raise CommandError("Load the categories first: layani load_categories")
        if Agency.objects.exists():
            raise CommandError("This database already has agencies; the demo needs an empty one.")
        logins = build_organisations()
        admin = User.objects.create_superuser("admin", password=DEMO_PASSWORD, first_name="Admin")
        # The admin asks for the second factor too (docs/security.md): the same demo key.
        TotpDevice.objects.create(user=admin, secret=DEMO_TOTP_SECRET, confirmed_at=timezone.now())
        self.stdout.write(f"{Agency.objects.count()} agencies, {len(logins)} staff accounts.")
        # Demo history must not e-mail the invented reporters and agencies.
        quiet = override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend")
        progress = tqdm(
            total=reports,
            unit="reports",
            desc="Demo reports",
            disable=options["verbosity"] == 0,
            file=self.stderr._out,
        )
        with quiet, progress as bar:
            created = generate_reports(reports, seed=seed, progress=bar.update)
        with quiet:
            build_planning_year()
        self.stdout.write(self.style.SUCCESS(f"{created:,} demo reports created."))
