"""Placements as the app computes them: every box boundary through the app's inputs, weights
by date, incomplete and stale data, a missing performance chapter, reproducing a past date,
and the merit check of the law."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from simasn.core import providers
from simasn.law import place_in_box
from simasn.talent.selectors import employee_talent, talent_grid
from simasn.talent.tests.conftest import ON, assess

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("score", "rating", "box"), [
    ("90", "SANGAT_BAIK", 9), ("89.99", "SANGAT_BAIK", 7), ("78", "SANGAT_BAIK", 7), ("77.99", "SANGAT_BAIK", 4),
    ("90", "BAIK", 8), ("89.99", "BAIK", 5), ("78", "BAIK", 5), ("77.99", "BAIK", 2),
    ("90", "BUTUH_PERBAIKAN", 6), ("78", "KURANG", 3), ("77.99", "SANGAT_KURANG", 1),
])
def test_every_box_at_its_boundary(world: Any, performance: dict, score: str, rating: str, box: int) -> None:
    assess(world.operator, world.talent, score)
    performance[(world.talent.pk, 2025)] = rating
    profile = employee_talent(viewer=world.ppk, employee_id=world.talent.pk, on=ON)
    assert profile.decision.outcome["box"] == box
    assert profile.decision.outcome["succession_candidate"] is (box >= 7)
    # The grid (the law's column form) agrees with the single rule.
    grid = talent_grid(viewer=world.ppk, on=ON)
    assert next(r.placement.box for r in grid.rows if r.employee.pk == world.talent.pk) == box


def test_weights_apply_only_from_their_date(world: Any, performance: dict) -> None:
    assess(world.operator, world.talent, "95", on=dt.date(2025, 11, 1))
    performance[(world.talent.pk, 2024)] = "SANGAT_BAIK"
    performance[(world.talent.pk, 2025)] = "SANGAT_BAIK"
    before = employee_talent(viewer=world.ppk, employee_id=world.talent.pk, on=dt.date(2025, 12, 31)).decision
    assert before.needs_legal_review and before.outcome.get("box") is None
    after = employee_talent(viewer=world.ppk, employee_id=world.talent.pk, on=dt.date(2026, 1, 2)).decision
    assert after.outcome["box"] == 9
    assert after.outcome["weights"] == {"KOMPETENSI": 40, "POTENSI": 25, "KUALIFIKASI": 20, "INTEGRITAS_MORALITAS": 15}


def test_a_missing_component_is_data_incomplete_never_zero(world: Any, performance: dict) -> None:
    assess(world.operator, world.talent, "95", components=("KOMPETENSI", "POTENSI", "KUALIFIKASI"))
    performance[(world.talent.pk, 2025)] = "SANGAT_BAIK"
    decision = employee_talent(viewer=world.ppk, employee_id=world.talent.pk, on=ON).decision
    assert decision.outcome["status"] == "DATA_INCOMPLETE" and decision.outcome["missing"] == ["INTEGRITAS_MORALITAS"]
    row = next(r for r in talent_grid(viewer=world.ppk, on=ON).rows if r.employee.pk == world.talent.pk)
    assert row.placement.box is None and row.placement.missing == ["INTEGRITAS_MORALITAS"]


def test_without_the_performance_chapter_nobody_is_placed(world: Any, monkeypatch: Any) -> None:
    monkeypatch.delitem(providers.PROVIDERS, "performance.ratings", raising=False)
    assess(world.operator, world.talent, "95")
    grid = talent_grid(viewer=world.ppk, on=ON)
    assert grid.performance_known is False
    assert all(r.placement.box is None and "KINERJA" in r.placement.missing for r in grid.rows)


def test_a_stale_assessment_is_data_incomplete(world: Any, performance: dict) -> None:
    assess(world.operator, world.talent, "95", on=dt.date(2026, 1, 5))
    performance[(world.talent.pk, 2029)] = "SANGAT_BAIK"
    decision = employee_talent(viewer=world.ppk, employee_id=world.talent.pk, on=dt.date(2030, 6, 1)).decision
    assert decision.outcome["status"] == "DATA_INCOMPLETE" and decision.outcome["stale"]


def test_a_past_date_is_reproduced_from_the_inputs_of_that_date(world: Any, performance: dict) -> None:
    performance[(world.talent.pk, 2025)] = "SANGAT_BAIK"
    assess(world.operator, world.talent, "80", on=dt.date(2026, 2, 1))
    first = employee_talent(viewer=world.ppk, employee_id=world.talent.pk, on=dt.date(2026, 3, 1)).decision
    assess(world.operator, world.talent, "95", on=dt.date(2026, 4, 1))
    again = employee_talent(viewer=world.ppk, employee_id=world.talent.pk, on=dt.date(2026, 3, 1)).decision
    now = employee_talent(viewer=world.ppk, employee_id=world.talent.pk, on=ON).decision
    assert first.to_dict() == again.to_dict() and first.outcome["box"] == 7
    assert now.outcome["box"] == 9


def test_protected_background_is_refused_as_an_input() -> None:
    decision = place_in_box(annual_ratings=[(2025, "SANGAT_BAIK")], potential_level="TINGGI",
                            potential_assessed_on=dt.date(2026, 1, 1), other_inputs=["agama"], on=ON)
    assert decision.outcome["status"] == "REFUSED"


def test_the_discipline_record_is_shown_and_unknown_without_the_chapter(world: Any, performance: dict,
                                                                         discipline: dict) -> None:
    discipline[world.talent.pk] = {"active_penalty_level": "sedang", "penalties": [], "open_cases": 0}
    profile = employee_talent(viewer=world.ppk, employee_id=world.talent.pk, on=ON)
    assert profile.inputs.discipline_known and profile.inputs.discipline["active_penalty_level"] == "sedang"
