"""The typed entry points other apps call, and the facts parsing."""

from __future__ import annotations

import datetime as dt

import pytest

from simasn import law
from simasn.law.enums import (
    ActionKind,
    EmployeeType,
    FunctionalFamily,
    FunctionalLevel,
    NationalInstitution,
    PositionKind,
)

ON = dt.date(2025, 1, 1)


def test_retirement_date() -> None:
    assert law.retirement_date(
        employee_type=EmployeeType.PNS,
        position_kind="ADMINISTRATOR",
        birth_date=dt.date(1967, 5, 10),
        on=ON,
    ) == dt.date(2025, 6, 1)


def test_retirement_date_is_none_when_the_law_does_not_settle_it() -> None:
    assert (
        law.retirement_date(
            employee_type="PNS",
            position_kind="ADMINISTRATOR",
            birth_date=dt.date(1968, 2, 29),
            on=ON,
        )
        is None
    )


def test_check_nip() -> None:
    decision = law.check_nip(
        nip="198503172010031001",
        employee_type="PNS",
        birth_date=dt.date(1985, 3, 17),
        sex="L",
        tmt_cpns=dt.date(2010, 3, 1),
        on=ON,
    )
    assert decision.outcome["valid"] is True


def test_decide_authority_for_the_highest_functional_level() -> None:
    decision = law.decide_authority(
        action=ActionKind.APPOINT,
        position_kind=PositionKind.FUNGSIONAL,
        functional_level=FunctionalLevel.AHLI_UTAMA,
        on=ON,
    )
    assert decision.outcome["decider"] == "PRESIDEN"
    assert decision.outcome["proposer"] is None


def test_dismissal_grounds_for_forms() -> None:
    grounds = law.dismissal_grounds(ON)
    assert [g["code"] for g in grounds] == list("abcdefghij")
    categories = {g["code"]: g["category"] for g in grounds}
    assert {c for c, v in categories.items() if v == "TIDAK_DENGAN_HORMAT"} == {"a", "g", "i", "j"}
    assert grounds[6]["citation"] == "UU 20/2023 Pasal 52 ayat (3) huruf g"


def test_ranks_and_grades() -> None:
    ranks = law.pns_ranks(ON)
    assert len(ranks) == 17
    assert ranks[0] == {"code": "I/a", "golongan": "I", "ruang": "a", "pangkat": "Juru Muda"}
    assert ranks[-1]["code"] == "IV/e" and ranks[-1]["pangkat"] == "Pembina Utama"
    grades = law.pppk_grades(ON)
    assert [g["code"] for g in grades][:3] == ["I", "II", "III"]
    assert len(grades) == 17 and grades[-1]["code"] == "XVII"


def test_workplan_participants_change_when_kasn_functions_moved() -> None:
    before = law.workplan_participants(dt.date(2024, 1, 1))
    after = law.workplan_participants(dt.date(2025, 1, 1))
    assert NationalInstitution.KASN in before and len(before) == 4
    assert NationalInstitution.KASN not in after and len(after) == 3


def test_bup_table_is_plain_data_in_specificity_order() -> None:
    rows = law.bup_table(ON)
    pns = [r for r in rows if r.employee_type == EmployeeType.PNS]
    assert {r.employee_type for r in rows} == {EmployeeType.PNS, EmployeeType.PPPK}
    families = [r for r in pns if r.functional_family is not None]
    assert {(r.functional_family, r.age) for r in families} == {
        (FunctionalFamily.GURU, 60),
        (FunctionalFamily.DOSEN, 65),
        (FunctionalFamily.PROFESOR, 65),  # 70 only by a granted extension (Pasal 67 ayat (5))
    }
    # family rows before level rows before kind rows
    kinds = [
        ("family" if r.functional_family else "level" if r.functional_level else "kind")
        for r in pns
    ]
    assert kinds == sorted(kinds, key=["family", "level", "kind"].index)
    assert any(r.position_kind == PositionKind.JPT_PRATAMA and r.age == 60 for r in pns)
    assert not any(
        r.position_kind == PositionKind.FUNGSIONAL
        and r.functional_level is None
        and r.functional_family is None
        for r in rows
    )


def test_bup_table_before_uu_20_2023_covers_pns_only() -> None:
    rows = law.bup_table(dt.date(2020, 1, 1))
    assert {r.employee_type for r in rows} == {EmployeeType.PNS}
    assert any(r.citation == "UU 5/2014 Pasal 90 huruf a" for r in rows)


def test_unknown_rule() -> None:
    with pytest.raises(law.UnknownRuleError):
        law.evaluate("nope", {}, ON)


def test_facts_errors_name_every_bad_field() -> None:
    with pytest.raises(law.FactsError) as caught:
        law.evaluate("retirement", {"employee_type": "X", "birth_date": "soon", "extra": 1}, ON)
    fields = {e.field for e in caught.value.errors}
    assert fields == {"employee_type", "position_kind", "birth_date", "extra"}
    assert caught.value.to_dict()["rule"] == "retirement"


def test_facts_must_be_an_object() -> None:
    with pytest.raises(law.FactsError):
        law.evaluate("retirement", [], ON)  # type: ignore[arg-type]


def test_enums_are_read_case_insensitively() -> None:
    decision = law.evaluate("authority", {"action": "appoint", "position_kind": "jpt madya"}, ON)
    assert decision.outcome["decider"] == "PRESIDEN"


def test_decision_to_dict_is_json_ready() -> None:
    import json

    decision = law.evaluate(
        "retirement",
        {"employee_type": "PNS", "position_kind": "PELAKSANA", "birth_date": "1967-05-31"},
        ON,
    )
    data = json.loads(json.dumps(decision.to_dict()))
    assert data["outcome"]["retirement_date"] == "2025-06-01"
    assert data["parameters_used"][0]["name"] == "asn_law.in_force"


def test_every_rule_has_a_spec_with_a_schema() -> None:
    for spec in law.RULES.values():
        assert spec.facts_schema()["type"] == "object"
        assert spec.articles
