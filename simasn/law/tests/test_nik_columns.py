"""The column-wise NIK check agrees with the ``nik`` rule (the bulk import relies on it).

``nik_column_check`` may say False where the rule finds nothing (the row then goes through
the rule), but must never say True where the rule finds an error or a warning; and for
plain ASCII NIKs with a birth date and sex it must recognise every one the rule accepts.
Cases are generated deterministically: valid NIKs of men and women (days 01-31 and
41-71), then the same NIKs with one thing wrong at a time.
"""

from __future__ import annotations

import datetime as dt
import random

import pyarrow as pa
import pytest

from simasn.law import check_nik
from simasn.law.rules.nik import nik_column_check

ON = dt.date(2025, 1, 1)
PROVINCES = ["11", "31", "36", "64", "65", "91", "93", "96"]


def _nik(province: str, birth: dt.date, sex: str, sequence: int, regency: int = 1, district: int = 4) -> str:
    day = birth.day + (40 if sex == "P" else 0)
    return f"{province}{regency:02d}{district:02d}{day:02d}{birth:%m%y}{sequence:04d}"


def _cases(count: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    cases: list[dict] = []
    for _ in range(count):
        birth = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(27000))
        sex = rng.choice("LP")
        nik = _nik(rng.choice(PROVINCES), birth, sex, rng.randrange(1, 10000), rng.randrange(1, 80),
                   rng.randrange(1, 40))
        case = {"nik": nik, "birth_date": birth, "sex": sex}
        position = rng.randrange(16)
        cases += [
            case,
            {**case, "nik": nik[:position] + str((int(nik[position]) + rng.randrange(1, 10)) % 10)
             + nik[position + 1:]},
            {**case, "nik": "99" + nik[2:]},
            {**case, "nik": nik[:2] + "00" + nik[4:]},
            {**case, "nik": nik[:4] + "00" + nik[6:]},
            {**case, "nik": nik[:12] + "0000"},
            {**case, "nik": nik[:15]},
            {**case, "nik": nik + "1"},
            {**case, "nik": nik[:6] + "32" + nik[8:]},
            {**case, "nik": nik[:6] + "72" + nik[8:]},
            {**case, "nik": nik[:8] + "13" + nik[10:]},
            {**case, "nik": nik[:5] + "x" + nik[6:]},
            {**case, "nik": nik[:5] + "٣" + nik[6:]},
            {**case, "nik": nik[:8] + " " + nik[8:]},
            {**case, "sex": "P" if sex == "L" else "L"},
            {**case, "sex": None},
            {**case, "birth_date": birth + dt.timedelta(days=1)},
            {**case, "birth_date": birth.replace(year=birth.year - 100, day=min(birth.day, 28))},
            {**case, "birth_date": None},
        ]
    return cases


def _rule_clean(case: dict) -> bool:
    decision = check_nik(nik=case["nik"], birth_date=case["birth_date"], sex=case["sex"], on=ON)
    return bool(decision.outcome["agrees"]) and case["birth_date"] is not None and case["sex"] is not None


def _columns(cases: list[dict]) -> list[bool]:
    check = nik_column_check(ON)
    result = check(nik=pa.array([c["nik"] for c in cases], type=pa.string()),
                   birth_date=pa.array([c["birth_date"] for c in cases], type=pa.date32()),
                   sex=pa.array([c["sex"] for c in cases], type=pa.string()))
    return [bool(v) for v in result.to_pylist()]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_column_check_never_accepts_what_the_rule_questions(seed: int) -> None:
    cases = _cases(200, seed)
    fast = _columns(cases)
    wrongly_accepted = [c for c, f in zip(cases, fast, strict=True) if f and not _rule_clean(c)]
    assert wrongly_accepted == []
    assert sum(fast) < len(cases) // 2  # refusals are plentiful: the property is not vacuous


def test_column_check_accepts_every_plain_nik_the_rule_accepts() -> None:
    cases = _cases(300, 7)
    fast = _columns(cases)
    missed = [c for c, f in zip(cases, fast, strict=True)
              if not f and _rule_clean(c) and c["nik"].isascii() and " " not in c["nik"]]
    assert missed == []
    assert sum(fast) >= 300
