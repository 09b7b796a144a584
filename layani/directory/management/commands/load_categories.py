"""`layani load_categories`: load Layani's default category taxonomy."""

from typing import Any

from django.core.management.base import BaseCommand

from layani.directory.services import load_default_categories


class Command(BaseCommand):
    help = "Create or refresh the default two-level category taxonomy."

    def handle(self, *args: Any, **options: Any) -> None:
        count = load_default_categories()
        self.stdout.write(self.style.SUCCESS(f"{count} categories ready."))
