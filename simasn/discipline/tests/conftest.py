from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest

from simasn.accounts.roles import Role
from simasn.testing.factories import (
    EmployeeFactory,
    InstansiFactory,
    OfficialFactory,
    PositionFactory,
    UnitFactory,
    user_with_role,
)

REPORTED = dt.date(2026, 10, 1)
EXAMINED = dt.date(2026, 10, 5)
DECIDED = dt.date(2026, 10, 12)
RECEIVED = dt.date(2026, 10, 13)


@dataclass
class World:
    instansi: Any
    unit: Any
    employee: Any
    other_employee: Any
    operator: Any
    pyb: Any
    ppk: Any
    pegawai: Any
    other_pegawai: Any
    other_ppk: Any
    bkn: Any


@pytest.fixture
def world(db: Any) -> World:
    instansi = InstansiFactory(name="Pemerintah Kota Uji", kind="KOTA")
    unit = UnitFactory(instansi=instansi, name="Bagian Umum")
    pelaksana = PositionFactory(unit=unit, name="Pengadministrasi Perkantoran", kind="PELAKSANA")
    OfficialFactory(instansi=instansi, role="PPK", person_name="Muhammad Farhan", title="Wali Kota Uji",
                    valid_from=dt.date(2020, 1, 1))
    employee = EmployeeFactory(instansi=instansi, unit=unit, position=pelaksana, name="Asep Sunandar",
                               rank="II/c", tmt_cpns=dt.date(2010, 3, 1))
    other_employee = EmployeeFactory(instansi=instansi, unit=unit, position=pelaksana, name="Siti Aminah")
    other = InstansiFactory(name="Pemerintah Kabupaten Lain", kind="KABUPATEN")
    return World(
        instansi=instansi, unit=unit, employee=employee, other_employee=other_employee,
        operator=user_with_role(Role.OPERATOR, instansi=instansi),
        pyb=user_with_role(Role.PYB, instansi=instansi),
        ppk=user_with_role(Role.PPK, instansi=instansi),
        pegawai=user_with_role(Role.PEGAWAI, employee=employee),
        other_pegawai=user_with_role(Role.PEGAWAI, employee=other_employee),
        other_ppk=user_with_role(Role.PPK, instansi=other),
        bkn=user_with_role(Role.BKN),
    )
