"""Distributions without names: national (by instansi, job family, region) for BKN and
KemenPANRB, and the culture view (behaviour ratings per BerAKHLAK value and unit).

As in the other aggregates (docs/actions.md), a count below `SIMASN_AGGREGATE_MIN_CELL`
(default 5) is suppressed for a viewer who may not read the employee records it counts:
a small cell would name a person. Totals are summed from the visible cells."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.conf import settings
from django.db.models import Count, QuerySet

from simasn.accounts.actors import User
from simasn.accounts.policy import Action, Reach, Resource
from simasn.accounts.scope import Scope
from simasn.core.db_router import read_alias
from simasn.law.enums import PerformanceRating
from simasn.performance.models import ANNUAL, BehaviourFeedback, Rating

PREDIKAT = [r.value for r in PerformanceRating]
GROUPS = {
    "instansi": "plan__instansi__name",
    "family": "plan__position__kind",
    "region": "plan__instansi__province__name",
}


def minimum_cell() -> int:
    return int(getattr(settings, "SIMASN_AGGREGATE_MIN_CELL", 5))


def _exact(viewer: User) -> bool:
    return Scope.of(viewer).can(Resource.EMPLOYEE, Action.VIEW)


def _protect(rows: list[dict[str, Any]], viewer: User, keys: list[str], *, always: bool = False) -> list[dict[str, Any]]:
    exact, k = _exact(viewer) and not always, minimum_cell()
    for row in rows:
        suppressed = False
        for key in keys:
            if not exact and 0 < (row[key] or 0) < k:
                row[key] = None
                suppressed = True
        row["total"] = sum(row[key] or 0 for key in keys)
        row["suppressed"] = suppressed
    return rows


def _ratings(viewer: User) -> QuerySet[Rating]:
    qs = Rating.objects.using(read_alias()).filter(evaluation=ANNUAL, is_final=True)
    return Scope.of(viewer).filter(qs, Resource.PERFORMANCE_STATISTICS)


def distribution(*, viewer: User, year: int, by: str = "instansi") -> list[dict[str, Any]]:
    """Final annual predikat counts per group; `by` is instansi, family or region."""
    field = GROUPS.get(by, GROUPS["instansi"])
    cells: dict[str, dict[str, Any]] = defaultdict(lambda: {p: 0 for p in PREDIKAT})
    for row in _ratings(viewer).filter(plan__period__year=year).values(field, "predikat").annotate(n=Count("id")):
        cells[row[field] or "—"][row["predikat"]] += row["n"]
    rows = [{"group": group, **counts} for group, counts in sorted(cells.items())]
    return _protect(rows, viewer, PREDIKAT)


def chart_spec(rows: list[dict[str, Any]], labels: dict[str, str]) -> dict[str, Any]:
    """A stacked bar chart (Chart.js) of the visible cells."""
    colours = ["#1b7f3b", "#4caf50", "#f2b705", "#e8772e", "#c62828"]
    return {"type": "bar", "data": {"labels": [r["group"] for r in rows], "datasets": [
        {"label": labels.get(p, p), "data": [r[p] or 0 for r in rows], "backgroundColor": colours[i]}
        for i, p in enumerate(PREDIKAT)]},
        "options": {"responsive": True, "scales": {"x": {"stacked": True}, "y": {"stacked": True}}}}


#: A display highlight, not a legal threshold: a unit and value where at least this share
#: of the feedback is below expectations is marked as a weak spot of the work culture.
WEAK_SHARE_PERCENT = 30
EXPECTATIONS = ["DI_BAWAH_EKSPEKTASI", "SESUAI_EKSPEKTASI", "DI_ATAS_EKSPEKTASI"]


def culture_by_value(*, viewer: User, year: int) -> list[dict[str, Any]]:
    """Peer and subordinate feedback per BerAKHLAK value and unit: how many below, as and
    above expectations — where the work culture is weak (UU 20/2023 Pasal 39). Feedback is
    given in confidence, so small cells are suppressed for every viewer."""
    scope = Scope.of(viewer)
    qs = BehaviourFeedback.objects.using(read_alias()).filter(plan__period__year=year)
    level = scope.reach(Resource.WORK_CULTURE, Action.VIEW)
    if level < Reach.INSTANSI:
        return []
    if level == Reach.INSTANSI:
        qs = qs.filter(plan__instansi_id=viewer.instansi_id or 0)
    cells: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: dict.fromkeys(EXPECTATIONS, 0))
    for cell in qs.values("plan__unit__name", "value_code", "rating").annotate(n=Count("id")):
        cells[(cell["plan__unit__name"], cell["value_code"])][cell["rating"]] += cell["n"]
    found: list[dict[str, Any]] = [{"unit": unit, "value": value, **counts}
                                   for (unit, value), counts in sorted(cells.items())]
    rows = _protect(found, viewer, EXPECTATIONS, always=True)
    for row in rows:
        below = row["DI_BAWAH_EKSPEKTASI"]
        row["weak"] = bool(row["total"]) and below is not None and below * 100 >= WEAK_SHARE_PERCENT * row["total"]
    return rows
