"""Raw, fast row writers for the bulk seed: COPY on PostgreSQL, executemany on SQLite.

The ORM's bulk_create builds a model instance per row and one multi-row INSERT per batch; at a
million reports that costs about 20 minutes. These writers take plain tuples with explicit primary
keys (so that child rows can point at parents without a round trip), fill every column the caller
does not give from the model field's default, and hand the rows to the database's bulk path:

- PostgreSQL: the rows are turned into ``COPY`` text (`encode`, which the generating processes
  run, so the writing process only streams bytes) and sent with ``COPY table (columns) FROM
  STDIN`` through psycopg's ``cursor.copy``;
- SQLite: ``executemany`` of one prepared INSERT inside the caller's (large) transaction.

The rows' strings must already be COPY text (`bulk.py` escapes the pool's texts once; nothing
else in a row holds a tab, newline or backslash): `encode` only joins. Timestamps arrive as naive
UTC text (`bulk_rows.utc_text`), read in the session's time zone, UTC (`seed_reports` sets it).
Constraints stay on; on PostgreSQL a large seed may set the secondary indexes and foreign keys
aside and rebuild them afterwards (`bulk_sql`), which checks every row as it rebuilds.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import connection, models

_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def copy_escape(text: str) -> str:
    """`text` as a COPY text field."""
    return text.translate(_ESCAPES)


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
        self.postgresql = connection.vendor == "postgresql"
        self.datetime_positions = [
            i for i, c in enumerate(columns) if isinstance(by_attname[c], models.DateTimeField)
        ]
        self.copy_suffix = self._copy_suffix() if self.postgresql else ""

    def _copy_suffix(self) -> str:
        """The left-out columns' defaults as COPY text, dumped once by psycopg's own adapters."""
        from psycopg.adapt import PyFormat

        adapters = connection.connection.adapters if connection.connection else None
        if adapters is None:
            connection.ensure_connection()
            adapters = connection.connection.adapters
        parts = []
        for value in self.extra_values:
            if value is None:
                parts.append("\\N")
                continue
            dumped = adapters.get_dumper(type(value), PyFormat.TEXT)(type(value)).dump(value)
            parts.append(bytes(dumped).decode().translate(_ESCAPES))
        return "".join("\t" + part for part in parts)

    def encode(self, rows: Sequence[tuple[Any, ...]]) -> Any:
        """What `write` takes: COPY text (bytes) on PostgreSQL, the rows themselves on SQLite."""
        if not self.postgresql:
            return rows
        suffix = self.copy_suffix + "\n"
        return "".join(
            [
                "\t".join(
                    ["\\N" if v is None else v if v.__class__ is str else str(v) for v in row]
                )
                + suffix
                for row in rows
            ]
        ).encode()

    def write(self, encoded: Any) -> None:
        """Write what `encode` returned, in the caller's transaction."""
        if not encoded:
            return
        quote = connection.ops.quote_name
        names = ", ".join(quote(c) for c in self.all_columns)
        with connection.cursor() as cursor:
            if self.postgresql:
                sql = f"COPY {quote(self.table)} ({names}) FROM STDIN"
                with cursor.cursor.copy(sql) as copy:
                    copy.write(encoded)
            else:
                marks = ", ".join("?" for _ in self.all_columns)
                sql = f"INSERT INTO {quote(self.table)} ({names}) VALUES ({marks})"  # noqa: S608  # nosec B608
                extra = self.extra_values
                raw = cursor.cursor  # the sqlite3 cursor: qmark style, no Django reformatting
                raw.executemany(sql, (row + extra for row in encoded))


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
    seed loses the seed, nothing else). PostgreSQL: ``synchronous_commit=off`` and 1 GB of memory
    for rebuilding indexes, for this session. Inside an outer transaction (tests) SQLite cannot
    change it, and nothing is tuned.
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
            cursor.execute("SET maintenance_work_mem TO '1GB'")


def restore_after_bulk() -> None:
    """Back to the durable settings of layani.config.settings.base, and fresh planner statistics."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            if not connection.in_atomic_block:
                cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("ANALYZE")
        elif connection.vendor == "postgresql":
            cursor.execute("SET synchronous_commit TO on")
            cursor.execute("RESET maintenance_work_mem")
            # VACUUM (outside a transaction only) also sets the visibility map, as autovacuum
            # would soon after a load: index-only scans (counts in queues and inboxes) need it.
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
