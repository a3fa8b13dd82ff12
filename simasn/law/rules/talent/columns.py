"""The nine-box placement for whole columns (the 4.3 M register): the same parameters, the
same date and the same arithmetic as ``talent.box``, one row per employee.

Give the potential axis either as assessed levels (``potential_level`` with
``potential_assessed_on``) or as component scores (``scores`` and ``scores_assessed_on``,
keyed by ``TalentComponent``), and the annual predikat by year (``ratings_by_year``). The
answer is a dict of Arrow arrays: ``box`` (null unless placed), ``status`` (PLACED /
DATA_INCOMPLETE), ``potential_level``, ``performance_level``, ``potential_score`` and
``problems``, a bit mask of what is missing or out of date (:func:`describe_problems`).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from simasn.law.decision import LawError
from simasn.law.enums import TalentComponent
from simasn.law.parameters import ParameterGapError
from simasn.law.rules._columns import as_array, coded, codes_to_index, same_length
from simasn.law.rules._support import Lookup
from simasn.law.rules.merit_inputs import MeritInputsFacts, merit_inputs
from simasn.law.rules.talent._axes import (
    COMPONENTS,
    EXPECTATIONS,
    LEVELS,
    PERFORMANCE_INPUT,
    POTENTIAL_LEVEL_INPUT,
    RATINGS,
    TalentParameters,
    oldest_allowed,
    read_parameters,
)

#: Bit of each (input, problem) in the ``problems`` column.
PROBLEM_BITS: dict[tuple[str, str], int] = {}
for _position, _name in enumerate(
    [*[c.value for c in COMPONENTS], POTENTIAL_LEVEL_INPUT, PERFORMANCE_INPUT]
):
    PROBLEM_BITS[(_name, "MISSING")] = 1 << (2 * _position)
    PROBLEM_BITS[(_name, "STALE")] = 1 << (2 * _position + 1)


#: Rows placed per chunk (chunks run on every core).
CHUNK = 1 << 20


class TalentInputError(LawError):
    """The inputs of a placement are refused by (or need review under) ``merit_inputs``."""

    def __init__(self, decision: Any) -> None:
        self.decision = decision
        super().__init__(decision.explanation_en)


def describe_problems(mask: int) -> dict[str, list[str]]:
    """``{"missing": [...], "stale": [...]}`` of one row's ``problems`` value, in the order
    ``talent.box`` lists them."""
    found: dict[str, list[str]] = {"missing": [], "stale": []}
    for (name, problem), bit in PROBLEM_BITS.items():
        if mask & bit:
            found["missing" if problem == "MISSING" else "stale"].append(name)
    return found


def _days(values: Any, n: int) -> tuple[Any, Any]:
    """Dates as int32 days since 1970, and where a date is given at all."""
    import numpy as np
    import pyarrow as pa

    if values is None:
        return np.zeros(n, dtype=np.int32), np.zeros(n, dtype=bool)
    array = as_array(values)
    if not pa.types.is_date32(array.type):
        array = array.cast(pa.date32())
    given = np.asarray(array.is_valid().to_numpy(zero_copy_only=False), dtype=bool)
    days = np.asarray(
        array.cast(pa.int32()).fill_null(0).to_numpy(zero_copy_only=False), dtype=np.int32
    )
    return days, given


def _epoch(day: dt.date) -> int:
    return (day - dt.date(1970, 1, 1)).days


def _index(values: Any) -> Any:
    """Arrow index column → NumPy int8 with -1 for null."""
    import numpy as np

    return np.asarray(values.fill_null(-1).to_numpy(zero_copy_only=False), dtype=np.int8)


def _flag(problems: Any, mask: Any, bit: int) -> None:
    """Set ``bit`` in ``problems`` where ``mask`` holds, in place."""
    import numpy as np

    problems |= mask * np.int32(bit)  # ~10x faster than bitwise_or(..., where=mask)


def _performance(
    params: TalentParameters, ratings_by_year: Mapping[int, Any], n: int, on: dt.date
) -> tuple[Any, Any]:
    """(level index or -1, problems) of the performance axis, per row: the latest usable
    year's rating and the ``performance_years - 1`` years before it, lowest level."""
    import numpy as np

    problems = np.zeros(n, dtype=np.int32)
    years = [y for y in ratings_by_year if y < on.year]
    if not years:
        _flag(problems, np.ones(n, dtype=bool), PROBLEM_BITS[(PERFORMANCE_INPUT, "MISSING")])
        return np.full(n, -1, dtype=np.int8), problems
    level_of_rating = np.array(
        [*(EXPECTATIONS.index(params.performance_levels[r]) for r in RATINGS), -1], dtype=np.int8
    )
    top = max(years)
    # One row per year from the latest down, without gaps (a year not given is all null);
    # the cells hold the performance level (-1: no rating).
    grid = np.full((top - min(years) + 1 + params.performance_years, n), -1, dtype=np.int8)
    for y in years:
        index = _index(codes_to_index(ratings_by_year[y], [r.value for r in RATINGS]))
        grid[top - y] = level_of_rating[index]  # index -1 picks the trailing -1
    given = grid >= 0
    first = np.argmax(given, axis=0)  # the latest year with a rating
    rated = given[first, np.arange(n)]
    level = np.full(n, len(EXPECTATIONS), dtype=np.int8)
    missing = ~rated
    for k in range(params.performance_years):
        cell = np.take_along_axis(grid, (first + k)[np.newaxis, :], axis=0)[0]
        missing |= cell < 0
        np.minimum(level, cell, out=level, where=cell >= 0)
    latest_year = top - first
    stale = ~missing & (latest_year < on.year - params.max_lag_years)
    _flag(problems, missing, PROBLEM_BITS[(PERFORMANCE_INPUT, "MISSING")])
    _flag(problems, stale, PROBLEM_BITS[(PERFORMANCE_INPUT, "STALE")])
    return np.where(missing | stale, -1, level).astype(np.int8), problems


def _potential_levels(
    params: TalentParameters, level: Any, assessed_on: Any, n: int, on: dt.date
) -> tuple[Any, Any, Any]:
    import numpy as np

    index = _index(codes_to_index(level, [lv.value for lv in LEVELS]))
    days, dated = _days(assessed_on, n)
    oldest = oldest_allowed(on, params.max_age_months[TalentComponent.POTENSI])
    missing = (index < 0) | ~dated | (days > _epoch(on))
    stale = ~missing & (np.zeros(n, dtype=bool) if oldest is None else days < _epoch(oldest))
    problems = np.zeros(n, dtype=np.int32)
    _flag(problems, missing, PROBLEM_BITS[(POTENTIAL_LEVEL_INPUT, "MISSING")])
    _flag(problems, stale, PROBLEM_BITS[(POTENTIAL_LEVEL_INPUT, "STALE")])
    return np.where(missing | stale, -1, index), np.full(n, np.nan), problems


def _potential_scores(
    params: TalentParameters,
    scores: Mapping[Any, Any],
    assessed_on: Mapping[Any, Any],
    n: int,
    on: dt.date,
) -> tuple[Any, Any, Any]:
    import numpy as np

    if params.weights is None or params.thresholds is None:
        assert params.weights_error is not None
        raise params.weights_error
    by_name = {TalentComponent(k): v for k, v in scores.items()}
    dates = {TalentComponent(k): v for k, v in assessed_on.items()}
    total = np.zeros(n)
    problems = np.zeros(n, dtype=np.int32)
    given_any = np.zeros(n, dtype=bool)
    on_day = _epoch(on)
    for component in COMPONENTS:
        if component not in params.weights:
            continue
        column = by_name.get(component)
        values = (
            np.full(n, np.nan)
            if column is None
            else np.asarray(
                as_array(column).cast("double").to_numpy(zero_copy_only=False), dtype=float
            )
        )
        days, dated = _days(dates.get(component), n)
        present = ~np.isnan(values)
        given_any |= present
        missing = ~(present & dated & (days <= on_day))
        _flag(problems, missing, PROBLEM_BITS[(component.value, "MISSING")])
        oldest = oldest_allowed(on, params.max_age_months[component])
        if oldest is not None:
            _flag(
                problems,
                ~missing & (days < _epoch(oldest)),
                PROBLEM_BITS[(component.value, "STALE")],
            )
        # Summed in TalentComponent order, as weighted_score does (NaN rows are masked below).
        total = total + params.weights[component] * values
    # A row with no score at all lacks the potential axis as a whole (as talent.box says).
    problems = np.where(given_any, problems, PROBLEM_BITS[(POTENTIAL_LEVEL_INPUT, "MISSING")])
    score = total / sum(params.weights[c] for c in COMPONENTS if c in params.weights)
    bad = problems != 0
    score[bad] = np.nan
    level = (score >= params.thresholds[LEVELS[1]]).astype(np.int8) + (
        score >= params.thresholds[LEVELS[2]]
    )
    level[bad] = -1
    return level, score, problems


def place_boxes_columns(
    *,
    on: dt.date,
    ratings_by_year: Mapping[int, Any],
    potential_level: Any = None,
    potential_assessed_on: Any = None,
    scores: Mapping[Any, Any] | None = None,
    scores_assessed_on: Mapping[Any, Any] | None = None,
    other_inputs: Sequence[str] = (),
) -> dict[str, Any]:
    """Place every row; raises ``TalentInputError`` when the inputs (the components used,
    plus ``other_inputs``) are refused by ``merit_inputs`` or need review, and
    ``ParameterGapError`` when scores are given on a date without national weights."""
    import numpy as np
    import pyarrow as pa

    if (potential_level is None) == (scores is None):
        raise ValueError("give potential_level (with potential_assessed_on) or scores, not both")
    lookup = Lookup(on)
    params = read_parameters(lookup)
    attributes = ["kinerja", *other_inputs]
    if scores is None:
        attributes.append("potensi")
    else:
        for key in scores:
            attributes.extend(params.merit_attributes.get(TalentComponent(key), [str(key)]))
    merit = merit_inputs(MeritInputsFacts(attributes=list(dict.fromkeys(attributes))), on)
    if merit.needs_legal_review or merit.outcome["refused"]:
        raise TalentInputError(merit)
    years = {y: as_array(c, decode=False) for y, c in ratings_by_year.items()}
    level = None if potential_level is None else as_array(potential_level, decode=False)
    level_on = None if potential_assessed_on is None else as_array(potential_assessed_on)
    values = {k: as_array(v) for k, v in (scores or {}).items()}
    dates = {k: as_array(v) for k, v in (scores_assessed_on or {}).items()}
    columns = {f"rating_{y}": c for y, c in years.items()}
    columns.update({f"score_{k}": v for k, v in values.items()})
    if level is not None:
        columns["potential_level"] = level
    n = same_length(**columns)

    def place(start: int, length: int) -> tuple[Any, ...]:
        part = {y: c.slice(start, length) for y, c in years.items()}
        perf, perf_problems = _performance(params, part, length, on)
        if scores is None:
            pot, score, pot_problems = _potential_levels(
                params,
                level.slice(start, length) if level is not None else None,
                level_on.slice(start, length) if level_on is not None else None,
                length,
                on,
            )
        else:
            pot, score, pot_problems = _potential_scores(
                params,
                {k: v.slice(start, length) for k, v in values.items()},
                {k: v.slice(start, length) for k, v in dates.items()},
                length,
                on,
            )
        return perf, pot, score, perf_problems | pot_problems

    # Rows are independent: large inputs are cut in chunks placed on every core (NumPy and
    # Arrow release the GIL), then put back together in order.
    starts = list(range(0, n, CHUNK)) or [0]
    if len(starts) == 1:
        parts = [place(0, n)]
    else:
        with ThreadPoolExecutor(max_workers=min(len(starts), os.cpu_count() or 1)) as pool:
            parts = list(pool.map(lambda s: place(s, min(CHUNK, n - s)), starts))
    perf, pot, score, problems = (np.concatenate([p[i] for p in parts]) for i in range(4))
    boxes = np.zeros(len(EXPECTATIONS) * len(LEVELS), dtype=np.int8)
    for (expectation, lv), number in params.box_by_cell.items():
        boxes[EXPECTATIONS.index(expectation) * len(LEVELS) + LEVELS.index(lv)] = number
    placed = (perf >= 0) & (pot >= 0)
    box = boxes[np.where(placed, perf * len(LEVELS) + pot, 0)]
    return {
        "box": pa.array(box, mask=~placed, type=pa.int8()),
        "status": coded(np.where(placed, 0, 1), ["PLACED", "DATA_INCOMPLETE"]),
        "potential_level": coded(pot, [lv.value for lv in LEVELS]),
        "performance_level": coded(perf, [e.value for e in EXPECTATIONS]),
        "potential_score": pa.array(
            np.floor(np.nan_to_num(score) * 100 + 0.5) / 100,
            mask=np.isnan(score),
            type=pa.float64(),
        ),
        "problems": pa.array(problems.astype(np.int32)),
    }


__all__ = [
    "PROBLEM_BITS",
    "ParameterGapError",
    "TalentInputError",
    "describe_problems",
    "place_boxes_columns",
]
