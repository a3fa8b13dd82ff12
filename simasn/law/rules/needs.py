"""The ``needs`` rule family: needs planning from workload analysis (UU 20/2023 Pasal 32 ayat
(3); Anjab/ABK, PermenPANRB 1/2020).

``needs.workload`` — the number of people a position needs is its yearly workload in hours
divided by the effective working hours of one employee in a year
(``needs.effective_hours_per_year``), rounded by ``needs.rounding``; the exact quotient is
reported beside it. The app then subtracts the current holders and adds the projected
retirements (from the ``retirement`` rule) to get the gap.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

from pydantic import Field

from simasn.law.decision import Decision, Facts
from simasn.law.parameters import ParameterGapError
from simasn.law.rules._support import UU_20_2023, Lookup, gap_review, law_in_force, pasal

WORKLOAD = "needs.workload"
HOURS = "needs.effective_hours_per_year"
ROUNDING = "needs.rounding"
_MODES = {"HALF_UP": ROUND_HALF_UP, "CEILING": ROUND_CEILING, "FLOOR": ROUND_FLOOR}


class WorkloadFacts(Facts):
    workload_hours: Decimal = Field(ge=0)  # the position's workload in a year, in hours


def people_needed(workload_hours: Decimal, *, on: dt.date) -> tuple[int, Decimal]:
    """(rounded, exact to 4 decimals) people needed; raises ParameterGapError."""
    lookup = Lookup(on)
    return _compute(lookup, workload_hours)


def _compute(lookup: Lookup, workload_hours: Decimal) -> tuple[int, Decimal]:
    hours = Decimal(lookup.value(HOURS))
    mode = _MODES[str(lookup.value(ROUNDING))]
    exact = workload_hours / hours
    return int(exact.to_integral_value(rounding=mode)), exact.quantize(Decimal("0.0001"))


def workload(facts: WorkloadFacts, on: dt.date) -> Decision:
    """People a position needs: workload hours / effective hours a year (PermenPANRB 1/2020)."""
    lookup = Lookup(on)
    try:
        needed, exact = _compute(lookup, facts.workload_hours)
        hours = int(lookup.value(HOURS))
        citations = list(dict.fromkeys([lookup.cite(HOURS), lookup.cite(ROUNDING)]))
    except ParameterGapError as error:
        return gap_review(WORKLOAD, lookup, error)
    if law_in_force(lookup) == UU_20_2023:
        citations.insert(0, pasal(32, 3))
    return Decision(
        rule=WORKLOAD, on=on,
        outcome={"needed": needed, "exact": str(exact), "effective_hours_per_year": hours,
                 "rounding": str(lookup.value(ROUNDING))},
        citations=citations,
        explanation_id=(f"Kebutuhan pegawai {facts.workload_hours} jam / {hours} jam kerja efektif = "
                        f"{exact}, dibulatkan menjadi {needed} orang."),
        explanation_en=(f"People needed: {facts.workload_hours} hours / {hours} effective hours = "
                        f"{exact}, rounded to {needed}."),
        parameters_used=lookup.records,
    )


RULE_ROWS = (
    ("needs.workload", WorkloadFacts, workload, "Kebutuhan pegawai dari analisis beban kerja",
     "People needed from workload analysis", ("R-NEEDS",),
     ("UU 20/2023 Pasal 32 ayat (3)", "PermenPANRB 1/2020 Lampiran II")),
)
