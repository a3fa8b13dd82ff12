"""The retirement register reads the dated ``retirement.tmt_rule``: its SQL is built from the law.

An administrator override of the parameter (or a new version of it) changes the TMT pensiun
the register, the projection and the worklist show, in step with the rule
``simasn law evaluate retirement`` answers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from simasn.actions import selectors
from simasn.law import decide_retirement, parameters, retirement_date
from simasn.law.rules import retirement as retirement_rule

from .conftest import TODAY


def _tmt_rule_override(value: dict[str, str]) -> dict[str, Any]:
    return {"name": "retirement.tmt_rule", "from": "2026-01-01", "value": value,
            "reference": {"regulation": "PermenPANRB 99/2026", "article": "3"}}


@pytest.fixture
def tmt_rule(request: pytest.FixtureRequest) -> Iterator[None]:
    entry = _tmt_rule_override(request.param)

    def source() -> list[dict[str, Any]]:
        return [entry]

    parameters.register_override_source(source)
    try:
        yield
    finally:
        parameters.unregister_override_source(source)


def _register_tmt(world: Any) -> tuple[int, int] | None:
    for person in selectors.retirement_register(viewer=world.operator, on=TODAY, months=12):
        if person.pk == world.employee.pk:
            return (person.tmt_year, person.tmt_month)
    return None


def _rule_tmt(world: Any) -> dt.date | None:
    return retirement_date(employee_type="PNS", position_kind="ADMINISTRATOR",
                           birth_date=world.employee.birth_date, on=TODAY)


def test_register_follows_the_law_today(world):
    # Born 10 December 1968, administrator: BUP 58 reached 10 December 2026.
    assert _register_tmt(world) == (2027, 1)
    assert _rule_tmt(world) == dt.date(2027, 1, 1)


@pytest.fixture
def second_month_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    """A rule the law package does not know today, taught to it for this test only."""
    monkeypatch.setitem(retirement_rule.TMT_RULE_MONTHS, "FIRST_DAY_OF_SECOND_MONTH", 2)


@pytest.mark.usefixtures("second_month_rule")
@pytest.mark.parametrize("tmt_rule", [{"PNS": "FIRST_DAY_OF_SECOND_MONTH", "PPPK": "FIRST_DAY_OF_NEXT_MONTH"}],
                         indirect=True)
def test_a_new_version_of_the_tmt_rule_moves_the_register(world, tmt_rule):
    assert _rule_tmt(world) == dt.date(2027, 2, 1)
    assert _register_tmt(world) == (2027, 2)
    rows = selectors.projection_rows(selectors.retirement_projection(viewer=world.operator, years=1, on=TODAY))
    assert {(row["tmt_year"], row["tmt_month"]) for row in rows if row["position_kind"] == "ADMINISTRATOR"} \
        == {(2027, 2)}


@pytest.mark.parametrize("tmt_rule", [{"PNS": "FIRST_WORKING_DAY_OF_NEXT_MONTH",
                                       "PPPK": "FIRST_DAY_OF_NEXT_MONTH"}], indirect=True)
def test_a_rule_the_system_does_not_apply_needs_review_and_sets_no_tmt(world, tmt_rule):
    decision = decide_retirement(employee_type="PNS", position_kind="ADMINISTRATOR",
                                 birth_date=world.employee.birth_date, on=TODAY)
    assert decision.needs_legal_review
    assert "FIRST_WORKING_DAY_OF_NEXT_MONTH" in decision.explanation_en
    assert _register_tmt(world) is None
    assert world.employee.pk not in {e.pk for e in selectors.retirement_overdue(
        viewer=world.operator, on=dt.date(2027, 6, 1))}
