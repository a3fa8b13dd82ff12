"""The yearly JP rules at their boundaries, through the records the app keeps and the
compliance selector (which applies the law's column form): PNS at least 20 JP in the
calendar year; PPPK at most 24 JP in the contract year, counted on written assignment."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from simasn.learning.selectors import jp_compliance
from simasn.learning.tests.conftest import add

pytestmark = pytest.mark.django_db


def _status(operator: Any, employee: Any, on: dt.date) -> Any:
    return jp_compliance(viewer=operator, on=on, employee_id=employee.pk).rows[0]


@pytest.mark.parametrize(("jp", "status"), [("19.99", "BELUM_MEMENUHI"), ("20", "MEMENUHI"), ("20.5", "MEMENUHI")])
def test_pns_floor_of_20_jp(operator: Any, pns: Any, jp: str, status: str) -> None:
    add(operator, pns, jp=jp, on=dt.date(2026, 3, 10))
    row = _status(operator, pns, dt.date(2026, 12, 1))
    assert row.status == status
    assert row.limit_jp == 20


def test_pns_19_jp_at_year_end_does_not_meet_and_last_year_does_not_count(operator: Any, pns: Any) -> None:
    add(operator, pns, jp="19", on=dt.date(2025, 6, 1))
    add(operator, pns, jp="5", on=dt.date(2025, 12, 31))
    add(operator, pns, jp="18", on=dt.date(2026, 1, 1))
    closed = _status(operator, pns, dt.date(2025, 12, 31))
    assert (closed.status, closed.shortfall_jp) == ("MEMENUHI", 0)
    this_year = _status(operator, pns, dt.date(2026, 12, 1))
    assert this_year.counted_jp == 18 and this_year.status == "BELUM_MEMENUHI" and this_year.shortfall_jp == 2


@pytest.mark.parametrize(("jp", "status"), [("24", "DALAM_BATAS"), ("25", "MELEBIHI")])
def test_pppk_ceiling_of_24_jp(operator: Any, make_pppk: Any, jp: str, status: str) -> None:
    employee = make_pppk(contract_start=dt.date(2024, 7, 1), contract_end=dt.date(2029, 6, 30))
    add(operator, employee, jp=jp, on=dt.date(2026, 8, 1))
    row = _status(operator, employee, dt.date(2026, 12, 1))
    assert row.status == status
    assert row.limit_jp == 24
    assert (row.period_start, row.period_end) == (dt.date(2026, 7, 1), dt.date(2027, 6, 30))


def test_pppk_counts_the_contract_year_not_the_calendar_year(operator: Any, make_pppk: Any) -> None:
    employee = make_pppk(contract_start=dt.date(2024, 7, 1), contract_end=dt.date(2029, 6, 30))
    # 20 JP in June 2026 belong to the contract year that ended on 30 June 2026 ...
    add(operator, employee, jp="20", on=dt.date(2026, 6, 30))
    # ... so 20 more from July stay within the ceiling, though the calendar year holds 40.
    add(operator, employee, jp="20", on=dt.date(2026, 7, 1))
    row = _status(operator, employee, dt.date(2026, 12, 1))
    assert (row.status, row.counted_jp) == ("DALAM_BATAS", 20)


def test_pppk_learning_without_written_assignment_is_not_counted_but_shown(operator: Any, make_pppk: Any) -> None:
    employee = make_pppk(contract_start=dt.date(2024, 7, 1), contract_end=dt.date(2029, 6, 30))
    add(operator, employee, jp="20", on=dt.date(2026, 8, 1))
    add(operator, employee, jp="10", on=dt.date(2026, 9, 1), assigned=False)
    row = _status(operator, employee, dt.date(2026, 12, 1))
    assert (row.status, row.counted_jp, row.unassigned_jp) == ("DALAM_BATAS", 20, 10)
    # Counting the self-directed 10 JP would pass the ceiling: a human looks at it.
    assert row.needs_legal_review is True
