"""rewards.satyalancana — eligibility for the Satyalancana Karya Satya, one PNS or many.

PP 25/1994 (Tanda Kehormatan Satyalancana Karya Satya, applied under UU 20/2009 and PP
35/2010): Pasal 2 (classes X, XX, XXX), Pasal 4 ayat (1) (given to a PNS), ayat (2)
(10, 20, 30 years of continuous work), ayat (3) (no medium or heavy disciplinary
penalty in that period). The assessment itself is
:mod:`simasn.law.rules.rewards.satyalancana_core`; this module turns facts into a
record and the result into a Decision, and offers the set-level functions an app calls
for every employee of an agency.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from simasn.law.decision import Decision, Facts
from simasn.law.enums import (
    DisciplineLevel,
    EmployeeType,
    SatyalancanaClass,
    TemporaryDismissalReason,
)
from simasn.law.parameters import ParameterGapError
from simasn.law.rules._support import (
    Lookup,
    check_date_range,
    fmt_date_en,
    fmt_date_id,
    gap_review,
)
from simasn.law.rules.rewards.satyalancana_core import (
    PenaltyOnRecord,
    SatyalancanaLaw,
    SatyalancanaRecord,
    SatyalancanaResult,
    ServiceBreak,
    anniversary,
    assess,
    load_law,
)

RULE = "rewards.satyalancana"


class PenaltyFact(BaseModel):
    """A disciplinary penalty on record. As text: ``2019-05-01 SEDANG [2020-04-30]``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    date: dt.date = Field(description="the day the penalty took effect")
    level: DisciplineLevel
    ends_on: dt.date | None = Field(default=None, description="the last day of the penalty")

    @model_validator(mode="after")
    def _dates(self) -> PenaltyFact:
        check_date_range(self)
        if self.ends_on is not None and self.ends_on < self.date:
            raise ValueError("ends_on cannot be before date")
        return self


class BreakFact(BaseModel):
    """A temporary dismissal. As text: ``CUTI_DILUAR_TANGGUNGAN_NEGARA 2015-01-01 [2016-12-31]``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    reason: TemporaryDismissalReason
    start: dt.date
    end: dt.date | None = Field(default=None, description="the last day; empty while it lasts")

    @model_validator(mode="after")
    def _dates(self) -> BreakFact:
        check_date_range(self)
        if self.end is not None and self.end < self.start:
            raise ValueError("end cannot be before start")
        return self


def _from_text(raw: Any, names: tuple[str, ...]) -> Any:
    """``"2019-05-01 SEDANG"`` → ``{"date": ..., "level": ...}`` (the /hukum/ form sends text)."""
    if not isinstance(raw, str):
        return raw
    parts = raw.replace(",", " ").split()
    return dict(zip(names, parts, strict=False))


class SatyalancanaFacts(Facts):
    employee_type: EmployeeType = EmployeeType.PNS
    tmt_cpns: dt.date
    penalties: list[PenaltyFact] = Field(default_factory=list)
    interruptions: list[BreakFact] = Field(default_factory=list)
    awarded: list[SatyalancanaClass] = Field(default_factory=list)

    @field_validator("penalties", mode="before")
    @classmethod
    def _penalties_from_text(cls, raw: Any) -> Any:
        if isinstance(raw, list):
            return [_from_text(item, ("date", "level", "ends_on")) for item in raw]
        return raw

    @field_validator("interruptions", mode="before")
    @classmethod
    def _breaks_from_text(cls, raw: Any) -> Any:
        if isinstance(raw, list):
            return [_from_text(item, ("reason", "start", "end")) for item in raw]
        return raw

    @model_validator(mode="after")
    def _dates(self) -> SatyalancanaFacts:
        check_date_range(self)
        return self

    def record(self, employee_id: Any = None) -> SatyalancanaRecord:
        return SatyalancanaRecord(
            employee_id=employee_id,
            tmt_cpns=self.tmt_cpns,
            employee_type=self.employee_type.value,
            penalties=tuple(PenaltyOnRecord(p.date, p.level.value, p.ends_on) for p in self.penalties),
            breaks=tuple(ServiceBreak(b.reason.value, b.start, b.end) for b in self.interruptions),
            awarded=tuple(c.value for c in self.awarded),
        )


REASONS = {
    "ELIGIBLE": ("memenuhi syarat", "eligible"),
    "NOT_YET": ("masa kerja belum cukup", "not enough years of service yet"),
    "NOT_YET_SERVING": ("belum menjadi CPNS", "not yet a CPNS"),
    "ALL_AWARDED": ("semua kelas sudah diterima", "every class already awarded"),
    "BARRED_BY_PENALTY": (
        "pernah dijatuhi hukuman disiplin tingkat sedang atau berat dalam masa kerja yang dihitung",
        "a medium or heavy disciplinary penalty within the counted service",
    ),
    "INTERRUPTED": ("sedang diberhentikan sementara atau cuti di luar tanggungan negara",
                    "currently suspended or on unpaid leave"),
}


def _citations(lookup: Lookup, result: SatyalancanaResult, facts: SatyalancanaFacts) -> list[str]:
    citations = [lookup.cite("rewards.satyalancana.employee_types")]
    for code in result.eligible_classes or ((result.next_class,) if result.next_class else ()):
        citations.append(lookup.cite("rewards.satyalancana.classes", code))
    if not result.eligible_classes and not result.next_class:
        citations.append(lookup.cite("rewards.satyalancana.classes"))
    if facts.penalties:
        citations.append(lookup.cite("rewards.satyalancana.disqualifying_levels"))
    if result.readings or facts.penalties:
        citations.append(lookup.cite("rewards.satyalancana.service_counting"))
    for gap in facts.interruptions:
        citations.append(lookup.cite("rewards.satyalancana.interruptions", gap.reason))
    return list(dict.fromkeys(citations))


def satyalancana(facts: SatyalancanaFacts, on: dt.date) -> Decision:
    """Which class of the Satyalancana Karya Satya a PNS may be proposed for — PP 25/1994."""
    lookup = Lookup(on)
    try:
        law = load_law(lookup)
    except ParameterGapError as error:
        return gap_review(RULE, lookup, error)
    result = assess(facts.record(), law, on)
    outcome: dict[str, Any] = {
        "eligible_classes": list(result.eligible_classes),
        "eligible_class": result.eligible_class,
        "next_class": result.next_class,
        "next_class_on": result.next_class_on,
        "reason": result.reason,
    }
    if result.readings:
        outcome["readings"] = [
            {
                "penalty_reading": r.penalty_reading,
                "interruption_reading": r.break_reading,
                "eligible_classes": list(r.eligible_classes),
                "counted_from": r.counted_from,
            }
            for r in result.readings
        ]
    citations = _citations(lookup, result, facts)
    review_reason = None
    if result.reason == "NOT_PNS":
        review_reason = (
            "PP 25/1994 Pasal 4 ayat (1) gives the Satyalancana Karya Satya to a PNS; PPPK did "
            "not exist then, and whether their service counts is not settled."
        )
        explanation_id = ("Perlu telaah hukum: PP 25/1994 memberikan Satyalancana Karya Satya "
                          "kepada PNS; status PPPK belum diatur.")
        explanation_en = f"Needs legal review: {review_reason}"
    elif result.reason == "READINGS_DIFFER":
        review_reason = (
            "the readings of PP 25/1994 Pasal 4 ayat (2)-(3) on an old penalty or a break in "
            "service give different classes: " + "; ".join(
                f"{r.penalty_reading or '-'}/{r.break_reading or '-'}: "
                f"{', '.join(r.eligible_classes) or 'none'}" for r in result.readings)
        )
        explanation_id = ("Perlu telaah hukum: tafsiran atas hukuman disiplin lama atau jeda masa "
                          "kerja menghasilkan kelas yang berbeda.")
        explanation_en = f"Needs legal review: {review_reason}."
    elif result.eligible_classes:
        names = ", ".join(result.eligible_classes)
        explanation_id = f"Memenuhi syarat Satyalancana Karya Satya {names} (TMT CPNS {fmt_date_id(facts.tmt_cpns)})."
        explanation_en = f"Eligible for the Satyalancana Karya Satya {names} (TMT CPNS {fmt_date_en(facts.tmt_cpns)})."
    else:
        why_id, why_en = REASONS[result.reason]
        explanation_id = f"Belum dapat diusulkan: {why_id}."
        explanation_en = f"Cannot be proposed: {why_en}."
        if result.next_class and result.next_class_on:
            explanation_id += f" Kelas {result.next_class} pada {fmt_date_id(result.next_class_on)}."
            explanation_en += f" Class {result.next_class} on {fmt_date_en(result.next_class_on)}."
    return Decision(
        rule=RULE,
        on=on,
        outcome=outcome,
        citations=citations,
        explanation_id=explanation_id,
        explanation_en=explanation_en,
        needs_legal_review=result.needs_legal_review,
        review_reason=review_reason,
        parameters_used=lookup.records,
    )


# ------------------------------------------------------------------- set level


def satyalancana_assessor(on: dt.date) -> Callable[[SatyalancanaRecord], SatyalancanaResult]:
    """The assessment with the parameters in force on ``on`` read once, for many records.

    Raises ParameterGapError when the law has no value on that day.
    """
    law: SatyalancanaLaw = load_law(Lookup(on))

    def run(record: SatyalancanaRecord) -> SatyalancanaResult:
        return assess(record, law, on)

    return run


def satyalancana_candidates(
    records: Iterable[SatyalancanaRecord], *, on: dt.date, include_all: bool = False
) -> list[SatyalancanaResult]:
    """Every employee to propose (or to review) on ``on``; ``include_all`` keeps the rest.

    The same assessment as rule ``rewards.satyalancana``, record by record.
    """
    run = satyalancana_assessor(on)
    results = (run(record) for record in records)
    return [r for r in results if include_all or r.eligible_classes or r.needs_legal_review]


def satyalancana_tmt_cutoffs(on: dt.date) -> dict[str, dt.date]:
    """For each class, the latest TMT CPNS that can have its years by ``on``.

    An app narrows a national table with ``tmt_cpns <= cutoff`` before building records
    (breaks only make service shorter, so nobody eligible is left out).
    """
    law = load_law(Lookup(on))
    cutoffs: dict[str, dt.date] = {}
    for code, years in law.classes:
        candidate = anniversary(on, -years)
        while anniversary(candidate, years) > on:
            candidate -= dt.timedelta(days=1)
        cutoffs[code] = candidate
    return cutoffs
