"""Issue 17 item 3: a remedy decision annulling an SK makes the register follow — an SK in force
gets its reversing action drafted, linked to the amendment and decided through the workflow; an
SK not yet in force is withdrawn and never applied."""

from __future__ import annotations

import datetime as dt

from django.test import Client

from simasn.actions import services
from simasn.actions.models import ActionAmendment, ActionState, ActionType, PersonnelAction
from simasn.core.interfaces import Interface
from simasn.core.models import AuditEvent
from simasn.core.providers import provide

from .conftest import TODAY

W = Interface.WEB
REMEDY_ON = dt.date(2026, 11, 27)


def _decide(world, **kwargs):
    action = services.action_draft(actor=world.operator, interface=W, on=TODAY, **kwargs)
    if action.proposer:
        services.action_propose(actor=world.pyb, interface=W, action_id=action.pk, on=TODAY)
    return services.action_decide(actor=world.ppk, interface=W, action_id=action.pk, on=TODAY)


def _annul(world, action):
    return provide("actions.amend_or_revoke", actor=world.ppk, interface=W, action_id=action.pk,
                   outcome="MEMBATALKAN", reference="800/KEB-1/2026", decided_on=REMEDY_ON,
                   summary="Pemberhentian dibatalkan.", employee_id=action.employee_id)


def test_an_annulled_dismissal_in_force_is_undone_through_a_reactivation_decided_and_applied(world):
    dismissal = _decide(world, action_type=ActionType.DISMISSAL, employee_id=world.employee.pk,
                        facts={"own_request": True}, tmt=dt.date(2026, 11, 23))
    services.apply_due_actions(on=dt.date(2026, 11, 23))
    world.employee.refresh_from_db()
    assert world.employee.status == "BERHENTI"

    _annul(world, PersonnelAction.objects.get(pk=dismissal.pk))
    amendment = ActionAmendment.objects.get(action=dismissal)
    draft = amendment.follow_up
    assert draft is not None and draft.action_type == ActionType.REACTIVATION
    assert draft.state == ActionState.DRAFT and draft.employee_id == world.employee.pk
    assert draft.facts["annulled_action"] == dismissal.pk and draft.decider
    # The law does not say how an annulled dismissal is undone: flagged, with the reason.
    assert "kajian hukum" in amendment.legal_review
    assert AuditEvent.objects.filter(object_type="actions.personnelaction", object_id=str(draft.pk), action="create").exists()

    client = Client()
    client.force_login(world.ppk)
    page = client.get(f"/tindakan/{dismissal.pk}/").content.decode()
    assert f"/tindakan/{draft.pk}/" in page and "kajian hukum" in page

    # The official with authority decides it through the ordinary workflow; the register follows.
    if draft.proposer:
        services.action_propose(actor=world.pyb, interface=W, action_id=draft.pk, on=REMEDY_ON)
    services.action_decide(actor=world.ppk, interface=W, action_id=draft.pk, on=REMEDY_ON)
    services.apply_due_actions(on=REMEDY_ON)
    draft.refresh_from_db()
    world.employee.refresh_from_db()
    assert draft.state == ActionState.EFFECTIVE and draft.sk_number
    assert world.employee.status == "AKTIF"
    history = list(PersonnelAction.objects.filter(employee=world.employee, state=ActionState.EFFECTIVE)
                   .order_by("tmt", "id").values_list("action_type", flat=True))
    assert history == [ActionType.DISMISSAL, ActionType.REACTIVATION]


def test_an_annulled_sk_not_yet_in_force_is_withdrawn_and_never_applied(world):
    dismissal = _decide(world, action_type=ActionType.DISMISSAL, employee_id=world.employee.pk,
                        facts={"own_request": True}, tmt=dt.date(2026, 12, 15))
    assert dismissal.state == ActionState.DECIDED
    _annul(world, dismissal)
    dismissal.refresh_from_db()
    assert dismissal.state == ActionState.WITHDRAWN and "800/KEB-1/2026" in dismissal.closed_reason
    amendment = ActionAmendment.objects.get(action=dismissal)
    assert amendment.follow_up is None
    assert services.apply_due_actions(on=dt.date(2026, 12, 16)) == []
    world.employee.refresh_from_db()
    assert world.employee.status == "AKTIF"


def test_when_the_law_refuses_the_reversal_the_outcome_stands_and_asks_for_legal_review(world):
    dismissal = _decide(world, action_type=ActionType.DISMISSAL, employee_id=world.employee.pk,
                        facts={"own_request": True}, tmt=dt.date(2026, 11, 23))
    services.apply_due_actions(on=dt.date(2026, 11, 23))
    # Without a recorded position the law cannot name who decides the reactivation.
    type(world.employee).objects.filter(pk=world.employee.pk).update(position=None)
    _annul(world, PersonnelAction.objects.get(pk=dismissal.pk))
    amendment = ActionAmendment.objects.get(action=dismissal)
    assert amendment.follow_up is None and "Jabatan pegawai belum tercatat" in amendment.legal_review
    assert not PersonnelAction.objects.filter(action_type=ActionType.REACTIVATION).exists()
