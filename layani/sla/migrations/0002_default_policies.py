"""Seed the SP4N-LAPOR! default service policies (one default row per stage and service class).

The values are copied here, not imported, so that this migration keeps meaning what it meant when
it was written even if the code defaults change later.
"""

from django.db import migrations

DEFAULTS = [
    ("verification", "", 3, "SP4N-LAPOR!: verification within 3 working days"),
    ("first_follow_up", "", 5, "SP4N-LAPOR!: first follow-up within 5 working days"),
    ("silence", "", 10, "SP4N-LAPOR!: automatic closure after 10 working days of silence"),
    ("resolution", "ringan", 2, "SP4N-LAPOR!: ringan"),
    ("resolution", "normatif", 5, "SP4N-LAPOR!: normatif"),
    ("resolution", "tidak_berkadar", 14, "SP4N-LAPOR!: tidak berkadar pengawasan"),
    ("resolution", "berkadar", 60, "SP4N-LAPOR!: berkadar pengawasan"),
]


def seed(apps, schema_editor):
    ServicePolicy = apps.get_model("sla", "ServicePolicy")
    for stage, service_class, days, note in DEFAULTS:
        ServicePolicy.objects.get_or_create(
            stage=stage,
            service_class=service_class,
            category_code="",
            agency_slug="",
            defaults={"working_days": days, "note": note},
        )


def unseed(apps, schema_editor):
    ServicePolicy = apps.get_model("sla", "ServicePolicy")
    ServicePolicy.objects.filter(category_code="", agency_slug="").delete()


class Migration(migrations.Migration):
    dependencies = [("sla", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
