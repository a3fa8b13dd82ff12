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
The rule form is in ``distribution_rule``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from simasn.law.decision import used
from simasn.law.enums import OrganisationRating, PerformanceRating
from simasn.law.parameters import version
from simasn.law.rules._columns import as_array, codes_to_index, same_length
from simasn.law.rules._support import fmt_percent

LIMITS = "performance.distribution_limits"
KINDS = ("max_percent", "min_percent", "min_count", "max_count")
PREDIKAT = list(PerformanceRating)


@dataclass(frozen=True)
class Limit:
    """One limit of ``performance.distribution_limits``, read once per date."""

    code: str
    ratings: tuple[PerformanceRating, ...]
    kind: str  # max_percent | min_percent | min_count | max_count
    bound: Fraction  # the percent, or the head-count
    names_id: str  # "Butuh Perbaikan atau Kurang/Misconduct"
    names_en: str

    @classmethod
    def read(cls, entry: Mapping[str, Any], labels: Mapping[str, Any]) -> Limit:
        kinds = [k for k in KINDS if k in entry]
        if len(kinds) != 1:
            raise ValueError(
                f"limit {entry.get('code')!r} must have exactly one bound, has {kinds}"
            )
        ratings = tuple(PerformanceRating(code) for code in entry["ratings"])
        return cls(
            code=str(entry["code"]),
            ratings=ratings,
            kind=kinds[0],
            bound=Fraction(str(entry[kinds[0]])),
            names_id=" atau ".join(str(labels[r.value]["label_id"]) for r in ratings),
            names_en=" or ".join(str(labels[r.value]["label_en"]) for r in ratings),
        )

    def apply(self, count: int, total: int) -> LimitResult:
        """How ``count`` of ``total`` people fare: the allowed (ceiling) or required (floor)
        head-count, and by how many people the limit fails (exact integer arithmetic)."""
        num, den = self.bound.numerator, self.bound.denominator
        if self.kind == "max_percent":
            allowed = (num * total) // (100 * den)
            people = max(0, count - allowed)
        elif self.kind == "min_percent":
            allowed = -((-num * total) // (100 * den))
            people = max(0, allowed - count)
        elif self.kind == "min_count":
            allowed = num // den
            people = max(0, allowed - count)
        else:
            allowed = num // den
            people = max(0, count - allowed)
        return LimitResult(self, count, total, allowed, people)

    @property
    def positions(self) -> tuple[int, ...]:
        """The ratings' positions in ``PerformanceRating`` order."""
        return tuple(PREDIKAT.index(r) for r in self.ratings)


@dataclass(frozen=True)
class LimitResult:
    """One limit applied to one unit's counts. The messages are built when read (a
    national roll-up checks tens of thousands of units and reads few messages)."""

    limit: Limit
    actual_count: int
    total: int
    bound_people: int  # most people allowed (ceilings) or fewest required (floors)
    people: int  # by how many people the limit fails; 0 when it holds

    @property
    def code(self) -> str:
        return self.limit.code

    @property
    def ratings(self) -> tuple[PerformanceRating, ...]:
        return self.limit.ratings

    @property
    def kind(self) -> str:
        return self.limit.kind

    @property
    def bound(self) -> Fraction:
        return self.limit.bound

    @property
    def ok(self) -> bool:
        return self.people == 0

    @property
    def actual_percent(self) -> float:
        return 0.0 if self.total == 0 else 100.0 * self.actual_count / self.total

    @property
    def message_id(self) -> str:
        return self._message("id")

    @property
    def message_en(self) -> str:
        return self._message("en")

    def _message(self, language: str) -> str:
        limit, allowed, people = self.limit, self.bound_people, self.people
        names = limit.names_id if language == "id" else limit.names_en
        share = fmt_percent(
            Fraction(100 * self.actual_count, self.total) if self.total else 0, language
        )
        if language == "id":
            head = {
                "max_percent": f"{names} paling banyak {fmt_percent(limit.bound)}",
                "min_percent": f"{names} paling sedikit {fmt_percent(limit.bound)}",
                "min_count": f"harus ada {names} (paling sedikit {allowed} orang)",
                "max_count": f"tidak boleh ada {names}"
                if allowed == 0
                else f"{names} paling banyak {allowed} orang",
            }[limit.kind]
            counted = f"{self.actual_count} dari {self.total} orang = {share}"
            if people == 0:
                text = f"{head}: terpenuhi ({counted})."
            elif limit.kind in ("max_percent", "max_count"):
                text = (
                    f"{head}: kelebihan {people} orang ({counted}; paling banyak {allowed} orang)."
                )
            else:
                text = f"{head}: kekurangan {people} orang ({counted}; paling sedikit {allowed} orang)."
        else:
            head = {
                "max_percent": f"{names} at most {fmt_percent(limit.bound, 'en')}",
                "min_percent": f"{names} at least {fmt_percent(limit.bound, 'en')}",
                "min_count": f"there must be {names} "
                f"(at least {allowed} {'person' if allowed == 1 else 'people'})",
                "max_count": f"no {names} allowed"
                if allowed == 0
                else f"{names} at most {allowed} people",
            }[limit.kind]
            counted = f"{self.actual_count} of {self.total} people = {share}"
            if people == 0:
                text = f"{head}: met ({counted})."
            elif limit.kind in ("max_percent", "max_count"):
                text = f"{head}: {people} too many ({counted}; at most {allowed})."
            else:
                text = f"{head}: {people} too few ({counted}; at least {allowed})."
        return text[0].upper() + text[1:]

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


def _normal_counts(counts: Mapping[Any, int]) -> list[int]:
    """Counts in ``PerformanceRating`` order, checked."""
    normal = [0] * len(PREDIKAT)
    for key, value in counts.items():
        rating = key if isinstance(key, PerformanceRating) else PerformanceRating(str(key))
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ValueError(f"count of {rating.value} must be a whole number >= 0, not {value!r}")
        normal[PREDIKAT.index(rating)] += value
    return normal


class DistributionChecker:
    """``check_distribution`` with the parameters in force on one date read once.

    Raises ``ParameterGapError`` when no limits are in force on that date."""

    def __init__(self, on: dt.date) -> None:
        self.on = on
        self.version = version(LIMITS, on)
        labels = {e["code"]: e for e in version("performance.employee_ratings", on).value}
        self.limits = {
            OrganisationRating(rating): [Limit.read(entry, labels) for entry in entries]
            for rating, entries in self.version.value.items()
        }
        self._compiled = {r: [(lim, lim.positions) for lim in ls] for r, ls in self.limits.items()}
        self._cite = {r: self.version.reference_for(r).cite() for r in self.limits}
        self._used = {r: used(self.version, r) for r in self.limits}

    def check_counts(self, counts: list[int], rating: OrganisationRating) -> DistributionCheck:
        """``counts`` in ``PerformanceRating`` order (no checking: the caller made them)."""
        total = sum(counts)
        results = (
            tuple(
                limit.apply(sum(counts[i] for i in positions), total)
                for limit, positions in self._compiled[rating]
            )
            if total
            else ()
        )
        return DistributionCheck(
            rating, self.on, total, results, self._cite[rating], self._used[rating]
        )

    def __call__(
        self, counts: Mapping[Any, int], organisation_rating: OrganisationRating | str
    ) -> DistributionCheck:
        return self.check_counts(_normal_counts(counts), OrganisationRating(organisation_rating))


def distribution_checker(on: dt.date) -> DistributionChecker:
    """A checker with the parameters in force on ``on`` read once (for many units)."""
    return DistributionChecker(on)


def check_distribution(
    counts: Mapping[Any, int], organisation_rating: OrganisationRating | str, on: dt.date
) -> DistributionCheck:
    """Check one unit's predikat counts (``{PerformanceRating or code: count}``) against the
    limits its organisation rating sets on ``on``. A unit nobody was rated in is ``ok`` with
    no limits applied."""
    return DistributionChecker(on)(counts, organisation_rating)


def check_distribution_columns(
    *,
    unit: Any,
    rating: Any,
    organisation_rating: Mapping[Any, OrganisationRating | str],
    on: dt.date,
) -> dict[Any, DistributionCheck]:
    """Every unit's check from two columns of equal length — the unit of each employee and
    the employee's predikat code (Arrow arrays, or anything ``pyarrow.array`` takes; null or
    unknown predikat are not counted) — and the rating of each unit. Units without an
    organisation rating are left out of the answer (nothing to check them against)."""
    import numpy as np
    import pyarrow.compute as pc

    same_length(unit=unit, rating=rating)
    checker = DistributionChecker(on)
    encoded = pc.dictionary_encode(as_array(unit))
    units = encoded.dictionary.to_pylist()
    row = np.asarray(encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False), dtype=np.int64)
    code = np.asarray(
        codes_to_index(rating, [r.value for r in PREDIKAT])
        .fill_null(-1)
        .to_numpy(zero_copy_only=False),
        dtype=np.int64,
    )
    keep = (row >= 0) & (code >= 0)
    width = len(PREDIKAT)
    flat = np.bincount(row[keep] * width + code[keep], minlength=len(units) * width)
    table: list[list[int]] = flat.reshape(len(units), width).tolist()
    position = {u: i for i, u in enumerate(units)}
    empty = [0] * width
    return {
        unit_id: checker.check_counts(
            table[position[unit_id]] if unit_id in position else empty,
            OrganisationRating(org_rating),
        )
        for unit_id, org_rating in organisation_rating.items()
    }
