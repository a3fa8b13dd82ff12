"""``jp_compliance_columns`` (an instansi at once) agrees with ``learning.jp_compliance``.

Employees are generated: PNS and PPPK, contracts starting on every kind of day (29
February included) and ending or not, JPT posts, records inside and outside the year or
after the decision date, assigned or not, with totals around 20 and 24 JP.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pyarrow as pa
import pytest

from simasn.law import evaluate, jp_compliance_columns
from simasn.law.rules.learning import contract_year

ON = dt.date(2025, 9, 30)


def _employees(rng: random.Random, n: int) -> list[dict[str, Any]]:
    found = []
    for i in range(n):
        pppk = rng.random() < 0.4
        start = (
            rng.choice(
                [
                    dt.date(2024, 2, 29),
                    dt.date(2024, 10, 1),
                    dt.date(2023, 9, 30),
                    dt.date(2025, 10, 1),
                ]
            )
            if rng.random() < 0.3
            else (dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(0, 1700)))
        )
        found.append(
            {
                "id": f"E{i:05d}",
                "type": "PPPK" if pppk else "PNS",
                "start": start if pppk else None,
                "end": (start + dt.timedelta(days=rng.randrange(300, 1500)))
                if pppk and rng.random() < 0.3
                else None,
                "kind": rng.choice([None, "JPT_MADYA", "JPT_PRATAMA", "FUNGSIONAL"])
                if pppk
                else None,
            }
        )
    return found


def _records(rng: random.Random, employees: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found = []
    for employee in employees:
        for _ in range(rng.randrange(0, 7)):
            found.append(
                {
                    "id": employee["id"],
                    "date": dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(0, 760)),
                    "jp": rng.choice([1, 2.5, 4, 5, 8, 12, 0.25, 3.33]),
                    "assigned": rng.random() < 0.8,
                }
            )
    found.append({"id": "NOBODY", "date": ON, "jp": 50, "assigned": True})  # no such employee
    return found


@pytest.mark.parametrize("on", [ON, dt.date(2025, 12, 31)])
def test_the_columns_agree_with_the_rule_for_every_employee(on: dt.date) -> None:
    rng = random.Random(49)
    employees = _employees(rng, 600)
    records = _records(rng, employees)
    result = jp_compliance_columns(
        employee_id=pa.array([e["id"] for e in employees]),
        employee_type=pa.array([e["type"] for e in employees]),
        contract_start=pa.array([e["start"] for e in employees], type=pa.date32()),
        contract_end=pa.array([e["end"] for e in employees], type=pa.date32()),
        position_kind=pa.array([e["kind"] for e in employees], type=pa.string()),
        record_employee_id=pa.array([r["id"] for r in records]),
        record_date=pa.array([r["date"] for r in records], type=pa.date32()),
        record_jp=pa.array([r["jp"] for r in records]),
        record_assigned=pa.array([r["assigned"] for r in records]),
        on=on,
    )
    seen = set()
    for index, employee in enumerate(employees):
        status = result["status"][index].as_py()
        if status == "BELUM_BERLAKU":
            assert employee["start"] > on
            continue
        facts: dict[str, Any] = {
            "employee_type": employee["type"],
            "records": [
                {"date": r["date"], "jp": r["jp"], "assigned": r["assigned"]}
                for r in records
                if r["id"] == employee["id"]
            ],
        }
        for key, name in (
            ("start", "contract_start"),
            ("end", "contract_end"),
            ("kind", "position_kind"),
        ):
            if employee[key] is not None:
                facts[name] = employee[key]
        decision = evaluate("learning.jp_compliance", facts, on)
        outcome = decision.outcome
        seen.add(outcome["status"])
        assert status == outcome["status"], facts
        for column in (
            "counted_jp",
            "shortfall_jp",
            "excess_jp",
            "unassigned_jp",
            "period_start",
            "period_end",
            "limit_jp",
        ):
            assert result[column][index].as_py() == outcome[column], (column, facts)
        assert result["needs_legal_review"][index].as_py() == decision.needs_legal_review
    pns_open = {"BELUM_MEMENUHI"} if on < dt.date(on.year, 12, 31) else {"TIDAK_MEMENUHI"}
    assert seen == {"MEMENUHI", *pns_open, "DALAM_BATAS", "MELEBIHI", "TIDAK_DIBATASI"}


def test_a_contract_year_straddles_two_calendar_years() -> None:
    assert contract_year(dt.date(2024, 7, 1), dt.date(2025, 6, 30)) == (
        1,
        dt.date(2024, 7, 1),
        dt.date(2025, 6, 30),
    )
    assert contract_year(dt.date(2024, 7, 1), dt.date(2025, 7, 1)) == (
        2,
        dt.date(2025, 7, 1),
        dt.date(2026, 6, 30),
    )
    assert contract_year(dt.date(2024, 2, 29), dt.date(2028, 2, 29)) == (
        5,
        dt.date(2028, 2, 29),
        dt.date(2029, 2, 28),
    )


def test_a_past_calendar_year_for_pns() -> None:
    result = jp_compliance_columns(
        employee_id=["A"],
        employee_type=["PNS"],
        record_employee_id=["A", "A"],
        record_date=pa.array([dt.date(2024, 5, 1), dt.date(2025, 5, 1)], type=pa.date32()),
        record_jp=[20, 3],
        on=dt.date(2025, 2, 1),
        year=2024,
    )
    assert result["status"].to_pylist() == ["MEMENUHI"]
    assert result["counted_jp"].to_pylist() == [20.0]


def test_plain_empty_lists_answer_instead_of_raising() -> None:
    """An instansi where nobody has a learning record yet, given as plain Python lists: the
    empty lists carry no Arrow type, which Arrow refused to match (ArrowInvalid)."""
    result = jp_compliance_columns(
        employee_id=[7, 8],
        employee_type=["PNS", "PPPK"],
        contract_start=[None, dt.date(2025, 1, 1)],
        record_employee_id=[],
        record_date=[],
        record_jp=[],
        record_assigned=[],
        on=ON,
    )
    assert result["status"].to_pylist() == ["BELUM_MEMENUHI", "DALAM_BATAS"]
    assert result["shortfall_jp"].to_pylist() == [20.0, 0.0]
    by_code = jp_compliance_columns(
        employee_id=["A"], employee_type=["PNS"], record_employee_id=[], record_date=[], record_jp=[], on=ON
    )
    assert by_code["status"].to_pylist() == ["BELUM_MEMENUHI"]
    nobody = jp_compliance_columns(
        employee_id=[], employee_type=[], record_employee_id=[], record_date=[], record_jp=[], on=ON
    )
    assert nobody["status"].to_pylist() == []
