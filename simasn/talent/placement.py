"""The inputs of a placement, gathered as they stood on a day, and the law's answer.

Performance comes from the performance chapter (provider ``performance.ratings``) and the
discipline record from the discipline chapter (``discipline.record``); when a chapter is
not installed its facts are *unknown* — the placement says "data incomplete" (no rating)
and the page says "belum ada data kinerja", never a zero. The potential axis is the
latest score of each component assessed on or before the day. The box is computed by
``talent.box`` (one employee, with the explanation) or its column form (many), from the
parameters in force on that day, so a past placement is reproduced by asking for its day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from simasn.core.providers import has_provider, provide
from simasn.law import describe_problems, place_boxes_columns, place_in_box
from simasn.law.decision import Decision
from simasn.law.enums import TalentComponent
from simasn.law.parameters import ParameterGapError
from simasn.talent.models import TalentAssessment

#: How many annual ratings are asked for (the axis reads as many as the law says; asking
#: two years covers a placement early in the year, before last year's rating exists).
RATING_YEARS = 2


@dataclass
class Inputs:
    employee_id: int
    scores: dict[str, dict[str, Any]] = field(default_factory=dict)
    ratings: list[dict[str, Any]] = field(default_factory=list)
    performance_known: bool = False
    discipline: dict[str, Any] | None = None
    discipline_known: bool = False


def _latest_scores(employee_ids: list[int], on: dt.date) -> dict[int, dict[str, dict[str, Any]]]:
    out: dict[int, dict[str, dict[str, Any]]] = {i: {} for i in employee_ids}
    rows = (TalentAssessment.objects.filter(employee_id__in=employee_ids, assessed_on__lte=on)
            .order_by("employee_id", "component", "-assessed_on", "-id")
            .values_list("employee_id", "component", "score", "assessed_on", "source", "reference"))
    for employee_id, component, score, assessed_on, source, reference in rows:
        out[employee_id].setdefault(component, {"score": float(score), "assessed_on": assessed_on,
                                                "source": source, "reference": reference})
    return out


def ratings(employee_ids: list[int], on: dt.date) -> tuple[dict[int, list[dict[str, Any]]], bool]:
    """Annual ratings of the years before `on`'s, from the performance chapter; (ratings, known)."""
    if not has_provider("performance.ratings"):
        return {i: [] for i in employee_ids}, False
    out: dict[int, list[dict[str, Any]]] = {i: [] for i in employee_ids}
    for year in range(on.year - RATING_YEARS, on.year):
        answer = provide("performance.ratings", default={}, employee_ids=employee_ids, year=year) or {}
        for employee_id, rating in answer.items():
            if rating and rating.get("predikat") and int(employee_id) in out:
                out[int(employee_id)].append({"year": int(rating.get("year", year)), "rating": rating["predikat"]})
    return out, True


def inputs_for(employee_ids: Iterable[int], on: dt.date) -> dict[int, Inputs]:
    ids = list(employee_ids)
    scores = _latest_scores(ids, on)
    rated, known = ratings(ids, on)
    discipline_known = has_provider("discipline.record")
    discipline = provide("discipline.record", default={}, employee_ids=ids, on=on) if discipline_known else {}
    return {i: Inputs(employee_id=i, scores=scores[i], ratings=rated[i], performance_known=known,
                      discipline=(discipline or {}).get(i), discipline_known=discipline_known) for i in ids}


def place_one(inputs: Inputs, on: dt.date) -> Decision:
    """The explained placement of one employee (``talent.box``)."""
    return place_in_box(
        annual_ratings=[(r["year"], r["rating"]) for r in inputs.ratings],
        potential_scores=[{"component": c, "score": s["score"], "assessed_on": s["assessed_on"],
                           "source": s["source"][:200]} for c, s in inputs.scores.items()],
        on=on,
    )


@dataclass
class Placement:
    box: int | None
    status: str
    potential_level: str | None
    performance_level: str | None
    potential_score: float | None
    missing: list[str]
    stale: list[str]


def place_many(inputs: dict[int, Inputs], on: dt.date) -> dict[int, Placement]:
    """Boxes of many employees at once (the law's column form, same parameters and date)."""
    ids = list(inputs)
    if not ids:
        return {}
    years = range(on.year - RATING_YEARS, on.year)
    by_year = {y: [next((r["rating"] for r in inputs[i].ratings if r["year"] == y), None) for i in ids]
               for y in years}
    components = [c.value for c in TalentComponent]
    scores = {c: [inputs[i].scores.get(c, {}).get("score") for i in ids] for c in components}
    dates = {c: [inputs[i].scores.get(c, {}).get("assessed_on") for i in ids] for c in components}
    try:
        result = place_boxes_columns(on=on, ratings_by_year=by_year, scores=scores, scores_assessed_on=dates)
    except ParameterGapError:
        # No national weights on that day: nobody is placed by scores (the single rule explains).
        return {i: Placement(box=None, status="REVIEW", potential_level=None, performance_level=None,
                             potential_score=None, missing=[], stale=[]) for i in ids}
    cols = {k: v.to_pylist() for k, v in result.items()}
    out = {}
    for n, i in enumerate(ids):
        problems = describe_problems(cols["problems"][n] or 0)
        out[i] = Placement(box=cols["box"][n], status=cols["status"][n], potential_level=cols["potential_level"][n],
                           performance_level=cols["performance_level"][n], potential_score=cols["potential_score"][n],
                           missing=problems["missing"], stale=problems["stale"])
    return out
