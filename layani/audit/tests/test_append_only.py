"""The database itself refuses to change or remove audit rows, whatever the application does."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, connection, transaction

from layani.audit.models import AuditCheckpoint, AuditEntry
from layani.audit.services import create_checkpoint

pytestmark = pytest.mark.django_db

TABLES = [AuditEntry._meta.db_table, AuditCheckpoint._meta.db_table]


def trigger_names() -> set[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal "
                "AND tgrelid::regclass::text = ANY(%s)",
                [TABLES],
            )
        else:
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN (%s, %s)",
                TABLES,
            )
        return {row[0] for row in cursor.fetchall()}


def test_append_only_triggers_are_installed():
    """Fails if a later migration rebuilt a table (SQLite does that) and lost its triggers."""
    if connection.vendor == "postgresql":
        expected = {f"{t}_{suffix}" for t in TABLES for suffix in ("append_only", "no_truncate")}
    else:
        expected = {f"{t}_{suffix}" for t in TABLES for suffix in ("no_update", "no_delete")}
    assert expected <= trigger_names()


@pytest.fixture
def entry(write_entries):
    return write_entries(2)[0]


@pytest.fixture
def checkpoint(entry):
    return create_checkpoint()


def refused():
    """Expect the database to refuse; the savepoint keeps PostgreSQL's transaction usable."""
    return pytest.raises(IntegrityError, match="append-only")


def test_orm_save_of_an_existing_entry_is_refused(entry):
    entry.action = "report.closed"
    with refused(), transaction.atomic():
        entry.save()
    entry.refresh_from_db()
    assert entry.action == "report.status_changed"


def test_orm_update_and_delete_are_refused(entry):
    with refused(), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).update(payload={})
    with refused(), transaction.atomic():
        entry.delete()
    with refused(), transaction.atomic():
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.count() == 2


def test_raw_sql_update_and_delete_are_refused(entry):
    for sql in ("UPDATE audit_auditentry SET action = 'x.y'", "DELETE FROM audit_auditentry"):
        with refused(), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)
    assert AuditEntry.objects.count() == 2


def test_checkpoints_cannot_be_changed_or_removed(checkpoint):
    with refused(), transaction.atomic():
        AuditCheckpoint.objects.filter(pk=checkpoint.pk).update(entry_count=99)
    with refused(), transaction.atomic():
        checkpoint.delete()
    with refused(), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditcheckpoint SET signature = ''")
    assert AuditCheckpoint.objects.get().signature == checkpoint.signature


@pytest.mark.postgres
def test_truncate_is_refused_on_postgresql_while_rows_exist(checkpoint):
    if connection.vendor != "postgresql":
        pytest.skip("TRUNCATE is a PostgreSQL statement")
    for model in (AuditEntry, AuditCheckpoint):
        table = connection.ops.quote_name(model._meta.db_table)
        with refused(), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {table} CASCADE")
        assert model.objects.exists()


@pytest.mark.postgres
def test_truncating_an_empty_table_is_allowed_so_the_test_runner_can_flush():
    if connection.vendor != "postgresql":
        pytest.skip("TRUNCATE is a PostgreSQL statement")
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {connection.ops.quote_name(AuditEntry._meta.db_table)}")
