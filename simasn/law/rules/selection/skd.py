"""SKD: who passes the passing grade, and who of them proceeds to the SKB.

``selection.skd_pass`` — one applicant's sub-test scores against the passing grade of the
formasi type in the selection's year (KepmenPANRB 1023/2021, 651/2023, 321/2024): the
general formasi needs each sub-test's minimum; the special ones a minimum total and a TIU
minimum.

``selection.skb_participants`` — one formasi: of those who passed, at most
``selection.skb_participant_ratio`` x seats proceed by SKD total; at the cut-off, equal
totals are ordered by TKP, TIU, TWK; applicants equal on all of them all proceed
(PermenPANRB 27/2021; 6/2024). The column-wise form for a whole selection is
:func:`simasn.law.rules.selection.columns.skb_participants_columns`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from simasn.law.decision import Decision, Facts
from simasn.law.enums import FormasiType, SkdSubtest
from simasn.law.rules._support import Lookup, review
from simasn.law.rules.selection._law import SelectionLaw, law_for

SKD_PASS = "selection.skd_pass"
SKB_PARTICIPANTS = "selection.skb_participants"
SUBTESTS = (SkdSubtest.TWK, SkdSubtest.TIU, SkdSubtest.TKP)


class SkdScores(Facts):
    twk: int = Field(ge=0)
    tiu: int = Field(ge=0)
    tkp: int = Field(ge=0)


class SkdPassFacts(SkdScores):
    formasi_type: FormasiType


class SkbApplicant(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    twk: int = Field(ge=0)
    tiu: int = Field(ge=0)
    tkp: int = Field(ge=0)


class SkbParticipantsFacts(Facts):
    formasi_type: FormasiType
    seats: int = Field(ge=1)
    applicants: list[SkbApplicant]

    @model_validator(mode="after")
    def _unique_ids(self) -> SkbParticipantsFacts:
        ids = [a.id for a in self.applicants]
        if len(set(ids)) != len(ids):
            raise ValueError("applicant ids must be unique")
        return self


def skd_result(law: SelectionLaw, formasi_type: FormasiType, twk: int, tiu: int, tkp: int
               ) -> dict[str, Any] | None:
    """passed / total / the minimums missed, or None when the year has no grade for the type."""
    grade = law.passing.get(formasi_type)
    if grade is None:
        return None
    scores = {SkdSubtest.TWK: twk, SkdSubtest.TIU: tiu, SkdSubtest.TKP: tkp}
    total = twk + tiu + tkp
    missed = [
        {"score": subtest.value, "minimum": grade.minimum(subtest), "actual": scores[subtest]}
        for subtest in SUBTESTS
        if grade.minimum(subtest) is not None and scores[subtest] < (grade.minimum(subtest) or 0)
    ]
    if grade.total is not None and total < grade.total:
        missed.append({"score": "TOTAL", "minimum": grade.total, "actual": total})
    return {"passed": not missed, "total": total, "missed": missed,
            "passing_grade": grade.to_dict()}


def _no_grade(rule: str, lookup: Lookup, law: SelectionLaw, formasi_type: FormasiType) -> Decision:
    known = ", ".join(t.value for t in law.passing)
    return review(
        rule, lookup.on,
        f"the passing-grade decree in force on {lookup.on.isoformat()} sets no grade for formasi "
        f"type {formasi_type.value} (it has: {known}).",
        f"keputusan nilai ambang batas yang berlaku pada {lookup.on.isoformat()} tidak "
        f"menetapkan nilai untuk jenis formasi {formasi_type.value} (yang ada: {known}).",
        citations=[law.cite["selection.formasi_types"]], lookup=lookup,
    )


def skd_pass(facts: SkdPassFacts, on: dt.date) -> Decision:
    """Does one applicant pass the SKD passing grade of the formasi type (yearly KepmenPANRB)?"""
    found = law_for(SKD_PASS, on, ("", facts.model_dump()))
    if isinstance(found, Decision):
        return found
    lookup, law = found
    result = skd_result(law, facts.formasi_type, facts.twk, facts.tiu, facts.tkp)
    if result is None:
        return _no_grade(SKD_PASS, lookup, law, facts.formasi_type)
    label_id, label_en = law.formasi_labels.get(facts.formasi_type, (facts.formasi_type.value,) * 2)
    if result["passed"]:
        explanation_id = f"Memenuhi nilai ambang batas SKD {label_id} (total {result['total']})."
        explanation_en = f"Meets the SKD passing grade of {label_en} (total {result['total']})."
    else:
        missing = ", ".join(f"{m['score']} {m['actual']} < {m['minimum']}" for m in result["missed"])
        explanation_id = f"Tidak memenuhi nilai ambang batas SKD {label_id}: {missing}."
        explanation_en = f"Does not meet the SKD passing grade of {label_en}: {missing}."
    return Decision(
        rule=SKD_PASS, on=on,
        outcome={**result, "formasi_type": facts.formasi_type, "missed_scores": [m["score"] for m in result["missed"]]},
        citations=list(dict.fromkeys([law.passing[facts.formasi_type].citation, law.cite["selection.skd_structure"]])),
        explanation_id=explanation_id, explanation_en=explanation_en,
        parameters_used=lookup.records,
    )


def cutoff_key(law: SelectionLaw, twk: int, tiu: int, tkp: int) -> tuple[int, ...]:
    """The SKB ranking key, larger first: SKD total, then the cut-off sub-tests in order."""
    scores = {SkdSubtest.TWK: twk, SkdSubtest.TIU: tiu, SkdSubtest.TKP: tkp}
    return (twk + tiu + tkp, *(scores[s] for s in law.cutoff_order))


def skb_participants(facts: SkbParticipantsFacts, on: dt.date) -> Decision:
    """Who of one formasi's applicants proceed to the SKB (PermenPANRB 27/2021; 6/2024)."""
    found = law_for(SKB_PARTICIPANTS, on,
                    *((f"applicants.{i}.", a.model_dump()) for i, a in enumerate(facts.applicants)))
    if isinstance(found, Decision):
        return found
    lookup, law = found
    if facts.formasi_type not in law.passing:
        return _no_grade(SKB_PARTICIPANTS, lookup, law, facts.formasi_type)
    if not law.cutoff_all_tied_proceed:
        return review(
            SKB_PARTICIPANTS, on,
            "the regulation in force treats applicants still equal at the cut-off in a way SIMASN "
            "does not model.",
            "peraturan yang berlaku mengatur peserta yang tetap sama nilainya pada batas peringkat "
            "dengan cara yang tidak dimodelkan SIMASN.",
            citations=[law.cite["selection.skb_cutoff_tiebreak"]], lookup=lookup,
        )
    passed = [a for a in facts.applicants
              if (skd_result(law, facts.formasi_type, a.twk, a.tiu, a.tkp) or {}).get("passed")]
    keys = {a.id: cutoff_key(law, a.twk, a.tiu, a.tkp) for a in passed}
    ordered = sorted(passed, key=lambda a: keys[a.id], reverse=True)
    quota = law.skb_ratio * facts.seats
    ranking = []
    for position, applicant in enumerate(ordered):
        rank = 1 + sum(1 for other in ordered if keys[other.id] > keys[applicant.id])
        proceeds = rank <= quota  # equal on every score with the last place: all proceed
        ranking.append({"id": applicant.id, "rank": rank, "total": keys[applicant.id][0],
                        "proceeds": proceeds, "beyond_quota_tie": proceeds and position >= quota})
    proceeding = [r["id"] for r in ranking if r["proceeds"]]
    beyond = [r["id"] for r in ranking if r["beyond_quota_tie"]]
    order_text = ", ".join(s.value for s in law.cutoff_order)
    explanation_en = (
        f"{len(passed)} of {len(facts.applicants)} met the passing grade; at most {law.skb_ratio} x "
        f"{facts.seats} = {quota} proceed by SKD total, equal totals ordered by {order_text}; "
        f"{len(proceeding)} proceed"
        + (f", {len(beyond)} of them because they are equal on every score with the last place."
           if beyond else ".")
    )
    explanation_id = (
        f"{len(passed)} dari {len(facts.applicants)} memenuhi nilai ambang batas; paling banyak "
        f"{law.skb_ratio} x {facts.seats} = {quota} mengikuti SKB menurut total SKD, total sama "
        f"diurutkan menurut {order_text}; {len(proceeding)} mengikuti SKB"
        + (f", {len(beyond)} di antaranya karena semua nilainya sama dengan peringkat terakhir."
           if beyond else ".")
    )
    return Decision(
        rule=SKB_PARTICIPANTS, on=on,
        outcome={"passed_skd": [a.id for a in passed], "proceeds": proceeding,
                 "beyond_quota_tie": beyond, "quota": quota, "ranking": ranking},
        citations=list(dict.fromkeys([law.passing[facts.formasi_type].citation,
                                      law.cite["selection.skb_participant_ratio"],
                                      law.cite["selection.skb_cutoff_tiebreak"]])),
        explanation_id=explanation_id, explanation_en=explanation_en,
        parameters_used=lookup.records,
    )
