"""The set-level Satyalancana functions agree with the rule, employee by employee.

An app assesses every employee of an agency (or the nation, after narrowing with
``satyalancana_tmt_cutoffs``) with ``satyalancana_candidates``; the page explains one
employee with rule ``rewards.satyalancana``. Both must give the same answer. The cases
are generated deterministically: careers of 0-40 years, light/medium/heavy penalties,
unpaid leave, temporary dismissals as pejabat negara, classes already awarded.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest

from simasn.law import (
    PenaltyOnRecord,
    SatyalancanaRecord,
    ServiceBreak,
    evaluate,
    satyalancana_assessor,
    satyalancana_candidates,
    satyalancana_tmt_cutoffs,
)

ON = dt.date(2026, 8, 17)
LEVELS = ("RINGAN", "SEDANG", "BERAT")
BREAKS = ("CUTI_DILUAR_TANGGUNGAN_NEGARA", "PEJABAT_NEGARA", "DITAHAN")


def _day(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randrange((last - first).days + 1))


def _cases(seed: int, count: int) -> list[SatyalancanaRecord]:
    rng = random.Random(seed)
    cases: list[SatyalancanaRecord] = []
    for index in range(count):
        # Mostly the 1st of a month (a TMT), sometimes any day, around the 10/20/30-year marks.
        years = rng.choice([9, 10, 11, 19, 20, 21, 29, 30, 31, rng.randrange(0, 41)])
        tmt = dt.date(ON.year - years, rng.randrange(1, 13), 1)
        if rng.random() < 0.2:
            tmt = _day(rng, dt.date(1985, 1, 1), ON)
        penalties = []
        for _ in range(rng.choice([0, 0, 1, 2])):
            start = _day(rng, tmt, ON + dt.timedelta(days=200))
            ends = start + dt.timedelta(days=rng.choice([0, 180, 365])) if rng.random() < 0.7 else None
            penalties.append(PenaltyOnRecord(start, rng.choice(LEVELS), ends))
        breaks = []
        if rng.random() < 0.3:
            start = _day(rng, tmt, ON)
            end = None if rng.random() < 0.2 else start + dt.timedelta(days=rng.randrange(30, 900))
            breaks.append(ServiceBreak(rng.choice(BREAKS), start, end))
        awarded = [c for c, y in (("X", 10), ("XX", 20), ("XXX", 30)) if years >= y and rng.random() < 0.5]
        employee_type = "PPPK" if rng.random() < 0.05 else "PNS"
        cases.append(SatyalancanaRecord(index, tmt, employee_type, tuple(penalties), tuple(breaks), tuple(awarded)))
    return cases


def _facts(record: SatyalancanaRecord) -> dict[str, Any]:
    return {
        "employee_type": record.employee_type,
        "tmt_cpns": record.tmt_cpns,
        "penalties": [{"date": p.date, "level": p.level, "ends_on": p.ends_on} for p in record.penalties],
        "interruptions": [{"reason": b.reason, "start": b.start, "end": b.end} for b in record.breaks],
        "awarded": list(record.awarded),
    }


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_set_level_function_agrees_with_the_rule(seed: int) -> None:
    run = satyalancana_assessor(ON)
    for record in _cases(seed, 300):
        decision = evaluate("rewards.satyalancana", _facts(record), ON)
        result = run(record)
        assert decision.needs_legal_review == result.needs_legal_review, record
        assert decision.outcome["eligible_classes"] == list(result.eligible_classes), record
        assert decision.outcome["reason"] == result.reason, record
        assert decision.outcome["next_class_on"] == result.next_class_on, record


def test_candidates_are_the_eligible_and_the_cases_to_review() -> None:
    records = _cases(4, 400)
    listed = satyalancana_candidates(records, on=ON)
    everyone = satyalancana_candidates(records, on=ON, include_all=True)
    assert len(everyone) == len(records)
    assert {r.employee_id for r in listed} == {
        r.employee_id for r in everyone if r.eligible_classes or r.needs_legal_review
    }
    assert any(r.eligible for r in listed) and any(r.needs_legal_review for r in listed)


def test_the_tmt_cutoffs_leave_nobody_eligible_out() -> None:
    cutoffs = satyalancana_tmt_cutoffs(ON)
    assert cutoffs == {"X": dt.date(2016, 8, 17), "XX": dt.date(2006, 8, 17), "XXX": dt.date(1996, 8, 17)}
    run = satyalancana_assessor(ON)
    for record in _cases(5, 400):
        for code in run(record).eligible_classes:
            assert record.tmt_cpns <= cutoffs[code], (record, code)


def test_a_leap_day_cutoff_is_the_last_day_that_has_the_years() -> None:
    cutoffs = satyalancana_tmt_cutoffs(dt.date(2024, 2, 29))
    assert cutoffs["X"] == dt.date(2014, 2, 28)
    record = SatyalancanaRecord("a", dt.date(2014, 3, 1))
    assert satyalancana_assessor(dt.date(2024, 2, 29))(record).eligible_classes == ()
