"""Loading checked rows into the register: PostgreSQL COPY, or batched inserts.

Both loaders skip NIPs already in the register (NIP is unique — UU 20/2023 Pasal 7),
so re-importing a file changes nothing, and both write the opening position-history
row of every new employee who holds a position. They run inside the caller's
transaction (one per chunk).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import connections

from simasn.bulk.rows import DB_COLUMNS
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


def load_postgres(rows: list[dict[str, Any]], *, actor_id: int | None, now: dt.datetime, using: str = "default") -> int:
    connection = connections[using]
    with connection.cursor() as django_cursor:
        cursor = django_cursor.cursor  # the psycopg 3 cursor
        cursor.execute("SELECT nip FROM personnel_employee WHERE nip = ANY(%s)", [[r["nip"] for r in rows]])
        new = _new_rows(rows, {nip for (nip,) in cursor.fetchall()})
        if not new:
            return 0
        columns = (*DB_COLUMNS, "created_at", "updated_at", "created_by_id", "updated_by_id")
        with cursor.copy(f"COPY personnel_employee ({', '.join(columns)}) FROM STDIN") as copy:
            for row in new:
                copy.write_row([*(row[c] for c in DB_COLUMNS), now, now, actor_id, actor_id])
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


def load_batched(rows: list[dict[str, Any]], *, actor_id: int | None, now: dt.datetime,
                 references: Any, using: str = "default") -> int:
    """The portable path (SQLite): bulk INSERTs of at most 500 rows."""
    nips = [r["nip"] for r in rows]
    existing: set[str] = set()
    for start in range(0, len(nips), 900):
        existing |= set(Employee.objects.using(using).filter(nip__in=nips[start:start + 900]).values_list("nip", flat=True))
    new = _new_rows(rows, existing)
    objects = [
        Employee(**{c: r[c] for c in DB_COLUMNS}, created_at=now, updated_at=now,
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
