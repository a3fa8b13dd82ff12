"""``performance.tidak_berkinerja`` — the dismissal ground "tidak berkinerja".

UU 20/2023 Pasal 52 ayat (3) huruf f makes "tidak berkinerja" a ground of dismissal not on
own request (honourable: it is not in ayat (4)); Pasal 44 ayat (2) makes performance results
a condition or consideration for sanctions; Pasal 45 leaves the details to a Peraturan
Pemerintah. No implementing text found sets a threshold:

- PNS — PP 30/2019 Pasal 56: an official who does not meet the performance target *may*
  be sanctioned up to dismissal; no number of years;
- PPPK — PP 49/2018 Pasal 37 ayat (1): a contract is extended on the performance
  assessment, so a poor rating may end it at its term.

The readings are data (``performance.tidak_berkinerja_readings``). A history that meets
none of them is not a case (``tidak_berkinerja: false``); one that meets any is a case for
a human decision: the rule answers ``needs_legal_review`` with the readings it meets and
never decides the dismissal itself.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import Field, model_validator

from simasn.law.decision import Decision, Facts
from simasn.law.enums import EmployeeType, PerformanceRating
from simasn.law.parameters import ParameterGapError, Reference
from simasn.law.rules._support import (
    Lookup,
    gap_review,
    pasal,
    require_uu_20_2023,
    review,
    unverified,
)
from simasn.law.rules.performance._common import label_en, label_id, labels

RULE = "performance.tidak_berkinerja"
READINGS = "performance.tidak_berkinerja_readings"
MEETS_TARGET = (PerformanceRating.SANGAT_BAIK, PerformanceRating.BAIK)


class AnnualRating(Facts):
    year: int = Field(ge=1900, le=2200)
    rating: PerformanceRating


class TidakBerkinerjaFacts(Facts):
    employee_type: EmployeeType
    annual_ratings: list[AnnualRating] = Field(min_length=1)

    @model_validator(mode="after")
    def _one_per_year(self) -> TidakBerkinerjaFacts:
        years = [entry.year for entry in self.annual_ratings]
        if len(years) != len(set(years)):
            raise ValueError("annual_ratings has two ratings for the same year")
        return self


def _streak(history: list[AnnualRating], ratings: set[PerformanceRating]) -> int:
    """How many consecutive years, from the latest back, have a rating in ``ratings``."""
    count = 0
    expected = history[0].year
    for entry in history:
        if entry.year != expected or entry.rating not in ratings:
            break
        count += 1
        expected -= 1
    return count


def tidak_berkinerja(facts: TidakBerkinerjaFacts, on: dt.date) -> Decision:
    """Which readings of Pasal 52 ayat (3) huruf f an annual-rating history meets."""
    lookup = Lookup(on)
    blocked = require_uu_20_2023(RULE, lookup)
    if blocked:
        return blocked
    try:
        readings = lookup.value(READINGS)
        table = labels(lookup)
    except ParameterGapError as error:
        return gap_review(RULE, lookup, error)
    history = sorted(facts.annual_ratings, key=lambda entry: entry.year, reverse=True)
    latest = history[0]
    below = _streak(history, set(PerformanceRating) - set(MEETS_TARGET))
    results: list[dict[str, Any]] = []
    citations = [pasal(52, 3, "f")]
    for reading in readings:
        if facts.employee_type.value not in reading["employee_types"]:
            continue
        streak = _streak(history, {PerformanceRating(r) for r in reading["ratings"]})
        citation = Reference(**reading["reference"]).cite()
        citations.append(citation)
        results.append(
            {
                "code": reading["code"],
                "met": streak >= int(reading["consecutive_years"]),
                "consecutive_years": streak,
                "consecutive_years_required": int(reading["consecutive_years"]),
                "consequence": reading["consequence"],
                "label_id": " ".join(str(reading["label_id"]).split()),
                "label_en": " ".join(str(reading["label_en"]).split()),
                "citation": citation,
            }
        )
    met = [r for r in results if r["met"]]
    outcome = {
        "tidak_berkinerja": None if met else False,
        "candidate": bool(met),
        "readings_met": [r["code"] for r in met],
        "readings": results,
        "latest_year": latest.year,
        "latest_rating": latest.rating,
        "consecutive_years_below_baik": below,
        "unverified_parameters": unverified(lookup),
    }
    latest_id = f"{latest.year}: {label_id(table, latest.rating.value)}"
    latest_en = f"{latest.year}: {label_en(table, latest.rating.value)}"
    if not met:
        return Decision(
            rule=RULE,
            on=on,
            outcome=outcome,
            citations=list(dict.fromkeys(citations)),
            explanation_id=(
                f"Predikat tahunan terakhir ({latest_id}) tidak memenuhi bacaan mana pun atas "
                'alasan "tidak berkinerja"; bukan kasus pemberhentian karena kinerja.'
            ),
            explanation_en=(
                f'The latest annual rating ({latest_en}) meets no reading of the "not '
                'performing" ground; not a performance dismissal case.'
            ),
            parameters_used=lookup.records,
        )
    codes = ", ".join(r["code"] for r in met)
    return review(
        RULE,
        on,
        f"the latest annual rating ({latest_en}, {below} consecutive year(s) below Good) "
        f"meets reading(s) {codes} of UU 20/2023 Pasal 52(3)(f), but no implementing "
        'regulation found sets the threshold of "not performing" or makes a dismissal (or a '
        "contract's non-extension) follow from it; a human decides.",
        f"predikat tahunan terakhir ({latest_id}, {below} tahun berturut-turut di bawah Baik) "
        f"memenuhi bacaan {codes} atas UU 20/2023 Pasal 52 ayat (3) huruf f, tetapi tidak "
        'ada peraturan pelaksana yang ditemukan menetapkan ambang "tidak berkinerja" atau '
        "menjadikan pemberhentian (atau tidak diperpanjangnya perjanjian kerja) otomatis; "
        "diputuskan oleh pejabat.",
        citations=list(dict.fromkeys(citations)),
        outcome=outcome,
        lookup=lookup,
    )
