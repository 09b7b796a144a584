"""PostgreSQL: a large seed sets indexes and foreign keys aside and gives back the same schema."""

import pytest
from django.db import connection

from layani.demo import bulk_sql
from layani.demo.bulk import TABLES, seed_reports
from layani.demo.deployment import build_organisations
from layani.intake.models import Report

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only"),
]
NAMES = [model._meta.db_table for model, _columns in TABLES.values()]


def schema() -> set[tuple[str, str, str]]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s)",
            [NAMES],
        )
        indexes = set(cursor.fetchall())
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE conrelid::regclass::text = ANY(%s)",
            [NAMES],
        )
        return indexes | set(cursor.fetchall())


def test_rebuilt_schema_equals_the_migrated_one(regions, categories):
    build_organisations()
    before = schema()
    assert any(name == "report_status_submitted" for _t, name, _d in before)
    assert seed_reports(300, batch_size=100, rebuild_indexes=True, parallel=False) == 300
    assert schema() == before
    assert Report.objects.count() == 300
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s)", [bulk_sql.PENDING])
        assert cursor.fetchone()[0] is None


def test_a_failing_seed_still_gives_the_indexes_back(regions, categories):
    build_organisations()
    before = schema()
    with pytest.raises(RuntimeError, match="stop"), bulk_sql.set_aside(NAMES) as count:
        assert count > 20
        assert schema() != before
        raise RuntimeError("stop")
    assert schema() == before


def test_what_a_killed_seed_left_aside_comes_back_on_the_next_run(regions, categories):
    before = schema()
    aside = bulk_sql.set_aside(NAMES)
    aside.__enter__()  # a seed killed here never reaches the end of its block
    assert schema() != before
    assert bulk_sql.restore_pending() > 20
    assert schema() == before
    assert bulk_sql.restore_pending() == 0
