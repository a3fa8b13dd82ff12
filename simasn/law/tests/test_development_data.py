"""The performance, talent and learning data is whole and agrees with the enums the apps
build their choices from; the shortcuts and the command line reach the new rules."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import json

from simasn.law import (
    behaviour_indicators,
    convert_to_jp,
    decide_jp_compliance,
    decide_leader_predikat,
    decide_tidak_berkinerja,
    employee_ratings,
    organisation_ratings,
    parameters,
    performance_periods,
    place_in_box,
    talent_boxes,
)
from simasn.law.cli import main
from simasn.law.enums import (
    BerakhlakValue,
    ExpectationRating,
    LearningForm,
    OrganisationRating,
    PerformanceRating,
    PeriodicScheme,
)

ON = dt.date(2026, 3, 1)


def test_the_rating_lists_are_the_enums_in_order() -> None:
    assert [r["code"] for r in employee_ratings(ON)] == [r.value for r in PerformanceRating]
    assert [r["code"] for r in organisation_ratings(ON)] == [r.value for r in OrganisationRating]


def test_the_matrix_and_the_limits_cover_every_rating() -> None:
    matrix = parameters.values("performance.rating_matrix", ON)
    assert set(matrix) == {e.value for e in ExpectationRating}
    for row in matrix.values():
        assert set(row) == {e.value for e in ExpectationRating}
        assert set(row.values()) <= {r.value for r in PerformanceRating}
    limits = parameters.values("performance.distribution_limits", ON)
    assert set(limits) == {r.value for r in OrganisationRating}
    for entries in limits.values():
        assert entries and all(
            set(e["ratings"]) <= {r.value for r in PerformanceRating} for e in entries
        )


def test_every_periodic_scheme_covers_the_year_once_in_order() -> None:
    for scheme in PeriodicScheme:
        periods = performance_periods(year=2025, scheme=scheme, on=ON).outcome["periodic"]
        assert periods[0]["start"] == dt.date(2025, 1, 1)
        assert periods[-1]["end"] == dt.date(2025, 12, 31)
        for earlier, later in itertools.pairwise(periods):
            assert later["start"] == earlier["end"] + dt.timedelta(days=1)


def test_behaviour_indicators_are_pasal_4_ayat_2_in_order() -> None:
    values = behaviour_indicators(ON)
    assert [v["code"] for v in values] == [v.value for v in BerakhlakValue]
    assert [v["citation"][-1] for v in values] == list("abcdefg")
    assert all([c["angka"] for c in v["components"]] == [1, 2, 3] for v in values)
    assert values[0]["components"][0]["label_id"] == "memahami dan memenuhi kebutuhan masyarakat"
    assert values[6]["definition_id"] == "membangun kerja sama yang sinergis"


def test_the_nine_boxes_are_drawn_as_the_regulation_numbers_them() -> None:
    boxes = {(b["performance"], b["potential"]): b["box"] for b in talent_boxes(ON)}
    rows = ["DI_ATAS_EKSPEKTASI", "SESUAI_EKSPEKTASI", "DI_BAWAH_EKSPEKTASI"]  # top to bottom
    columns = ["RENDAH", "MENENGAH", "TINGGI"]  # left to right
    assert [[boxes[(r, c)] for c in columns] for r in rows] == [[4, 7, 9], [2, 5, 8], [1, 3, 6]]
    assert {b["box"] for b in talent_boxes(ON) if b["succession_candidate"]} == {7, 8, 9}


def test_every_learning_form_has_a_conversion_entry() -> None:
    table = parameters.values("learning.jp_conversion", ON)
    assert set(table) == {f.value for f in LearningForm}


def test_the_shortcuts_reach_the_rules() -> None:
    assert (
        decide_leader_predikat(
            organisation_rating="ISTIMEWA", behaviour_rating="SESUAI_EKSPEKTASI", on=ON
        ).outcome["predikat"]
        == "BAIK"
    )
    assert (
        decide_tidak_berkinerja(
            employee_type="PNS", annual_ratings=[(2025, "BAIK")], on=ON
        ).outcome["tidak_berkinerja"]
        is False
    )
    placed = place_in_box(
        annual_ratings=[(2025, "SANGAT_BAIK")],
        potential_level="TINGGI",
        potential_assessed_on=dt.date(2025, 6, 1),
        on=ON,
    )
    assert placed.outcome["box"] == 9
    assert (
        decide_jp_compliance(
            employee_type="PNS", records=[{"date": "2026-01-10", "jp": 20}], on=ON
        ).outcome["status"]
        == "MEMENUHI"
    )
    assert convert_to_jp(form="SEMINAR", minutes=135, on=ON).outcome["jp"] == 3.0


def test_the_command_line_evaluates_a_distribution() -> None:
    out, err = io.StringIO(), io.StringIO()
    facts = json.dumps({"organisation_rating": "ISTIMEWA", "counts": {"SANGAT_BAIK": 9, "BAIK": 3}})
    code = main(
        ["evaluate", "performance.distribution", "--on", "2025-12-31", "--facts", facts],
        out=out,
        err=err,
    )
    assert code == 0, err.getvalue()
    decision = json.loads(out.getvalue())
    assert decision["outcome"]["people"] == {"SANGAT_BAIK_MAX": 1}
    assert decision["citations"] == ["PermenPANRB 6/2022 Lampiran"]
