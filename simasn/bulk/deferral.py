"""First national load: build the register's secondary indexes once, after the rows.

PostgreSQL's own advice for populating a database ("Populating a Database" in its
manual; pg_restore does the same) is to load first and create indexes and foreign keys
afterwards: one sorted build per index is several times cheaper than updating it row by
row, and a foreign key added to a full table is checked with one join instead of a
trigger per row. Measured on 1 M register rows (bench/README.md): 33 s of index upkeep
during COPY against 8 s to build them afterwards.

That is only right when nobody relies on those indexes meanwhile, so an import uses it
only when the register is empty at its start and the file is large
(``SIMASN_IMPORT_BULK_BUILD_MIN_ROWS``, default 100,000) — the initial migration of
an agency or of the nation. Kept during the load: the primary keys and the unique NIP
constraint (uniqueness is never suspended). The statements that rebuild what was dropped
are saved on the job in the same transaction that drops them, so an import killed
mid-way rebuilds them when it is resumed (docs/adr/0008-bulk-import-column-wise.md).
"""

from __future__ import annotations

import threading

from django.db import connections

TABLES = ("personnel_employee", "personnel_positionhistory")


def can_rebuild(using: str = "default") -> bool:
    """True when this connection's role owns the register tables, i.e. may drop and build
    their indexes. The application role owns nothing (docs/deploy.md "Database roles"):
    a first national load that should build its indexes afterwards runs as the owner
    (`simasn import-employees` with the owner's DATABASE_URL); under the application
    role the rows load with the indexes in place."""
    with connections[using].cursor() as cursor:
        cursor.execute(
            "SELECT bool_and(pg_has_role(current_user, tableowner, 'USAGE')) FROM pg_tables "
            "WHERE schemaname = current_schema() AND tablename = ANY(%s)", [list(TABLES)])
        row = cursor.fetchone()
    return bool(row and row[0])


def _secondary(cursor: object, table: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    cursor.execute(  # type: ignore[attr-defined]
        """
        SELECT i.relname, pg_get_indexdef(x.indexrelid)
        FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
        WHERE x.indrelid = %s::regclass AND NOT x.indisprimary
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
        ORDER BY i.relname
        """,
        [table],
    )
    indexes = cursor.fetchall()  # type: ignore[attr-defined]
    cursor.execute(  # type: ignore[attr-defined]
        "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE conrelid = %s::regclass AND contype = 'f' ORDER BY conname",
        [table],
    )
    return indexes, cursor.fetchall()  # type: ignore[attr-defined]


def drop_secondary(using: str = "default") -> list[str]:
    """Drop the secondary indexes and outgoing foreign keys of the register tables;
    return the statements that re-create them. Runs in the caller's transaction."""
    restore: list[str] = []
    with connections[using].cursor() as cursor:
        # Deferred checks still queued in this transaction would block ALTER TABLE.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for table in TABLES:
            indexes, foreign_keys = _secondary(cursor, table)
            for name, definition in indexes:
                cursor.execute(f'DROP INDEX "{name}"')
                restore.append(definition.replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", 1))
            for name, definition in foreign_keys:
                cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
                restore.append(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
    return restore


def rebuild(statements: list[str], using: str = "default", *, workers: int = 2) -> None:
    """Run the saved statements; idempotent (what already exists is left alone).

    Outside a transaction the index builds run on `workers` connections at once (a GIN
    build uses one core; B-tree builds are parallel only within PostgreSQL's own limits),
    each in its own transaction, and the foreign keys follow. Inside a transaction (tests,
    or a caller that wants all or nothing) they run one after another on this connection.
    """
    indexes = [s for s in statements if s.startswith("CREATE")]
    others = [s for s in statements if not s.startswith("CREATE")]
    connection = connections[using]
    if connection.in_atomic_block or workers <= 1 or len(indexes) < 2:
        with connection.cursor() as cursor:
            cursor.execute("SET maintenance_work_mem = '512MB'")
            for statement in statements:
                _execute(cursor, statement)
    else:
        _parallel(indexes, connection, workers)
        with connection.cursor() as cursor:
            for statement in others:
                _execute(cursor, statement)
    with connection.cursor() as cursor:
        cursor.execute("RESET maintenance_work_mem")
        for table in TABLES:
            cursor.execute(f"ANALYZE {table}")


def _execute(cursor: object, statement: str) -> None:
    if statement.startswith("ALTER TABLE"):
        table, name = statement.split()[2], statement.split('"')[1]
        cursor.execute("SELECT 1 FROM pg_constraint WHERE conrelid = %s::regclass AND conname = %s",  # type: ignore[attr-defined]
                       [table, name])
        if cursor.fetchone():  # type: ignore[attr-defined]
            return
    cursor.execute(statement)  # type: ignore[attr-defined]


def _parallel(statements: list[str], connection: object, workers: int) -> None:
    # Imported on first use: the PostgreSQL driver is loaded only where PostgreSQL is used.
    import psycopg

    params = connection.get_connection_params()  # type: ignore[attr-defined]
    params.pop("cursor_factory", None)
    pending = list(reversed(_longest_first(statements)))
    lock = threading.Lock()
    errors: list[BaseException] = []

    def work() -> None:
        try:
            with psycopg.connect(**params, autocommit=True) as conn:
                conn.execute("SET maintenance_work_mem = '512MB'")
                while True:
                    with lock:
                        if not pending or errors:
                            return
                        statement = pending.pop()
                    conn.execute(statement)
        except BaseException as error:  # re-raised below, in the caller's thread
            errors.append(error)

    threads = [threading.Thread(target=work, name=f"rebuild-{i}") for i in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]


def _longest_first(statements: list[str]) -> list[str]:
    """GIN (trigram) builds take longest; start them first so the B-trees fill the gaps."""
    return sorted(statements, key=lambda s: (" USING gin " not in s, s))
