"""Reference lookups for bulk import, loaded once per job instead of once per row.

`CachedReferences` answers the same questions as
`simasn.personnel.services.DatabaseReferences`, so `validate_employee_data` (the one
set of rules) runs unchanged on every imported row. Archived instansi, units and positions
are not offered: a row naming one is refused as an unknown code.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from simasn.organization.models import Instansi, Unit
from simasn.personnel import law_bridge
from simasn.positions.models import Position


class PositionRef(NamedTuple):
    id: int
    instansi_id: int
    unit_id: int
    open_to_pppk: bool
    name: str
    kind: str
    unit_name: str


class CachedReferences:
    def __init__(self, *, using: str = "default") -> None:
        self.instansi_by_code: dict[str, int] = {}
        self.instansi_kinds: dict[int, str] = {}
        for pk, code, kind in Instansi.objects.using(using).active().values_list("id", "code", "kind"):
            self.instansi_by_code[code] = pk
            self.instansi_kinds[pk] = kind
        self.unit_by_code: dict[tuple[int, str], int] = {}
        self.unit_instansi: dict[int, int] = {}
        unit_names: dict[int, str] = {}
        for pk, instansi_id, code, name in Unit.objects.using(using).active().values_list("id", "instansi_id", "code", "name"):
            self.unit_by_code[(instansi_id, code)] = pk
            self.unit_instansi[pk] = instansi_id
            unit_names[pk] = name
        self.positions: dict[int, PositionRef] = {}
        self.position_by_code: dict[tuple[int, str], int] = {}
        rows = Position.objects.using(using).active().values_list(
            "id", "instansi_id", "unit_id", "open_to_pppk", "name", "kind", "code"
        )
        for pk, instansi_id, unit_id, pppk, name, kind, code in rows:
            self.positions[pk] = PositionRef(pk, instansi_id, unit_id, pppk, name, kind, unit_names.get(unit_id, ""))
            self.position_by_code[(instansi_id, code)] = pk
        self._ranks: dict[tuple[str, dt.date], list[str]] = {}
        self._position_columns: tuple[Any, Any, Any, Any] | None = None

    def position_columns(self) -> tuple[Any, Any, Any, Any]:
        """Position ids with their name, unit name and kind, as Arrow arrays (memoised)."""
        if self._position_columns is None:
            # Imported on first use: pyarrow takes ~0.25 s to import, paid only by bulk file work.
            import pyarrow as pa

            refs = list(self.positions.values())
            self._position_columns = (
                pa.array([p.id for p in refs], type=pa.int64()),
                pa.array([p.name for p in refs], type=pa.string()),
                pa.array([p.unit_name for p in refs], type=pa.string()),
                pa.array([p.kind for p in refs], type=pa.string()),
            )
        return self._position_columns

    # The DatabaseReferences interface used by validate_employee_data.
    def unit_instansi_id(self, unit_id: int) -> int | None:
        return self.unit_instansi.get(unit_id)

    def position(self, position_id: int) -> PositionRef | None:
        return self.positions.get(position_id)

    def instansi_kind(self, instansi_id: int) -> str:
        return self.instansi_kinds.get(instansi_id, "")

    def rank_codes(self, employee_type: str, on: dt.date) -> list[str]:
        key = (employee_type, on)
        if key not in self._ranks:
            self._ranks[key] = law_bridge.rank_codes(employee_type, on=on)
        return self._ranks[key]
