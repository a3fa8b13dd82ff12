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

TODAY = dt.date(2026, 11, 22)


@dataclass
class World:
    instansi: Any
    unit: Any
    admin_pos: Any
    pelaksana_pos: Any
    employee: Any
    operator: Any
    pyb: Any
    ppk: Any
    presiden: Any
    other_ppk: Any
    other_instansi: Any


@pytest.fixture
def world(db: Any) -> World:
    instansi = InstansiFactory(name="Pemerintah Kota Uji", kind="KOTA", address="Bandung, Jl. Wastukancana 2")
    unit = UnitFactory(instansi=instansi, name="Bagian Umum")
    # Two seats: world.employee holds one, the other is free for the appointments of the tests.
    admin_pos = PositionFactory(unit=unit, name="Kepala Bagian Umum", kind="ADMINISTRATOR", open_to_pppk=False,
                                seats=2)
    pelaksana_pos = PositionFactory(unit=unit, name="Pengadministrasi Perkantoran", kind="PELAKSANA")
    OfficialFactory(instansi=instansi, role="PPK", person_name="Muhammad Farhan", title="Wali Kota Uji")
    OfficialFactory(instansi=instansi, role="PYB", person_name="Drs. Bambang", title="Sekretaris Daerah Kota Uji")
    employee = EmployeeFactory(instansi=instansi, unit=unit, position=admin_pos, name="Asep Sunandar",
                               sex="L", birth_date=dt.date(1968, 12, 10), rank="IV/a",
                               tmt_cpns=dt.date(1995, 3, 1))
    other = InstansiFactory(name="Pemerintah Kabupaten Lain", kind="KABUPATEN")
    OfficialFactory(instansi=other, role="PPK", person_name="Bupati Lain", title="Bupati Lain")
    return World(
        instansi=instansi, unit=unit, admin_pos=admin_pos, pelaksana_pos=pelaksana_pos,
        employee=employee,
        operator=user_with_role(Role.OPERATOR, instansi=instansi),
        pyb=user_with_role(Role.PYB, instansi=instansi),
        ppk=user_with_role(Role.PPK, instansi=instansi),
        presiden=user_with_role(Role.PRESIDEN),
        other_ppk=user_with_role(Role.PPK, instansi=other),
        other_instansi=other,
    )
