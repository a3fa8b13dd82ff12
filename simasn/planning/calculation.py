"""The numbers of a needs plan, each from the law: the ABK need (rule ``needs.workload``), the
projected departures (rule ``retirement``: BUP, or the end of a PPPK contract), the gap, the
cost of a formasi (rule ``salary.basic``) and who may fill a position (rule
``position_filling``). Nothing legal is computed here by itself; this module only puts the
rules' answers together.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from simasn.law import FactsError, evaluate
from simasn.law.enums import EmployeeType
from simasn.personnel.law_bridge import retirement_facts


def fiscal_year_start(fiscal_year: int) -> dt.date:
    """The law of a plan's costs and hours is the law in force when its fiscal year begins."""
    return dt.date(fiscal_year, 1, 1)


def fiscal_year_end(fiscal_year: int) -> dt.date:
    return dt.date(fiscal_year, 12, 31)


@dataclass
class LineFigures:
    abk_need: int
    abk_exact: Decimal
    holders: int
    retirements: int
    retirements_review: int
    citations: list[str] = field(default_factory=list)

    @property
    def gap(self) -> int:
        """Need − holders + those who leave by the end of the fiscal year (negative = surplus)."""
        return self.abk_need - self.holders + self.retirements


class NeedsUnsettled(Exception):
    """The law gives no answer for this case (a parameter gap): needs legal review."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def line_figures(*, workload_hours: Decimal, holders: list[Any], fiscal_year: int, today: dt.date) -> LineFigures:
    """ABK need, holders and departures for one position.

    A holder counts as departing when the retirement rule (evaluated as the law stands today)
    ends their service on or before the last day of the fiscal year; a holder whose date the
    rule leaves to legal review is counted apart, never guessed.
    """
    need = evaluate("needs.workload", {"workload_hours": workload_hours}, fiscal_year_start(fiscal_year))
    if need.needs_legal_review:
        raise NeedsUnsettled(_("Kebutuhan menurut ABK untuk tahun ini belum dapat dihitung: %(reason)s")
                             % {"reason": need.explanation_id})
    citations = list(need.citations)
    last_day = fiscal_year_end(fiscal_year)
    leaving = review = 0
    for employee in holders:
        try:
            decision = evaluate("retirement", retirement_facts(employee), today)
        except FactsError:
            review += 1  # e.g. a PPPK without a recorded contract end
            continue
        ends_on = decision.outcome.get("service_ends_on")
        if decision.needs_legal_review or ends_on is None:
            review += 1
        elif ends_on <= last_day:
            leaving += 1
            citations.extend(decision.citations)
    return LineFigures(abk_need=int(need.outcome["needed"]), abk_exact=Decimal(need.outcome["exact"]),
                       holders=len(holders), retirements=leaving, retirements_review=review,
                       citations=list(dict.fromkeys(citations)))


@dataclass(frozen=True)
class Salary:
    monthly: int
    citation: str


def entry_salary(*, employee_type: str, rank: str, fiscal_year: int) -> Salary:
    """Gaji pokok of a new hire at the entry rank: a CPNS at masa kerja 0 (paid the CPNS
    percentage of the rule), a PPPK at 0 years. Raises NeedsUnsettled for a cell not kept."""
    facts: dict[str, Any] = {"employee_type": employee_type, "rank": rank, "masa_kerja_years": 0,
                             "is_cpns": employee_type == EmployeeType.PNS}
    try:
        decision = evaluate("salary.basic", facts, fiscal_year_start(fiscal_year))
    except FactsError as error:
        raise NeedsUnsettled(_("Golongan awal tidak dikenal menurut tabel gaji.")) from error
    amount = decision.outcome.get("amount")
    if decision.needs_legal_review or amount is None:
        raise NeedsUnsettled(_("Gaji pokok golongan awal ini belum dapat ditentukan: %(reason)s")
                             % {"reason": decision.explanation_id})
    return Salary(monthly=int(amount), citation="; ".join(decision.citations))


def filling_allowed(*, employee_type: str, position: Any, instansi_kind: str, on: dt.date) -> tuple[bool | None, str]:
    """May this employee type fill the position (rule ``position_filling``)? (allowed, why)."""
    facts: dict[str, Any] = {"candidate_type": employee_type, "position_kind": position.kind,
                             "instansi_kind": instansi_kind}
    if employee_type == EmployeeType.PPPK:
        facts["designated_for_candidate_type"] = bool(position.open_to_pppk)
    decision = evaluate("position_filling", facts, on)
    allowed = decision.outcome.get("allowed")
    return (None if decision.needs_legal_review else allowed), decision.explanation_id
