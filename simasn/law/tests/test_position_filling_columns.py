"""The column-wise R-FILL rule (bulk import) answers exactly what the row-wise rule answers."""

from __future__ import annotations

import datetime as dt
import itertools

import pyarrow as pa
import pytest

from simasn.law import evaluate, position_filling_column_check
from simasn.law.enums import CandidateType, InstansiKind, PositionKind

ON = dt.date(2026, 7, 1)


def _row(on: dt.date, candidate: str, kind: str, instansi: str, designated: bool | None) -> bool | None:
    facts = {"candidate_type": candidate, "position_kind": kind, "instansi_kind": instansi}
    if designated is not None:
        facts["designated_for_candidate_type"] = designated
    decision = evaluate("position_filling", facts, on)
    return None if decision.needs_legal_review else bool(decision.outcome["allowed"])


@pytest.mark.parametrize("on", [ON, dt.date(2023, 1, 1)])
def test_every_combination_agrees_with_the_row_wise_rule(on: dt.date) -> None:
    combos = list(itertools.product([t.value for t in CandidateType], [k.value for k in PositionKind],
                                    [k.value for k in InstansiKind], [None, False, True]))
    allowed = position_filling_column_check(on)
    got = allowed(candidate_type=pa.array([c[0] for c in combos]), position_kind=[c[1] for c in combos],
                  instansi_kind=pa.array([c[2] for c in combos]).dictionary_encode(),
                  designated=pa.array([c[3] for c in combos], type=pa.bool_())).to_pylist()
    assert got == [_row(on, *combo) for combo in combos]
    # Before UU 20/2023 the rule is not modelled: every answer asks for review.
    assert set(got) == ({True, False, None} if on == ON else {None})


def test_unknown_codes_and_missing_facts_are_null() -> None:
    allowed = position_filling_column_check(ON)
    got = allowed(candidate_type=["PNS", "PNS", None, "PNS"], position_kind=["PELAKSANA", "RAJA", "PELAKSANA", None],
                  instansi_kind=["KOTA", "KOTA", "KOTA", "KOTA"], designated=[None, None, None, None])
    assert got.to_pylist() == [True, None, None, None]


def test_columns_of_different_lengths_are_refused() -> None:
    with pytest.raises(ValueError, match="different lengths"):
        position_filling_column_check(ON)(candidate_type=["PNS"], position_kind=[], instansi_kind=["KOTA"],
                                          designated=[None])
