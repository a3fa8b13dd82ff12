"""The personnel register's questions to the law package, in one place.

Everything legal — NIP layout, retirement age and date, rank lists — is answered by
`simasn.law`; this module only turns register data into the facts a rule takes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import get_language

from simasn.law import evaluate, pns_ranks, pppk_grades
from simasn.law.decision import Decision
from simasn.law.enums import EmployeeType, FunctionalFamily


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
    facts: dict[str, Any] = {"employee_type": employee_type, "nip": nip, "birth_date": birth_date,
                             "sex": sex}
    if tmt_cpns:
        facts["tmt_cpns"] = tmt_cpns
    if contract_start:
        facts["appointment_year"] = contract_start.year
    return evaluate("nip", facts, on)


def nip_problems(decision: Decision) -> list[str]:
    """The rule's problems in the user's language."""
    return [problem_text(problem) for problem in decision.outcome.get("problems", [])]


def problem_text(problem: dict[str, Any]) -> str:
    """One problem of a rule's outcome in the user's language."""
    key = "message_en" if (get_language() or "id").startswith("en") else "message_id"
    return str(problem.get(key) or problem.get("message_id"))


def position_filling_decision(*, employee_type: str, position_kind: str, instansi_kind: str,
                              open_to_pppk: bool, on: dt.date) -> Decision:
    """The law's R-FILL rule for a Pegawai ASN of the register in a position.

    Whether the position is one of the "jabatan tertentu" open to PPPK is the position's
    ``open_to_pppk`` (set by the instansi from the implementing regulation).
    """
    facts: dict[str, Any] = {"candidate_type": employee_type, "position_kind": position_kind,
                             "instansi_kind": instansi_kind}
    if employee_type == EmployeeType.PPPK:
        facts["designated_for_candidate_type"] = open_to_pppk
    return evaluate("position_filling", facts, on)


def decision_text(decision: Decision) -> str:
    """A decision's explanation in the user's language, with the articles it rests on."""
    english = (get_language() or "id").startswith("en")
    text = decision.explanation_en if english else decision.explanation_id
    return f"{text} ({'; '.join(decision.citations)})" if decision.citations else text


def nik_decision(*, nik: str, birth_date: dt.date | None, sex: str | None, on: dt.date) -> Decision:
    """The law's NIK rule (UU 23/2006 Pasal 13; layout PP 37/2007 Pasal 37, PP 40/2019)."""
    facts: dict[str, Any] = {"nik": nik}
    if birth_date:
        facts["birth_date"] = birth_date
    if sex:
        facts["sex"] = sex
    return evaluate("nik", facts, on)


DATE_FIELDS = ("birth_date", "tmt_cpns", "tmt_pns", "contract_start", "contract_end")


def dates_decision(data: dict[str, Any], *, on: dt.date) -> Decision:
    """The law's order of an employee's dates (UU 20/2023 Pasal 1 angka 3 and 4)."""
    facts = {name: data[name] for name in DATE_FIELDS
             if isinstance(data.get(name), dt.date) and not isinstance(data.get(name), dt.datetime)}
    return evaluate("employee_dates", facts, on)


def _law_families() -> frozenset[str]:
    return frozenset(member.value for member in FunctionalFamily)


_LAW_FAMILIES = _law_families()


def retirement_facts(employee: Any) -> dict[str, Any]:
    position = employee.position
    facts: dict[str, Any] = {
        "employee_type": employee.employee_type,
        "birth_date": employee.birth_date,
        "position_kind": position.kind if position else "PELAKSANA",
    }
    if position is not None and position.functional_level:
        facts["functional_level"] = position.functional_level
    if position is not None and position.functional_family in _LAW_FAMILIES:
        # Only families with their own BUP (guru, dosen, profesor) change the rule's
        # answer; every other functional family follows its level.
        facts["functional_family"] = position.functional_family
    if employee.contract_end:
        facts["contract_end_date"] = employee.contract_end
    return facts


def retirement_decision(employee: Any, *, on: dt.date) -> Decision:
    return evaluate("retirement", retirement_facts(employee), on)


def _ranks(employee_type: str, on: dt.date) -> list[tuple[str, str]]:
    rows = pns_ranks(on) if employee_type == EmployeeType.PNS else pppk_grades(on)
    return [(str(row["code"]), str(row.get("pangkat") or row.get("name") or "")) for row in rows]


def rank_codes(employee_type: str, *, on: dt.date) -> list[str]:
    """Golongan codes in force: PNS I/a-IV/e (PP 99/2000), PPPK I-XVII (Perpres 98/2020)."""
    return [code for code, _name in _ranks(employee_type, on)]


def rank_choices(employee_type: str | None = None, *, on: dt.date) -> list[tuple[str, str]]:
    types = [employee_type] if employee_type else [t.value for t in EmployeeType]
    return [
        (code, f"{t} {code} — {name}" if name else f"{t} {code}")
        for t in types
        for code, name in _ranks(t, on)
    ]
