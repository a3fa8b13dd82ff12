"""Employee register writes: the law's checks, audit in the same transaction, nothing half-written."""

from __future__ import annotations

import datetime as dt

import pytest

from simasn.accounts.roles import Role
from simasn.core.errors import ApplicationError, PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.core.models import AuditEvent
from simasn.personnel.models import Employee, PositionHistory
from simasn.personnel.services import employee_create, employee_sensitive_reveal, employee_update
from simasn.testing.factories import (
    EmployeeFactory,
    InstansiFactory,
    PositionFactory,
    UnitFactory,
    user_with_role,
)
from simasn.testing.nip import pns_nip, pppk_nip

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    instansi = InstansiFactory()
    unit = UnitFactory(instansi=instansi)
    position = PositionFactory(unit=unit, kind="ADMINISTRATOR", open_to_pppk=False)
    operator = user_with_role(Role.OPERATOR, instansi=instansi)
    return instansi, unit, position, operator


def _pns(instansi, unit, position, **over):
    birth, tmt = dt.date(1985, 7, 31), dt.date(2010, 3, 1)
    data = {
        "instansi_id": instansi.pk, "unit_id": unit.pk, "position_id": position.pk, "employee_type": "PNS",
        "nip": pns_nip(birth, tmt, "L", 12), "name": "Agus Salim", "birth_date": birth, "sex": "L",
        "tmt_cpns": tmt, "rank": "III/c", "nik": "3273013107850001", "religion": "ISLAM",
    }
    return {**data, **over}


def test_create_writes_the_row_its_history_and_one_audit_event(setting) -> None:
    instansi, unit, position, operator = setting
    employee = employee_create(actor=operator, interface=Interface.WEB, data=_pns(instansi, unit, position))
    assert Employee.objects.get(pk=employee.pk).nip.startswith("19850731201003")
    history = PositionHistory.objects.get(employee=employee)
    assert history.position_name == position.name and history.start_date == dt.date(2010, 3, 1)
    event = AuditEvent.objects.get(object_type="personnel.employee", object_id=str(employee.pk))
    assert event.action == "create" and event.actor_id == operator.pk and event.interface == "web"
    assert event.instansi_id == instansi.pk and event.subject_employee_id == employee.pk
    assert "UU 20/2023 Pasal 7" in event.citations


@pytest.mark.parametrize(("override", "field", "fragment"), [
    ({"birth_date": dt.date(1985, 7, 30)}, "nip", "Tanggal lahir pada NIP"),
    ({"sex": "P"}, "nip", "jenis kelamin"),
    ({"rank": "V/z"}, "rank", "tidak dikenal"),
    ({"tmt_cpns": None}, "tmt_cpns", "TMT CPNS"),
    ({"birth_date": dt.date(2999, 1, 1)}, "birth_date", "masa depan"),
])
def test_invalid_data_is_refused_on_the_field_and_nothing_is_written(setting, override, field, fragment) -> None:
    instansi, unit, position, operator = setting
    with pytest.raises(ApplicationError) as caught:
        employee_create(actor=operator, interface=Interface.WEB, data=_pns(instansi, unit, position, **override))
    assert field in caught.value.fields
    assert any(fragment.lower() in m.lower() for m in caught.value.fields[field])
    assert not Employee.objects.exists()
    assert not AuditEvent.objects.filter(object_type="personnel.employee").exists()


def test_pppk_needs_a_position_open_to_pppk(setting) -> None:
    instansi, unit, position, operator = setting
    birth, start = dt.date(1992, 2, 29), dt.date(2023, 4, 1)
    data = {
        "instansi_id": instansi.pk, "unit_id": unit.pk, "position_id": position.pk, "employee_type": "PPPK",
        "nip": pppk_nip(birth, start, "P", 5), "name": "Maria Goreti", "birth_date": birth, "sex": "P",
        "contract_start": start, "contract_end": dt.date(2028, 3, 31), "rank": "IX",
    }
    with pytest.raises(ApplicationError) as caught:
        employee_create(actor=operator, interface=Interface.API, data=data)
    assert "PPPK" in caught.value.fields["position"][0]
    open_position = PositionFactory(unit=unit, open_to_pppk=True)
    employee = employee_create(actor=operator, interface=Interface.API, data={**data, "position_id": open_position.pk})
    assert employee.employee_type == "PPPK"


def test_position_filling_is_the_laws_rule_with_its_citations(setting) -> None:
    """R-FILL comes from simasn.law: a managerial post open to PPPK is still closed to a PPPK unless
    it is a JPT (Penjelasan Pasal 34 ayat (2)); a JPT of an Instansi Daerah is a case the law leaves
    open (needs legal review), which the register records as decided by the PPK."""
    instansi, unit, _position, operator = setting
    birth, start = dt.date(1990, 5, 17), dt.date(2024, 1, 2)
    data = {
        "instansi_id": instansi.pk, "unit_id": unit.pk, "employee_type": "PPPK",
        "nip": pppk_nip(birth, start, "L", 7), "name": "Yohanes Lado", "birth_date": birth, "sex": "L",
        "contract_start": start, "contract_end": dt.date(2029, 1, 1), "rank": "IX",
    }
    administrator = PositionFactory(unit=unit, kind="ADMINISTRATOR", open_to_pppk=True)
    with pytest.raises(ApplicationError) as caught:
        employee_create(actor=operator, interface=Interface.API, data={**data, "position_id": administrator.pk})
    message = caught.value.fields["position"][0]
    assert "jabatan pimpinan tinggi tertentu" in message and "Pasal 34 ayat (2)" in message
    jpt = PositionFactory(unit=unit, kind="JPT_PRATAMA", open_to_pppk=True)
    employee = employee_create(actor=operator, interface=Interface.API, data={**data, "position_id": jpt.pk})
    assert employee.position_id == jpt.pk


def test_operator_cannot_create_in_another_instansi(setting) -> None:
    instansi, unit, position, _operator = setting
    stranger = user_with_role(Role.OPERATOR, instansi=InstansiFactory())
    with pytest.raises(PermissionDeniedError):
        employee_create(actor=stranger, interface=Interface.WEB, data=_pns(instansi, unit, position))


def test_update_records_before_and_after_and_moves_position_history(setting) -> None:
    instansi, unit, position, operator = setting
    employee = employee_create(actor=operator, interface=Interface.WEB, data=_pns(instansi, unit, position))
    new_position = PositionFactory(unit=unit, kind="PENGAWAS")
    employee_update(actor=operator, interface=Interface.WEB, employee=employee,
                    data={"name": "Agus Salim Putra", "position_id": new_position.pk}, reason="koreksi")
    event = AuditEvent.objects.filter(action="update", object_id=str(employee.pk)).get()
    assert event.changes["name"] == {"before": "Agus Salim", "after": "Agus Salim Putra"}
    assert event.reason == "koreksi"
    assert PositionHistory.objects.filter(employee=employee).count() == 2
    assert PositionHistory.objects.filter(employee=employee, end_date__isnull=True).get().position == new_position


def test_moving_to_another_instansi_is_not_a_register_edit(setting) -> None:
    instansi, unit, position, operator = setting
    employee = employee_create(actor=operator, interface=Interface.WEB, data=_pns(instansi, unit, position))
    with pytest.raises(ApplicationError, match="mutasi"):
        employee_update(actor=operator, interface=Interface.WEB, employee=employee,
                        data={"instansi_id": InstansiFactory().pk})


def test_sensitive_reveal_is_audited_and_limited_to_roles_that_need_it(setting) -> None:
    instansi, _unit, _position, operator = setting
    employee = EmployeeFactory(instansi=instansi, nik="3273015705800001", religion="KATOLIK")
    values = employee_sensitive_reveal(actor=operator, interface=Interface.WEB, employee=employee)
    assert values["nik"] == "3273015705800001" and values["religion_label"] == "Katolik"
    assert AuditEvent.objects.filter(action="view_sensitive", subject_employee_id=employee.pk).count() == 1
    ppk = user_with_role(Role.PPK, instansi=instansi)
    with pytest.raises(PermissionDeniedError):
        employee_sensitive_reveal(actor=ppk, interface=Interface.WEB, employee=employee)
    assert AuditEvent.objects.filter(action="view_sensitive").count() == 1
