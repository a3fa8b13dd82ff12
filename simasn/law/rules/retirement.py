"""R-BUP, R-PPPK-END — batas usia pensiun, TMT pensiun, end of a PPPK's service.

- UU 20/2023 Pasal 55: BUP 60 for JPT utama/madya/pratama (huruf a angka 1), 58 for
  administrator and pengawas (huruf a angka 2) and pelaksana (huruf b angka 2), and for
  pejabat fungsional as their own regulation sets (huruf b angka 1): PP 11/2017 Pasal
  239 ayat (2) by level, UU 14/2005 Pasal 30 ayat (4) and 67 ayat (4)-(5) for guru,
  dosen and profesor — a profesor retires at the dosen's 65 unless the extension of UU
  14/2005 Pasal 67 ayat (5) ("dapat diperpanjang" to 70, for a profesor berprestasi) was
  granted (fact ``professor_extension_granted``). Before 31 October 2023: UU 5/2014 Pasal 90.
- TMT pensiun: the first day of the month after the month in which the BUP is reached
  (PP 11/2017; parameter ``retirement.tmt_rule``).
- Pasal 52 ayat (3) huruf c: a PPPK stops on reaching the BUP of the position and/or at
  the end of the contract, whichever comes first.

The BUP table used is the one in force on the decision date ``on``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from pydantic import model_validator

from simasn.law import parameters
from simasn.law.decision import Decision, Facts
from simasn.law.enums import EmployeeType, FunctionalFamily, FunctionalLevel, PositionKind
from simasn.law.parameters import ParameterGapError, UnknownKeyError
from simasn.law.rules._support import (
    UU_20_2023,
    Lookup,
    fmt_date_en,
    fmt_date_id,
    gap_review,
    law_in_force,
    pasal,
    review,
)

RULE = "retirement"

FIRST_DAY_OF_NEXT_MONTH = "FIRST_DAY_OF_NEXT_MONTH"

#: The values of ``retirement.tmt_rule`` the system applies, each as the number of months
#: after the month in which the BUP is reached whose first day is the TMT pensiun. A value
#: not listed here is not applied: the rule answers "needs legal review" and the register
#: (simasn.actions, which builds its SQL from :func:`tmt_month_offsets`) has no TMT for it.
TMT_RULE_MONTHS: dict[str, int] = {FIRST_DAY_OF_NEXT_MONTH: 1}


class RetirementFacts(Facts):
    employee_type: EmployeeType
    position_kind: PositionKind
    birth_date: dt.date
    functional_level: FunctionalLevel | None = None
    functional_family: FunctionalFamily | None = None
    contract_end_date: dt.date | None = None
    #: UU 14/2005 Pasal 67 ayat (5): the BUP of a profesor berprestasi "dapat diperpanjang"
    #: to 70 — an extension granted to the person, never assumed.
    professor_extension_granted: bool = False

    @model_validator(mode="after")
    def _consistent(self) -> RetirementFacts:
        if self.professor_extension_granted and self.functional_family != FunctionalFamily.PROFESOR:
            raise ValueError("professor_extension_granted applies only to functional_family PROFESOR")
        if (
            self.position_kind == PositionKind.FUNGSIONAL
            and self.functional_level is None
            and self.functional_family is None
        ):
            raise ValueError("functional_level (or functional_family) is required for FUNGSIONAL")
        if self.position_kind != PositionKind.FUNGSIONAL and (
            self.functional_level is not None or self.functional_family is not None
        ):
            raise ValueError("functional_level/functional_family apply only to FUNGSIONAL")
        if self.employee_type == EmployeeType.PPPK and self.contract_end_date is None:
            raise ValueError("contract_end_date is required for a PPPK")
        if self.employee_type == EmployeeType.PNS and self.contract_end_date is not None:
            raise ValueError("a PNS has no contract_end_date")
        return self


def add_years(day: dt.date, years: int) -> dt.date | None:
    """The same calendar day ``years`` later, or None when it does not exist (29 Feb)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return None


def first_day_of_next_month(day: dt.date) -> dt.date:
    return first_day_months_after(day, 1)


def first_day_months_after(day: dt.date, months: int) -> dt.date:
    """The first day of the month ``months`` months after the month of ``day``."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def tmt_month_offsets(on: dt.date) -> dict[EmployeeType, int]:
    """``retirement.tmt_rule`` in force on ``on`` as months after the BUP month, per type.

    For the ORM side: the TMT pensiun's month is the BUP month plus this offset (first
    day). Employee types whose rule is missing or not in :data:`TMT_RULE_MONTHS` are left
    out (no TMT known). Raises ParameterGapError when no version is in force on ``on``.
    """
    rules = parameters.values("retirement.tmt_rule", on)
    return {EmployeeType(code): TMT_RULE_MONTHS[rule] for code, rule in rules.items()
            if rule in TMT_RULE_MONTHS}


@dataclass(frozen=True)
class _Bup:
    age: int
    citations: list[str]


def _bup(facts: RetirementFacts, lookup: Lookup) -> _Bup:
    """The BUP age with the articles it rests on; raises ParameterGapError/UnknownKeyError."""
    kind = facts.position_kind
    age = lookup.value("bup.position_kind", kind)
    citations = [lookup.cite("bup.position_kind", kind)]
    if age is not None:
        return _Bup(int(age), citations)
    family = facts.functional_family
    if family is not None:
        table = lookup.value("bup.functional_family")
        if family == FunctionalFamily.PROFESOR and facts.professor_extension_granted:
            return _Bup(
                int(lookup.value("bup.profesor_extension")),
                [*citations, lookup.cite("bup.functional_family", family),
                 lookup.cite("bup.profesor_extension")],
            )
        if family.value in table:
            return _Bup(
                int(table[family.value]), [*citations, lookup.cite("bup.functional_family", family)]
            )
    if facts.functional_level is None:
        raise UnknownKeyError(
            "bup.functional_family",
            str(family),
            lookup.on,
            lookup.value("bup.functional_family").keys(),
        )
    level = facts.functional_level
    age = lookup.value("bup.functional_level", level)
    return _Bup(int(age), [*citations, lookup.cite("bup.functional_level", level)])


def retirement(facts: RetirementFacts, on: dt.date) -> Decision:
    """BUP, TMT pensiun and (for PPPK) the end of service — Pasal 52(3)(c), 55; PP 11/2017.

    The law that sets the BUP is the law in force on the day the BUP is reached, not on the
    day the question is asked (MISSION R-BUP; issue 12 item 18): the age found with the law
    of ``on`` gives the day it is reached; the answer is then taken from the law in force on
    that day (twice at most, should that law's age move the day again). The decision keeps
    ``on`` as its date; its parameters and citations are those of the law applied, and
    ``outcome["bup_law_on"]`` says which day's law that was.
    """
    decision = _retirement_on(facts, on)
    for _ in range(2):
        reached = decision.outcome.get("bup_reached_on")
        if not isinstance(reached, dt.date) or reached == decision.outcome.get("bup_law_on"):
            break
        again = _retirement_on(facts, reached)
        if again.needs_legal_review and not decision.needs_legal_review:
            break  # the system keeps no table for that day: keep the answer it has
        decision = again
    decision.on = on
    return decision


def _retirement_on(facts: RetirementFacts, on: dt.date) -> Decision:
    """The answer with the law in force on ``on``."""
    lookup = Lookup(on)
    try:
        law = law_in_force(lookup)
        covered = lookup.value("bup.employee_types")
        if facts.employee_type.value not in covered:
            return review(
                RULE,
                on,
                f"the BUP table of {law} does not cover a {facts.employee_type.value}; the "
                "end of a PPPK's service in that period is not modelled.",
                f"tabel BUP {law} tidak berlaku bagi {facts.employee_type.value}; berakhirnya "
                "PPPK pada masa itu belum dimodelkan.",
                lookup=lookup,
            )
        bup = _bup(facts, lookup)
        tmt_rule = lookup.value("retirement.tmt_rule", facts.employee_type)
        tmt_citation = lookup.cite("retirement.tmt_rule", facts.employee_type)
        tmt_months = TMT_RULE_MONTHS.get(tmt_rule)
        if tmt_months is None:
            return review(
                RULE,
                on,
                f"retirement.tmt_rule {tmt_rule!r} in force on {on.isoformat()} is not a rule "
                "the system applies; the TMT pensiun is not computed.",
                f"retirement.tmt_rule {tmt_rule!r} yang berlaku pada {on.isoformat()} bukan "
                "aturan yang diterapkan sistem; TMT pensiun tidak dihitung.",
                citations=[tmt_citation],
                lookup=lookup,
            )
    except ParameterGapError as error:
        return gap_review(RULE, lookup, error)
    except UnknownKeyError as error:
        return review(
            RULE,
            on,
            f"no BUP is kept for {error.key!r} ({error.name}) on {on.isoformat()}.",
            f"tidak ada BUP yang disimpan untuk {error.key!r} ({error.name}) pada "
            f"{on.isoformat()}.",
            lookup=lookup,
        )

    citations = list(bup.citations)
    ground_c = pasal(52, 3, "c") if law == UU_20_2023 else None
    if ground_c:
        citations.append(ground_c)
    citations.append(tmt_citation)

    outcome: dict[str, Any] = {
        "employee_type": facts.employee_type,
        "retirement_age": bup.age,
        "bup_law_on": on,
    }
    reached = add_years(facts.birth_date, bup.age)
    if reached is None:
        # Born on 29 February; the BUP year has no such day. Whether the age is reached on
        # 28 February or 1 March decides the month, hence the TMT: the law does not say.
        year = facts.birth_date.year + bup.age
        candidates = [
            first_day_months_after(dt.date(year, 2, 28), tmt_months),
            first_day_months_after(dt.date(year, 3, 1), tmt_months),
        ]
        outcome.update(
            {
                "bup_reached_on": None,
                "retirement_date": None,
                "candidate_retirement_dates": candidates,
            }
        )
        return review(
            RULE,
            on,
            f"born on 29 February, the employee reaches {bup.age} in {year}, which has no 29 "
            "February; whether the age is reached on 28 February or 1 March (TMT "
            f"{candidates[0].isoformat()} or {candidates[1].isoformat()}) is not settled.",
            f"lahir 29 Februari, pegawai mencapai usia {bup.age} pada tahun {year} yang tidak "
            "memiliki 29 Februari; apakah usia itu tercapai pada 28 Februari atau 1 Maret "
            f"(TMT {fmt_date_id(candidates[0])} atau {fmt_date_id(candidates[1])}) tidak diatur.",
            citations=citations,
            outcome=outcome,
            lookup=lookup,
        )
    retirement_date = first_day_months_after(reached, tmt_months)
    bup_last_day = retirement_date - dt.timedelta(days=1)
    outcome.update({"bup_reached_on": reached, "retirement_date": retirement_date})

    if facts.employee_type == EmployeeType.PNS:
        outcome.update({"service_ends_on": bup_last_day, "ends_because": "BUP"})
        explanation_id = (
            f"Batas usia pensiun {bup.age} tahun tercapai pada {fmt_date_id(reached)}; "
            f"pensiun terhitung mulai {fmt_date_id(retirement_date)} (tanggal 1 bulan "
            "berikutnya)."
        )
        explanation_en = (
            f"The retirement age of {bup.age} is reached on {fmt_date_en(reached)}; the "
            f"pension starts on {fmt_date_en(retirement_date)} (the first day of the next "
            "month)."
        )
    else:
        contract_end = facts.contract_end_date
        assert contract_end is not None
        if contract_end < bup_last_day:
            ends_on, because = contract_end, "CONTRACT_END"
        elif contract_end > bup_last_day:
            ends_on, because = bup_last_day, "BUP"
        else:
            ends_on, because = bup_last_day, "BUP_AND_CONTRACT_END"
        outcome.update(
            {"contract_end_date": contract_end, "service_ends_on": ends_on, "ends_because": because}
        )
        if because == "CONTRACT_END":
            explanation_id = (
                f"Perjanjian kerja berakhir {fmt_date_id(contract_end)}, sebelum batas usia "
                f"pensiun {bup.age} tahun ({fmt_date_id(reached)}); PPPK berhenti pada akhir "
                "perjanjian kerja."
            )
            explanation_en = (
                f"The contract ends on {fmt_date_en(contract_end)}, before the retirement "
                f"age of {bup.age} ({fmt_date_en(reached)}); the PPPK stops at the end of "
                "the contract."
            )
        else:
            explanation_id = (
                f"Batas usia pensiun {bup.age} tahun tercapai pada {fmt_date_id(reached)}, "
                f"tidak setelah akhir perjanjian kerja ({fmt_date_id(contract_end)}); masa "
                f"kerja berakhir {fmt_date_id(ends_on)}."
            )
            explanation_en = (
                f"The retirement age of {bup.age} is reached on {fmt_date_en(reached)}, no "
                f"later than the contract end ({fmt_date_en(contract_end)}); service ends on "
                f"{fmt_date_en(ends_on)}."
            )
    return Decision(
        rule=RULE,
        on=on,
        outcome=outcome,
        citations=citations,
        explanation_id=explanation_id,
        explanation_en=explanation_en,
        parameters_used=lookup.records,
    )


# ---------------------------------------------------------------- for the ORM side


@dataclass(frozen=True)
class BupRow:
    """One row of the BUP table in force on a date; None fields match anything.

    Rows are ordered most specific first: evaluate them as a SQL CASE in this order.
    """

    employee_type: EmployeeType
    position_kind: PositionKind
    functional_level: FunctionalLevel | None
    functional_family: FunctionalFamily | None
    age: int
    citation: str


def bup_table(on: dt.date) -> list[BupRow]:
    """The BUP table in force on ``on`` as plain rows (for a database CASE expression).

    Raises ParameterGapError when no table is in force on that date.
    """
    covered = parameters.value("bup.employee_types", on)
    by_kind = parameters.version("bup.position_kind", on)
    family_rows: list[tuple[FunctionalFamily, int, str]] = []
    try:
        families = parameters.version("bup.functional_family", on)
        family_rows = [
            (FunctionalFamily(key), int(age), families.reference_for(key).cite())
            for key, age in families.value.items()
        ]
    except ParameterGapError:
        pass
    levels = parameters.version("bup.functional_level", on)
    rows: list[BupRow] = []
    for type_code in covered:
        employee_type = EmployeeType(type_code)
        for family, age, citation in family_rows:
            rows.append(BupRow(employee_type, PositionKind.FUNGSIONAL, None, family, age, citation))
        for key, age in levels.value.items():
            rows.append(
                BupRow(
                    employee_type,
                    PositionKind.FUNGSIONAL,
                    FunctionalLevel(key),
                    None,
                    int(age),
                    levels.reference_for(key).cite(),
                )
            )
        for key, age in by_kind.value.items():
            if age is None:
                continue
            rows.append(
                BupRow(
                    employee_type,
                    PositionKind(key),
                    None,
                    None,
                    int(age),
                    by_kind.reference_for(key).cite(),
                )
            )
    return rows
