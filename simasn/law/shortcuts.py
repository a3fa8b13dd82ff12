"""Typed entry points other apps call directly (the registry, personnel actions, forms).

Every function takes the decision date ``on`` as a keyword: the law that applies is
the law in force on that day.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
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


def basic_salary(
    *,
    employee_type: EmployeeType | str,
    rank: str,
    on: dt.date,
    masa_kerja_years: int | None = None,
    tmt_cpns: dt.date | None = None,
    initial_rank: str | None = None,
    recognised_prior_service_months: int = 0,
    is_cpns: bool = False,
) -> int | None:
    """Gaji pokok in rupiah (rule ``salary.basic``), or None when the case needs legal review.

    PNS: ``rank`` is the golongan/ruang ("III/a"); give ``masa_kerja_years`` (the MKG of the
    latest salary decree) or ``tmt_cpns`` and ``initial_rank`` (golongan/ruang at TMT CPNS).
    PPPK: ``rank`` is the golongan ("IX") and ``masa_kerja_years`` is required.
    """
    facts: dict[str, Any] = {"employee_type": employee_type, "rank": rank, "is_cpns": is_cpns,
                             "recognised_prior_service_months": recognised_prior_service_months}
    for name, value in (("masa_kerja_years", masa_kerja_years), ("tmt_cpns", tmt_cpns),
                        ("initial_rank", initial_rank)):
        if value is not None:
            facts[name] = value
    decision = evaluate("salary.basic", facts, on)
    amount = decision.outcome.get("amount")
    return int(amount) if amount is not None and not decision.needs_legal_review else None


def basic_salary_table(employee_type: EmployeeType | str, on: dt.date) -> dict[str, dict[int, int | None]]:
    """The whole gaji pokok table in force: {rank: {masa kerja years a cell starts at: rupiah}}.

    For costing many positions at once (needs planning): a cell applies from its years until
    the next cell; None marks a cell not entered (ask ``salary.basic`` for the reason).
    """
    name = "salary.pns_basic" if EmployeeType(employee_type) == EmployeeType.PNS else "salary.pppk_basic"
    return {
        rank: {int(years): (None if amount is None else int(amount)) for years, amount in cells.items()}
        for rank, cells in parameters.value(name, on).items()
    }


def check_nik(
    *, nik: str, birth_date: dt.date | None = None, sex: Sex | str | None = None, on: dt.date
) -> Decision:
    """Rule ``nik``: ``outcome["valid"]`` (no ERROR), ``outcome["agrees"]`` (no finding at all),
    ``outcome["problems"]`` (code, severity ERROR/WARNING, message_id, message_en)."""
    facts: dict[str, Any] = {"nik": nik}
    if birth_date is not None:
        facts["birth_date"] = birth_date
    if sex is not None:
        facts["sex"] = sex
    return evaluate("nik", facts, on)


def people_needed(*, workload_hours: Decimal | int | str, on: dt.date) -> int:
    """People a position needs from its yearly workload (rule ``needs.workload``), rounded."""
    decision = evaluate("needs.workload", {"workload_hours": str(workload_hours)}, on)
    return int(decision.outcome["needed"])


def formasi_types(on: dt.date) -> list[dict[str, str]]:
    """The formasi types of the passing-grade decree for ``on``'s fiscal year, for forms:
    ``code`` (a FormasiType value), ``label_id``, ``label_en``. Raises ParameterGapError for a
    fiscal year with no decree kept."""
    return [dict(item) for item in parameters.value("selection.formasi_types", on)]
