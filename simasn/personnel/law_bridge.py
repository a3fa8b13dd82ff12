"""The personnel register's questions to the law package, in one place.

Everything legal — NIP layout, retirement age and date, rank lists — is answered
by `simasn.law`; this module only turns an Employee into the facts a rule takes.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from simasn.law.decision import Decision


def nip_decision(
    *,
    employee_type: str,
    nip: str,
    birth_date: dt.date | None,
    sex: str | None,
    tmt_cpns: dt.date | None = None,
    contract_start: dt.date | None = None,
    on: dt.date,
) -> Decision:
    facts: dict[str, Any] = {"employee_type": employee_type, "nip": nip}
    if birth_date:
        facts["birth_date"] = birth_date.isoformat()
    if sex:
        facts["sex"] = sex
    if tmt_cpns:
        facts["tmt_cpns"] = tmt_cpns.isoformat()
    if contract_start:
        facts["contract_start"] = contract_start.isoformat()
    from simasn.law import evaluate

    return evaluate("nip", facts, on)


def retirement_facts(employee: Any) -> dict[str, Any]:
    position = employee.position
    facts: dict[str, Any] = {
        "employee_type": employee.employee_type,
        "birth_date": employee.birth_date.isoformat(),
        "position_kind": position.kind if position else "PELAKSANA",
    }
    if position is not None and position.functional_level:
        facts["functional_level"] = position.functional_level
    if position is not None and position.functional_family:
        facts["functional_family"] = position.functional_family
    if employee.contract_end:
        facts["contract_end"] = employee.contract_end.isoformat()
    return facts


def retirement_decision(employee: Any, *, on: dt.date) -> Decision:
    from simasn.law import evaluate

    return evaluate("retirement", retirement_facts(employee), on)


def rank_codes(employee_type: str, *, on: dt.date) -> list[str]:
    """Golongan codes in force: PNS I/a-IV/e (PP 99/2000), PPPK I-XVII (Perpres 98/2020)."""
    from simasn.law.parameters import ranks_for

    return [code for code, _name in ranks_for(employee_type, on=on)]


def rank_choices(employee_type: str | None = None, *, on: dt.date) -> list[tuple[str, str]]:
    from simasn.law.parameters import ranks_for

    types = [employee_type] if employee_type else ["PNS", "PPPK"]
    return [(code, f"{code} — {name}" if name else code) for t in types for code, name in ranks_for(t, on=on)]
