"""Talent gaps (demand vs supply by job family and region) and the fairness view of pools and
moves — aggregates only, for oversight, never an input to a decision (UU 20/2023 Pasal 27
ayat (2); the placement rule refuses protected background as input).

Demand: critical posts that are vacant, or whose holder reaches the retirement age (BUP,
the law's ``retirement`` rule through the register's bridge) within two years, plus the
national priorities' needs. Supply: successors ready now, and for priorities the employees
in a succession box in that job family. Counts below SIMASN_AGGREGATE_MIN_CELL are shown as
"< n" to viewers who may not see the people themselves.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any

from django.conf import settings
from django.db.models import Q

from simasn.accounts.actors import User
from simasn.accounts.policy import Action, Reach, Resource
from simasn.accounts.scope import Scope
from simasn.law.calendar import working_days_between
from simasn.personnel.law_bridge import retirement_decision
from simasn.personnel.models import Employee
from simasn.talent.models import (
    CriticalPosition,
    MobilityProposal,
    NationalPriority,
    SuccessionCandidate,
)
from simasn.talent.placement import inputs_for, place_many
from simasn.talent.selectors import READY_NOW, SUCCESSION_BOXES

HORIZON_YEARS = 2
AGE_BANDS = ((0, 30, "< 30"), (30, 40, "30-39"), (40, 50, "40-49"), (50, 200, "≥ 50"))


def elapsed_working_days(proposal: MobilityProposal, today: dt.date) -> int:
    """Working days since the proposal (to its hand-over, or today): the service level is
    tracked by the law's calendar; no regulation found sets the deadline (needs legal review)."""
    end = proposal.handed_over_on or today
    return max(0, working_days_between(proposal.proposed_on, end))


def _region(employee: Employee) -> str:
    instansi = employee.instansi
    if instansi.kind == "PROVINSI":
        return instansi.name
    if instansi.province_id:
        return instansi.province.name  # type: ignore[union-attr]
    return "Instansi Pusat"


def _family(position: Any) -> str:
    if position is None:
        return "—"
    return position.functional_family or position.kind


def _scope_q(viewer: User, field: str) -> Q:
    scope = Scope.of(viewer)
    level = scope.reach(Resource.TALENT_GAP, Action.VIEW)
    if level == Reach.NATIONAL:
        return Q()
    if level == Reach.INSTANSI:
        return Q(**{field: scope.instansi_id or -1})
    return Q(pk__in=[])


def _suppress(viewer: User, value: int) -> Any:
    minimum = settings.SIMASN_AGGREGATE_MIN_CELL
    if Scope.of(viewer).reach(Resource.TALENT_GAP, Action.VIEW) == Reach.NATIONAL and 0 < value < minimum:
        return f"< {minimum}"
    return value


def talent_gaps(*, viewer: User, on: dt.date) -> dict[str, Any]:
    posts = list(CriticalPosition.objects.filter(_scope_q(viewer, "position__instansi_id"))
                 .select_related("position", "position__instansi", "position__instansi__province"))
    holders: dict[int, list[Employee]] = defaultdict(list)
    for e in Employee.objects.filter(position_id__in=[p.position_id for p in posts], status="AKTIF").select_related("position"):
        holders[e.position_id or 0].append(e)
    ready = Counter(SuccessionCandidate.objects.filter(critical_position__in=posts, readiness=READY_NOW)
                    .values_list("critical_position_id", flat=True))
    horizon = dt.date(on.year + HORIZON_YEARS, on.month, min(on.day, 28))
    table: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: {"vacant": 0, "retiring": 0, "priority": 0,
                                                                        "ready": 0, "pool": 0})
    for post in posts:
        position = post.position
        region = _region(Employee(instansi=position.instansi))
        cell = table[(_family(position), region)]
        people = holders.get(position.pk, [])
        if not people:
            cell["vacant"] += 1
        else:
            for holder in people:
                retirement = retirement_decision(holder, on=on).outcome.get("retirement_date")
                if retirement and dt.date.fromisoformat(str(retirement)) <= horizon:
                    cell["retiring"] += 1
        cell["ready"] += ready.get(post.pk, 0)
    national = Scope.of(viewer).reach(Resource.TALENT_GAP, Action.VIEW) == Reach.NATIONAL
    if national:
        for priority in NationalPriority.objects.filter(deadline__gte=on):
            region = priority.region or "Nasional"
            cell = table[(priority.job_family, region)]
            cell["priority"] += priority.needed
            employees = list(Employee.objects.filter(status="AKTIF").filter(
                Q(position__kind=priority.job_family) | Q(position__functional_family__iexact=priority.job_family)))
            placements = place_many(inputs_for([e.pk for e in employees], on), on)
            cell["pool"] += sum(1 for p in placements.values() if p.box in SUCCESSION_BOXES)
    rows = []
    for (family, region), c in sorted(table.items()):
        demand = c["vacant"] + c["retiring"] + c["priority"]
        supply = c["ready"] + c["pool"]
        rows.append({"family": family, "region": region, **c, "demand": demand, "supply": supply,
                     "gap": max(0, demand - supply)})
    chart = {"type": "bar", "data": {"labels": [f"{r['family']} · {r['region']}" for r in rows], "datasets": [
        {"label": "Kebutuhan", "data": [r["demand"] for r in rows]},
        {"label": "Talenta siap", "data": [r["supply"] for r in rows]}]}}
    return {"rows": rows, "chart": chart, "horizon": horizon, "national": national}


def _band(birth: dt.date, on: dt.date) -> str:
    age = on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))
    return next(label for low, high, label in AGE_BANDS if low <= age < high)


def fairness(*, viewer: User, on: dt.date) -> dict[str, Any]:
    """Composition of the whole workforce in scope vs the succession pool (boxes 7-9) vs
    mobility proposals, by sex, region and age band."""
    employees = list(Employee.objects.filter(status="AKTIF").filter(_scope_q(viewer, "instansi_id"))
                     .select_related("instansi", "instansi__province"))
    placements = place_many(inputs_for([e.pk for e in employees], on), on)
    moved = set(MobilityProposal.objects.filter(_scope_q(viewer, "source_instansi_id"))
                .values_list("employee_id", flat=True))
    groups: dict[str, dict[str, Counter]] = {"sex": defaultdict(Counter), "region": defaultdict(Counter),
                                             "age": defaultdict(Counter)}
    for e in employees:
        keys = {"sex": "Perempuan" if e.sex == "P" else "Laki-laki", "region": _region(e), "age": _band(e.birth_date, on)}
        in_pool = placements[e.pk].box in SUCCESSION_BOXES
        for dimension, key in keys.items():
            groups[dimension][key]["all"] += 1
            groups[dimension][key]["pool"] += int(in_pool)
            groups[dimension][key]["moves"] += int(e.pk in moved)
    out: dict[str, list[dict[str, Any]]] = {}
    for dimension, by_key in groups.items():
        total_pool = sum(c["pool"] for c in by_key.values()) or 1
        total_all = sum(c["all"] for c in by_key.values()) or 1
        out[dimension] = [{"group": k, "all": _suppress(viewer, c["all"]), "pool": _suppress(viewer, c["pool"]),
                           "moves": _suppress(viewer, c["moves"]),
                           "share_all": round(100 * c["all"] / total_all, 1),
                           "share_pool": round(100 * c["pool"] / total_pool, 1)}
                          for k, c in sorted(by_key.items())]
    return out
