"""Raw, fast row writers for the bulk seed: COPY on PostgreSQL, executemany on SQLite.

The ORM's bulk_create builds a model instance per row and one multi-row INSERT per batch; at a
million reports that costs about 20 minutes. These writers take plain tuples with explicit primary
keys (so that child rows can point at parents without a round trip), fill every column the caller
does not give from the model field's default, and hand the rows to the database's bulk path:

- PostgreSQL: ``COPY table (columns) FROM STDIN`` through psycopg's ``cursor.copy``;
- SQLite: ``executemany`` of one prepared INSERT inside the caller's (large) transaction.

Constraints, foreign keys and indexes stay on: the seed must produce rows the database accepts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC
from typing import Any

from django.db import connection, models


class TableWriter:
    """Writes rows of `model` given as tuples in the order of `columns` (attnames)."""

    def __init__(self, model: type[models.Model], columns: Sequence[str]) -> None:
        fields = model._meta.concrete_fields
        by_attname = {f.attname: f for f in fields}
        unknown = [c for c in columns if c not in by_attname]
        if unknown:
            raise ValueError(f"{model.__name__} has no column(s) {', '.join(unknown)}")
        self.table = model._meta.db_table
        self.columns = list(columns)
        self.extra = [f for f in fields if f.attname not in set(columns)]
        # Columns left out get their default, computed once and prepared for this database.
        self.extra_values = tuple(
            f.get_db_prep_save(f.get_default(), connection) for f in self.extra
        )
        self.all_columns = [by_attname[c].column for c in columns] + [f.column for f in self.extra]
        self.sqlite = connection.vendor == "sqlite"
        self.datetime_positions = [
            i for i, c in enumerate(columns) if isinstance(by_attname[c], models.DateTimeField)
        ]

    def write(self, rows: Iterable[tuple[Any, ...]]) -> int:
        rows = list(rows)
        if not rows:
            return 0
        quote = connection.ops.quote_name
        names = ", ".join(quote(c) for c in self.all_columns)
        extra = self.extra_values
        with connection.cursor() as cursor:
            if self.sqlite:
                marks = ", ".join("?" for _ in self.all_columns)
                sql = f"INSERT INTO {quote(self.table)} ({names}) VALUES ({marks})"  # noqa: S608  # nosec B608
                positions = self.datetime_positions
                raw = cursor.cursor  # the sqlite3 cursor: qmark style, no Django reformatting
                raw.executemany(sql, (_sqlite_row(r, positions) + extra for r in rows))
            else:
                sql = f"COPY {quote(self.table)} ({names}) FROM STDIN"
                with cursor.cursor.copy(sql) as copy:
                    for row in rows:
                        copy.write_row(row + extra)
        return len(rows)


def _sqlite_row(row: tuple[Any, ...], positions: list[int]) -> tuple[Any, ...]:
    """Datetimes as Django stores them in SQLite: naive UTC text."""
    if not positions:
        return row
    values = list(row)
    for i in positions:
        value = values[i]
        if value is not None:
            values[i] = str(value.astimezone(UTC).replace(tzinfo=None))
    return tuple(values)


def next_id(model: type[models.Model]) -> int:
    """The first free primary key above every existing row."""
    top = model._default_manager.aggregate(top=models.Max("pk"))["top"]
    return (top or 0) + 1


def reset_sequences(*tables: type[models.Model]) -> None:
    """After explicit ids on PostgreSQL, move each identity sequence past the highest id."""
    if connection.vendor != "postgresql":
        return  # SQLite's AUTOINCREMENT-free rowids continue from the maximum by themselves
    with connection.cursor() as cursor:
        for model in tables:
            table = model._meta.db_table
            top = f"SELECT MAX(id) FROM {connection.ops.quote_name(table)}"  # noqa: S608  # nosec B608
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence(%s, 'id'), COALESCE(({top}), 1))", [table]
            )


def tune_for_bulk() -> None:
    """Seed-only settings for this connection: fewer fsyncs, bigger caches.

    SQLite: ``synchronous=OFF`` and a 256 MB page cache for this connection only (a crash during the
    seed loses the seed, nothing else). PostgreSQL: ``synchronous_commit=off`` for this session.
    Inside an outer transaction (tests) SQLite cannot change it, and nothing is tuned.
    """
    if connection.in_atomic_block:
        return
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA synchronous=OFF")
            cursor.execute("PRAGMA cache_size=-262144")
            cursor.execute("PRAGMA temp_store=MEMORY")
        elif connection.vendor == "postgresql":
            cursor.execute("SET synchronous_commit TO off")


def restore_after_bulk() -> None:
    """Back to the durable settings of layani.config.settings.base, and fresh planner statistics."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            if not connection.in_atomic_block:
                cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("ANALYZE")
        elif connection.vendor == "postgresql":
            cursor.execute("SET synchronous_commit TO on")
            # VACUUM (outside a transaction only) also sets the visibility map, as autovacuum
            # would soon after a load: index-only scans (counts in queues and inboxes) need it.
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
