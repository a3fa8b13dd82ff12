"""``talent.box`` — an explainable nine-box placement on merit.

- UU 20/2023 Pasal 46 ayat (1) and (4): talent is developed on qualification, competence
  and performance, on the merit system through talent management; Pasal 27 ayat (2) and
  the ``merit_inputs`` rule: the placement refuses any input that rests on protected
  background (religion, ethnicity, sex, age, marital status, disability ...).
- PermenPANRB 3/2020: the nine boxes of performance x potential (``talent.boxes``).
- The performance axis reads the annual predikat (``talent.performance_levels``,
  ``talent.performance_axis``); the potential axis is an assessed level, or the weighted
  score of its components (``talent.potential_weights``, ``talent.potential_thresholds``,
  BKN's guidance — in force from 2026 as reported).

An input that is missing, dated after the placement date, or older than
``talent.input_max_age_months`` makes the placement "data incomplete" — never a zero. The
outcome lists the inputs, weights, thresholds and the parameter versions used, so the same
facts and date give the same box again.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import Field, model_validator

from simasn.law.decision import Decision, Facts
from simasn.law.enums import ExpectationRating, PotentialLevel, TalentComponent
from simasn.law.parameters import ParameterGapError
from simasn.law.rules._support import (
    Lookup,
    check_date_range,
    gap_review,
    pasal,
    review,
    unverified,
)
from simasn.law.rules.merit_inputs import MeritInputsFacts, merit_inputs
from simasn.law.rules.performance.tidak_berkinerja import AnnualRating
from simasn.law.rules.talent._axes import (
    COMPONENTS,
    EXPECTATIONS,
    PERFORMANCE_INPUT,
    POTENTIAL_LEVEL_INPUT,
    TalentParameters,
    level_of,
    oldest_allowed,
    read_parameters,
    shown,
    weighted_score,
)

RULE = "talent.box"


class ComponentScore(Facts):
    component: TalentComponent
    score: float = Field(ge=0, le=100)
    assessed_on: dt.date
    source: str | None = Field(default=None, max_length=200)

    @model_validator(mode="after")
    def _in_range(self) -> ComponentScore:
        check_date_range(self)
        return self


class TalentBoxFacts(Facts):
    potential_level: PotentialLevel | None = None
    potential_assessed_on: dt.date | None = None
    potential_scores: list[ComponentScore] = Field(default_factory=list)
    annual_ratings: list[AnnualRating] = Field(default_factory=list)
    other_inputs: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> TalentBoxFacts:
        check_date_range(self)
        if (self.potential_level is None) != (self.potential_assessed_on is None):
            raise ValueError("potential_level and potential_assessed_on go together")
        if self.potential_level is not None and self.potential_scores:
            raise ValueError("give potential_level or potential_scores, not both")
        components = [s.component for s in self.potential_scores]
        if len(components) != len(set(components)):
            raise ValueError("potential_scores has the same component twice")
        years = [r.year for r in self.annual_ratings]
        if len(years) != len(set(years)):
            raise ValueError("annual_ratings has two ratings for the same year")
        return self


def _merit_attributes(facts: TalentBoxFacts, params: TalentParameters) -> list[str]:
    attributes = ["kinerja", *facts.other_inputs]
    if facts.potential_level is not None:
        attributes.append("potensi")
    for score in facts.potential_scores:
        attributes.extend(params.merit_attributes.get(score.component, [score.component.value]))
    return list(dict.fromkeys(attributes))


def _performance(facts: TalentBoxFacts, params: TalentParameters, on: dt.date) -> dict[str, Any]:
    usable = sorted((r for r in facts.annual_ratings if r.year < on.year), key=lambda r: -r.year)
    ignored = [r.year for r in facts.annual_ratings if r.year >= on.year]
    if not usable:
        return {"missing": True, "stale": False, "ignored_years": ignored, "years": []}
    latest = usable[0].year
    by_year = {r.year: r.rating for r in usable}
    wanted = [latest - k for k in range(params.performance_years)]
    years: list[dict[str, Any]] = [
        {"year": y, "rating": by_year[y], "level": params.performance_levels[by_year[y]]}
        for y in wanted
        if y in by_year
    ]
    missing = len(years) < len(wanted)
    stale = latest < on.year - params.max_lag_years
    level = min((EXPECTATIONS.index(ExpectationRating(y["level"])) for y in years), default=None)
    return {
        "missing": missing,
        "stale": stale,
        "ignored_years": ignored,
        "years": years,
        "level": None if (missing or stale or level is None) else EXPECTATIONS[level],
    }


def _potential(facts: TalentBoxFacts, params: TalentParameters, on: dt.date) -> dict[str, Any]:
    if facts.potential_level is not None:
        assessed = facts.potential_assessed_on
        assert assessed is not None
        oldest = oldest_allowed(on, params.max_age_months[TalentComponent.POTENSI])
        if assessed > on:
            return {"method": "LEVEL", "missing": [POTENTIAL_LEVEL_INPUT], "stale": []}
        stale = [POTENTIAL_LEVEL_INPUT] if oldest is not None and assessed < oldest else []
        return {
            "method": "LEVEL",
            "missing": [],
            "stale": stale,
            "level": None if stale else facts.potential_level,
            "assessed_on": assessed,
        }
    if not facts.potential_scores:
        return {"method": None, "missing": [POTENTIAL_LEVEL_INPUT], "stale": []}
    assert params.weights is not None and params.thresholds is not None
    given = {s.component: s for s in facts.potential_scores}
    missing, stale = [], []
    for component in COMPONENTS:
        if component not in params.weights:
            continue
        score = given.get(component)
        oldest = oldest_allowed(on, params.max_age_months[component])
        if score is None or score.assessed_on > on:
            missing.append(component.value)
        elif oldest is not None and score.assessed_on < oldest:
            stale.append(component.value)
    result: dict[str, Any] = {"method": "SCORES", "missing": missing, "stale": stale}
    if missing or stale:
        return result
    value = weighted_score({c: given[c].score for c in params.weights}, params.weights)
    result["score"] = value
    result["level"] = level_of(value, params.thresholds)
    result["contributions"] = [
        {
            "component": c,
            "score": given[c].score,
            "weight": params.weights[c],
            "contribution": round(
                params.weights[c] * given[c].score / sum(params.weights.values()), 4
            ),
            "assessed_on": given[c].assessed_on,
            "source": given[c].source,
        }
        for c in COMPONENTS
        if c in params.weights
    ]
    return result


def talent_box(facts: TalentBoxFacts, on: dt.date) -> Decision:
    """Place one employee in the nine-box on ``on`` — PermenPANRB 3/2020."""
    lookup = Lookup(on)
    try:
        params = read_parameters(lookup)
    except ParameterGapError as error:
        return gap_review(RULE, lookup, error)
    if facts.potential_scores and params.weights_error is not None:
        return gap_review(RULE, lookup, params.weights_error)
    merit = merit_inputs(MeritInputsFacts(attributes=_merit_attributes(facts, params)), on)
    base = [pasal(46, 4), pasal(27, 2)]
    if merit.needs_legal_review:
        return review(
            RULE,
            on,
            f"the merit check of the inputs needs review: {merit.review_reason}",
            f"pemeriksaan merit atas masukan perlu telaah: {merit.explanation_id}",
            citations=[*base, *merit.citations],
            outcome={"status": "REVIEW", "unknown_inputs": merit.outcome.get("unknown", [])},
            lookup=lookup,
        )
    if merit.outcome["refused"]:
        codes = merit.outcome["refused_codes"]
        names_id = ", ".join(r["label_id"] for r in merit.outcome["refused"])
        names_en = ", ".join(r["label_en"] for r in merit.outcome["refused"])
        return Decision(
            rule=RULE,
            on=on,
            outcome={"status": "REFUSED", "placed": False, "box": None, "refused_codes": codes},
            citations=list(dict.fromkeys([*base, *merit.citations])),
            explanation_id=f"Penempatan ditolak: masukan memakai latar belakang yang dilindungi ({names_id}).",
            explanation_en=f"Placement refused: the inputs use protected background ({names_en}).",
            parameters_used=[*lookup.records, *merit.parameters_used],
        )
    performance = _performance(facts, params, on)
    potential = _potential(facts, params, on)
    missing = list(potential["missing"]) + ([PERFORMANCE_INPUT] if performance["missing"] else [])
    stale = list(potential["stale"]) + (
        [PERFORMANCE_INPUT] if performance["stale"] and not performance["missing"] else []
    )
    outcome: dict[str, Any] = {
        "status": "PLACED",
        "placed": True,
        "box": None,
        "performance_level": performance.get("level"),
        "potential_level": potential.get("level"),
        "potential_method": potential["method"],
        "potential_score": None if "score" not in potential else shown(potential["score"]),
        "contributions": potential.get("contributions", []),
        "weights": (
            {c.value: w for c, w in params.weights.items()}
            if potential["method"] == "SCORES" and params.weights
            else {}
        ),
        "thresholds": (
            {k.value: v for k, v in params.thresholds.items()}
            if potential["method"] == "SCORES" and params.thresholds
            else {}
        ),
        "performance_years": performance["years"],
        "ignored_rating_years": performance["ignored_years"],
        "missing": missing,
        "stale": stale,
        "succession_candidate": None,
        "label_id": None,
        "label_en": None,
        "recommendation_id": [],
        "recommendation_en": [],
    }
    citations = [*base, lookup.cite("talent.performance_levels")]
    if potential["method"] == "SCORES":
        citations.append(lookup.cite("talent.potential_weights"))
    if missing or stale:
        outcome.update(
            status="DATA_INCOMPLETE", placed=False, unverified_parameters=unverified(lookup)
        )
        parts_id = ([f"tidak ada: {', '.join(missing)}"] if missing else []) + (
            [f"kedaluwarsa: {', '.join(stale)}"] if stale else []
        )
        parts_en = ([f"missing: {', '.join(missing)}"] if missing else []) + (
            [f"out of date: {', '.join(stale)}"] if stale else []
        )
        return Decision(
            rule=RULE,
            on=on,
            outcome=outcome,
            citations=list(dict.fromkeys(citations)),
            explanation_id="Data tidak lengkap, pegawai belum dapat dipetakan ("
            + "; ".join(parts_id)
            + ").",
            explanation_en="Data incomplete, the employee cannot be placed yet ("
            + "; ".join(parts_en)
            + ").",
            parameters_used=lookup.records,
        )
    perf: ExpectationRating = performance["level"]
    pot: PotentialLevel = potential["level"]
    number = params.box_by_cell[(perf, pot)]
    entry = params.boxes[str(number)]
    citations.insert(2, lookup.cite("talent.boxes"))
    outcome.update(
        box=number,
        succession_candidate=bool(entry["succession_candidate"]),
        label_id=entry["label_id"],
        label_en=entry["label_en"],
        recommendation_id=list(entry["recommendation_id"]),
        recommendation_en=list(entry["recommendation_en"]),
        unverified_parameters=unverified(lookup),
    )
    how_id = (
        f"skor potensial {outcome['potential_score']:.2f}".replace(".", ",")
        if potential["method"] == "SCORES"
        else "potensial hasil penilaian"
    )
    how_en = (
        f"potential score {outcome['potential_score']:.2f}"
        if potential["method"] == "SCORES"
        else "assessed potential"
    )
    return Decision(
        rule=RULE,
        on=on,
        outcome=outcome,
        citations=list(dict.fromkeys(citations)),
        explanation_id=f"Kotak {number}: {entry['label_id'].lower()} ({how_id}).",
        explanation_en=f"Box {number}: {entry['label_en'].lower()} ({how_en}).",
        parameters_used=lookup.records,
    )
