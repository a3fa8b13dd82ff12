"""The integrated final score and the final ranking of one formasi.

``selection.final_score`` — nilai akhir = SKD% x (SKD total / SKD maximum x 100) + SKB% x SKB
score (40 % and 60 %: PermenPANRB 27/2021; 6/2024), the SKB score being the weighted sum of
its components on a 0-100 scale with the weights the vacancy announcement states
(PermenPANRB 6/2024 Pasal 22 ayat (1)), or the CAT alone when no other test was held. The
score is exact (a fraction); components are taken to 2 decimals.

``selection.final_ranking`` — one formasi's SKB participants ordered by final score, then
by the regulation's tie-break (SKD total, TKP, TIU, TWK, IPK or certificate average, age —
the older first); the first ``seats`` are selected. Where applicants remain equal across
the seat boundary after every criterion, or their IPK and certificate averages cannot be
compared, the rule says "needs legal review" for them. The column-wise form for a whole
selection is :func:`simasn.law.rules.selection.columns.final_ranking_columns`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from simasn.law.decision import Decision, FactError, Facts, FactsError
from simasn.law.enums import SkbComponent, TieBreak
from simasn.law.rules._support import Lookup, review
from simasn.law.rules.selection._law import SKB_SCALE, SelectionLaw, law_for

FINAL_SCORE = "selection.final_score"
FINAL_RANKING = "selection.final_ranking"

#: why an applicant's place could not be decided
TIED_AFTER_ALL_CRITERIA = "TIED_AFTER_ALL_CRITERIA"
EDUCATION_NOT_COMPARABLE = "EDUCATION_NOT_COMPARABLE"


def _two_decimals(value: Decimal) -> Decimal:
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int) or exponent < -2:
        raise ValueError("at most 2 decimals")
    if not 0 <= value <= 100:
        raise ValueError("must be between 0 and 100")
    return value


class _Skb(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    skb: dict[SkbComponent, Decimal] | None = None

    @field_validator("skb")
    @classmethod
    def _scores(cls, raw: dict[SkbComponent, Decimal] | None) -> dict[SkbComponent, Decimal] | None:
        if raw is not None:
            if not raw:
                raise ValueError("give at least the CAT score")
            for value in raw.values():
                _two_decimals(value)
        return raw


def _check_weights(raw: dict[SkbComponent, int] | None) -> dict[SkbComponent, int] | None:
    if raw is not None and (any(not 0 <= w <= 100 for w in raw.values()) or sum(raw.values()) != 100):
        raise ValueError("the SKB weights must be percentages that add up to 100")
    return raw


class FinalScoreFacts(Facts):
    twk: int = Field(ge=0)
    tiu: int = Field(ge=0)
    tkp: int = Field(ge=0)
    skb: dict[SkbComponent, Decimal]
    skb_weights: dict[SkbComponent, int] | None = None

    @field_validator("skb")
    @classmethod
    def _scores(cls, raw: dict[SkbComponent, Decimal]) -> dict[SkbComponent, Decimal]:
        return _Skb._scores(raw) or {}

    @field_validator("skb_weights")
    @classmethod
    def _weights(cls, raw: dict[SkbComponent, int] | None) -> dict[SkbComponent, int] | None:
        return _check_weights(raw)


class FinalApplicant(_Skb):
    id: str
    twk: int = Field(ge=0)
    tiu: int = Field(ge=0)
    tkp: int = Field(ge=0)
    ipk: Decimal | None = Field(default=None, ge=0, le=4)
    ijazah_average: Decimal | None = Field(default=None, ge=0, le=100)
    birth_date: dt.date
    eliminated: bool = False  # failed an SKB test the announcement declared eliminating


class FinalRankingFacts(Facts):
    seats: int = Field(ge=1)
    applicants: list[FinalApplicant]
    skb_weights: dict[SkbComponent, int] | None = None

    @field_validator("skb_weights")
    @classmethod
    def _weights(cls, raw: dict[SkbComponent, int] | None) -> dict[SkbComponent, int] | None:
        return _check_weights(raw)

    @model_validator(mode="after")
    def _unique_ids(self) -> FinalRankingFacts:
        ids = [a.id for a in self.applicants]
        if len(set(ids)) != len(ids):
            raise ValueError("applicant ids must be unique")
        return self


def hundredths(value: Decimal) -> int:
    return int(value * SKB_SCALE)


def skb_weighted(weights: dict[SkbComponent, int], skb: dict[SkbComponent, Decimal]) -> int:
    """sum(weight% x score in hundredths) = SKB score x 100 x SKB_SCALE."""
    return sum(weights[c] * hundredths(skb[c]) for c in weights)


def _weights_for(rule: str, law: SelectionLaw, lookup: Lookup, announced: dict[SkbComponent, int] | None,
                 present: set[SkbComponent]) -> dict[SkbComponent, int] | Decision:
    weights = law.skb_weights(announced, present)
    if weights is None:
        return review(
            rule, lookup.on,
            "the SKB has components besides the CAT but no weights were given: their weights are "
            "the ones the vacancy announcement states.",
            "SKB memiliki komponen selain CAT tetapi bobotnya tidak diberikan: bobotnya adalah "
            "yang dimuat dalam pengumuman lowongan.",
            citations=[law.cite["selection.skb_weights_source"]], lookup=lookup,
        )
    if present and set(weights) != present:
        raise FactsError(rule, [FactError("skb_weights", "give a weight for each SKB component "
                                          "scored, and only for those")])
    return weights


def _fmt(score: Fraction) -> float:
    return round(float(score), 4)


def final_score(facts: FinalScoreFacts, on: dt.date) -> Decision:
    """The integrated SKD-SKB score of one applicant (PermenPANRB 27/2021; 6/2024)."""
    found = law_for(FINAL_SCORE, on, ("", facts.model_dump()))
    if isinstance(found, Decision):
        return found
    lookup, law = found
    total = facts.twk + facts.tiu + facts.tkp
    weights = _weights_for(FINAL_SCORE, law, lookup, facts.skb_weights, set(facts.skb))
    if isinstance(weights, Decision):
        return weights
    weighted = skb_weighted(weights, facts.skb)
    score = Fraction(law.final_numerator(total, weighted), law.score_denominator)
    skd_part = Fraction(law.weight_skd * total, law.skd_max)
    skb_score = Fraction(weighted, 100 * SKB_SCALE)
    return Decision(
        rule=FINAL_SCORE, on=on,
        outcome={
            "final_score": _fmt(score),
            "final_score_exact": f"{score.numerator}/{score.denominator}",
            "skd_total": total,
            "skd_part": _fmt(skd_part),
            "skb_score": _fmt(skb_score),
            "skb_part": _fmt(score - skd_part),
            "weights": {"SKD": law.weight_skd, "SKB": law.weight_skb},
            "skb_weights": weights,
        },
        citations=list(dict.fromkeys([law.cite["selection.integration_weights"], law.cite["selection.skd_structure"],
                                      law.cite["selection.skb_weights_source"]])),
        explanation_id=(
            f"Nilai akhir {_fmt(score)}: {law.weight_skd}% x {total}/{law.skd_max} x 100 + "
            f"{law.weight_skb}% x nilai SKB {_fmt(skb_score)}."
        ),
        explanation_en=(
            f"Final score {_fmt(score)}: {law.weight_skd}% x {total}/{law.skd_max} x 100 + "
            f"{law.weight_skb}% x SKB score {_fmt(skb_score)}."
        ),
        parameters_used=lookup.records,
    )


def _criterion(applicant: FinalApplicant, criterion: TieBreak) -> int:
    if criterion == TieBreak.SKD_TOTAL:
        return applicant.twk + applicant.tiu + applicant.tkp
    if criterion in (TieBreak.TKP, TieBreak.TIU, TieBreak.TWK):
        return int(getattr(applicant, criterion.value.lower()))
    if criterion == TieBreak.IPK_ATAU_NILAI_IJAZAH:
        value = applicant.ipk if applicant.ipk is not None else applicant.ijazah_average
        return hundredths(value) if value is not None else 0
    return -applicant.birth_date.toordinal()  # the older first


def _education_scale(applicant: FinalApplicant) -> int:
    if applicant.ipk is not None and applicant.ijazah_average is None:
        return 1
    if applicant.ijazah_average is not None and applicant.ipk is None:
        return 2
    return 0  # missing, or both given: cannot tell which the formasi compares


def rank_formasi(law: SelectionLaw, weights: dict[SkbComponent, int], seats: int,
                 applicants: list[FinalApplicant]) -> list[dict[str, Any]]:
    """Order one formasi's applicants; the plain-Python reference the column form must match."""
    scored = [a for a in applicants if a.skb is not None and not a.eliminated]
    final = {a.id: law.final_numerator(a.twk + a.tiu + a.tkp, skb_weighted(weights, a.skb or {}))
             for a in scored}
    # groups of applicants equal so far, refined criterion by criterion
    groups: list[tuple[list[FinalApplicant], str | None]] = []
    by_score: dict[int, list[FinalApplicant]] = {}
    for a in scored:
        by_score.setdefault(final[a.id], []).append(a)
    groups = [(members, None) for _, members in sorted(by_score.items(), reverse=True)]
    for criterion in law.final_order:
        refined: list[tuple[list[FinalApplicant], str | None]] = []
        for members, frozen in groups:
            if len(members) == 1 or frozen:
                refined.append((members, frozen))
                continue
            if criterion == TieBreak.IPK_ATAU_NILAI_IJAZAH:
                scales = {_education_scale(a) for a in members}
                if len(scales) != 1 or 0 in scales:
                    refined.append((members, EDUCATION_NOT_COMPARABLE))
                    continue
            split: dict[int, list[FinalApplicant]] = {}
            for a in members:
                split.setdefault(_criterion(a, criterion), []).append(a)
            refined.extend((part, None) for _, part in sorted(split.items(), reverse=True))
        groups = refined
    ranking: list[dict[str, Any]] = []
    place = 1
    for members, frozen in groups:
        last = place + len(members) - 1
        undecided = place <= seats < last
        for a in sorted(members, key=lambda m: m.id):
            score = Fraction(final[a.id], law.score_denominator)
            ranking.append({
                "id": a.id, "rank": place, "final_score": _fmt(score),
                "final_score_numerator": final[a.id],
                "selected": last <= seats,
                "needs_legal_review": undecided,
                "review_reason_code": (frozen or TIED_AFTER_ALL_CRITERIA) if undecided else None,
            })
        place = last + 1
    return ranking


def final_ranking(facts: FinalRankingFacts, on: dt.date) -> Decision:
    """One formasi's final ranking and who is selected (PermenPANRB 27/2021; 6/2024)."""
    found = law_for(FINAL_RANKING, on,
                    *((f"applicants.{i}.", a.model_dump()) for i, a in enumerate(facts.applicants)))
    if isinstance(found, Decision):
        return found
    lookup, law = found
    present = {c for a in facts.applicants if a.skb is not None for c in a.skb}
    weights = _weights_for(FINAL_RANKING, law, lookup, facts.skb_weights, present)
    if isinstance(weights, Decision):
        return weights
    incomplete = [i for i, a in enumerate(facts.applicants) if a.skb is not None and set(a.skb) != set(weights)]
    if incomplete:
        raise FactsError(FINAL_RANKING, [FactError(f"applicants.{i}.skb", "give a score for every "
                                                   "SKB component of the formasi") for i in incomplete])
    ranking = rank_formasi(law, weights, facts.seats, facts.applicants)
    selected = [r["id"] for r in ranking if r["selected"]]
    undecided = [r for r in ranking if r["needs_legal_review"]]
    order = ", ".join(t.value for t in law.final_order)
    citations = list(dict.fromkeys([law.cite["selection.integration_weights"], law.cite["selection.final_tiebreak"],
                                    law.cite["selection.skb_weights_source"]]))
    outcome = {"selected": selected, "ranking": ranking, "seats": facts.seats,
               "not_ranked": [a.id for a in facts.applicants if a.skb is None or a.eliminated]}
    if undecided:
        ids = ", ".join(r["id"] for r in undecided)
        not_comparable = any(r["review_reason_code"] == EDUCATION_NOT_COMPARABLE for r in undecided)
        why_en = ("their IPK and certificate averages cannot be compared" if not_comparable
                  else "the regulation's tie-break criteria are exhausted")
        why_id = ("IPK dan nilai rata-rata ijazah mereka tidak dapat dibandingkan" if not_comparable
                  else "kriteria penentu dalam peraturan sudah habis")
        return review(
            FINAL_RANKING, on,
            f"applicants {ids} are equal across the last seat and {why_en}; who takes the seat "
            f"is not settled by the regulation.",
            f"pelamar {ids} sama kedudukannya pada batas formasi dan {why_id}; siapa yang mengisi "
            f"formasi tidak diatur dalam peraturan.",
            citations=citations, outcome=outcome, lookup=lookup,
        )
    return Decision(
        rule=FINAL_RANKING, on=on, outcome=outcome, citations=citations,
        explanation_id=(f"{len(selected)} dari {len(ranking)} peserta terpilih untuk {facts.seats} "
                        f"formasi, diurutkan menurut nilai akhir lalu {order}."),
        explanation_en=(f"{len(selected)} of {len(ranking)} participants selected for {facts.seats} "
                        f"seats, ordered by final score then {order}."),
        parameters_used=lookup.records,
    )
