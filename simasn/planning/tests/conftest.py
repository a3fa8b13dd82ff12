from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest

from simasn.accounts.roles import Role
from simasn.core.interfaces import Interface
from simasn.law.enums import InstansiKind, PositionKind
from simasn.planning import services
from simasn.planning.models import NeedsPolicy
from simasn.testing.factories import (
    EmployeeFactory,
    InstansiFactory,
    PositionFactory,
    UnitFactory,
    user_with_role,
)

YEAR = 2027
WEB = Interface.WEB


@dataclass
class World:
    instansi: Any
    other: Any
    position: Any
    closed_position: Any
    operator: Any
    ppk: Any
    menpan: Any
    bkn: Any
    other_operator: Any
    policy: NeedsPolicy


def published_policy(menpan: Any, year: int = YEAR) -> NeedsPolicy:
    policy = services.policy_create(actor=menpan, interface=WEB, fiscal_year=year, title=f"Kebijakan {year}",
                                    basis="RPJMN 2025-2029; ruang fiskal APBN.", pns_share_percent=60,
                                    national_target=100_000)
    services.policy_priority_add(actor=menpan, interface=WEB, policy=policy, job_family="guru",
                                 name="Guru", target=40_000)
    services.policy_priority_add(actor=menpan, interface=WEB, policy=policy, job_family="kesehatan",
                                 name="Tenaga kesehatan", target=30_000)
    services.policy_formasi_type_add(actor=menpan, interface=WEB, policy=policy, formasi_type="DISABILITAS",
                                     target=2_000)
    return services.policy_publish(actor=menpan, interface=WEB, policy=policy)


@pytest.fixture
def world(db: Any) -> World:
    return build_world()


def build_world() -> World:
    """The fixture's data, for tests that need their own database flavour (browser tests)."""
    instansi = InstansiFactory(name="Pemerintah Kota Uji", kind=InstansiKind.KOTA.value)
    other = InstansiFactory(name="Pemerintah Kabupaten Lain")
    unit = UnitFactory(instansi=instansi, name="Dinas Pendidikan")
    position = PositionFactory(unit=unit, name="Pengelola Layanan Sekolah", kind=PositionKind.PELAKSANA.value,
                               open_to_pppk=True)
    closed = PositionFactory(unit=unit, name="Pengadministrasi Umum", kind=PositionKind.PELAKSANA.value,
                             open_to_pppk=False)
    # One holder reaches the pelaksana BUP (58) in June 2027, the other is far from it.
    EmployeeFactory(instansi=instansi, unit=unit, position=position, birth_date=dt.date(1969, 6, 10))
    EmployeeFactory(instansi=instansi, unit=unit, position=position, birth_date=dt.date(1990, 1, 5),
                    tmt_cpns=dt.date(2015, 3, 1))
    # Someone who already left does not count as a holder.
    EmployeeFactory(instansi=instansi, unit=unit, position=position, status="PENSIUN",
                    birth_date=dt.date(1960, 1, 1))
    menpan = user_with_role(Role.KEMENPANRB)
    return World(instansi=instansi, other=other, position=position, closed_position=closed,
                 operator=user_with_role(Role.OPERATOR, instansi=instansi),
                 ppk=user_with_role(Role.PPK, instansi=instansi), menpan=menpan,
                 bkn=user_with_role(Role.BKN), other_operator=user_with_role(Role.OPERATOR, instansi=other),
                 policy=published_policy(menpan))


def new_plan(world: World, ceiling: int = 5_000_000_000) -> Any:
    return services.plan_create(actor=world.operator, interface=WEB, instansi_id=world.instansi.pk,
                                fiscal_year=YEAR, budget_ceiling=Decimal(ceiling))
