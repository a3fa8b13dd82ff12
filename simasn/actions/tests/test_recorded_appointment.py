"""Procurement's appointments recorded as SKs of this register (provider actions.record_appointment):
a PPPK's SK names the contract's start and end; it is signed by the PPK in office; it never
changes the register again on its TMT; it cannot be drafted in /tindakan/."""

from __future__ import annotations

import datetime as dt

import pytest

from simasn.actions.documents import document_bytes, sk_context
from simasn.actions.models import ActionState, ActionType, PersonnelAction
from simasn.actions.services import action_draft, apply_due_actions
from simasn.core.errors import ApplicationError
from simasn.core.interfaces import Interface
from simasn.core.providers import provide
from simasn.law.enums import EmployeeType
from simasn.testing.factories import EmployeeFactory

DECREE = {"subject": "Pengangkatan Pegawai Pemerintah dengan Perjanjian Kerja",
          "verb": "Mengangkat sebagai Pegawai Pemerintah dengan Perjanjian Kerja",
          "menimbang": ["bahwa uji;", "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu;"],
          "dicta": ["Kepada yang bersangkutan diberikan nomor induk PPPK."]}


def _pppk(world):
    return EmployeeFactory(instansi=world.instansi, unit=world.unit, position=world.pelaksana_pos,
                           employee_type=EmployeeType.PPPK, tmt_cpns=None, tmt_pns=None, rank="",
                           contract_start=dt.date(2027, 1, 1), contract_end=dt.date(2031, 12, 31))


def test_a_pppk_appointment_is_a_decided_sk_with_the_contract_period(world):
    employee = _pppk(world)
    sk = provide("actions.record_appointment", actor=world.operator, interface=Interface.WEB,
                 employee_id=employee.pk, position_id=world.pelaksana_pos.pk, tmt=dt.date(2027, 1, 1),
                 sk_date=dt.date(2026, 12, 1), contract_end=dt.date(2031, 12, 31), decree=DECREE,
                 citations=["UU 20/2023 Pasal 38"], source="procurement.application:1")
    action = PersonnelAction.objects.get(pk=sk["id"])
    assert (action.action_type, action.state, action.tmt) == (ActionType.PPPK_APPOINTMENT, ActionState.DECIDED,
                                                            dt.date(2027, 1, 1))
    assert action.facts["decree"]["contract"] == {"start": "2027-01-01", "end": "2031-12-31"}
    assert action.decider_name == "Muhammad Farhan"
    assert action.sk_number.endswith(f"/PK-PPPK/{world.instansi.code}/2026")
    document = action.documents.get(kind="SK")
    assert document_bytes(document).startswith(b"%PDF")
    assert sk_context(action)["verb"].startswith("Mengangkat sebagai Pegawai Pemerintah")
    # On its TMT the SK takes effect and the register is not changed a second time.
    before = (employee.position_id, employee.status)
    assert apply_due_actions(on=dt.date(2027, 1, 1)) == [action.pk]
    employee.refresh_from_db()
    assert (employee.position_id, employee.status) == before


def test_a_pppk_appointment_needs_a_contract_end_after_the_tmt(world):
    employee = _pppk(world)
    with pytest.raises(ApplicationError):
        provide("actions.record_appointment", actor=world.operator, interface=Interface.WEB,
                employee_id=employee.pk, position_id=world.pelaksana_pos.pk, tmt=dt.date(2027, 1, 1),
                sk_date=dt.date(2026, 12, 1), contract_end=dt.date(2027, 1, 1), decree=DECREE,
                citations=[], source="procurement.application:1")
    assert not PersonnelAction.objects.filter(employee=employee).exists()


def test_an_appointment_of_the_selected_is_not_drafted_in_the_workflow(world):
    with pytest.raises(ApplicationError):
        action_draft(actor=world.operator, interface=Interface.WEB, action_type=ActionType.CPNS_APPOINTMENT,
                     employee_id=world.employee.pk)
