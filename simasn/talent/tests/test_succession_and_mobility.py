"""Succession (only succession boxes, readiness, coverage) and mobility through to an SK in
the personnel-action workflow (handed over through the actions chapter's provider)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from simasn.actions import services as actions
from simasn.actions.models import ActionState, ActionType, PersonnelAction
from simasn.core.errors import ApplicationError, ConflictError, PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.talent import services
from simasn.talent.models import MobilityKind, MobilityState
from simasn.talent.selectors import action_states, succession_coverage, succession_plans
from simasn.talent.tests.conftest import assess
from simasn.testing.factories import EmployeeFactory, PositionFactory, UnitFactory

pytestmark = pytest.mark.django_db
W = Interface.WEB


def _star(world: Any, performance: dict, employee: Any) -> None:
    assess(world.operator, employee, "95")
    performance[(employee.pk, dt.date.today().year - 1)] = "SANGAT_BAIK"


def test_only_succession_boxes_are_nominated_with_a_readiness(world: Any, performance: dict) -> None:
    critical = services.critical_position_designate(actor=world.ppk, interface=W, position_id=world.jpt.pk,
                                                    reason="Kepala dinas layanan dasar")
    assess(world.operator, world.holder, "70")
    performance[(world.holder.pk, dt.date.today().year - 1)] = "BAIK"
    with pytest.raises(ApplicationError) as refused:
        services.successor_nominate(actor=world.ppk, interface=W, critical_position_id=critical.pk,
                                    employee_id=world.holder.pk, readiness="SIAP_SEKARANG")
    assert "kotak 2" in refused.value.message and refused.value.code == "not_succession_box"
    _star(world, performance, world.talent)
    with pytest.raises(ApplicationError):
        services.successor_nominate(actor=world.ppk, interface=W, critical_position_id=critical.pk,
                                    employee_id=world.talent.pk, readiness="BESOK")
    candidate = services.successor_nominate(actor=world.ppk, interface=W, critical_position_id=critical.pk,
                                            employee_id=world.talent.pk, readiness="SIAP_SEKARANG")
    assert candidate.box == 9 and "Kotak 9" in candidate.grounds["explanation_id"]
    with pytest.raises(ConflictError):
        services.successor_nominate(actor=world.ppk, interface=W, critical_position_id=critical.pk,
                                    employee_id=world.talent.pk, readiness="SIAP_SEKARANG")
    plans = succession_plans(viewer=world.ppk)
    assert plans[0].vacant and plans[0].ready_now == 1
    assert succession_coverage(plans) == {"total": 1, "covered": 0, "share": 0.0, "vacant": 1}
    second = EmployeeFactory(instansi=world.instansi, unit=world.unit, position=world.admin_pos)
    _star(world, performance, second)
    services.successor_nominate(actor=world.ppk, interface=W, critical_position_id=critical.pk,
                                employee_id=second.pk, readiness="SIAP_SEKARANG")
    assert succession_coverage(succession_plans(viewer=world.ppk))["share"] == 1.0


def test_other_instansi_cannot_designate_or_see(world: Any) -> None:
    with pytest.raises(ApplicationError):
        services.critical_position_designate(actor=world.other_ppk, interface=W, position_id=world.jpt.pk,
                                             reason="x")
    services.critical_position_designate(actor=world.ppk, interface=W, position_id=world.jpt.pk, reason="x")
    assert succession_plans(viewer=world.other_ppk) == []


def test_a_proposal_within_the_instansi_goes_through_to_an_sk(world: Any, performance: dict) -> None:
    _star(world, performance, world.talent)
    proposal = services.mobility_propose(actor=world.ppk, interface=W, employee_id=world.talent.pk,
                                         kind=MobilityKind.WITHIN, target_position_id=world.jpt.pk,
                                         reason="Suksesor siap sekarang untuk jabatan lowong")
    assert proposal.grounds["box"] == 9
    # The PPK proposes; the SK draft is the operator's (the personnel-action policy).
    with pytest.raises(PermissionDeniedError):
        services.mobility_hand_over(actor=world.ppk, interface=W, proposal_id=proposal.pk)
    proposal = services.mobility_hand_over(actor=world.operator, interface=W, proposal_id=proposal.pk,
                                           tmt=dt.date(2027, 1, 1))
    action = PersonnelAction.objects.get(pk=proposal.action_id)
    assert proposal.state == MobilityState.HANDED_OVER
    assert (action.action_type, action.employee_id, action.position_id) == (ActionType.TRANSFER, world.talent.pk, world.jpt.pk)
    assert f"#{proposal.pk}" in action.notes
    actions.action_propose(actor=world.pyb, interface=W, action_id=action.pk)
    actions.action_decide(actor=world.ppk, interface=W, action_id=action.pk)
    state = action_states([proposal])[action.pk]
    assert state["state"] == ActionState.DECIDED and state["sk_number"]
    with pytest.raises(ConflictError):
        services.mobility_hand_over(actor=world.operator, interface=W, proposal_id=proposal.pk)


def test_between_instansi_needs_the_receivers_acceptance_first(world: Any, performance: dict) -> None:
    _star(world, performance, world.talent)
    target = PositionFactory(unit=UnitFactory(instansi=world.other_instansi), kind="ADMINISTRATOR", open_to_pppk=False)
    with pytest.raises(ApplicationError):
        services.mobility_propose(actor=world.ppk, interface=W, employee_id=world.talent.pk,
                                  kind=MobilityKind.WITHIN, target_position_id=target.pk, reason="r")
    proposal = services.mobility_propose(actor=world.ppk, interface=W, employee_id=world.talent.pk,
                                         kind=MobilityKind.BETWEEN, target_position_id=target.pk, reason="r")
    with pytest.raises(ConflictError):
        services.mobility_hand_over(actor=world.operator, interface=W, proposal_id=proposal.pk)
    with pytest.raises(PermissionDeniedError):
        services.mobility_accept(actor=world.ppk, interface=W, proposal_id=proposal.pk)
    services.mobility_accept(actor=world.other_ppk, interface=W, proposal_id=proposal.pk)
    proposal = services.mobility_hand_over(actor=world.operator, interface=W, proposal_id=proposal.pk,
                                           tmt=dt.date(2027, 1, 1))
    assert PersonnelAction.objects.get(pk=proposal.action_id).target_instansi_id == world.other_instansi.pk


def test_out_of_government_is_recorded_but_has_no_sk_type(world: Any, performance: dict) -> None:
    proposal = services.mobility_propose(actor=world.ppk, interface=W, employee_id=world.talent.pk,
                                         kind=MobilityKind.OUT, destination="BUMN PT Uji (penugasan)", reason="r")
    with pytest.raises(ApplicationError) as refused:
        services.mobility_hand_over(actor=world.operator, interface=W, proposal_id=proposal.pk)
    assert refused.value.code == "needs_legal_review"
    assert not PersonnelAction.objects.exists()
