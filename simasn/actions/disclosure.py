"""Aggregates do not identify people (issue 10 item 8).

A retirement projection broken down to instansi x month x employee type x position kind
x rank has many cells of 1 or 2: for a role that may not see the employees themselves,
such a cell names a person ("the one IV/c pengawas of this kabupaten retires in March").
As statistical offices do, counts below `SIMASN_AGGREGATE_MIN_CELL` (default 5) are
suppressed for those roles (primary suppression), and every total shown to them is
summed from the cells they can see, so no total minus the visible cells gives a
suppressed one back. Roles that may read the employee records the cells count (their
own instansi, or nationally) see exact counts: the cell tells them nothing new.
Residual risk, accepted and documented in docs/actions.md: differencing across many
separately filtered requests; every export is audited.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

from simasn.accounts.models import User
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope

#: The count fields of a projection row.
COUNT_FIELDS = ("total", "leap_day")


def minimum_cell() -> int:
    return int(getattr(settings, "SIMASN_AGGREGATE_MIN_CELL", 5))


def exact_counts_allowed(viewer: User) -> bool:
    """True when the viewer may read the employee records behind the counts."""
    return Scope.of(viewer).can(Resource.EMPLOYEE, Action.VIEW)


def protect(rows: list[dict[str, Any]], *, viewer: User) -> list[dict[str, Any]]:
    """The rows as this viewer may see them: small counts become None, flagged."""
    if exact_counts_allowed(viewer):
        return [{**row, "suppressed": False} for row in rows]
    k = minimum_cell()
    protected = []
    for row in rows:
        small = 0 < row["total"] < k
        out = {**row, "suppressed": small}
        for field in COUNT_FIELDS:
            if small or 0 < (row.get(field) or 0) < k:
                out[field] = None
        protected.append(out)
    return protected


def shown(count: int | None, *, viewer_exact: bool) -> int | str:
    """A derived total for display: exact, or "< k" when it is itself small."""
    k = minimum_cell()
    if count is None:
        return f"< {k}"
    if not viewer_exact and 0 < count < k:
        return f"< {k}"
    return count
