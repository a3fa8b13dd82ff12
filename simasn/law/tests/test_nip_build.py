"""A NIP built for a new CPNS or PPPK always passes the ``nip`` rule for the same person."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from simasn.law import NipBuildError, build_pns_nip, build_pppk_nip, check_nip
from simasn.law.parameters import ParameterGapError

ON = dt.date(2025, 3, 1)


@pytest.mark.parametrize("seed", [1, 2])
def test_built_nips_round_trip_through_the_nip_rule(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(300):
        birth = dt.date(1960, 1, 1) + dt.timedelta(days=rng.randrange(16000))
        sex = rng.choice(["L", "P"])
        sequence = rng.randrange(1, 1000)
        if rng.random() < 0.5:
            tmt = dt.date(birth.year + rng.randrange(19, 35), rng.randrange(1, 13), 1)
            nip = build_pns_nip(birth_date=birth, tmt_cpns=tmt, sex=sex, sequence=sequence, on=ON)
            decision = check_nip(nip=nip, employee_type="PNS", birth_date=birth, sex=sex, tmt_cpns=tmt, on=ON)
        else:
            year = rng.randrange(2019, 2026)
            nip = build_pppk_nip(birth_date=birth, appointment_year=year, code="21", sex=sex,
                                 sequence=sequence, on=ON)
            decision = check_nip(nip=nip, employee_type="PPPK", birth_date=birth, sex=sex,
                                 appointment_year=year, on=ON)
        assert decision.outcome["valid"], (nip, decision.outcome["problems"])
        assert decision.outcome["parsed"]["sequence"] == f"{sequence:03d}"


def test_the_layout_decides_the_digits() -> None:
    assert build_pns_nip(birth_date=dt.date(1985, 3, 17), tmt_cpns=dt.date(2010, 3, 1), sex="L",
                         sequence=1, on=ON) == "198503172010031001"
    assert build_pppk_nip(birth_date=dt.date(1990, 1, 1), appointment_year=2021, code="21", sex="P",
                          sequence=1, on=ON) == "199001012021212001"


def test_parts_the_layout_cannot_hold_are_refused() -> None:
    with pytest.raises(NipBuildError, match="sequence"):
        build_pns_nip(birth_date=dt.date(1985, 3, 17), tmt_cpns=dt.date(2010, 3, 1), sex="L", sequence=0, on=ON)
    with pytest.raises(NipBuildError, match="sequence"):
        build_pns_nip(birth_date=dt.date(1985, 3, 17), tmt_cpns=dt.date(2010, 3, 1), sex="L", sequence=1000,
                      on=ON)
    with pytest.raises(NipBuildError, match="not a PPPK code"):
        build_pppk_nip(birth_date=dt.date(1990, 1, 1), appointment_year=2021, code="99", sex="P", sequence=1,
                       on=ON)
    with pytest.raises(NipBuildError, match="sex"):
        build_pns_nip(birth_date=dt.date(1985, 3, 17), tmt_cpns=dt.date(2010, 3, 1), sex="X", sequence=1, on=ON)
    with pytest.raises(ParameterGapError):
        build_pns_nip(birth_date=dt.date(1950, 3, 17), tmt_cpns=dt.date(1975, 3, 1), sex="L", sequence=1,
                      on=dt.date(2000, 1, 1))
