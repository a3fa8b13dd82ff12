"""Facts the discipline chapter offers other chapters (simasn.core.providers).

``discipline.record`` — read by talent (integrity) and rewards (Satyalancana Karya Satya):

    {employee_id: {"active_penalty_level": None | "ringan" | "sedang" | "berat",
                   "penalties": [{"level", "penalty", "decided_on", "ends_on"}],
                   "open_cases": int}}

Only disciplinary penalties count (a code-of-ethics moral sanction is not a disciplinary
penalty); an annulled penalty (keberatan or banding granted) is gone from the record. A
penalty is active on ``on`` from its decision until its last day (a dismissal never
ends); a decision not yet received has no known end, so it counts as active.

``discipline.service_levels`` — read by the service-level dashboard of simasn.disputes:
counts per instansi (no names) of open cases, how long the oldest has been open in
working days, and the decisions of the year.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q

from simasn.accounts.actors import Actor
from simasn.core.interfaces import Interface
from simasn.discipline.models import OPEN_STATES, CaseKind, CaseState, DisciplineCase
from simasn.discipline.services import case_apply_remedy_outcome
from simasn.law import calendar

_RANK = {"RINGAN": 1, "SEDANG": 2, "BERAT": 3}


def record(*, employee_ids: list[int], on: dt.date) -> dict[int, dict[str, Any]]:
    out: dict[int, dict[str, Any]] = {
        pk: {"active_penalty_level": None, "penalties": [], "open_cases": 0} for pk in employee_ids
    }
    if not employee_ids:
        return out
    cases = DisciplineCase.objects.filter(employee_id__in=employee_ids, kind=CaseKind.DISIPLIN).values(
        "employee_id", "state", "level", "penalty", "decided_on", "ends_on", "decision_received_on")
    for row in cases.order_by("decided_on", "id"):
        entry = out[row["employee_id"]]
        if row["state"] in OPEN_STATES:
            entry["open_cases"] += 1
            continue
        if row["state"] != CaseState.DIPUTUS or not row["penalty"] or row["decided_on"] is None:
            continue
        if row["decided_on"] > on:
            continue
        entry["penalties"].append({"level": row["level"].lower(), "penalty": row["penalty"],
                                   "decided_on": row["decided_on"], "ends_on": row["ends_on"]})
        running = row["ends_on"] is None or row["ends_on"] >= on
        current = entry["active_penalty_level"]
        if running and (current is None or _RANK[row["level"]] > _RANK[current.upper()]):
            entry["active_penalty_level"] = row["level"].lower()
    return out


def apply_remedy_outcome(*, actor: Actor, interface: Interface, case_id: int, outcome: str,
                         reference: str, decided_on: dt.date, new_penalty: str = "",
                         employee_id: int | None = None) -> dict[str, Any]:
    """Apply a keberatan/banding decision to a discipline decision (called by simasn.disputes);
    ``employee_id``: the decision must be about this employee (the one who filed)."""
    case = case_apply_remedy_outcome(actor=actor, interface=interface, case_id=case_id, outcome=outcome,
                                     reference=reference, decided_on=decided_on, new_penalty=new_penalty,
                                     employee_id=employee_id)
    return {"id": case.pk, "penalty": case.penalty, "level": case.level, "ends_on": case.ends_on}


def service_levels(*, instansi_ids: list[int] | None, today: dt.date) -> dict[int, dict[str, Any]]:
    """Per instansi (``None``: every instansi): discipline cases waiting for examination and
    for a decision, the oldest open case's age in working days since its report (``None``
    when a year's holiday list is not known), and the cases decided and closed this year.
    Code-of-ethics cases are counted apart. The law data holds no time limit for deciding a
    case, so there is nothing to be overdue against; the age is what is shown."""
    qs = DisciplineCase.objects.all()
    if instansi_ids is not None:
        qs = qs.filter(instansi_id__in=instansi_ids)
    out: dict[int, dict[str, Any]] = {}
    rows = qs.filter(_open_or_this_year(today)).values_list(
        "instansi_id", "instansi__name", "kind", "state", "reported_on")
    oldest: dict[int, dt.date] = {}
    for inst, name, kind, state, reported_on in rows:
        row = out.setdefault(inst, {"instansi": name, "to_examine": 0, "to_decide": 0, "ethics_open": 0,
                                    "oldest_days": None, "decided_this_year": 0, "closed_this_year": 0})
        if state in OPEN_STATES:
            if kind == CaseKind.KODE_ETIK:
                row["ethics_open"] += 1
            elif state == CaseState.DILAPORKAN:
                row["to_examine"] += 1
            else:
                row["to_decide"] += 1
            if inst not in oldest or reported_on < oldest[inst]:
                oldest[inst] = reported_on
        elif state == CaseState.DIPUTUS:
            row["decided_this_year"] += 1
        else:
            row["closed_this_year"] += 1
    for inst, reported_on in oldest.items():
        try:
            out[inst]["oldest_days"] = calendar.working_days_between(reported_on, today, known_on=today)
        except calendar.HolidayListNotSetError:  # a year's holiday list not known: not counted
            out[inst]["oldest_days"] = None
    return out


def _open_or_this_year(today: dt.date) -> Q:
    year_start = today.replace(month=1, day=1)
    return (Q(state__in=OPEN_STATES)
            | Q(state=CaseState.DIPUTUS, decided_on__gte=year_start, decided_on__lte=today)
            | Q(state=CaseState.DIHENTIKAN, updated_at__date__gte=year_start))
