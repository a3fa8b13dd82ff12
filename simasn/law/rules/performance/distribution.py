"""``performance.distribution`` — the limits an organisation's rating puts on its employees'.

PermenPANRB 6/2022 (Lampiran, "pola distribusi predikat kinerja pegawai"): the predikat
kinerja organisasi bounds the share of the unit's employees in each predikat (parameter
``performance.distribution_limits``). A limit is a ceiling or a floor on a share, or on a
head-count ("harus ada" = at least one; "tidak ada" = none).

Shares are compared exactly — ``count x 100 <= percent x total`` — so nothing is rounded:
with 7 employees and a 70 % ceiling, 4.9 people are allowed, hence 4. A failing limit says
by how many people it fails: the excess over ``floor(percent x total / 100)`` for a
ceiling, the shortfall under ``ceil(percent x total / 100)`` for a floor.

``check_distribution`` is the set-level entry point an app calls before it finalises a
unit's ratings; ``distribution_checker(on)`` reads the parameters once for many units;
``check_distribution_columns`` counts whole columns (every unit of the national roll-up).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from pydantic import field_validator

from simasn.law.decision import Decision, Facts, _coerce_enum, used
from simasn.law.enums import OrganisationRating, PerformanceRating
from simasn.law.parameters import ParameterGapError, version
from simasn.law.rules._columns import as_array
from simasn.law.rules._support import Lookup, fmt_percent, gap_review, unverified

RULE = "performance.distribution"
LIMITS = "performance.distribution_limits"


@dataclass(frozen=True)
class LimitResult:
    """One limit applied to one unit's counts."""

    code: str
    ratings: tuple[PerformanceRating, ...]
    kind: str  # max_percent | min_percent | min_count | max_count
    bound: Fraction  # the percent, or the head-count
    actual_count: int
    total: int
    bound_people: int  # most people allowed (ceilings) or fewest required (floors)
    people: int  # by how many people the limit fails; 0 when it holds
    message_id: str
    message_en: str

    @property
    def ok(self) -> bool:
        return self.people == 0

    @property
    def actual_percent(self) -> float:
        return 0.0 if self.total == 0 else 100.0 * self.actual_count / self.total

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "ratings": [r.value for r in self.ratings],
            "kind": self.kind,
            "bound": int(self.bound) if self.bound.denominator == 1 else float(self.bound),
            "actual_count": self.actual_count,
            "actual_percent": round(self.actual_percent, 2),
            "total": self.total,
            "bound_people": self.bound_people,
            "people": self.people,
            "ok": self.ok,
            "message_id": self.message_id,
            "message_en": self.message_en,
        }


@dataclass(frozen=True)
class DistributionCheck:
    """The answer for one unit: ``ok``, and every limit with how it fared."""

    organisation_rating: OrganisationRating
    on: dt.date
    total: int
    limits: tuple[LimitResult, ...]
    citation: str
    parameter: dict[str, Any] = field(default_factory=dict)  # the version used (audit)

    @property
    def ok(self) -> bool:
        return all(limit.ok for limit in self.limits)

    @property
    def failures(self) -> tuple[LimitResult, ...]:
        return tuple(limit for limit in self.limits if not limit.ok)

    def to_dict(self) -> dict[str, Any]:
        return {
            "organisation_rating": self.organisation_rating.value,
            "on": self.on.isoformat(),
            "total": self.total,
            "ok": self.ok,
            "failing_limits": [f.code for f in self.failures],
            "limits": [limit.to_dict() for limit in self.limits],
            "citation": self.citation,
        }


def _names(
    ratings: Iterable[PerformanceRating], labels: Mapping[str, Any], key: str, joiner: str
) -> str:
    return joiner.join(str(labels[r.value][key]) for r in ratings)


def _apply(
    limit: Mapping[str, Any],
    counts: Mapping[PerformanceRating, int],
    total: int,
    labels: Mapping[str, Any],
) -> LimitResult:
    ratings = tuple(PerformanceRating(code) for code in limit["ratings"])
    count = sum(counts.get(r, 0) for r in ratings)
    names_id = _names(ratings, labels, "label_id", " atau ")
    names_en = _names(ratings, labels, "label_en", " or ")
    kinds = [k for k in ("max_percent", "min_percent", "min_count", "max_count") if k in limit]
    if len(kinds) != 1:
        raise ValueError(f"limit {limit.get('code')!r} must have exactly one bound, has {kinds}")
    kind = kinds[0]
    bound = Fraction(str(limit[kind]))
    if kind == "max_percent":
        allowed = math.floor(bound * total / 100)
        people = max(0, count - allowed)
        head_id = f"{names_id} paling banyak {fmt_percent(bound)}"
        head_en = f"{names_en} at most {fmt_percent(bound, 'en')}"
    elif kind == "min_percent":
        allowed = math.ceil(bound * total / 100)
        people = max(0, allowed - count)
        head_id = f"{names_id} paling sedikit {fmt_percent(bound)}"
        head_en = f"{names_en} at least {fmt_percent(bound, 'en')}"
    elif kind == "min_count":
        allowed = int(bound)
        people = max(0, allowed - count)
        head_id = f"harus ada {names_id} (paling sedikit {allowed} orang)"
        head_en = f"there must be {names_en} (at least {allowed} {'person' if allowed == 1 else 'people'})"
    else:
        allowed = int(bound)
        people = max(0, count - allowed)
        head_id = (
            f"tidak boleh ada {names_id}"
            if allowed == 0
            else f"{names_id} paling banyak {allowed} orang"
        )
        head_en = (
            f"no {names_en} allowed" if allowed == 0 else f"{names_en} at most {allowed} people"
        )
    share_id = (
        f"{count} dari {total} orang = {fmt_percent(Fraction(100 * count, total) if total else 0)}"
    )
    share_en = f"{count} of {total} people = {fmt_percent(Fraction(100 * count, total) if total else 0, 'en')}"
    if people == 0:
        message_id = f"{head_id}: terpenuhi ({share_id})."
        message_en = f"{head_en}: met ({share_en})."
    elif kind in ("max_percent", "max_count"):
        message_id = (
            f"{head_id}: kelebihan {people} orang ({share_id}; paling banyak {allowed} orang)."
        )
        message_en = f"{head_en}: {people} too many ({share_en}; at most {allowed})."
    else:
        message_id = (
            f"{head_id}: kekurangan {people} orang ({share_id}; paling sedikit {allowed} orang)."
        )
        message_en = f"{head_en}: {people} too few ({share_en}; at least {allowed})."
    return LimitResult(
        code=str(limit["code"]),
        ratings=ratings,
        kind=kind,
        bound=bound,
        actual_count=count,
        total=total,
        bound_people=allowed,
        people=people,
        message_id=message_id[0].upper() + message_id[1:],
        message_en=message_en[0].upper() + message_en[1:],
    )


def _normal_counts(counts: Mapping[Any, int]) -> dict[PerformanceRating, int]:
    normal: dict[PerformanceRating, int] = {}
    for key, value in counts.items():
        rating = key if isinstance(key, PerformanceRating) else PerformanceRating(str(key))
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ValueError(f"count of {rating.value} must be a whole number >= 0, not {value!r}")
        normal[rating] = normal.get(rating, 0) + value
    return normal


def distribution_checker(
    on: dt.date,
) -> Callable[[Mapping[Any, int], OrganisationRating | str], DistributionCheck]:
    """``check_distribution`` with the parameters in force on ``on`` read once, now.

    Raises ``ParameterGapError`` when no limits are in force on ``on``."""
    limits_version = version(LIMITS, on)
    labels = {e["code"]: e for e in version("performance.employee_ratings", on).value}

    def check(
        counts: Mapping[Any, int], organisation_rating: OrganisationRating | str
    ) -> DistributionCheck:
        rating = OrganisationRating(organisation_rating)
        normal = _normal_counts(counts)
        total = sum(normal.values())
        results = (
            tuple(
                _apply(limit, normal, total, labels) for limit in limits_version.value[rating.value]
            )
            if total
            else ()
        )
        return DistributionCheck(
            organisation_rating=rating,
            on=on,
            total=total,
            limits=results,
            citation=limits_version.reference_for(rating).cite(),
            parameter=used(limits_version, rating),
        )

    return check


def check_distribution(
    counts: Mapping[Any, int], organisation_rating: OrganisationRating | str, on: dt.date
) -> DistributionCheck:
    """Check one unit's predikat counts (``{PerformanceRating or code: count}``) against the
    limits its organisation rating sets on ``on``. A unit nobody was rated in is ``ok`` with
    no limits applied."""
    return distribution_checker(on)(counts, organisation_rating)


def check_distribution_columns(
    *,
    unit: Any,
    rating: Any,
    organisation_rating: Mapping[Any, OrganisationRating | str],
    on: dt.date,
) -> dict[Any, DistributionCheck]:
    """Every unit's check from two columns of equal length — the unit of each employee and
    the employee's predikat code (Arrow arrays, or anything ``pyarrow.array`` takes; null
    predikat are not counted) — and the rating of each unit. Units without an organisation
    rating are left out of the answer (nothing to check them against)."""
    import pyarrow as pa

    table = pa.table({"unit": as_array(unit), "rating": as_array(rating)})
    grouped = (
        table.filter(table["rating"].is_valid())
        .group_by(["unit", "rating"])
        .aggregate([([], "count_all")])
    )
    counts: dict[Any, dict[str, int]] = {}
    for unit_id, code, number in zip(
        grouped["unit"].to_pylist(),
        grouped["rating"].to_pylist(),
        grouped["count_all"].to_pylist(),
        strict=True,
    ):
        counts.setdefault(unit_id, {})[str(code)] = int(number)
    check = distribution_checker(on)
    return {
        unit_id: check(counts.get(unit_id, {}), org_rating)
        for unit_id, org_rating in organisation_rating.items()
    }


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
