"""The set-level performance functions agree with the single-case rules.

The annual roll-up computes 4.3 M predikat with ``predikat_columns`` and checks tens of
thousands of units with ``check_distribution_columns``; the performance app shows and
explains single cases with the rules. Both must give the same answer on the same data.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

import pyarrow as pa
import pytest

from simasn.law import (
    check_distribution,
    check_distribution_columns,
    evaluate,
    predikat_columns,
)
from simasn.law.enums import ExpectationRating, OrganisationRating, PerformanceRating
from simasn.law.parameters import ParameterGapError

ON = dt.date(2025, 12, 31)
EXPECTATIONS = [e.value for e in ExpectationRating]
RATINGS = [r.value for r in PerformanceRating]


def test_predikat_columns_agree_with_the_rule_on_generated_rows() -> None:
    rng = random.Random(20251231)
    values = [*EXPECTATIONS, None, "BAGUS", "sesuai_ekspektasi"]
    work = [rng.choice(values) for _ in range(3000)]
    behaviour = [rng.choice(values) for _ in range(3000)]
    column = predikat_columns(work_result=pa.array(work), behaviour=pa.array(behaviour), on=ON)
    for h, p, got in zip(work, behaviour, column.to_pylist(), strict=True):
        if h in EXPECTATIONS and p in EXPECTATIONS:
            facts = {"work_result_rating": h, "behaviour_rating": p}
            assert got == evaluate("performance.predikat", facts, ON).outcome["predikat"]
        else:  # the column form takes stored codes only; anything else is null
            assert got is None


def test_predikat_columns_take_dictionary_and_chunked_columns() -> None:
    work = pa.chunked_array(
        [
            pa.array(["DI_ATAS_EKSPEKTASI"]).dictionary_encode(),
            pa.array(["DI_BAWAH_EKSPEKTASI"]).dictionary_encode(),
        ]
    )
    behaviour = pa.chunked_array([["DI_ATAS_EKSPEKTASI"], ["DI_BAWAH_EKSPEKTASI"]])
    assert predikat_columns(work_result=work, behaviour=behaviour, on=ON).to_pylist() == [
        "SANGAT_BAIK",
        "SANGAT_KURANG",
    ]


def test_predikat_columns_refuse_columns_of_different_lengths() -> None:
    with pytest.raises(ValueError, match="different lengths"):
        predikat_columns(work_result=["SESUAI_EKSPEKTASI"], behaviour=[], on=ON)


def test_predikat_columns_before_the_matrix_exists() -> None:
    with pytest.raises(ParameterGapError):
        predikat_columns(work_result=[], behaviour=[], on=dt.date(2021, 1, 1))


def _fewest_people(count: int, total: int, kind: str, bound: float) -> int:
    """By brute force: how many people must change for the limit to hold on its own."""
    for moved in range(total + 1):
        if kind == "max_percent" and (count - moved) * 100 <= bound * total:
            return moved
        if kind == "min_percent" and (count + moved) * 100 >= bound * total:
            return moved
        if kind == "min_count" and count + moved >= bound:
            return moved
        if kind == "max_count" and count - moved <= bound:
            return moved
    raise AssertionError("unreachable")


def test_people_counts_match_brute_force_on_generated_units() -> None:
    rng = random.Random(7)
    for _ in range(400):
        counts = {r: rng.randrange(0, 9) for r in RATINGS}
        rating = rng.choice(list(OrganisationRating))
        result = check_distribution(counts, rating, ON)
        assert result.total == sum(counts.values())
        for limit in result.limits:
            count = sum(counts[r.value] for r in limit.ratings)
            assert limit.actual_count == count
            assert limit.people == _fewest_people(
                count, result.total, limit.kind, float(limit.bound)
            )
            assert limit.ok == (limit.people == 0)


def test_the_rule_and_the_function_agree() -> None:
    rng = random.Random(11)
    for _ in range(100):
        counts = {r: rng.randrange(0, 6) for r in RATINGS}
        rating = rng.choice(list(OrganisationRating))
        decision = evaluate(
            "performance.distribution", {"organisation_rating": rating.value, "counts": counts}, ON
        )
        result = check_distribution(counts, rating, ON)
        assert decision.outcome["ok"] == result.ok
        assert decision.outcome["failing_limits"] == [f.code for f in result.failures]
        assert decision.citations == [result.citation]


def test_distribution_columns_agree_with_unit_by_unit_checks() -> None:
    rng = random.Random(3)
    units = [f"U{i:03d}" for i in range(60)]
    unit_column = [rng.choice(units) for _ in range(5000)]
    ratings = [rng.choice([*RATINGS, None]) for _ in range(5000)]
    organisation = {u: rng.choice(list(OrganisationRating)) for u in units[:55]}
    organisation["EMPTY"] = OrganisationRating.BAIK  # a unit with nobody rated
    answers = check_distribution_columns(
        unit=pa.array(unit_column),
        rating=pa.array(ratings),
        organisation_rating=organisation,
        on=ON,
    )
    assert set(answers) == set(organisation)
    for unit, org_rating in organisation.items():
        counts = Counter(r for u, r in zip(unit_column, ratings, strict=True) if u == unit and r)
        expected = check_distribution(dict(counts), org_rating, ON)
        assert answers[unit].to_dict() == expected.to_dict()
    assert answers["EMPTY"].ok and answers["EMPTY"].total == 0


def test_a_failure_names_the_limit_and_the_people() -> None:
    result = check_distribution({"SANGAT_BAIK": 9, "BAIK": 3}, "ISTIMEWA", ON)
    (failure,) = result.failures
    assert failure.code == "SANGAT_BAIK_MAX"
    assert failure.people == 1
    assert failure.message_id.startswith("Sangat Baik paling banyak 70 %: kelebihan 1 orang")
    assert failure.message_en.startswith("Outstanding at most 70 %: 1 too many")
    assert result.citation == "PermenPANRB 6/2022 Lampiran"
    assert result.parameter["name"] == "performance.distribution_limits"


def test_bad_counts_are_refused() -> None:
    with pytest.raises(ValueError):
        check_distribution({"SANGAT_BAIK": -1}, "ISTIMEWA", ON)
    with pytest.raises(ValueError):
        check_distribution({"CUKUP": 1}, "ISTIMEWA", ON)
