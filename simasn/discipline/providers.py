"""Facts the discipline chapter offers other chapters (simasn.core.providers).

``discipline.record`` — read by talent (integrity) and rewards (Satyalancana Karya Satya):

    {employee_id: {"active_penalty_level": None | "ringan" | "sedang" | "berat",
                   "penalties": [{"level", "penalty", "decided_on", "ends_on"}],
                   "open_cases": int}}

Only disciplinary penalties count (a code-of-ethics moral sanction is not a disciplinary
penalty); an annulled penalty (keberatan or banding granted) is gone from the record. A
penalty is active on ``on`` from its decision until its last day (a dismissal never
ends); a decision not yet received has no known end, so it counts as active.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from simasn.accounts.actors import Actor
from simasn.core.interfaces import Interface
from simasn.discipline.models import OPEN_STATES, CaseKind, CaseState, DisciplineCase
from simasn.discipline.services import case_apply_remedy_outcome

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
                         reference: str, decided_on: dt.date, new_penalty: str = "") -> dict[str, Any]:
    """Apply a keberatan/banding decision to a discipline decision (called by simasn.disputes)."""
    case = case_apply_remedy_outcome(actor=actor, interface=interface, case_id=case_id, outcome=outcome,
                                     reference=reference, decided_on=decided_on, new_penalty=new_penalty)
    return {"id": case.pk, "penalty": case.penalty, "level": case.level, "ends_on": case.ends_on}
