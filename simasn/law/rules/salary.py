"""The ``salary`` rule family: the basic salary (gaji pokok) of a PNS or a PPPK.

``salary.basic`` — a PNS's gaji pokok is the cell of the table of the PP amending PP
7/1977 in force (PP 15/2019, then PP 5/2024; ``salary.pns_basic``) for the golongan/ruang
and the masa kerja golongan (MKG); a cell applies from its MKG until the next one (the
two-yearly KGB step) and the last one onwards. A CPNS receives 80 % of it (PP 7/1977 Pasal 5
ayat (1)). The MKG is either given (from the employee's latest salary decree) or computed
from TMT CPNS: the whole years since TMT CPNS plus recognised earlier service, less 5 years
for a PNS who moved from golongan I to II and 6 years from II to III
(``salary.pns_mkg_reductions``). A PPPK's gaji pokok is the cell of the Perpres 11/2024
table (``salary.pppk_basic``) for the golongan I-XVII and the years of service given.

A cell the system does not hold, or an MKG below a rank's first cell, answers "needs legal
review" with the reason — never a guessed amount.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import Field, model_validator

from simasn.law.decision import Decision, FactError, Facts, FactsError
from simasn.law.enums import EmployeeType
from simasn.law.parameters import ParameterGapError
from simasn.law.rules._support import Lookup, gap_review, review

BASIC = "salary.basic"
PNS_TABLE = "salary.pns_basic"
PPPK_TABLE = "salary.pppk_basic"
CPNS_PERCENT = "salary.cpns_percentage"
REDUCTIONS = "salary.pns_mkg_reductions"
GOLONGAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


class SalaryFacts(Facts):
    employee_type: EmployeeType
    rank: str  # PNS: golongan/ruang "III/a"; PPPK: golongan "IX"
    masa_kerja_years: int | None = Field(default=None, ge=0)  # PNS: MKG; PPPK: years of service
    tmt_cpns: dt.date | None = None
    initial_rank: str | None = None  # the PNS's golongan/ruang at TMT CPNS
    recognised_prior_service_months: int = Field(default=0, ge=0)
    is_cpns: bool = False

    @model_validator(mode="after")
    def _enough(self) -> SalaryFacts:
        if self.employee_type == EmployeeType.PPPK:
            if self.masa_kerja_years is None:
                raise ValueError("masa_kerja_years is required for a PPPK")
            if self.is_cpns or self.tmt_cpns is not None:
                raise ValueError("is_cpns and tmt_cpns apply to a PNS only")
        elif self.masa_kerja_years is None and (self.tmt_cpns is None or self.initial_rank is None):
            raise ValueError("give masa_kerja_years, or tmt_cpns and initial_rank")
        return self


def _golongan(rank: str) -> int:
    return GOLONGAN[rank.split("/")[0]]


def _months_between(start: dt.date, end: dt.date) -> int:
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - (1 if end.day < start.day else 0)


def masa_kerja_golongan(lookup: Lookup, facts: SalaryFacts) -> tuple[int, int, list[str], int]:
    """(years, months, citations, years subtracted) of a PNS's MKG on ``lookup.on``."""
    assert facts.tmt_cpns is not None and facts.initial_rank is not None
    months = max(_months_between(facts.tmt_cpns, lookup.on), 0) + facts.recognised_prior_service_months
    start, now = _golongan(facts.initial_rank), _golongan(facts.rank)
    subtracted = sum(
        int(item["years"]) for item in lookup.value(REDUCTIONS)
        if start <= GOLONGAN[item["from_golongan"]] and now >= GOLONGAN[item["to_golongan"]]
    )
    citations = [lookup.cite(REDUCTIONS)] if subtracted else []
    months -= 12 * subtracted
    return months // 12, months % 12, citations, subtracted


def _cell(table: dict[Any, Any], years: int) -> tuple[int | None, int | None]:
    """(the MKG the applicable cell starts at, its amount); (None, None) below the first cell."""
    steps = sorted((int(k), v) for k, v in table.items())
    found: tuple[int | None, int | None] = (None, None)
    for step, amount in steps:
        if step <= years:
            found = (step, amount)
    return found


def _check_rank(lookup: Lookup, facts: SalaryFacts) -> None:
    if facts.employee_type == EmployeeType.PNS:
        codes = [r["code"] for r in lookup.value("ranks.pns")]
        fields = [("rank", facts.rank), ("initial_rank", facts.initial_rank)]
    else:
        codes = [g["code"] for g in lookup.value("grades.pppk")]
        fields = [("rank", facts.rank)]
    errors = [FactError(name, f"not one of {', '.join(codes)}")
              for name, value in fields if value is not None and value not in codes]
    if not errors and facts.initial_rank and codes.index(facts.initial_rank) > codes.index(facts.rank):
        errors.append(FactError("initial_rank", "is above the current rank"))
    if errors:
        raise FactsError(BASIC, errors)


def basic(facts: SalaryFacts, on: dt.date) -> Decision:
    """Gaji pokok of a PNS (PP 7/1977 as amended) or a PPPK (Perpres 98/2020 as amended)."""
    lookup = Lookup(on)
    is_pns = facts.employee_type == EmployeeType.PNS
    table_name = PNS_TABLE if is_pns else PPPK_TABLE
    try:
        _check_rank(lookup, facts)
        table = lookup.value(table_name)
        citations = [lookup.cite(table_name)]
        subtracted = 0
        months = 0
        if facts.masa_kerja_years is not None:
            years = facts.masa_kerja_years
        else:
            years, months, cited, subtracted = masa_kerja_golongan(lookup, facts)
            citations += cited
        percent = int(lookup.value(CPNS_PERCENT)) if facts.is_cpns else 100
    except ParameterGapError as error:
        return gap_review(BASIC, lookup, error)
    if facts.is_cpns:
        citations.append(lookup.cite(CPNS_PERCENT))
    cells = table.get(facts.rank)
    step, amount = _cell(cells or {}, years) if cells else (None, None)
    base_outcome: dict[str, Any] = {"masa_kerja_years": years, "masa_kerja_months": months,
                                    "years_subtracted": subtracted, "table_step": step}
    if step is None or amount is None:
        missing_en = (f"{facts.rank} has no cell at {years} years in the table"
                      if step is None else f"the cell {facts.rank}, {step} years is not entered")
        missing_id = (f"{facts.rank} tidak memiliki sel pada {years} tahun dalam tabel"
                      if step is None else f"sel {facts.rank}, {step} tahun belum dimasukkan")
        return review(BASIC, on, f"{missing_en} ({citations[0]}).", f"{missing_id} ({citations[0]}).",
                      citations=citations, outcome=base_outcome, lookup=lookup)
    pay = int(amount) * percent // 100
    kind_id = "CPNS" if facts.is_cpns else facts.employee_type.value
    return Decision(
        rule=BASIC, on=on,
        outcome={**base_outcome, "amount": pay, "table_amount": int(amount), "percent": percent},
        citations=citations,
        explanation_id=(f"Gaji pokok {kind_id} {facts.rank} masa kerja {years} tahun: Rp{pay:,}"
                        .replace(",", ".") + (f" ({percent}% dari Rp{int(amount):,})".replace(",", ".")
                                              if percent != 100 else "") + "."),
        explanation_en=(f"Basic salary of a {kind_id} {facts.rank} with {years} years: Rp{pay:,}"
                        + (f" ({percent}% of Rp{int(amount):,})" if percent != 100 else "") + "."),
        parameters_used=lookup.records,
    )


RULE_ROWS = (
    ("salary.basic", SalaryFacts, basic, "Gaji pokok PNS dan PPPK", "Basic salary of a PNS or PPPK",
     ("R-REWARD",), ("PP 7/1977 Pasal 5 ayat (1)", "PP 15/2019", "PP 5/2024", "Perpres 11/2024")),
)
