"""Test support: stepping around the append-only triggers, as a database administrator could.

Tamper tests use ``append_only_bypassed`` to simulate someone with full database access; the
verifier must then notice. ``purge_audit_log`` empties the tables so that the test runner's flush
after a ``transaction=True`` test can proceed (it deletes or truncates every table, which the
triggers refuse while audit rows exist). Never used by application code.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection

from .models import AuditCheckpoint, AuditEntry

_TABLES = (AuditEntry._meta.db_table, AuditCheckpoint._meta.db_table)


@contextmanager
def append_only_bypassed() -> Iterator[None]:
    """Switch the append-only triggers off for the block, and back on afterwards.

    PostgreSQL: ``ALTER TABLE … DISABLE TRIGGER USER`` (needs the table owner). SQLite has no way
    to disable a trigger, so its triggers are dropped and re-created from their stored SQL.
    """
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for table in _TABLES:
                cursor.execute(f"ALTER TABLE {quote(table)} DISABLE TRIGGER USER")
            try:
                yield
            finally:
                for table in _TABLES:
                    cursor.execute(f"ALTER TABLE {quote(table)} ENABLE TRIGGER USER")
        else:
            cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN (%s, %s)",
                list(_TABLES),
            )
            triggers = cursor.fetchall()
            for name, _sql in triggers:
                cursor.execute(f"DROP TRIGGER {quote(name)}")
            try:
                yield
            finally:
                for _name, sql in triggers:
                    cursor.execute(sql)


def purge_audit_log() -> None:
    """Delete every entry and checkpoint, for test teardown only."""
    with append_only_bypassed():
        AuditCheckpoint.objects.all().delete()
        AuditEntry.objects.all().delete()
