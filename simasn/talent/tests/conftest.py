from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest

from simasn.accounts.roles import Role
from simasn.core import providers
from simasn.core.interfaces import Interface
from simasn.talent.services import assessment_create
from simasn.talent.tests import fakes
from simasn.testing.factories import (
    EmployeeFactory,
    InstansiFactory,
    OfficialFactory,
    PositionFactory,
    UnitFactory,
    user_with_role,
)

ON = dt.date(2026, 6, 1)
COMPONENTS = ("KOMPETENSI", "POTENSI", "KUALIFIKASI", "INTEGRITAS_MORALITAS")


@pytest.fixture
def performance(monkeypatch: Any) -> dict[tuple[int, int], str]:
    """The performance chapter, present: ratings the test sets."""
    fakes.RATINGS.clear()
    monkeypatch.setitem(providers.PROVIDERS, "performance.ratings", "simasn.talent.tests.fakes.ratings")
    return fakes.RATINGS


@pytest.fixture
def discipline(monkeypatch: Any) -> dict[int, dict[str, Any]]:
    fakes.DISCIPLINE.clear()
    monkeypatch.setitem(providers.PROVIDERS, "discipline.record", "simasn.talent.tests.fakes.record")
    return fakes.DISCIPLINE


@dataclass
class World:
    instansi: Any
    unit: Any
    jpt: Any
    admin_pos: Any
    holder: Any
    talent: Any
    operator: Any
    pyb: Any
    ppk: Any
    other_instansi: Any
    other_ppk: Any
    other_operator: Any


@pytest.fixture
def world(db: Any) -> World:
    instansi = InstansiFactory(name="Pemerintah Kota Uji", kind="KOTA")
    unit = UnitFactory(instansi=instansi, name="Sekretariat Daerah")
    jpt = PositionFactory(unit=unit, name="Kepala Dinas Kesehatan", kind="JPT_PRATAMA", open_to_pppk=False)
    admin_pos = PositionFactory(unit=unit, name="Kepala Bagian Umum", kind="ADMINISTRATOR", open_to_pppk=False)
    OfficialFactory(instansi=instansi, role="PPK", person_name="Wali Kota Uji", title="Wali Kota Uji")
    OfficialFactory(instansi=instansi, role="PYB", person_name="Sekda Uji", title="Sekretaris Daerah")
    holder = EmployeeFactory(instansi=instansi, unit=unit, position=admin_pos, name="Asep Pemangku", rank="IV/a")
    talent = EmployeeFactory(instansi=instansi, unit=unit, position=admin_pos, name="Rina Bertalenta", rank="IV/b")
    other = InstansiFactory(name="Pemerintah Kabupaten Lain", kind="KABUPATEN")
    OfficialFactory(instansi=other, role="PPK", person_name="Bupati Lain", title="Bupati Lain")
    return World(instansi=instansi, unit=unit, jpt=jpt, admin_pos=admin_pos, holder=holder, talent=talent,
                 operator=user_with_role(Role.OPERATOR, instansi=instansi),
                 pyb=user_with_role(Role.PYB, instansi=instansi), ppk=user_with_role(Role.PPK, instansi=instansi),
                 other_instansi=other, other_ppk=user_with_role(Role.PPK, instansi=other),
                 other_operator=user_with_role(Role.OPERATOR, instansi=other))


def assess(actor: Any, employee: Any, score: str, *, on: dt.date = dt.date(2026, 3, 1),
           components: tuple[str, ...] = COMPONENTS) -> None:
    for component in components:
        assessment_create(actor=actor, interface=Interface.API, employee_id=employee.pk, component=component,
                          score=Decimal(score), assessed_on=on, source="Assessment Center BKN")
