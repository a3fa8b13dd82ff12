"""The register's bulk variant (simasn.personnel.services is the other writer): loading
rows a bulk import checked, with PostgreSQL COPY or batched inserts.

Every loader skips NIPs already in the register (NIP is unique — UU 20/2023 Pasal 7), so
re-importing a file changes nothing and an import never moves an employee already
registered; so the date rule of `simasn.personnel.services` has no open row to close, and
each new employee who holds a position gets its opening position-history row from the
row's `position_start`. They run inside the caller's transaction (one per chunk). The
importer (simasn.bulk) checks the rows and passes `register_columns`, the columns it fills.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from django.db import connections

from simasn.personnel.models import Employee, PositionHistory

SOURCE = "import"


def _new_rows(rows: list[dict[str, Any]], existing: set[str]) -> list[dict[str, Any]]:
    seen: set[str] = set()
    new = []
    for row in rows:
        nip = row["nip"]
        if nip in existing or nip in seen:
            continue
        seen.add(nip)
        new.append(row)
    return new


def load_postgres(rows: list[dict[str, Any]], *, register_columns: tuple[str, ...], actor_id: int | None, now: dt.datetime,
                  using: str = "default") -> int:
    connection = connections[using]
    with connection.cursor() as django_cursor:
        cursor = django_cursor.cursor  # the psycopg 3 cursor
        cursor.execute("SELECT nip FROM personnel_employee WHERE nip = ANY(%s)", [[r["nip"] for r in rows]])
        new = _new_rows(rows, {nip for (nip,) in cursor.fetchall()})
        if not new:
            return 0
        stored = (*register_columns, "created_at", "updated_at", "created_by_id", "updated_by_id")
        with cursor.copy(f"COPY personnel_employee ({', '.join(stored)}) FROM STDIN") as copy:
            for row in new:
                copy.write_row([*(row[c] for c in register_columns), now, now, actor_id, actor_id])
        placed = [r for r in new if r["position_id"]]
        if placed:
            cursor.execute(
                """
                INSERT INTO personnel_positionhistory
                    (employee_id, instansi_id, position_id, position_name, unit_name, position_kind,
                     start_date, sk_number, legal_basis, source, created_at)
                SELECT e.id, e.instansi_id, e.position_id, p.name, u.name, p.kind, s.start_date,
                       '', '', %s, %s
                FROM unnest(%s::varchar[], %s::date[]) AS s(nip, start_date)
                JOIN personnel_employee e ON e.nip = s.nip
                JOIN positions_position p ON p.id = e.position_id
                JOIN organization_unit u ON u.id = p.unit_id
                """,
                [SOURCE, now, [r["nip"] for r in placed], [r["position_start"] for r in placed]],
            )
    return len(new)


def load_batched(rows: list[dict[str, Any]], *, register_columns: tuple[str, ...], actor_id: int | None,
                 now: dt.datetime, references: Any, using: str = "default") -> int:
    """The portable path (SQLite): bulk INSERTs of at most 500 rows."""
    nips = [r["nip"] for r in rows]
    existing: set[str] = set()
    for start in range(0, len(nips), 900):
        existing |= set(Employee.objects.using(using).filter(nip__in=nips[start:start + 900]).values_list("nip", flat=True))
    new = _new_rows(rows, existing)
    objects = [
        Employee(**{c: r[c] for c in register_columns}, created_at=now, updated_at=now,
                 created_by_id=actor_id, updated_by_id=actor_id)
        for r in new
    ]
    Employee.objects.using(using).bulk_create(objects, batch_size=500)
    history = []
    for obj, row in zip(objects, new, strict=True):
        if obj.position_id:
            position = references.position(obj.position_id)
            history.append(PositionHistory(
                employee_id=obj.pk, instansi_id=obj.instansi_id, position_id=obj.position_id,
                position_name=position.name, unit_name=position.unit_name, position_kind=position.kind,
                start_date=row["position_start"], source=SOURCE, created_at=now,
            ))
    PositionHistory.objects.using(using).bulk_create(history, batch_size=500)
    return len(new)


def _constant(value: Any, count: int, kind: Any) -> Any:
    # Imported on first use: pyarrow takes ~0.25 s to import, paid only by bulk file work.
    import pyarrow as pa

    return pa.array([value] * count, type=kind)


def load_postgres_columns(columns: dict[str, Any], *, register_columns: tuple[str, ...], actor_id: int | None,
                          now: dt.datetime, references: Any, known: set[str] | None, using: str = "default") -> int:
    """COPY the fast path's accepted rows (Arrow columns) as CSV written by Arrow.

    NIPs already in the register are skipped (found in `known` when the caller keeps the
    set of registered NIPs, otherwise asked of the database), and so are repeats within the
    chunk. Ids are taken from the table's sequence first, so the opening position-history
    rows are written with a second COPY instead of a join back on NIP.
    """
    # Imported on first use: pyarrow takes ~0.25 s to import, paid only by bulk file work.
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pa_csv

    nips = columns["nip"].to_pylist()
    connection = connections[using]
    with connection.cursor() as django_cursor:
        cursor = django_cursor.cursor  # the psycopg 3 cursor
        if known is None:
            cursor.execute("SELECT nip FROM personnel_employee WHERE nip = ANY(%s)", [nips])
            existing = {nip for (nip,) in cursor.fetchall()}
        else:
            existing = known
        seen: set[str] = set()
        keep = []
        for nip in nips:
            fresh = nip not in existing and nip not in seen
            keep.append(fresh)
            seen.add(nip)
        count = sum(keep)
        if not count:
            return 0
        mask = pa.array(keep)
        rows = {name: array.filter(mask) for name, array in columns.items()}
        # Stored in name order within the chunk: a national search for a common name then
        # reads a few pages per chunk instead of one page per match (bench/queries.py:
        # "Ratna" at 4.3 M, 0.7 s -> 0.2 s when the table is in name order).
        order = pc.sort_indices(rows["name"])
        rows = {name: array.take(order) for name, array in rows.items()}
        ids = _reserve_ids(cursor, count, pa)
        stamp = now.isoformat()
        actor = _constant(actor_id, count, pa.int64())
        employee = pa.table({
            "id": ids, **{name: rows[name] for name in register_columns},
            "created_at": _constant(stamp, count, pa.string()), "updated_at": _constant(stamp, count, pa.string()),
            "created_by_id": actor, "updated_by_id": actor,
        })
        _copy_table(cursor, "personnel_employee", employee, io, pa_csv)
        placed = rows["position_id"].is_valid()
        if placed.true_count:
            position_id = rows["position_id"].filter(placed)
            size = len(position_id)
            known_ids, names, unit_names, kinds = references.position_columns()
            where = pc.index_in(position_id, value_set=known_ids)
            history = pa.table({
                "employee_id": ids.filter(placed), "instansi_id": rows["instansi_id"].filter(placed),
                "position_id": position_id, "position_name": pc.take(names, where),
                "unit_name": pc.take(unit_names, where), "position_kind": pc.take(kinds, where),
                "start_date": rows["position_start"].filter(placed),
                "sk_number": _constant("", size, pa.string()), "legal_basis": _constant("", size, pa.string()),
                "source": _constant(SOURCE, size, pa.string()), "created_at": _constant(stamp, size, pa.string()),
            })
            _copy_table(cursor, "personnel_positionhistory", history, io, pa_csv)
        if known is not None:
            known.update(nip for nip, fresh in zip(nips, keep, strict=True) if fresh)
    return count


def _reserve_ids(cursor: Any, count: int, pa: Any) -> Any:
    """`count` new employee ids from the table's sequence. Without concurrent inserts
    they are consecutive, and only the first and last travel back (a million ids as rows
    cost 2.5 s to fetch); with concurrent inserts they may have gaps, and then the list
    comes back as an array."""
    cursor.execute("SELECT pg_get_serial_sequence('personnel_employee', 'id')")  # once, not per row
    (sequence,) = cursor.fetchone()
    cursor.execute(
        """
        WITH s AS (SELECT nextval(%s::regclass) AS v FROM generate_series(1, %s))
        SELECT min(v), max(v),
               CASE WHEN max(v) - min(v) + 1 = count(*) THEN NULL ELSE array_agg(v ORDER BY v) END
        FROM s
        """,
        [sequence, count],
    )
    first, last, scattered = cursor.fetchone()
    if scattered is not None:
        return pa.array(scattered, type=pa.int64())
    # Imported on first use, with pyarrow (bulk loading only).
    import numpy as np

    return pa.array(np.arange(first, last + 1, dtype=np.int64))


def _copy_table(cursor: Any, table_name: str, table: Any, io: Any, pa_csv: Any) -> None:
    """Arrow writes CSV the way COPY reads it: "" is an empty string, nothing is NULL."""
    buffer = io.BytesIO()
    pa_csv.write_csv(table, buffer, write_options=pa_csv.WriteOptions(include_header=False, batch_size=8192))
    with cursor.copy(f"COPY {table_name} ({', '.join(table.column_names)}) FROM STDIN (FORMAT csv)") as copy:
        copy.write(buffer.getbuffer())
