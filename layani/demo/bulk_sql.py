"""PostgreSQL only: set a table's secondary indexes and foreign keys aside for a large seed.

Maintaining fifteen indexes of `intake_report` row by row, and checking every foreign key of every
row at commit, costs more than the rows themselves; building an index once over the finished
table, and validating a foreign key in one join, costs much less. `set_aside` drops the indexes
that no constraint owns (primary keys and unique constraints stay, and keep checking while the
seed writes) and the foreign keys of the given tables, and gives them back afterwards from the
definitions PostgreSQL itself printed (``pg_get_indexdef``, ``pg_get_constraintdef``), under
their own names, so the schema is exactly what the migrations made: rebuilding a unique index or
adding a foreign key checks every row, as writing with them on would have.

The definitions are also kept in a table of their own (`PENDING`) until they are back, so that a
seed killed half-way leaves them behind: the next seed (or `restore_pending`) restores them first.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from django.db import connection

PENDING = "layani_seed_set_aside"


def _definitions(tables: Sequence[str]) -> list[tuple[str, str, str, str]]:
    """(kind, table, name, SQL that recreates it) for every index without a constraint and
    every foreign key of `tables`."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT 'index', t.relname, i.relname, pg_get_indexdef(i.oid)
              FROM pg_index x
              JOIN pg_class i ON i.oid = x.indexrelid
              JOIN pg_class t ON t.oid = x.indrelid
              JOIN pg_namespace n ON n.oid = t.relnamespace
             WHERE n.nspname = current_schema() AND t.relname = ANY(%s)
               AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
            UNION ALL
            SELECT 'fk', t.relname, c.conname,
                   format('ALTER TABLE %%I ADD CONSTRAINT %%I %%s', t.relname, c.conname,
                          pg_get_constraintdef(c.oid))
              FROM pg_constraint c
              JOIN pg_class t ON t.oid = c.conrelid
              JOIN pg_namespace n ON n.oid = t.relnamespace
             WHERE n.nspname = current_schema() AND t.relname = ANY(%s) AND c.contype = 'f'
             ORDER BY 1 DESC, 2, 3
            """,
            [list(tables), list(tables)],
        )
        return list(cursor.fetchall())


def restore_pending(say: Callable[[str], None] | None = None) -> int:
    """Recreate whatever an earlier seed set aside and did not give back; returns how many."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s)", [PENDING])
        if cursor.fetchone()[0] is None:
            return 0
        cursor.execute(f"SELECT kind, tbl, name, ddl FROM {PENDING} ORDER BY kind DESC, tbl, name")  # noqa: S608  # nosec B608
        pending = list(cursor.fetchall())
    present = {name for _kind, _table, name, _ddl in _definitions([t for _k, t, _n, _d in pending])}
    started = time.monotonic()
    for kind, table, name, ddl in pending:
        if name in present:
            continue
        if say:
            say(f"Rebuilding {'index' if kind == 'index' else 'foreign key'} {name} on {table}")
        with connection.cursor() as cursor:
            cursor.execute(ddl)
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {PENDING}")
    if say and pending:
        say(f"{len(pending)} indexes and foreign keys back in {time.monotonic() - started:.0f} s")
    return len(pending)


@contextmanager
def set_aside(tables: Sequence[str], say: Callable[[str], None] | None = None) -> Iterator[int]:
    """Without the secondary indexes and foreign keys of `tables` inside; all back afterwards,
    also when the block fails. Yields how many were set aside."""
    if connection.vendor != "postgresql":
        yield 0
        return
    restore_pending(say)
    definitions = _definitions(tables)
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE {PENDING} (kind text, tbl text, name text PRIMARY KEY, ddl text)"
        )
        cursor.executemany(
            f"INSERT INTO {PENDING} VALUES (%s, %s, %s, %s)",  # noqa: S608  # nosec B608
            definitions,
        )
        for kind, table, name, _ddl in definitions:
            quote = connection.ops.quote_name
            if kind == "fk":
                cursor.execute(f"ALTER TABLE {quote(table)} DROP CONSTRAINT {quote(name)}")
            else:
                cursor.execute(f"DROP INDEX {quote(name)}")
    try:
        yield len(definitions)
    finally:
        restore_pending(say)
