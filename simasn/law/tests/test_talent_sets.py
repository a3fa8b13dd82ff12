"""``place_boxes_columns`` (the national placement) agrees with the ``talent.box`` rule.

Cases are generated: every level, rating and score near the thresholds, inputs missing,
dated after the placement, or older than their limit. The column form must place exactly
the rows the rule places, in the same box, and report the same missing / stale inputs.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pyarrow as pa
import pytest

from simasn.law import TalentInputError, describe_problems, evaluate, place_boxes_columns
from simasn.law.enums import PerformanceRating, PotentialLevel, TalentComponent
from simasn.law.parameters import ParameterGapError

ON = dt.date(2026, 3, 1)
YEARS = [2022, 2023, 2024, 2025, 2026]
RATINGS = [r.value for r in PerformanceRating]


def _date(rng: random.Random) -> dt.date:
    choices = [
        dt.date(2024, 2, 29),
        dt.date(2024, 3, 1),
        dt.date(2025, 2, 28),
        dt.date(2025, 3, 1),
        dt.date(2026, 3, 1),
        dt.date(2026, 3, 2),
    ]
    if rng.random() < 0.3:
        return rng.choice(choices)
    if rng.random() < 0.3:
        return dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(0, 1300))
    return dt.date(2025, 3, 1) + dt.timedelta(days=rng.randrange(0, 366))  # in time for all


def _ratings(rng: random.Random) -> dict[int, str | None]:
    return {y: (rng.choice(RATINGS) if rng.random() < 0.7 else None) for y in YEARS}


def _check(facts: list[dict[str, Any]], result: dict[str, Any]) -> int:
    placed = 0
    for index, case in enumerate(facts):
        decision = evaluate("talent.box", case, ON)
        outcome = decision.outcome
        assert not decision.needs_legal_review, decision.review_reason
        assert result["status"][index].as_py() == outcome["status"], case
        if outcome["status"] == "PLACED":
            placed += 1
            assert result["box"][index].as_py() == outcome["box"], case
            assert result["potential_level"][index].as_py() == outcome["potential_level"]
            assert result["performance_level"][index].as_py() == outcome["performance_level"]
            assert result["potential_score"][index].as_py() == outcome["potential_score"]
        else:
            assert result["box"][index].as_py() is None
            problems = describe_problems(result["problems"][index].as_py())
            assert problems == {"missing": outcome["missing"], "stale": outcome["stale"]}, case
    return placed


@pytest.fixture(params=[None, 97], ids=["one chunk", "chunks of 97 rows"])
def chunked(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run once as one piece and once cut in small chunks placed on several threads."""
    if request.param:
        monkeypatch.setattr("simasn.law.rules.talent.columns.CHUNK", request.param)


@pytest.mark.usefixtures("chunked")
def test_placement_by_assessed_level_agrees_with_the_rule() -> None:
    rng = random.Random(2026)
    rows = []
    for _ in range(800):
        level = rng.choice([*list(PotentialLevel), None])
        rows.append(
            {
                "level": level and level.value,
                "on": None if level is None else _date(rng),
                "ratings": _ratings(rng),
            }
        )
    result = place_boxes_columns(
        on=ON,
        potential_level=pa.array([r["level"] for r in rows]),
        potential_assessed_on=pa.array([r["on"] for r in rows], type=pa.date32()),
        ratings_by_year={y: pa.array([r["ratings"][y] for r in rows]) for y in YEARS},
    )
    facts = []
    for row in rows:
        case: dict[str, Any] = {
            "annual_ratings": [
                {"year": y, "rating": v} for y, v in row["ratings"].items() if v is not None
            ]
        }
        if row["level"] is not None:
            case.update(potential_level=row["level"], potential_assessed_on=row["on"])
        facts.append(case)
    assert _check(facts, result) > 100  # the generator reaches the placed branch often


@pytest.mark.usefixtures("chunked")
def test_placement_by_scores_agrees_with_the_rule() -> None:
    rng = random.Random(91)
    components = list(TalentComponent)
    rows = []
    for _ in range(800):
        scores = {}
        for component in components:
            if rng.random() < 0.12:
                scores[component.value] = None
            else:
                value = rng.choice([78, 90, 77.99, 89.99, round(rng.uniform(60, 100), 2)])
                scores[component.value] = (
                    value,
                    _date(rng) if component != TalentComponent.KUALIFIKASI else dt.date(2010, 1, 1),
                )
        if rng.random() < 0.05:
            scores = {c.value: None for c in components}
        rows.append({"scores": scores, "ratings": _ratings(rng)})
    result = place_boxes_columns(
        on=ON,
        scores={
            c.value: pa.array(
                [r["scores"][c.value] and r["scores"][c.value][0] for r in rows], type=pa.float64()
            )
            for c in components
        },
        scores_assessed_on={
            c.value: pa.array(
                [r["scores"][c.value] and r["scores"][c.value][1] for r in rows], type=pa.date32()
            )
            for c in components
        },
        ratings_by_year={y: [r["ratings"][y] for r in rows] for y in YEARS},
    )
    facts = [
        {
            "annual_ratings": [{"year": y, "rating": v} for y, v in row["ratings"].items() if v],
            "potential_scores": [
                {"component": c, "score": s[0], "assessed_on": s[1]}
                for c, s in row["scores"].items()
                if s is not None
            ],
        }
        for row in rows
    ]
    assert _check(facts, result) > 100


def test_forbidden_inputs_stop_the_whole_placement() -> None:
    with pytest.raises(TalentInputError) as refused:
        place_boxes_columns(
            on=ON,
            potential_level=["TINGGI"],
            potential_assessed_on=[ON],
            ratings_by_year={2025: ["BAIK"]},
            other_inputs=["jenis_kelamin"],
        )
    assert refused.value.decision.outcome["refused_codes"] == ["JENIS_KELAMIN"]
    with pytest.raises(TalentInputError):  # named neither way by the law: review, not a guess
        place_boxes_columns(
            on=ON,
            potential_level=["TINGGI"],
            potential_assessed_on=[ON],
            ratings_by_year={2025: ["BAIK"]},
            other_inputs=["masa_kerja"],
        )


def test_scores_before_national_weights_exist_are_refused() -> None:
    with pytest.raises(ParameterGapError):
        place_boxes_columns(
            on=dt.date(2025, 12, 31),
            scores={"KOMPETENSI": [90.0]},
            scores_assessed_on={"KOMPETENSI": [dt.date(2025, 6, 1)]},
            ratings_by_year={2024: ["BAIK"]},
        )


def test_one_potential_source_at_a_time() -> None:
    with pytest.raises(ValueError, match="not both"):
        place_boxes_columns(on=ON, ratings_by_year={2025: ["BAIK"]})
