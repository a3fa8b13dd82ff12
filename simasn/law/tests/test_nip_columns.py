"""The column-wise NIP rule agrees with the row-wise one (bulk import relies on it).

`nip_agrees_columns` may say False where the row-wise rule says valid (the row then
goes through the row-wise rule), but it must never say True where the row-wise rule
refuses. The cases below are generated deterministically: valid NIPs, and the same
NIPs with one thing wrong at a time, plus random strings and missing facts.
"""

from __future__ import annotations

import datetime as dt
import random

import pyarrow as pa
import pytest

from simasn.law import check_nip
from simasn.law.decision import FactsError
from simasn.law.rules.nip import nip_agrees_columns
from simasn.testing.nip import pns_nip, pppk_nip

ON = dt.date(2026, 7, 1)


def _row_valid(case: dict) -> bool:
    try:
        decision = check_nip(
            nip=case["nip"], employee_type=case["employee_type"], birth_date=case["birth_date"],
            sex=case["sex"], tmt_cpns=case["tmt_cpns"],
            appointment_year=case["contract_start"].year if case["contract_start"] else None, on=ON,
        )
    except (FactsError, ValueError):
        return False
    return bool(decision.outcome["valid"])


def _columns(cases: list[dict]) -> list[bool]:
    def col(name: str, kind: pa.DataType) -> pa.Array:
        return pa.array([c[name] for c in cases], type=kind)

    result = nip_agrees_columns(
        nip=col("nip", pa.string()), employee_type=col("employee_type", pa.string()),
        birth_date=col("birth_date", pa.date32()), sex=col("sex", pa.string()),
        tmt_cpns=col("tmt_cpns", pa.date32()), contract_start=col("contract_start", pa.date32()), on=ON,
    )
    return result.to_pylist()


def _mutations(case: dict, rng: random.Random) -> list[dict]:
    nip = case["nip"]
    position = rng.randrange(18)
    other_digit = str((int(nip[position]) + rng.randrange(1, 10)) % 10)
    return [
        {**case, "nip": nip[:position] + other_digit + nip[position + 1:]},  # one digit changed
        {**case, "nip": nip[:-3] + "000"},                                   # sequence 000
        {**case, "nip": nip[:17]},                                          # too short
        {**case, "nip": nip + "1"},                                         # too long
        {**case, "nip": nip[:5] + "x" + nip[6:]},                           # not a digit
        {**case, "nip": nip[:5] + "٣" + nip[6:]},                           # a non-ASCII digit
        {**case, "nip": nip[:8] + " " + nip[8:]},                           # a space inside
        {**case, "sex": "P" if case["sex"] == "L" else "L"},                # the record's sex differs
        {**case, "sex": "X"},                                               # not a sex at all
        {**case, "birth_date": case["birth_date"] + dt.timedelta(days=1)},
        {**case, "tmt_cpns": None},
        {**case, "tmt_cpns": dt.date(2001, 2, 1)},
        {**case, "contract_start": None},
        {**case, "contract_start": dt.date(2019, 5, 1)},
        {**case, "employee_type": "PPPK" if case["employee_type"] == "PNS" else "PNS"},
        {**case, "employee_type": "HONORER"},
        {**case, "nip": "".join(rng.choice("0123456789") for _ in range(18))},
    ]


def _cases(count: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    cases = []
    for i in range(count):
        birth = dt.date(1960, 1, 1) + dt.timedelta(days=rng.randrange(16000))
        sex = rng.choice("LP")
        if rng.random() < 0.8:
            tmt = dt.date(birth.year + rng.randrange(19, 35), rng.randrange(1, 13), 1)
            case = {"nip": pns_nip(birth, tmt, sex, i + 1), "employee_type": "PNS", "birth_date": birth,
                    "sex": sex, "tmt_cpns": tmt, "contract_start": None}
        else:
            start = dt.date(rng.randrange(2019, 2026), rng.randrange(1, 13), 1)
            case = {"nip": pppk_nip(birth, start, sex, i + 1, code=rng.choice(["21", "21", "22"])),
                    "employee_type": "PPPK", "birth_date": birth, "sex": sex, "tmt_cpns": None,
                    "contract_start": start}
        cases.append(case)
        cases.extend(_mutations(case, rng))
    return cases


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_column_wise_never_accepts_what_the_rule_refuses(seed):
    cases = _cases(300, seed)
    fast = _columns(cases)
    slow = [_row_valid(case) for case in cases]
    wrongly_accepted = [case for case, f, s in zip(cases, fast, slow, strict=True) if f and not s]
    assert wrongly_accepted == []
    # Refusals are plentiful in this set (so the property above is not vacuous) ...
    assert slow.count(False) > len(cases) // 2


def test_column_wise_accepts_every_ascii_nip_the_rule_accepts():
    # ... and the bulk fast path is only fast if valid rows are recognised column-wise.
    cases = _cases(300, 7)
    fast = _columns(cases)
    slow = [_row_valid(case) for case in cases]
    missed = [case for case, f, s in zip(cases, fast, slow, strict=True)
              if s and not f and case["nip"].isascii() and " " not in case["nip"]]
    assert missed == []
    assert sum(fast) >= 300 * 0.7
