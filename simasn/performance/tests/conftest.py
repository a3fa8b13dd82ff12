from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pytest

from simasn.accounts.roles import Role
from simasn.core.interfaces import Interface
from simasn.performance import services
from simasn.personnel.models import PositionHistory
from simasn.testing.factories import (
    EmployeeFactory,
    InstansiFactory,
    PositionFactory,
    UnitFactory,
    user_with_role,
)

YEAR = 2025
WEB = Interface.WEB


def hold(employee: Any, position: Any, start: dt.date, end: dt.date | None = None) -> None:
    """A position-history row (test set-up of the registry; personnel writes these in production)."""
    PositionHistory.objects.create(employee=employee, instansi=position.instansi, position=position,
                                   position_name=position.name, position_kind=position.kind,
                                   start_date=start, end_date=end)


@dataclass
class Org:
    instansi: Any
    setda: Any
    badan: Any
    bidang: Any
    sekda_pos: Any
    kaban_pos: Any
    kabid_pos: Any
    staff_pos: Any
    sekda: Any
    kaban: Any
    kabid: Any
    staff: list[Any]
    operator: Any
    ppk: Any
    pyb: Any
    users: dict[str, Any] = field(default_factory=dict)
    period: Any = None

    def user(self, employee: Any) -> Any:
        if employee.pk not in self.users:
            self.users[employee.pk] = user_with_role(Role.PEGAWAI, employee=employee)
        return self.users[employee.pk]


@pytest.fixture
def org(db: Any) -> Org:
    """Kota: Setda (Sekda) ⊃ BKPSDM (Kepala Badan) ⊃ Bidang Mutasi (Kepala Bidang; 5 staff).
    (Under a `django_db(transaction=True)` mark, as in the browser test, `db` is transactional.)"""
    start = dt.date(2020, 1, 1)
    instansi = InstansiFactory(name="Pemerintah Kota Uji", kind="KOTA")
    setda = UnitFactory(instansi=instansi, name="Sekretariat Daerah", code="SETDA")
    badan = UnitFactory(instansi=instansi, name="BKPSDM", code="BKPSDM", parent=setda)
    bidang = UnitFactory(instansi=instansi, name="Bidang Mutasi", code="MUT", parent=badan)
    sekda_pos = PositionFactory(instansi=instansi, unit=setda, name="Sekretaris Daerah", kind="JPT_PRATAMA")
    kaban_pos = PositionFactory(instansi=instansi, unit=badan, name="Kepala BKPSDM", kind="JPT_PRATAMA")
    kabid_pos = PositionFactory(instansi=instansi, unit=bidang, name="Kepala Bidang Mutasi", kind="ADMINISTRATOR")
    staff_pos = PositionFactory(instansi=instansi, unit=bidang, name="Analis SDM", kind="PELAKSANA", seats=10)
    people = {}
    for key, pos, unit in (("sekda", sekda_pos, setda), ("kaban", kaban_pos, badan), ("kabid", kabid_pos, bidang)):
        people[key] = EmployeeFactory(instansi=instansi, unit=unit, position=pos, name=key.title())
        hold(people[key], pos, start)
    staff = []
    for i in range(5):
        e = EmployeeFactory(instansi=instansi, unit=bidang, position=staff_pos, name=f"Staf {i}")
        hold(e, staff_pos, start)
        staff.append(e)
    return Org(instansi=instansi, setda=setda, badan=badan, bidang=bidang, sekda_pos=sekda_pos,
               kaban_pos=kaban_pos, kabid_pos=kabid_pos, staff_pos=staff_pos, staff=staff,
               operator=user_with_role(Role.OPERATOR, instansi=instansi),
               ppk=user_with_role(Role.PPK, instansi=instansi), pyb=user_with_role(Role.PYB, instansi=instansi),
               **people)


@pytest.fixture
def period(org: Org) -> Any:
    org.period = services.period_open(actor=org.operator, interface=WEB, instansi_id=org.instansi.pk, year=YEAR)
    services.plans_prepare_all(actor=org.operator, interface=WEB, period=org.period)
    return org.period
