"""The scope matrix for personnel actions, their SK documents and their audit history: every
role × four cases (drafted in the user's instansi, a transfer into it, another instansi's,
a case reserved to the President), through the web page, the API, the document selector and
the audit trail.

The expected outcomes are written out from MISSION.md "Users and their jobs" and UU 20/2023
Pasal 29-30 (not derived from the policy table), and each is judged by its effect: the case
shows up, the document is handed over, the history is listed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from simasn.accounts.roles import Role
from simasn.accounts.selectors import audit_list
from simasn.actions import selectors, services
from simasn.actions.models import ActionDocument, ActionType
from simasn.core.errors import NotFoundError
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

CASES = ("own", "incoming", "other", "president")
ALL = set(CASES)
INSTANSI_SIDE = {"own", "incoming"}
#: Which cases each role sees (the case, its SK, its page and API record).
VIEW: dict[Role, set[str]] = {
    Role.OPERATOR: INSTANSI_SIDE, Role.PPK: INSTANSI_SIDE, Role.PYB: INSTANSI_SIDE,
    Role.PEGAWAI: {"own"},  # the subject of the own-instansi case
    Role.PRESIDEN: {"president"},  # only the cases the law reserves to the President
    Role.BKN: ALL, Role.ADMIN: ALL,
}
#: Whose audit trail of the case each role reads (the audit grant: own instansi's events —
#: the receiving instansi's trail has the incoming transfer —, one's own record, or all).
AUDIT: dict[Role, set[str]] = {
    Role.OPERATOR: INSTANSI_SIDE, Role.PEGAWAI: {"own"}, Role.BKN: ALL, Role.ADMIN: ALL,
}


@pytest.fixture
def cases(world: Any) -> dict[str, Any]:
    W = Interface.WEB
    own = services.action_draft(actor=world.operator, interface=W, action_type=ActionType.RETIREMENT,
                                employee_id=world.employee.pk, on=TODAY)
    other = world.other_instansi
    other_unit = UnitFactory(instansi=other)
    other_operator = user_with_role(Role.OPERATOR, instansi=other)
    mover = EmployeeFactory(instansi=other, unit=other_unit, position=PositionFactory(unit=other_unit))
    incoming = services.action_draft(actor=other_operator, interface=W, action_type=ActionType.TRANSFER,
                                     employee_id=mover.pk, position_id=world.pelaksana_pos.pk,
                                     tmt=dt.date(2027, 1, 1), on=TODAY)
    retiree = EmployeeFactory(instansi=other, unit=other_unit, position=PositionFactory(unit=other_unit),
                              birth_date=dt.date(1968, 11, 1))
    elsewhere = services.action_draft(actor=other_operator, interface=W, action_type=ActionType.RETIREMENT,
                                      employee_id=retiree.pk, on=TODAY)
    ministry = InstansiFactory(kind="KEMENTERIAN")
    unit = UnitFactory(instansi=ministry)
    OfficialFactory(instansi=ministry, role="PPK", title="Menteri")
    utama = PositionFactory(unit=unit, kind="FUNGSIONAL", functional_level="AHLI_UTAMA", open_to_pppk=False)
    expert = EmployeeFactory(instansi=ministry, unit=unit, position=utama, birth_date=dt.date(1962, 3, 3))
    reserved = services.action_draft(actor=user_with_role(Role.OPERATOR, instansi=ministry), interface=W,
                                     action_type=ActionType.RETIREMENT, employee_id=expert.pk, on=TODAY)
    assert reserved.decider == "PRESIDEN"
    found = {"own": own, "incoming": incoming, "other": elsewhere, "president": reserved}
    for name, action in found.items():
        ActionDocument.objects.create(action=action, file_name=f"actions/sk/{name}.pdf", sha256="0" * 64, size=1)
    return found


def _user(role: Role, world: Any) -> Any:
    if role == Role.PEGAWAI:
        return user_with_role(role, instansi=world.instansi, employee=world.employee)
    if role in (Role.OPERATOR, Role.PPK, Role.PYB, Role.PANITIA_SELEKSI):
        return user_with_role(role, instansi=world.instansi)
    return user_with_role(role)


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
def test_action_scope_matrix(role: Role, world: Any, cases: dict[str, Any]) -> None:
    user = _user(role, world)
    client = Client()
    client.force_login(user)
    listed = set(selectors.action_list(viewer=user).values_list("pk", flat=True))
    seen, pages, api, documents, history = set(), set(), set(), set(), set()
    for name, action in cases.items():
        if action.pk in listed:
            seen.add(name)
        if client.get(f"/tindakan/{action.pk}/").status_code == 200:
            pages.add(name)
        if client.get(f"/api/v1/actions/{action.pk}").status_code == 200:
            api.add(name)
        try:
            selectors.document_get(viewer=user, action=action)
            documents.add(name)
        except NotFoundError:
            pass
        if audit_list(viewer=user, object_type="actions.personnelaction", object_id=str(action.pk)).exists():
            history.add(name)
    expected = VIEW.get(role, set())
    assert seen == expected, f"{role} lists {seen}"
    assert api == expected, f"{role} reads through the API {api}"
    assert documents == expected, f"{role} gets the SK of {documents}"
    assert pages == expected, f"{role} opens the page of {pages}"
    assert history == AUDIT.get(role, set()), f"{role} reads the history of {history}"
