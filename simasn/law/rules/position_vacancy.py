"""R-VACANCY — is there a free seat in the position an employee is appointed or moved to?

- Pasal 32 ayat (3): each instansi fills its positions from its plan of needs; the number of
  seats of a position (its formasi) is that plan's figure for the position.
- Pasal 60 ayat (1): a PNS may take up a Jabatan ASN "sepanjang tersedia lowongan jabatan"
  — a position is taken up only where a seat is vacant.

Facts: the position's seats and how many people hold it now (other than the candidate). When
the seats are not known the law cannot be applied and the rule asks for legal review.
"""

from __future__ import annotations

import datetime as dt

from simasn.law.decision import Decision, Facts
from simasn.law.rules._support import Lookup, pasal, require_uu_20_2023, review

RULE = "position_vacancy"


class PositionVacancyFacts(Facts):
    seats: int | None = None
    holders: int


def position_vacancy(facts: PositionVacancyFacts, on: dt.date) -> Decision:
    """Whether the position has a vacant seat — Pasal 32 ayat (3), Pasal 60 ayat (1)."""
    lookup = Lookup(on)
    blocked = require_uu_20_2023(RULE, lookup)
    if blocked:
        return blocked
    citations = [pasal(32, 3), pasal(60, 1)]
    if facts.seats is None:
        return review(
            RULE, on,
            "the number of seats (formasi) of the position was not given, so whether a seat is vacant is unknown.",
            "jumlah formasi jabatan tidak diberikan, sehingga tersedianya lowongan tidak dapat dinilai.",
            citations=citations, outcome={"vacant": None}, lookup=lookup)
    free = max(facts.seats - facts.holders, 0)
    if free == 0:
        return Decision(
            rule=RULE, on=on, outcome={"vacant": False, "free_seats": 0}, citations=citations,
            explanation_id=(f"Tidak tersedia lowongan jabatan: formasi {facts.seats} telah terisi "
                            f"{facts.holders} orang."),
            explanation_en=f"No vacancy: all {facts.seats} seat(s) of the position are held ({facts.holders}).",
            parameters_used=lookup.records)
    return Decision(
        rule=RULE, on=on, outcome={"vacant": True, "free_seats": free}, citations=citations,
        explanation_id=f"Tersedia lowongan jabatan: {free} dari {facts.seats} formasi belum terisi.",
        explanation_en=f"A vacancy exists: {free} of {facts.seats} seat(s) are free.",
        parameters_used=lookup.records)
