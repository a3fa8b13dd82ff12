"""The national roll-up gives the same answers as the one-case rules the services use."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from simasn.law import check_distribution, decide_predikat
from simasn.performance.rollup import annual_rollup

ON = dt.date(2025, 12, 31)
LEVELS = ["DI_BAWAH_EKSPEKTASI", "SESUAI_EKSPEKTASI", "DI_ATAS_EKSPEKTASI"]


# The one-case rules read the administrators' parameter overrides from the database.
@pytest.mark.django_db
def test_rollup_agrees_with_the_rules_case_by_case() -> None:
    pairs = list(itertools.product(LEVELS, LEVELS)) * 3  # every cell of the matrix, three times
    work = [p[0] for p in pairs]
    behaviour = [p[1] for p in pairs]
    unit = [i % 3 for i in range(len(pairs))]
    group = ["Kota A" if u < 2 else "Kota B" for u in unit]
    org = {0: "BAIK", 1: "ISTIMEWA", 2: "SANGAT_KURANG"}
    rollup = annual_rollup(work_result=work, behaviour=behaviour, unit=unit, group=group,
                           organisation_rating=org, on=ON)
    expected = [decide_predikat(work_result_rating=w, behaviour_rating=b, on=ON).outcome["predikat"]
                for w, b in pairs]
    assert rollup.predikat.to_pylist() == expected
    for u, rating in org.items():
        counts: dict[str, int] = {}
        for i, p in enumerate(expected):
            if unit[i] == u:
                counts[p] = counts.get(p, 0) + 1
        single = check_distribution(counts, rating, ON)
        assert rollup.checks[u].ok == single.ok
        assert [f.code for f in rollup.checks[u].failures] == [f.code for f in single.failures]
    national = {(r["group"], r["predikat"]): r["count_all"] for r in rollup.national.to_pylist()}
    assert sum(national.values()) == len(pairs)
    assert national[("Kota B", "SANGAT_BAIK")] == sum(
        1 for i, p in enumerate(expected) if unit[i] == 2 and p == "SANGAT_BAIK")
