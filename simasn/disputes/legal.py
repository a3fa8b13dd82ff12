"""The disputes app's questions to the law: which remedy, in time or not, the due dates
(UU 20/2023 Pasal 64; PP 79/2021 as parameters ``disputes.*``; the working-day calendar
of ``simasn.law.calendar``). Nothing here decides law."""

from __future__ import annotations

import datetime as dt
from typing import Any

from simasn.law import Decision, calendar, evaluate

#: The contested decision of an SK of the personnel-action workflow, by action type.
ACTION_DECISION_KIND = {
    "DISMISSAL": "PEMBERHENTIAN_PNS",
    "RETIREMENT": "PEMBERHENTIAN_PNS",
    "CANDIDACY_RESIGNATION": "PEMBERHENTIAN_PNS",
    "CONTRACT_END": "PEMUTUSAN_HUBUNGAN_PERJANJIAN_KERJA_PPPK",
}


def remedy_facts(*, employee_type: str, decision_kind: str, issuer: str, penalty: str = "",
                 decision_date: dt.date | None, decision_received_date: dt.date | None) -> dict[str, Any]:
    kind = decision_kind
    if kind == "PEMBERHENTIAN_PNS" and employee_type != "PNS":
        kind = "PEMUTUSAN_HUBUNGAN_PERJANJIAN_KERJA_PPPK"
    if kind == "PEMUTUSAN_HUBUNGAN_PERJANJIAN_KERJA_PPPK" and employee_type != "PPPK":
        kind = "PEMBERHENTIAN_PNS"
    facts: dict[str, Any] = {"employee_type": employee_type, "decision": kind, "issuer": issuer}
    if penalty and kind == "HUKUMAN_DISIPLIN":
        facts["penalty"] = penalty
    if decision_date:
        facts["decision_date"] = decision_date
    if decision_received_date:
        facts["decision_received_date"] = decision_received_date
    return facts


def remedy(facts: dict[str, Any], *, on: dt.date) -> Decision:
    return evaluate("disputes.remedy", facts, on)


def admissible(*, route: str, filed_on: dt.date, decision_date: dt.date | None,
               decision_received_date: dt.date | None) -> Decision:
    facts: dict[str, Any] = {"route": route, "filed_date": filed_on}
    if decision_date:
        facts["decision_date"] = decision_date
    if decision_received_date:
        facts["decision_received_date"] = decision_received_date
    return evaluate("disputes.admissible", facts, filed_on)


def step_deadline(step: str, *, received_on: dt.date, on: dt.date, acted_on: dt.date | None = None) -> Decision:
    facts: dict[str, Any] = {"step": step, "submission_received_date": received_on}
    if acted_on:
        facts["acted_on"] = acted_on
    return evaluate("disputes.deadline", facts, on)


def working_days_left(today: dt.date, due: dt.date) -> int | None:
    """Working days from today to the due date (negative: overdue), None when a year's
    holiday list is not known."""
    try:
        return calendar.working_days_between(today, due, known_on=today)
    except Exception:
        return None


def sk_remedy(action: Any, *, on: dt.date) -> Decision | None:
    """The remedy against an SK of the personnel-action workflow (read from the action passed
    by the page, without importing that app): None while it has no SK or no employee."""
    if not getattr(action, "sk_number", None) or getattr(action, "employee", None) is None:
        return None
    if getattr(action, "state", "") not in ("DECIDED", "EFFECTIVE"):
        return None
    facts = remedy_facts(
        employee_type=action.employee.employee_type,
        decision_kind=ACTION_DECISION_KIND.get(action.action_type, "LAINNYA"),
        issuer="PRESIDEN" if action.decider == "PRESIDEN" else "PPK",
        decision_date=action.sk_date, decision_received_date=None)
    return remedy(facts, on=on)
