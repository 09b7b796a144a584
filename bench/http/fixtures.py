"""What the HTTP benchmark needs from a seeded database, printed as JSON.

Run with the bench settings (DJANGO_SETTINGS_MODULE=layani.config.settings.bench): an Open311 API
key for the intake load, a service without required questions and village codes to submit to, and
signed-in staff sessions (with the TOTP-verified flag, as after entering a code) for the
coordinator's queue and the busiest agency's inbox.
"""

from __future__ import annotations

import json
import os
import sys

import django


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "layani.config.settings.bench")
    django.setup()
    from django.conf import settings
    from django.db.models import Count
    from django.test import Client

    from layani.accounts.models import Membership, Role
    from layani.cases.models import ACTIVE_TASK_STATUSES, Task
    from layani.directory.models import Category, Region
    from layani.open311.keys import issue_api_key
    from layani.security.totp import SESSION_FLAG

    def session_for(user: object) -> str:
        client = Client()
        client.force_login(user)  # type: ignore[arg-type]
        session = client.session
        session[SESSION_FLAG] = True
        session.save()
        return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"

    coordinator = Membership.objects.filter(role=Role.COORDINATOR).select_related("user").first()
    busiest = (
        Task.objects.filter(status__in=ACTIVE_TASK_STATUSES)
        .values("agency")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
    )
    if coordinator is None or busiest is None:
        sys.exit("No coordinator or no open tasks: seed the database first.")
    officer = (
        Membership.objects.filter(agency_id=busiest["agency"], role=Role.AGENCY_ADMIN)
        .select_related("user", "agency")
        .first()
    ) or Membership.objects.filter(agency_id=busiest["agency"]).select_related(
        "user", "agency"
    ).first()
    if officer is None:
        sys.exit("The busiest agency has no staff.")
    service = (
        Category.objects.filter(parent__isnull=False)
        .exclude(questions__required=True)
        .order_by("code")
        .first()
    )
    if service is None:
        sys.exit("No category without required questions.")
    province = officer.agency.region_id[:2] if officer.agency.region_id else "34"
    villages = list(
        Region.objects.filter(level=4, code__startswith=f"{province}.")
        .order_by("code")
        .values_list("code", flat=True)[:500]
    )
    from layani.intake.models import Report, ReportStatus

    # A public report with follow-ups, as a visitor opens from the list (newest closed one).
    public_report = (
        Report.objects.public()
        .filter(status=ReportStatus.CLOSED)
        .order_by("-submitted_at")
        .values_list("tracking_id", flat=True)
        .first()
    )
    _key, raw_key = issue_api_key(f"bench {os.getpid()}")
    # The table of the "durable floor" endpoint (bench/http/urls.py), emptied for each run.
    from django.db import connection

    from bench.http.urls import FLOOR_TABLE

    key = "bigserial" if connection.vendor == "postgresql" else "integer"
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {FLOOR_TABLE}")
        cursor.execute(
            f"CREATE TABLE {FLOOR_TABLE} (id {key} PRIMARY KEY, body text NOT NULL, "
            "received_at timestamp with time zone NOT NULL)"
        )
    print(  # noqa: T201
        json.dumps(
            {
                "api_key": raw_key,
                "service_code": service.code,
                "villages": villages,
                "coordinator_cookie": session_for(coordinator.user),
                "inbox_cookie": session_for(officer.user),
                "inbox_slug": officer.agency.slug,
                "inbox_open_tasks": busiest["n"],
                "public_report": public_report or "",
            }
        )
    )


if __name__ == "__main__":
    main()
