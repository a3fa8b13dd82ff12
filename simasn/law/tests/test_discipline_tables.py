"""The discipline tables are whole, and the rules answer every combination of facts.

Every obligation and prohibition has a label and a level; every penalty a level; every
official in the authority table is a known one. Then the two rules are run over every
breach × impact × position, and every penalty × position × agency kind: each answers
(a decision, or "needs legal review" with a reason) and never fails — and a few things a
legal reader checks at once hold for every case.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from simasn.law import discipline_breaches, discipline_penalties, evaluate, parameters
from simasn.law.decision import FactsError
from simasn.law.enums import (
    BreachImpact,
    DisciplineBreach,
    DisciplineLevel,
    DisciplineOfficial,
    DisciplinePenalty,
    FunctionalLevel,
    InstansiKind,
    PositionKind,
)

ON = dt.date(2026, 3, 2)


def test_every_breach_has_a_label_a_citation_and_a_level() -> None:
    rows = discipline_breaches(on=ON)
    assert [r["code"] for r in rows] == [m.value for m in DisciplineBreach]
    levels = parameters.values("discipline.breach_levels", ON)
    for row in rows:
        assert row["label_id"] and row["label_en"] and row["citation"].startswith("PP 94/2021")
        assert levels[row["code"]], row["code"]
        for level_row in levels[row["code"]]:
            assert level_row.get("attendance") or level_row["level"] in DisciplineLevel.__members__


def test_every_penalty_has_a_level_and_the_levels_have_three_penalties_each() -> None:
    rows = discipline_penalties(on=ON, transitional=False)
    assert {r["code"] for r in rows} | {"PENUNDAAN_KGB", "PENUNDAAN_KENAIKAN_PANGKAT",
                                        "PENURUNAN_PANGKAT"} == {m.value for m in DisciplinePenalty}
    for level in DisciplineLevel:
        assert len([r for r in rows if r["level"] == level.value]) == 3


def test_the_authority_table_names_only_known_officials_and_penalties() -> None:
    officials = {m.value for m in DisciplineOfficial}
    penalties = {m.value for m in DisciplinePenalty}
    for row in parameters.value("discipline.authority", ON):
        assert row["official"] in officials
        assert set(row.get("penalties", [])) <= penalties
        assert set(row.get("levels", [])) <= set(DisciplineLevel.__members__)
        assert ("offenders" in row) != ("levels_below" in row), row


IMPACTS = [None, *BreachImpact]
POSITIONS = [None, *PositionKind]


@pytest.mark.parametrize("breach", [b for b in DisciplineBreach if b != DisciplineBreach.PASAL_4_F])
def test_every_breach_is_answered_for_every_impact_and_position(breach: DisciplineBreach) -> None:
    for impact, position, reason in itertools.product(IMPACTS, POSITIONS, [None, True, False]):
        facts = {"breach": breach, "impact": impact, "position_kind": position,
                 "without_valid_reason": reason}
        try:
            decision = evaluate("discipline.penalty", {k: v for k, v in facts.items() if v is not None}, ON)
        except FactsError as error:
            assert {e.field for e in error.errors} <= {"impact", "position_kind", "without_valid_reason"}
            continue
        if decision.needs_legal_review:
            assert decision.review_reason
        elif decision.outcome["breach_established"]:
            assert decision.outcome["allowed_penalties"]
            assert decision.citations[0].startswith("PP 94/2021")


def test_absence_runs_up_the_scale_day_by_day() -> None:
    order = {p["code"]: p["order"] for p in discipline_penalties(on=ON)}
    previous = 0
    for days in range(0, 40):
        decision = evaluate("discipline.penalty", {"breach": "PASAL_4_F", "absent_days": days}, ON)
        penalty = decision.outcome["penalty"]
        rank = order[penalty] if penalty else 0
        assert rank >= previous, days
        previous = rank
        assert (penalty is None) == (days < 3)
    assert previous == order["PEMBERHENTIAN_DENGAN_HORMAT"]


def _offenders() -> list[dict[str, str]]:
    found: list[dict[str, str]] = []
    for kind in PositionKind:
        if kind == PositionKind.FUNGSIONAL:
            found += [{"offender_position_kind": kind, "offender_functional_level": level}
                      for level in FunctionalLevel]
        else:
            found.append({"offender_position_kind": kind})
    return found


@pytest.mark.parametrize("penalty", list(DisciplinePenalty))
def test_every_penalty_on_every_position_has_an_official_or_a_reason(penalty: DisciplinePenalty) -> None:
    for offender, instansi in itertools.product(_offenders(), InstansiKind):
        facts = {**offender, "penalty": penalty, "instansi_kind": instansi}
        decision = evaluate("discipline.authority", facts, ON)
        officials = decision.outcome["officials"]
        if decision.needs_legal_review:
            assert not officials and decision.review_reason
            continue
        assert officials
        level = decision.outcome["level"]
        kind = offender["offender_position_kind"]
        if level == "BERAT" and kind in (PositionKind.PELAKSANA, PositionKind.PENGAWAS,
                                         PositionKind.ADMINISTRATOR):
            assert officials == ["PPK"], facts  # heavy penalties below JPT: the PPK alone
        if level == "RINGAN" and kind == PositionKind.PELAKSANA:
            assert "PPK" not in officials  # a reprimand comes from the superior, not the PPK
        if penalty == DisciplinePenalty.PEMBERHENTIAN_DENGAN_HORMAT and kind in (
            PositionKind.JPT_UTAMA, PositionKind.JPT_MADYA):
            assert officials == ["PRESIDEN"]
