"""``selection.optimisation`` — may a formasi left unfilled after the final ranking be filled
from applicants of the same selection who passed the SKD passing grade and took the SKB but
were not selected (optimalisasi)?

The procurement regulations in force describe an optimisation of unfilled formasi, but the
conditions this system would need (same position only or any position of the same
qualification; within the instansi or across instansi; which formasi types; who decides) are
not kept in the law data with a text the project could confirm. The rule therefore never
decides: for a formasi with unfilled seats it answers "needs legal review" and lists the
candidates — passed SKD, took the SKB, not selected, not themselves unsettled — ordered by
their integrated final score (highest first), for a human decision. A formasi with every seat
filled has nothing to optimise (settled).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

from simasn.law.decision import Decision, Facts
from simasn.law.rules._support import review

OPTIMISATION = "selection.optimisation"
SOURCES = ["PermenPANRB 27/2021", "PermenPANRB 6/2024"]


class _Candidate(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    final_score: Decimal | None = None
    skd_passed: bool = False
    took_skb: bool = False
    selected: bool = False
    position: str = ""  # the position of the formasi the candidate applied to


class OptimisationFacts(Facts):
    position: str  # the position of the unfilled formasi
    seats: int = Field(ge=1)
    filled: int = Field(ge=0)
    candidates: list[_Candidate] = Field(default_factory=list)


def optimisation(facts: OptimisationFacts, on: dt.date) -> Decision:
    unfilled = max(facts.seats - facts.filled, 0)
    if unfilled == 0:
        return Decision(
            rule=OPTIMISATION, on=on, outcome={"unfilled_seats": 0, "candidates": []}, citations=list(SOURCES),
            explanation_id="Semua kebutuhan formasi terisi; tidak ada yang dioptimalkan.",
            explanation_en="Every seat of the formasi is filled; there is nothing to optimise.")
    pool = [c for c in facts.candidates if c.skd_passed and c.took_skb and not c.selected
            and c.final_score is not None]
    pool.sort(key=lambda c: (-(c.final_score or Decimal(0)), c.position != facts.position, c.id))
    return review(
        OPTIMISATION, on,
        (f"{unfilled} seat(s) of the formasi are unfilled; the conditions of the optimisation of unfilled "
         f"formasi are not kept in the law data with a confirmed text. {len(pool)} candidate(s) who passed the "
         "SKD and took the SKB are listed for a human decision."),
        (f"{unfilled} kebutuhan formasi tidak terisi; syarat optimalisasi formasi yang tidak terisi belum "
         f"tersimpan dalam data hukum dengan teks yang dapat dipastikan. {len(pool)} pelamar yang lulus SKD dan "
         "mengikuti SKB ditampilkan untuk diputuskan oleh pejabat."),
        citations=list(SOURCES),
        outcome={"unfilled_seats": unfilled, "candidates": [c.id for c in pool],
                 "same_position": [c.id for c in pool if c.position == facts.position]},
    )
