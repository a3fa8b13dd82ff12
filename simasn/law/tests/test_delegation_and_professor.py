"""Issue 12 item 18: the President's delegation (Pasal 29 ayat (1) "dapat") and the profesor's
extended BUP (UU 14/2005 Pasal 67 ayat (5) "dapat diperpanjang") are data, never assumed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from simasn.law import evaluate, parameters

ON = dt.date(2026, 12, 1)


@pytest.fixture
def delegation_withdrawn() -> Iterator[None]:
    """A recorded withdrawal of the delegation (PP 11/2017 Pasal 3 ayat (7)) from 1 June 2026."""

    def source() -> list[dict[str, object]]:
        return [{
            "name": "authority.president_delegation",
            "from": "2026-06-01",
            "value": {"delegated": False, "instrument": "Test: penarikan pendelegasian"},
            "reference": {"regulation": "PP 11/2017", "article": "3", "ayat": "7"},
            "last_verified_on": "2026-12-01",
        }]

    parameters.register_override_source(source)
    try:
        yield
    finally:
        parameters.unregister_override_source(source)


def test_the_ppk_decides_under_the_recorded_delegation() -> None:
    decision = evaluate("authority", {"action": "TRANSFER", "position_kind": "PENGAWAS",
                                      "instansi_kind": "KABUPATEN"}, ON)
    assert decision.outcome["decider"] == "PPK"
    assert decision.outcome["delegation"] == "PP 11/2017 Pasal 3 ayat (2)"
    assert "PP 11/2017 Pasal 3 ayat (2)" in decision.citations
    assert any(p["name"] == "authority.president_delegation" for p in decision.parameters_used)


def test_without_a_delegation_in_force_the_rule_does_not_guess(delegation_withdrawn: None) -> None:
    after = evaluate("authority", {"action": "TRANSFER", "position_kind": "PENGAWAS",
                                   "instansi_kind": "KABUPATEN"}, ON)
    assert after.needs_legal_review
    assert "Pasal 29 ayat (1)" in after.explanation_id and "dapat mendelegasikan" in after.explanation_id
    # The day before the withdrawal, the delegation still held.
    before = evaluate("authority", {"action": "TRANSFER", "position_kind": "PENGAWAS",
                                    "instansi_kind": "KABUPATEN"}, dt.date(2026, 5, 31))
    assert before.outcome["decider"] == "PPK" and not before.needs_legal_review
    # The President's own cases do not depend on a delegation.
    reserved = evaluate("authority", {"action": "APPOINT", "position_kind": "JPT_MADYA"}, ON)
    assert reserved.outcome["decider"] == "PRESIDEN"


def _profesor(**extra: object) -> dict[str, object]:
    return {"employee_type": "PNS", "position_kind": "FUNGSIONAL", "functional_level": "AHLI_UTAMA",
            "functional_family": "PROFESOR", "birth_date": "1961-03-03", **extra}


def test_a_profesor_retires_at_65_unless_the_extension_was_granted() -> None:
    plain = evaluate("retirement", _profesor(), ON)
    assert plain.outcome["retirement_age"] == 65
    assert "UU 14/2005 Pasal 67 ayat (4)" in plain.citations
    extended = evaluate("retirement", _profesor(professor_extension_granted=True), ON)
    assert extended.outcome["retirement_age"] == 70
    assert extended.outcome["retirement_date"] == dt.date(2031, 4, 1)
    assert "UU 14/2005 Pasal 67 ayat (5)" in extended.citations
    # The wording of ayat (5) awaits checking against the official text: the trail says so.
    used = [p for p in extended.parameters_used if p["name"] == "bup.profesor_extension"]
    assert used and used[0]["reference_needs_legal_review"] is True


def test_the_extension_is_only_for_a_profesor() -> None:
    from simasn.law import FactsError

    with pytest.raises(FactsError):
        evaluate("retirement", {"employee_type": "PNS", "position_kind": "FUNGSIONAL",
                                "functional_level": "AHLI_UTAMA", "functional_family": "DOSEN",
                                "birth_date": "1961-03-03", "professor_extension_granted": True}, ON)
