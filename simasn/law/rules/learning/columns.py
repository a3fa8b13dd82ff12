"""The yearly JP rules for a whole instansi at once (30,000 employees, their records): the
same parameters, periods and status logic as ``learning.jp_compliance``, one row per
employee in the order given.

Employees: ``employee_id``, ``employee_type`` (PNS/PPPK), and for PPPK ``contract_start``
(``contract_end``, ``position_kind`` optional). Records: ``record_employee_id``,
``record_date``, ``record_jp``, ``record_assigned``. The answer is a dict of Arrow arrays:
``status``, ``counted_jp``, ``limit_jp``, ``shortfall_jp``, ``excess_jp``,
``unassigned_jp``, ``period_start``, ``period_end``, ``needs_legal_review``. A PPPK row
whose contract starts after ``on`` gets status ``BELUM_BERLAKU`` (the single rule refuses
such facts).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from simasn.law.enums import EmployeeType
from simasn.law.parameters import ParameterGapError, version
from simasn.law.rules._columns import as_array, same_length
from simasn.law.rules.learning._periods import contract_year

STATUSES = [
    "MEMENUHI",
    "BELUM_MEMENUHI",
    "TIDAK_MEMENUHI",
    "DALAM_BATAS",
    "MELEBIHI",
    "TIDAK_DIBATASI",
    "BELUM_BERLAKU",
]


def _typed(values: Any, arrow_type: Any) -> Any:
    """An Arrow array of ``arrow_type`` when ``values`` carries no type of its own: an empty
    Python list (or one of only ``None``) becomes a null-typed array, which Arrow's kernels
    (``index_in``, ``fill_null``) refuse to match against typed columns (ArrowInvalid)."""
    import pyarrow as pa

    array = as_array(values)
    return array.cast(arrow_type) if pa.types.is_null(array.type) else array


def _dates(values: Any, n: int) -> list[dt.date | None]:
    if values is None:
        return [None] * n
    import pyarrow as pa

    return list(_typed(values, pa.date32()).cast(pa.date32()).to_pylist())


def jp_compliance_columns(
    *,
    employee_id: Any,
    employee_type: Any,
    record_employee_id: Any,
    record_date: Any,
    record_jp: Any,
    on: dt.date,
    record_assigned: Any = None,
    contract_start: Any = None,
    contract_end: Any = None,
    position_kind: Any = None,
    year: int | None = None,
) -> dict[str, Any]:
    """Every employee's JP status on ``on`` (PNS: the calendar ``year``, default ``on``'s;
    PPPK: the contract year containing ``on``). Raises ``ParameterGapError`` when a limit
    has no value on ``on`` for a type present."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    ids = _typed(employee_id, pa.int64())
    n = same_length(employee_id=ids, employee_type=employee_type)
    m = same_length(
        record_employee_id=record_employee_id, record_date=record_date, record_jp=record_jp
    )
    types = _typed(employee_type, pa.string()).cast(pa.string()).to_pylist()
    is_pns = np.array([t == EmployeeType.PNS.value for t in types], dtype=bool)
    if not all(t in (EmployeeType.PNS.value, EmployeeType.PPPK.value) for t in types):
        raise ValueError("employee_type must be PNS or PPPK on every row")
    pns_min = int(version("competency.pns_min_hours_per_year", on).value) if is_pns.any() else 0
    pppk_max, exempt_kinds = 0, set()
    written: bool | None = True
    written_gap: ParameterGapError | None = None
    if (~is_pns).any():
        pppk_max = int(version("competency.pppk_max_hours_per_year", on).value)
        exempt_kinds = set(version("learning.pppk_ceiling_exempt_positions", on).value)
        try:
            written = bool(version("learning.pppk_written_assignment", on).value)
        except ParameterGapError as error:  # matters only if a PPPK has unassigned records
            written, written_gap = None, error

    # Each employee's period, in days since 1970; PPPK periods computed once per contract.
    epoch = dt.date(1970, 1, 1)
    first = np.zeros(n, dtype=np.int64)
    last = np.zeros(n, dtype=np.int64)
    started = np.ones(n, dtype=bool)
    pns_year = year or on.year
    first[is_pns] = (dt.date(pns_year, 1, 1) - epoch).days
    last[is_pns] = (dt.date(pns_year, 12, 31) - epoch).days
    starts, ends = _dates(contract_start, n), _dates(contract_end, n)
    kinds = (
        [None] * n
        if position_kind is None
        else _typed(position_kind, pa.string()).cast(pa.string()).to_pylist()
    )
    exempt = np.array([(not is_pns[i]) and kinds[i] in exempt_kinds for i in range(n)], dtype=bool)
    cache: dict[tuple[Any, Any], tuple[int, int]] = {}
    for i in np.flatnonzero(~is_pns):
        start, end = starts[i], ends[i]
        if start is None:
            raise ValueError(f"row {i}: a PPPK needs contract_start")
        if on < start:
            started[i] = False
            continue
        if (start, end) not in cache:
            _, a, b = contract_year(start, on, end)
            cache[(start, end)] = ((a - epoch).days, (b - epoch).days)
        first[i], last[i] = cache[(start, end)]

    # Records: whose, when, how much (hundredths, exact), assigned or not.
    owner = np.asarray(
        pc.index_in(_typed(record_employee_id, ids.type).cast(ids.type), value_set=ids)
        .fill_null(-1)
        .to_numpy(zero_copy_only=False),
        dtype=np.int64,
    )
    days = np.asarray(
        _typed(record_date, pa.date32())
        .cast(pa.date32())
        .cast(pa.int32())
        .fill_null(-(2**31))
        .to_numpy(zero_copy_only=False),
        dtype=np.int64,
    )
    jp = np.asarray(
        _typed(record_jp, pa.float64()).cast(pa.float64()).fill_null(0).to_numpy(zero_copy_only=False)
    )
    hundredths = np.floor(jp * 100 + 0.5 + 1e-9).astype(np.int64)
    assigned = (
        np.zeros(m, dtype=bool)
        if record_assigned is None
        else np.asarray(
            _typed(record_assigned, pa.bool_()).fill_null(False).to_numpy(zero_copy_only=False), dtype=bool
        )
    )
    known = owner >= 0
    safe = np.where(known, owner, 0)
    inside = known & (days >= first[safe]) & (days <= last[safe]) & (days <= (on - epoch).days)
    if written_gap is not None and (inside & ~is_pns[safe] & ~exempt[safe] & ~assigned).any():
        raise written_gap
    counts = inside & (is_pns[safe] | assigned | (written is False))
    counted = np.bincount(safe[counts], weights=hundredths[counts], minlength=n).astype(np.int64)
    total = np.bincount(safe[inside], weights=hundredths[inside], minlength=n).astype(np.int64)
    unassigned = total - counted

    # The status logic of jp_compliance.status_of, row-wise.
    limit = np.where(is_pns, 100 * pns_min, 100 * pppk_max)
    closed = (on - epoch).days >= last
    pns_met = counted >= limit
    over = counted > limit
    status = np.select(
        [~started, is_pns & pns_met, is_pns & closed, is_pns, exempt, over],
        [
            "BELUM_BERLAKU",
            "MEMENUHI",
            "TIDAK_MEMENUHI",
            "BELUM_MEMENUHI",
            "TIDAK_DIBATASI",
            "MELEBIHI",
        ],
        default="DALAM_BATAS",
    )
    shortfall = np.where(is_pns & ~pns_met & started, limit - counted, 0)
    excess = np.where(~is_pns & ~exempt & over & started, counted - limit, 0)
    review = ~is_pns & ~exempt & ~over & (counted + unassigned > limit) & started
    as_date = lambda v: pa.array(v.astype(np.int32), type=pa.int32()).cast(pa.date32())  # noqa: E731
    return {
        "status": pa.array(status, type=pa.string()),
        "limit_jp": pa.array(limit // 100),
        "counted_jp": pa.array(counted / 100),
        "shortfall_jp": pa.array(shortfall / 100),
        "excess_jp": pa.array(excess / 100),
        "unassigned_jp": pa.array(unassigned / 100),
        "period_start": as_date(first),
        "period_end": as_date(last),
        "needs_legal_review": pa.array(review),
    }
