"""Make the audit tables append-only in the database itself.

SQLite: BEFORE UPDATE and BEFORE DELETE triggers that abort the statement.
PostgreSQL: one plpgsql function that raises, used by BEFORE UPDATE OR DELETE row triggers, and a
BEFORE TRUNCATE statement trigger that refuses to empty a table holding rows (truncating an empty
table destroys nothing, and Django's test runner flushes every table with TRUNCATE).

Both vendors report the refusal as an integrity error (SQLSTATE 23000 on PostgreSQL), so callers see
django.db.IntegrityError either way. In production, also grant the application's database role only
SELECT and INSERT on these tables: triggers stop the application, privileges stop its role from
dropping the triggers.

The SQL is written out here rather than imported, so that this migration keeps meaning what it meant
when it was applied.
"""

from django.db import migrations

TABLES = ("audit_auditentry", "audit_auditcheckpoint")

POSTGRESQL_FORWARD = [
    """
    CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION USING
            MESSAGE = TG_TABLE_NAME || ' is append-only: ' || TG_OP || ' refused',
            ERRCODE = '23000';
    END
    $$
    """,
    """
    CREATE OR REPLACE FUNCTION audit_refuse_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        has_rows boolean;
    BEGIN
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I.%I)', TG_TABLE_SCHEMA, TG_TABLE_NAME)
            INTO has_rows;
        IF has_rows THEN
            RAISE EXCEPTION USING
                MESSAGE = TG_TABLE_NAME || ' is append-only: TRUNCATE refused',
                ERRCODE = '23000';
        END IF;
        RETURN NULL;
    END
    $$
    """,
]
for _table in TABLES:
    POSTGRESQL_FORWARD += [
        f"CREATE TRIGGER {_table}_append_only BEFORE UPDATE OR DELETE ON {_table} "
        "FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()",
        f"CREATE TRIGGER {_table}_no_truncate BEFORE TRUNCATE ON {_table} "
        "FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_truncate()",
    ]

POSTGRESQL_BACKWARD = [
    statement
    for _table in TABLES
    for statement in (
        f"DROP TRIGGER IF EXISTS {_table}_append_only ON {_table}",
        f"DROP TRIGGER IF EXISTS {_table}_no_truncate ON {_table}",
    )
] + [
    "DROP FUNCTION IF EXISTS audit_refuse_change()",
    "DROP FUNCTION IF EXISTS audit_refuse_truncate()",
]

SQLITE_FORWARD = [
    f"CREATE TRIGGER {_table}_no_{_op.lower()} BEFORE {_op} ON {_table} "
    f"BEGIN SELECT RAISE(ABORT, '{_table} is append-only: {_op} refused'); END"
    for _table in TABLES
    for _op in ("UPDATE", "DELETE")
]

SQLITE_BACKWARD = [
    f"DROP TRIGGER IF EXISTS {_table}_no_{_op.lower()}"
    for _table in TABLES
    for _op in ("UPDATE", "DELETE")
]


def _run(schema_editor, statements):
    for statement in statements:
        # params=None: the SQL is executed as written, with no placeholder processing.
        schema_editor.execute(statement, params=None)


def install_guards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        _run(schema_editor, POSTGRESQL_FORWARD)
    elif vendor == "sqlite":
        _run(schema_editor, SQLITE_FORWARD)
    else:
        raise NotImplementedError(f"No append-only triggers for the {vendor} database.")


def remove_guards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        _run(schema_editor, POSTGRESQL_BACKWARD)
    elif vendor == "sqlite":
        _run(schema_editor, SQLITE_BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(install_guards, remove_guards, elidable=False)]
