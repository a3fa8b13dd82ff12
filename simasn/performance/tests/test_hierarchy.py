"""The superior comes from the registry on the period's dates (issue 15 item 2): the unit
tree and managerial positions, a Plt while the head is vacant, a transfer splitting the year."""

from __future__ import annotations

import datetime as dt
from typing import Any

from simasn.performance import hierarchy, services
from simasn.performance.models import PerformancePlan
from simasn.performance.tests.conftest import WEB, YEAR, hold
from simasn.testing.factories import EmployeeFactory, PositionFactory, UnitFactory


def plan_of(period: Any, employee: Any) -> PerformancePlan:
    return PerformancePlan.objects.get(period=period, employee=employee)


def test_superiors_follow_the_unit_tree(org: Any, period: Any) -> None:
    assert plan_of(period, org.staff[0]).appraiser == org.kabid
    assert plan_of(period, org.kabid).appraiser == org.kaban  # the head of a unit looks one unit up
    assert plan_of(period, org.kaban).appraiser == org.sekda
    top = plan_of(period, org.sekda)
    assert top.appraiser is None  # appraised by the PPK, outside the register
    assert top.is_unit_leader and plan_of(period, org.kabid).is_unit_leader
    assert not plan_of(period, org.staff[0]).is_unit_leader


def test_acting_official_appraises_while_the_head_is_vacant(org: Any) -> None:
    # The Kepala Bidang left at the end of 2024; a Plt is appointed from 1 Feb 2025.
    from simasn.personnel.models import PositionHistory
    PositionHistory.objects.filter(employee=org.kabid).update(end_date=dt.date(2024, 12, 31))
    on = dt.date(2025, 1, 15)
    # Vacant and no Plt yet: the next head up.
    assert hierarchy.superior_on(employee=org.staff[0], position_id=org.staff_pos.pk, on=on).employee == org.kaban
    plt = org.staff[4]
    services.acting_assign(actor=org.operator, interface=WEB, position=org.kabid_pos, employee=plt,
                           start_date=dt.date(2025, 2, 1), letter_number="800/12-BKPSDM")
    found = hierarchy.superior_on(employee=org.staff[0], position_id=org.staff_pos.pk, on=dt.date(2025, 2, 1))
    assert found.employee == plt and found.acting
    assert found.position_name == "Plt. Kepala Bidang Mutasi"
    # The Plt does not appraise themself: their appraiser is the next head up.
    assert hierarchy.superior_on(employee=plt, position_id=org.staff_pos.pk, on=dt.date(2025, 3, 1)).employee == org.kaban


def test_a_transfer_mid_period_splits_the_plan(org: Any) -> None:
    mover = org.staff[1]
    other_unit = UnitFactory(instansi=org.instansi, name="Bidang Pengembangan", code="BANG", parent=org.badan)
    head = PositionFactory(instansi=org.instansi, unit=other_unit, name="Kepala Bidang Pengembangan",
                           kind="ADMINISTRATOR")
    new_pos = PositionFactory(instansi=org.instansi, unit=other_unit, name="Analis Pengembangan", kind="PELAKSANA")
    boss = EmployeeFactory(instansi=org.instansi, unit=other_unit, position=head, name="Kabid Bang")
    hold(boss, head, dt.date(2020, 1, 1))
    from simasn.personnel.models import PositionHistory
    PositionHistory.objects.filter(employee=mover).update(end_date=dt.date(2025, 6, 30))
    hold(mover, new_pos, dt.date(2025, 7, 1))
    period = services.period_open(actor=org.operator, interface=WEB, instansi_id=org.instansi.pk, year=YEAR)
    plans = services.plan_prepare(actor=org.operator, interface=WEB, period=period, employee=mover)
    assert [(p.start_date, p.end_date, p.appraiser) for p in plans] == [
        (dt.date(2025, 1, 1), dt.date(2025, 6, 30), org.kabid),
        (dt.date(2025, 7, 1), dt.date(2025, 12, 31), boss),
    ]
    assert [p.unit for p in plans] == [org.bidang, other_unit]


def test_an_employee_prepares_only_their_own_plan(org: Any) -> None:
    import pytest

    from simasn.core.errors import PermissionDeniedError
    period = services.period_open(actor=org.operator, interface=WEB, instansi_id=org.instansi.pk, year=YEAR)
    me = org.user(org.staff[0])
    assert services.plan_prepare(actor=me, interface=WEB, period=period, employee=org.staff[0])
    with pytest.raises(PermissionDeniedError):
        services.plan_prepare(actor=me, interface=WEB, period=period, employee=org.staff[1])
