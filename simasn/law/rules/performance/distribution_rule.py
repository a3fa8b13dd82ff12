"""``performance.distribution`` — the rule form of ``check_distribution``
(PermenPANRB 6/2022 Lampiran): the facts are an organisation rating and a unit's counts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import field_validator

from simasn.law.decision import Decision, Facts, _coerce_enum
from simasn.law.enums import OrganisationRating, PerformanceRating
from simasn.law.parameters import ParameterGapError
from simasn.law.rules._support import Lookup, gap_review, unverified
from simasn.law.rules.performance.distribution import LIMITS, check_distribution

RULE = "performance.distribution"


class DistributionFacts(Facts):
    organisation_rating: OrganisationRating
    counts: dict[PerformanceRating, int]

    @field_validator("counts", mode="before")
    @classmethod
    def _codes(cls, raw: Any) -> Any:
        if isinstance(raw, dict):
            return {
                _coerce_enum(PerformanceRating, k) if isinstance(k, str) else k: v
                for k, v in raw.items()
            }
        return raw

    @field_validator("counts")
    @classmethod
    def _whole(cls, counts: dict[PerformanceRating, int]) -> dict[PerformanceRating, int]:
        if any(value < 0 for value in counts.values()):
            raise ValueError("counts must be >= 0")
        return counts


def distribution(facts: DistributionFacts, on: dt.date) -> Decision:
    """The rule form of :func:`check_distribution` — PermenPANRB 6/2022 Lampiran."""
    lookup = Lookup(on)
    try:
        lookup.version(LIMITS, facts.organisation_rating)
        lookup.version("performance.employee_ratings")
        result = check_distribution(facts.counts, facts.organisation_rating, on)
    except ParameterGapError as error:
        return gap_review(RULE, lookup, error)
    failures = result.failures
    if result.total == 0:
        explanation_id = (
            "Tidak ada pegawai yang dinilai; tidak ada batas distribusi yang diperiksa."
        )
        explanation_en = "Nobody was rated; no distribution limit was checked."
    elif result.ok:
        explanation_id = "Distribusi predikat memenuhi semua batas: " + " ".join(
            limit.message_id for limit in result.limits
        )
        explanation_en = "The distribution meets every limit: " + " ".join(
            limit.message_en for limit in result.limits
        )
    else:
        explanation_id = "Distribusi predikat tidak memenuhi batas: " + " ".join(
            f.message_id for f in failures
        )
        explanation_en = "The distribution fails: " + " ".join(f.message_en for f in failures)
    return Decision(
        rule=RULE,
        on=on,
        outcome={
            "ok": result.ok,
            "total": result.total,
            "failing_limits": [f.code for f in failures],
            "people": {f.code: f.people for f in failures},
            "messages_id": [f.message_id for f in failures],
            "messages_en": [f.message_en for f in failures],
            "limits": [limit.to_dict() for limit in result.limits],
            "unverified_parameters": unverified(lookup),
        },
        citations=[result.citation],
        explanation_id=explanation_id,
        explanation_en=explanation_en,
        parameters_used=lookup.records,
    )
