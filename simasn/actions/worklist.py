"""The worklist of an instansi: what is overdue, then what is due soon.

- first, in red: employees past their TMT pensiun with no decision (``retirement_overdue``)
  and PPPK whose contract has ended with no decision — the daily job flags them, nobody
  retires them silently;
- employees reaching BUP in the next 12 months (prepare the retirement SK in time);
- PPPK whose contract ends in the next 12 months (Pasal 52 ayat (3) huruf c);
- employees temporarily dismissed because detained (Pasal 53 ayat (2)) whose action
  has not been followed up for DETENTION_FOLLOW_UP_DAYS;
- PNS back from a state office (Pasal 59 ayat (2)) whose 5-year vacancy deadline of
  Pasal 60 (from the `return_from_state_office` rule) is within RETURN_WARNING_DAYS.

The two day counts are operational reminders chosen by the office, not legal values.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet

from simasn.accounts.models import User
from simasn.accounts.policy import Resource
from simasn.accounts.scope import Scope
from simasn.actions.models import ActionState, ActionType, PersonnelAction
from simasn.actions.selectors import (
    _scoped_employees,
    open_action_types,
    retirement_overdue,
    retirement_register,
    tmt_pensiun_of,
)
from simasn.actions.selectors import contracts_ended as contracts_ended_list
from simasn.law import Decision, FactsError, evaluate
from simasn.law.rules.retirement import first_day_of_next_month

if TYPE_CHECKING:
    from simasn.personnel.models import Employee

DETENTION_FOLLOW_UP_DAYS = 90
RETURN_WARNING_DAYS = 365
HORIZON_MONTHS = 12


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def instansi_worklist(*, viewer: User, on: dt.date, instansi_id: int | None = None) -> dict[str, Any]:
    bup = list(retirement_register(viewer=viewer, on=on, months=HORIZON_MONTHS, instansi_id=instansi_id)[:500])
    horizon = _add_months(on, HORIZON_MONTHS)
    contracts = list(
        _scoped_employees(viewer, Resource.EMPLOYEE, instansi_id, None)
        .filter(employee_type="PPPK", contract_end__gte=on, contract_end__lt=horizon)
        .select_related("instansi", "position").order_by("contract_end", "name")[:500]
    )
    overdue = list(retirement_overdue(viewer=viewer, on=on, instansi_id=instansi_id)[:500])
    contracts_ended = list(contracts_ended_list(viewer=viewer, on=on, instansi_id=instansi_id)[:500])
    # This month's TMT (the 1st, already here) is overdue, not "due soon": listed once, above.
    late = {e.pk for e in overdue}
    bup = [e for e in bup if e.pk not in late]
    _annotate_employees(on=on, overdue=overdue, contracts_ended=contracts_ended, bup=bup, contracts=contracts)
    return {"overdue": overdue, "contracts_ended": contracts_ended, "bup": bup, "contracts": contracts,
            "detained": _detained(viewer=viewer, on=on, instansi_id=instansi_id),
            "returned": _returned(viewer=viewer, on=on, instansi_id=instansi_id),
            "horizon": horizon, "first_day_of_next_month": first_day_of_next_month}


def _annotate_employees(*, on: dt.date, overdue: list[Employee], contracts_ended: list[Employee],
                        bup: list[Employee], contracts: list[Employee]) -> None:
    """Days late, the TMT pensiun and the actions already open, for the page's columns."""
    open_types = open_action_types([e.pk for e in bup + contracts + overdue + contracts_ended])
    for past in overdue:
        past.tmt_pensiun = tmt_pensiun_of(past)  # type: ignore[attr-defined]
        past.days_late = (on - past.tmt_pensiun).days  # type: ignore[attr-defined]
        past.open_types = open_types.get(past.pk, [])  # type: ignore[attr-defined]
    for ended in contracts_ended:
        ended.days_late = (on - ended.contract_end).days  # type: ignore[attr-defined,operator]
        ended.open_types = open_types.get(ended.pk, [])  # type: ignore[attr-defined]
    for employee in bup:
        index = employee.tmt_index  # type: ignore[attr-defined]
        employee.tmt_pensiun = dt.date(index // 12, index % 12 + 1, 1)  # type: ignore[attr-defined]
        employee.open_types = open_types.get(employee.pk, [])  # type: ignore[attr-defined]
        employee.leap_day = employee.birth_date.month == 2 and employee.birth_date.day == 29  # type: ignore[attr-defined]
    for employee in contracts:
        employee.open_types = open_types.get(employee.pk, [])  # type: ignore[attr-defined]


def _effective_actions(viewer: User, action_type: str, instansi_id: int | None) -> QuerySet[PersonnelAction]:
    actions = Scope.of(viewer).filter(PersonnelAction.objects.filter(
        state=ActionState.EFFECTIVE, action_type=action_type), Resource.ACTION)
    return actions.filter(instansi_id=instansi_id) if instansi_id else actions


def _detained(*, viewer: User, on: dt.date, instansi_id: int | None) -> list[PersonnelAction]:
    """Temporary dismissals for detention with no update for DETENTION_FOLLOW_UP_DAYS."""
    detained = []
    for action in _effective_actions(viewer, ActionType.TEMPORARY_DISMISSAL, instansi_id) \
            .filter(facts__reason="DITAHAN", employee__status="DIBERHENTIKAN_SEMENTARA") \
            .select_related("employee").order_by("tmt")[:500]:
        last = action.updated_at.date()
        days = (on - max(last, action.tmt or last)).days
        if days >= DETENTION_FOLLOW_UP_DAYS:
            action.days_without_update = days  # type: ignore[attr-defined]
            detained.append(action)
    return detained


def _returned(*, viewer: User, on: dt.date, instansi_id: int | None) -> list[PersonnelAction]:
    """Reactivations after a state office whose vacancy deadline (Pasal 60) is near or past."""
    returned = []
    reactivations = _effective_actions(viewer, ActionType.REACTIVATION, instansi_id) \
        .filter(facts__has_key="office_ended_on")
    for action in reactivations.select_related("employee").order_by("tmt")[:500]:
        decision = _return_decision(action, on)
        if decision is None:
            continue
        days_left = decision.outcome.get("days_left")
        status = decision.outcome.get("status")
        if status == "TO_BE_DISMISSED" or (days_left is not None and days_left <= RETURN_WARNING_DAYS):
            action.deadline = decision.outcome.get("vacancy_deadline")  # type: ignore[attr-defined]
            action.return_status = status  # type: ignore[attr-defined]
            action.return_decision = decision  # type: ignore[attr-defined]
            returned.append(action)
    return returned


def _return_decision(action: PersonnelAction, on: dt.date) -> Decision | None:
    """The law's `return_from_state_office` for a reactivated employee still without a post,
    or None when the action is not a return from a state office (or the facts are missing)."""
    employee = action.employee
    if employee is None or employee.status != "AKTIF" or employee.position_id:
        return None
    state_office = (action.legal_outcome.get("return_from_state_office") or {}) and \
        action.facts.get("state_office")
    prior = PersonnelAction.objects.filter(employee=employee, action_type=ActionType.TEMPORARY_DISMISSAL,
                                           state=ActionState.EFFECTIVE).order_by("-tmt").first()
    state_office = state_office or (prior.facts.get("state_office") if prior else None)
    if not state_office:
        return None
    try:
        return evaluate("return_from_state_office", {
            "employee_type": employee.employee_type, "state_office": state_office,
            "office_ended_on": action.facts["office_ended_on"]}, on)
    except FactsError:
        return None
