from __future__ import annotations

import datetime as dt

from simasn.accounts.roles import Role
from simasn.actions import selectors, services, workflow
from simasn.actions.models import ActionType
from simasn.core.interfaces import Interface
from simasn.testing.factories import (
    EmployeeFactory,
    InstansiFactory,
    OfficialFactory,
    PositionFactory,
    UnitFactory,
    user_with_role,
)

from .conftest import TODAY

W = Interface.WEB


def test_who_sees_which_action(world):
    retirement = services.action_draft(actor=world.operator, interface=W, action_type=ActionType.RETIREMENT,
                                       employee_id=world.employee.pk, on=TODAY)
    target = PositionFactory(unit=UnitFactory(instansi=world.other_instansi), kind="PELAKSANA")
    mover = EmployeeFactory(instansi=world.instansi, unit=world.unit, position=world.pelaksana_pos)
    transfer = services.action_draft(actor=world.operator, interface=W, action_type=ActionType.TRANSFER,
                                     employee_id=mover.pk, position_id=target.pk, tmt=dt.date(2027, 1, 1),
                                     on=TODAY)
    kementerian = InstansiFactory(kind="KEMENTERIAN")
    unit = UnitFactory(instansi=kementerian)
    OfficialFactory(instansi=kementerian, role="PPK", title="Menteri")
    utama = PositionFactory(unit=unit, kind="FUNGSIONAL", functional_level="AHLI_UTAMA", open_to_pppk=False)
    expert = EmployeeFactory(instansi=kementerian, unit=unit, position=utama, birth_date=dt.date(1962, 3, 3))
    reserved = services.action_draft(actor=user_with_role(Role.OPERATOR, instansi=kementerian), interface=W,
                                     action_type=ActionType.RETIREMENT, employee_id=expert.pk, on=TODAY)
    assert reserved.decider == "PRESIDEN"  # fungsional ahli utama (Pasal 29 ayat (1))

    def seen(user):
        return set(selectors.action_list(viewer=user).values_list("pk", flat=True))

    assert seen(world.operator) == {retirement.pk, transfer.pk}
    assert seen(world.other_ppk) == {transfer.pk}  # the receiving instansi sees the transfer
    assert seen(world.presiden) == {reserved.pk}
    assert seen(user_with_role(Role.BKN)) == {retirement.pk, transfer.pk, reserved.pk}
    assert seen(user_with_role(Role.PEGAWAI, employee=mover)) == {transfer.pk}
    assert seen(user_with_role(Role.KEMENPANRB)) == set()
    # Buttons follow the workflow table.
    assert [t.name for t in workflow.allowed(world.operator, retirement)] == ["withdraw"]
    assert [t.name for t in workflow.allowed(world.pyb, retirement)] == ["propose", "reject"]
    assert [t.name for t in workflow.allowed(world.ppk, retirement)] == []
    assert [t.name for t in workflow.allowed(world.other_ppk, transfer)] == ["accept", "reject"]
    assert [t.name for t in workflow.allowed(world.presiden, reserved)] == ["decide", "reject"]
