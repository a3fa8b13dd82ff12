"""Typed entry points other apps call directly (the registry, personnel actions, forms).

Every function takes the decision date ``on`` as a keyword: the law that applies is
the law in force on that day.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from simasn.law import parameters
from simasn.law.decision import Decision
from simasn.law.enums import (
    ActionKind,
    DismissalCategory,
    EmployeeType,
    FunctionalFamily,
    FunctionalLevel,
    InstansiKind,
    NationalInstitution,
    PositionKind,
    Sex,
)
from simasn.law.registry import evaluate


def check_nip(
    *,
    nip: str,
    employee_type: EmployeeType | str,
    birth_date: dt.date,
    sex: Sex | str,
    tmt_cpns: dt.date | None = None,
    appointment_year: int | None = None,
    on: dt.date,
) -> Decision:
    """Rule ``nip``: ``outcome["valid"]`` and ``outcome["problems"]`` (code + messages)."""
    facts: dict[str, Any] = {
        "nip": nip,
        "employee_type": employee_type,
        "birth_date": birth_date,
        "sex": sex,
    }
    if tmt_cpns is not None:
        facts["tmt_cpns"] = tmt_cpns
    if appointment_year is not None:
        facts["appointment_year"] = appointment_year
    return evaluate("nip", facts, on)


def decide_retirement(
    *,
    employee_type: EmployeeType | str,
    position_kind: PositionKind | str,
    birth_date: dt.date,
    functional_level: FunctionalLevel | str | None = None,
    functional_family: FunctionalFamily | str | None = None,
    contract_end_date: dt.date | None = None,
    on: dt.date,
) -> Decision:
    """Rule ``retirement`` with its full outcome (age, BUP day, TMT, end of service)."""
    facts: dict[str, Any] = {
        "employee_type": employee_type,
        "position_kind": position_kind,
        "birth_date": birth_date,
    }
    if functional_level is not None:
        facts["functional_level"] = functional_level
    if functional_family is not None:
        facts["functional_family"] = functional_family
    if contract_end_date is not None:
        facts["contract_end_date"] = contract_end_date
    return evaluate("retirement", facts, on)


def retirement_date(
    *,
    employee_type: EmployeeType | str,
    position_kind: PositionKind | str,
    birth_date: dt.date,
    functional_level: FunctionalLevel | str | None = None,
    functional_family: FunctionalFamily | str | None = None,
    contract_end_date: dt.date | None = None,
    on: dt.date,
) -> dt.date | None:
    """TMT pensiun (first day of pension by BUP), or None when the case needs legal review.

    For a PPPK whose contract ends first, service ends earlier: read
    ``decide_retirement(...).outcome["service_ends_on"]``.
    """
    decision = decide_retirement(
        employee_type=employee_type,
        position_kind=position_kind,
        birth_date=birth_date,
        functional_level=functional_level,
        functional_family=functional_family,
        contract_end_date=contract_end_date,
        on=on,
    )
    found = decision.outcome.get("retirement_date")
    return found if isinstance(found, dt.date) and not decision.needs_legal_review else None


def decide_authority(
    *,
    action: ActionKind | str,
    position_kind: PositionKind | str,
    functional_level: FunctionalLevel | str | None = None,
    instansi_kind: InstansiKind | str | None = None,
    on: dt.date,
) -> Decision:
    """Rule ``authority``: ``outcome["decider"]`` (PRESIDEN/PPK), ``outcome["proposer"]``."""
    facts: dict[str, Any] = {"action": action, "position_kind": position_kind}
    if functional_level is not None:
        facts["functional_level"] = functional_level
    if instansi_kind is not None:
        facts["instansi_kind"] = instansi_kind
    return evaluate("authority", facts, on)


def dismissal_grounds(on: dt.date) -> list[dict[str, Any]]:
    """The grounds of Pasal 52(3) in force on ``on``, for forms: code, labels, category."""
    grounds = parameters.version("dismissal.grounds", on)
    dishonourable = set(parameters.value("dismissal.dishonourable_grounds", on))
    return [
        {
            "code": code,
            "label_id": entry["label_id"],
            "label_en": entry["label_en"],
            "category": (
                DismissalCategory.TIDAK_DENGAN_HORMAT
                if code in dishonourable
                else DismissalCategory.DENGAN_HORMAT
            ).value,
            "citation": grounds.reference_for(code).cite(),
        }
        for code, entry in grounds.value.items()
    ]


def pns_ranks(on: dt.date) -> list[dict[str, str]]:
    """PNS golongan/ruang with pangkat names, lowest first (I/a Juru Muda ... IV/e)."""
    return [dict(rank) for rank in parameters.value("ranks.pns", on)]


def pppk_grades(on: dt.date) -> list[dict[str, Any]]:
    """PPPK golongan I ... XVII, lowest first."""
    return [dict(grade) for grade in parameters.value("grades.pppk", on)]


def workplan_participants(on: dt.date) -> list[NationalInstitution]:
    """Institutions taking part in work-plan synchronization on ``on`` (PermenRK Pasal 2)."""
    return [
        NationalInstitution(item["institution"])
        for item in parameters.value("workplan.participants", on)
    ]
