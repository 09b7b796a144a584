"""PostgreSQL only: set a table's secondary indexes and foreign keys aside for a large seed.

Maintaining fifteen indexes of `intake_report` row by row, and checking every foreign key of every
row at commit, costs more than the rows themselves; building an index once over the finished
table, and validating a foreign key in one join, costs much less. `set_aside` drops the plain
column indexes that no constraint owns and the foreign keys of the given tables, and gives them
back afterwards from the definitions PostgreSQL itself printed (``pg_get_indexdef``,
``pg_get_constraintdef``), under their own names; adding a foreign key checks every row, as
writing with it on would have. Primary keys and unique constraints stay, and keep checking while
the seed writes. Partial and expression indexes stay too: their predicate, printed and parsed
again, comes back as a different (equivalent) expression — ``= ANY (ARRAY[('a'::varchar)::text,
…])`` instead of ``= ANY ((ARRAY['a'::varchar, …])::text[])`` — and the planner matches a
query's ``IN (…)`` against the migration's form, so the schema must be exactly what the
migrations made (tests/test_bulk_schema.py compares ``pg_indexes`` before and after).

The definitions are also kept in a table of their own (`PENDING`) until they are back, so that a
seed killed half-way leaves them behind: the next seed (or `restore_pending`) restores them first.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from django.db import connection

PENDING = "layani_seed_set_aside"


def _checks_now() -> None:
    """Inside an outer transaction (tests), fire the deferred foreign-key checks still pending:
    PostgreSQL refuses to alter a table that has some."""
    if connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


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
               AND x.indpred IS NULL AND x.indexprs IS NULL
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
    _checks_now()
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
    _checks_now()
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
