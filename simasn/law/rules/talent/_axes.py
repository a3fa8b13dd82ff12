"""The two axes of the nine-box, shared by the single-case rule and the column form so that
both compute the same thing from the same parameters (read once per date)."""

from __future__ import annotations

import calendar
import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from simasn.law.enums import ExpectationRating, PerformanceRating, PotentialLevel, TalentComponent
from simasn.law.parameters import ParameterGapError
from simasn.law.rules._support import Lookup

#: Names of the inputs a placement reads, as "data incomplete" reports them.
POTENTIAL_LEVEL_INPUT = "POTENSIAL"
PERFORMANCE_INPUT = "KINERJA"
COMPONENTS = list(TalentComponent)
LEVELS = list(PotentialLevel)
EXPECTATIONS = list(ExpectationRating)
RATINGS = list(PerformanceRating)


@dataclass(frozen=True)
class TalentParameters:
    """Everything a placement on one date reads."""

    boxes: dict[str, Any]
    box_by_cell: dict[tuple[ExpectationRating, PotentialLevel], int]
    performance_levels: dict[PerformanceRating, ExpectationRating]
    performance_years: int
    max_lag_years: int
    max_age_months: dict[TalentComponent, int | None]
    weights: dict[TalentComponent, float] | None  # None: no national weights on that date
    merit_attributes: dict[TalentComponent, list[str]]
    thresholds: dict[PotentialLevel, float] | None
    weights_error: ParameterGapError | None


def read_parameters(lookup: Lookup) -> TalentParameters:
    """The talent parameters in force on ``lookup.on`` (the weights may be missing)."""
    boxes = lookup.value("talent.boxes")
    box_by_cell = {
        (ExpectationRating(entry["performance"]), PotentialLevel(entry["potential"])): int(number)
        for number, entry in boxes.items()
    }
    axis = lookup.value("talent.performance_axis")
    if axis.get("combine") != "LOWEST":
        raise ValueError(f"talent.performance_axis combine {axis.get('combine')!r} is not known")
    level_table = lookup.value("talent.performance_levels")
    levels = {rating: ExpectationRating(level_table[rating.value]) for rating in RATINGS}
    age_table = lookup.value("talent.input_max_age_months")
    ages = {c: age_table.get(c.value) for c in COMPONENTS}
    weights: dict[TalentComponent, float] | None = None
    merit: dict[TalentComponent, list[str]] = {}
    thresholds: dict[PotentialLevel, float] | None = None
    weights_error: ParameterGapError | None = None
    try:
        raw = lookup.value("talent.potential_weights")
        weights = {TalentComponent(k): float(v["weight"]) for k, v in raw.items()}
        merit = {TalentComponent(k): list(v["merit_attributes"]) for k, v in raw.items()}
        limits = lookup.value("talent.potential_thresholds")
        thresholds = {PotentialLevel(k): float(v) for k, v in limits.items()}
    except ParameterGapError as error:
        weights, thresholds, weights_error = None, None, error
    return TalentParameters(
        boxes=boxes,
        box_by_cell=box_by_cell,
        performance_levels=levels,
        performance_years=int(axis["years"]),
        max_lag_years=int(axis["max_lag_years"]),
        max_age_months={c: (None if v is None else int(v)) for c, v in ages.items()},
        weights=weights,
        merit_attributes=merit,
        thresholds=thresholds,
        weights_error=weights_error,
    )


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus ``months`` calendar months, on the last day of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def oldest_allowed(on: dt.date, months: int | None) -> dt.date | None:
    """The earliest assessment date still in time on ``on`` (None: no limit)."""
    return None if months is None else add_months(on, -months)


def weighted_score(
    scores: dict[TalentComponent, float], weights: dict[TalentComponent, float]
) -> float:
    """The weighted mean, summed in ``TalentComponent`` order (the column form sums the
    same way, so both give the same float)."""
    total = 0.0
    for component in COMPONENTS:
        if component in weights:
            total = total + weights[component] * scores[component]
    return total / sum(weights[c] for c in COMPONENTS if c in weights)


def shown(score: float) -> float:
    """The score as shown, to hundredths, half up (the column form rounds the same way)."""
    return math.floor(score * 100 + 0.5) / 100


def level_of(score: float, thresholds: dict[PotentialLevel, float]) -> PotentialLevel:
    if score >= thresholds[PotentialLevel.TINGGI]:
        return PotentialLevel.TINGGI
    if score >= thresholds[PotentialLevel.MENENGAH]:
        return PotentialLevel.MENENGAH
    return PotentialLevel.RENDAH
