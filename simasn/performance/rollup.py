"""The annual roll-up at national scale, column-wise (issue 15 "Scale"): every employee's
predikat from the ratings of results and behaviour (PermenPANRB 6/2022 matrix), every
unit's distribution checked against the limits of its organisation rating, and the
national distribution by a grouping column (instansi, job family or region) — the same
law functions the services use one case at a time (docs/law.md "Many cases at once").

Columns are Arrow arrays (or anything ``pyarrow.array`` takes): a nightly job or the
national dashboard reads them from a read replica (``simasn.core.db_router.read_alias``)
and calls this; ``bench/performance_rollup.py`` measures it against DuckDB.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from simasn.law import check_distribution_columns, predikat_columns


@dataclass
class Rollup:
    predikat: Any  # the predikat column (dictionary-encoded strings)
    checks: dict[Any, Any]  # unit -> DistributionCheck
    national: Any  # Arrow table: group, predikat, count

    @property
    def failing_units(self) -> int:
        return sum(1 for check in self.checks.values() if not check.ok)

    @property
    def failing_limits(self) -> int:
        return sum(len(check.failures) for check in self.checks.values())


def annual_rollup(*, work_result: Any, behaviour: Any, unit: Any, group: Any,
                  organisation_rating: dict[Any, str], on: dt.date) -> Rollup:
    import pyarrow as pa  # deferred: a heavy library only the roll-up needs

    predikat = predikat_columns(work_result=work_result, behaviour=behaviour, on=on)
    checks = check_distribution_columns(unit=unit, rating=predikat, organisation_rating=organisation_rating, on=on)
    table = pa.table({"group": group, "predikat": predikat})
    national = table.group_by(["group", "predikat"]).aggregate([([], "count_all")])
    return Rollup(predikat=predikat, checks=checks, national=national)
