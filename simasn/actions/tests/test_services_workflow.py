from __future__ import annotations

import datetime as dt

import pytest

from simasn.accounts.roles import Role
from simasn.actions import services
from simasn.actions.legal import LegalRefusal
from simasn.actions.models import ActionDocument, ActionState, ActionType
from simasn.core.errors import ApplicationError, ConflictError, NotFoundError, PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.core.models import AuditEvent
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


def draft_retirement(world):
    return services.action_draft(actor=world.operator, interface=W, action_type=ActionType.RETIREMENT,
                                 employee_id=world.employee.pk, on=TODAY)


def test_retirement_draft_takes_tmt_and_authority_from_the_law(world):
    action = draft_retirement(world)
    assert action.state == ActionState.DRAFT
    # Administrator: BUP 58, born 10 Dec 1968 -> 10 Dec 2026 -> TMT 1 Jan 2027.
    assert action.tmt == dt.date(2027, 1, 1)
    assert action.decider == "PPK" and action.proposer == "PYB"
    assert any("Pasal 55" in c for c in action.citations)
    assert any("Pasal 29" in c for c in action.citations)
    assert AuditEvent.objects.filter(action="create", object_id=str(action.pk)).exists()


def test_full_path_draft_propose_decide_apply(world):
    action = draft_retirement(world)
    action = services.action_propose(actor=world.pyb, interface=W, action_id=action.pk,
                                     expected_version=action.version, on=TODAY)
    assert action.state == ActionState.PROPOSED
    action = services.action_decide(actor=world.ppk, interface=W, action_id=action.pk,
                                    expected_version=action.version, on=TODAY)
    assert action.state == ActionState.DECIDED
    assert action.sk_number and action.sk_date == TODAY
    assert action.decider_name == "Muhammad Farhan"
    doc = ActionDocument.objects.get(action=action)
    assert len(doc.sha256) == 64
    # Future TMT: nothing changes yet.
    world.employee.refresh_from_db()
    assert world.employee.status == "AKTIF"
    assert services.apply_due_actions(on=TODAY) == []
    assert services.apply_due_actions(on=dt.date(2027, 1, 1)) == [action.pk]
    world.employee.refresh_from_db()
    assert world.employee.status == "PENSIUN"
    events = AuditEvent.objects.filter(object_id=str(action.pk), action="transition")
    assert {e.changes["step"] for e in events} == {"propose", "decide", "apply"}
    assert all(e.citations for e in events)


def test_wrong_actor_refused_and_audited(world):
    action = draft_retirement(world)
    with pytest.raises(PermissionDeniedError) as err:
        services.action_propose(actor=world.operator, interface=W, action_id=action.pk, on=TODAY)
    assert "PyB" in err.value.message or "Pejabat yang Berwenang" in err.value.message
    # The President's office does not even see a case the PPK decides (404, not 403).
    with pytest.raises(NotFoundError):
        services.action_decide(actor=world.presiden, interface=W, action_id=action.pk, on=TODAY)
    assert AuditEvent.objects.filter(action="refused", object_id=str(action.pk)).count() >= 1


def test_decide_before_propose_is_wrong_state(world):
    action = draft_retirement(world)
    with pytest.raises(ConflictError) as err:
        services.action_decide(actor=world.ppk, interface=W, action_id=action.pk, on=TODAY)
    assert err.value.code == "invalid_state"


def test_wrong_state_after_decision(world):
    action = draft_retirement(world)
    services.action_propose(actor=world.pyb, interface=W, action_id=action.pk, on=TODAY)
    services.action_decide(actor=world.ppk, interface=W, action_id=action.pk, on=TODAY)
    with pytest.raises(ConflictError):
        services.action_withdraw(actor=world.operator, interface=W, action_id=action.pk,
                                 reason="salah", on=TODAY)
    with pytest.raises(ConflictError):
        services.action_decide(actor=world.ppk, interface=W, action_id=action.pk, on=TODAY)


def test_stale_version_is_a_conflict(world):
    action = draft_retirement(world)
    services.action_propose(actor=world.pyb, interface=W, action_id=action.pk,
                            expected_version=action.version, on=TODAY)
    with pytest.raises(ConflictError) as err:
        services.action_reject(actor=world.pyb, interface=W, action_id=action.pk, reason="x",
                               expected_version=action.version, on=TODAY)
    assert err.value.code == "stale"


def test_reject_and_withdraw_need_a_reason(world):
    action = draft_retirement(world)
    with pytest.raises(ApplicationError) as err:
        services.action_withdraw(actor=world.operator, interface=W, action_id=action.pk, reason=" ", on=TODAY)
    assert "reason" in err.value.fields
    action = services.action_withdraw(actor=world.operator, interface=W, action_id=action.pk,
                                      reason="Data tanggal lahir diperbaiki", on=TODAY)
    assert action.state == ActionState.WITHDRAWN and action.closed_reason
    again = draft_retirement(world)
    again = services.action_propose(actor=world.pyb, interface=W, action_id=again.pk, on=TODAY)
    again = services.action_reject(actor=world.ppk, interface=W, action_id=again.pk,
                                   reason="Belum ada usulan lengkap", on=TODAY)
    assert again.state == ActionState.REJECTED


def test_duplicate_open_action_refused(world):
    draft_retirement(world)
    with pytest.raises(ConflictError):
        draft_retirement(world)


def test_non_asn_appointment_refused_and_audited(world):
    with pytest.raises(ApplicationError) as err:
        services.action_draft(actor=world.operator, interface=W, action_type=ActionType.APPOINTMENT,
                              position_id=world.pelaksana_pos.pk, candidate_type="NON_ASN",
                              candidate_name="Budi Honorer", tmt=TODAY, on=TODAY)
    assert err.value.code == "rule_forbids"
    event = AuditEvent.objects.get(action="refused")
    assert any("Pasal 65" in c for c in event.citations)
    assert event.instansi_id == world.instansi.pk


def test_pppk_cannot_fill_a_position_not_open_to_pppk(world):
    from simasn.testing.factories import pppk

    worker = pppk(instansi=world.instansi, unit=world.unit, position=world.pelaksana_pos)
    with pytest.raises(ApplicationError) as err:
        services.action_draft(actor=world.operator, interface=W, action_type=ActionType.APPOINTMENT,
                              employee_id=worker.pk, position_id=world.admin_pos.pk, tmt=TODAY, on=TODAY)
    assert err.value.code == "rule_forbids"


def test_operator_of_another_instansi_cannot_draft(world):
    stranger = user_with_role(Role.OPERATOR, instansi=world.other_instansi)
    with pytest.raises(PermissionDeniedError):
        services.action_draft(actor=stranger, interface=W, action_type=ActionType.RETIREMENT,
                              employee_id=world.employee.pk, on=TODAY)


def test_appointment_changes_position_and_writes_history(world):
    clerk = EmployeeFactory(instansi=world.instansi, unit=world.unit, position=world.pelaksana_pos,
                            rank="III/d")
    action = services.action_draft(actor=world.operator, interface=W, action_type=ActionType.APPOINTMENT,
                                   employee_id=clerk.pk, position_id=world.admin_pos.pk,
                                   tmt=dt.date(2026, 12, 1), on=TODAY)
    services.action_propose(actor=world.pyb, interface=W, action_id=action.pk, on=TODAY)
    services.action_decide(actor=world.ppk, interface=W, action_id=action.pk, on=TODAY)
    assert services.apply_due_actions(on=dt.date(2026, 12, 5)) == [action.pk]
    clerk.refresh_from_db()
    assert clerk.position_id == world.admin_pos.pk
    row = clerk.position_history.get(end_date__isnull=True)
    action.refresh_from_db()
    assert row.sk_number == action.sk_number and row.start_date == dt.date(2026, 12, 1)
    assert row.sk_date == TODAY and "UU 20/2023" in row.legal_basis


def test_jpt_madya_only_the_president_decides(db):
    kementerian = InstansiFactory(kind="KEMENTERIAN", name="Kementerian Uji")
    unit = UnitFactory(instansi=kementerian)
    madya = PositionFactory(unit=unit, name="Sekretaris Jenderal", kind="JPT_MADYA", open_to_pppk=False)
    pratama = PositionFactory(unit=unit, name="Kepala Biro", kind="JPT_PRATAMA", open_to_pppk=False)
    OfficialFactory(instansi=kementerian, role="PPK", title="Menteri Uji")
    person = EmployeeFactory(instansi=kementerian, unit=unit, position=pratama, rank="IV/c")
    operator = user_with_role(Role.OPERATOR, instansi=kementerian)
    pyb = user_with_role(Role.PYB, instansi=kementerian)
    ppk = user_with_role(Role.PPK, instansi=kementerian)
    presiden = user_with_role(Role.PRESIDEN)
    action = services.action_draft(actor=operator, interface=W, action_type=ActionType.APPOINTMENT,
                                   employee_id=person.pk, position_id=madya.pk,
                                   tmt=dt.date(2027, 1, 2), on=TODAY)
    assert action.decider == "PRESIDEN" and action.proposer == ""
    with pytest.raises(PermissionDeniedError):
        services.action_propose(actor=pyb, interface=W, action_id=action.pk, on=TODAY)
    with pytest.raises(PermissionDeniedError) as err:
        services.action_decide(actor=ppk, interface=W, action_id=action.pk, on=TODAY)
    assert "Presiden" in err.value.message
    action = services.action_decide(actor=presiden, interface=W, action_id=action.pk, on=TODAY)
    assert action.state == ActionState.DECIDED and "/TPA/" in action.sk_number


def test_transfer_between_instansi_needs_acceptance(world):
    unit = UnitFactory(instansi=world.other_instansi)
    target = PositionFactory(unit=unit, kind="ADMINISTRATOR", open_to_pppk=False)
    action = services.action_draft(actor=world.operator, interface=W, action_type=ActionType.TRANSFER,
                                   employee_id=world.employee.pk, position_id=target.pk,
                                   tmt=dt.date(2026, 12, 1), on=TODAY)
    assert action.target_instansi_id == world.other_instansi.pk
    services.action_propose(actor=world.pyb, interface=W, action_id=action.pk, on=TODAY)
    with pytest.raises(ApplicationError) as err:
        services.action_decide(actor=world.ppk, interface=W, action_id=action.pk, on=TODAY)
    assert err.value.code == "not_accepted"
    with pytest.raises(PermissionDeniedError):
        services.action_accept(actor=world.ppk, interface=W, action_id=action.pk, on=TODAY)
    services.action_accept(actor=world.other_ppk, interface=W, action_id=action.pk, on=TODAY)
    services.action_decide(actor=world.ppk, interface=W, action_id=action.pk, on=TODAY)
    services.apply_due_actions(on=dt.date(2026, 12, 1))
    world.employee.refresh_from_db()
    assert world.employee.instansi_id == world.other_instansi.pk


def test_dismissal_dishonourable_with_court_facts(world):
    action = services.action_draft(
        actor=world.operator, interface=W, action_type=ActionType.DISMISSAL, employee_id=world.employee.pk,
        facts={"verdict_final": True, "sentence_kind": "PENJARA", "sentence_months": 30,
               "crime_related_to_position": True, "verdict_number": "12/Pid.Sus-TPK/2026/PN Bdg",
               "verdict_date": "2026-09-01"},
        tmt=dt.date(2026, 12, 1), on=TODAY)
    assert action.legal_outcome["dismissal"]["category"] == "TIDAK_DENGAN_HORMAT"
    assert any("huruf i" in c for c in action.citations)


def test_dismissal_without_ground_refused(world):
    with pytest.raises(ApplicationError) as err:
        services.action_draft(
            actor=world.operator, interface=W, action_type=ActionType.DISMISSAL,
            employee_id=world.employee.pk, facts={"ground": "g", "discipline_level": "RINGAN"},
            tmt=dt.date(2026, 12, 1), on=TODAY)
    assert err.value.code == "rule_forbids"


def test_temporary_dismissal_and_reactivation(world):
    action = services.action_draft(
        actor=world.operator, interface=W, action_type=ActionType.TEMPORARY_DISMISSAL,
        employee_id=world.employee.pk, facts={"reason": "DITAHAN", "detention_status": "TERSANGKA"},
        tmt=dt.date(2026, 11, 1), on=TODAY)
    services.action_propose(actor=world.pyb, interface=W, action_id=action.pk, on=TODAY)
    services.action_decide(actor=world.ppk, interface=W, action_id=action.pk, on=TODAY)
    services.apply_due_actions(on=TODAY)
    world.employee.refresh_from_db()
    assert world.employee.status == "DIBERHENTIKAN_SEMENTARA"
    back = services.action_draft(actor=world.operator, interface=W, action_type=ActionType.REACTIVATION,
                                 employee_id=world.employee.pk, tmt=dt.date(2026, 12, 1), on=TODAY)
    assert back.decider == "PPK"
    assert any("Pasal 53 ayat (3)" in c for c in back.citations)


def test_contract_end_for_pppk(world):
    from simasn.testing.factories import pppk

    worker = pppk(instansi=world.instansi, unit=world.unit, position=world.pelaksana_pos,
                  contract_end=dt.date(2027, 3, 31))
    action = services.action_draft(actor=world.operator, interface=W, action_type=ActionType.CONTRACT_END,
                                   employee_id=worker.pk, on=TODAY)
    assert action.tmt == dt.date(2027, 4, 1)
    with pytest.raises(ApplicationError):
        services.action_draft(actor=world.operator, interface=W, action_type=ActionType.CONTRACT_END,
                              employee_id=world.employee.pk, on=TODAY)


def test_candidacy_resignation(world):
    action = services.action_draft(
        actor=world.operator, interface=W, action_type=ActionType.CANDIDACY_RESIGNATION,
        employee_id=world.employee.pk, facts={"election": "BUPATI_WALIKOTA_WAKIL",
                                              "candidate_set_on": dt.date(2026, 9, 22)}, on=TODAY)
    assert action.tmt == dt.date(2026, 9, 22)
    assert any("Pasal 59 ayat (3)" in c for c in action.citations)
    with pytest.raises(ApplicationError) as err:
        services.action_draft(
            actor=world.operator, interface=W, action_type=ActionType.CANDIDACY_RESIGNATION,
            employee_id=EmployeeFactory(instansi=world.instansi, position=world.pelaksana_pos).pk,
            facts={"election": "KEPALA_DESA", "candidate_set_on": dt.date(2026, 9, 22)}, on=TODAY)
    assert err.value.code == "needs_legal_review"


def test_decide_rechecks_the_law_and_audits_the_refusal(world):
    from simasn.testing.factories import pppk

    worker = pppk(instansi=world.instansi, unit=world.unit, position=world.pelaksana_pos)
    target = PositionFactory(unit=world.unit, kind="PELAKSANA", open_to_pppk=True)
    action = services.action_draft(actor=world.operator, interface=W, action_type=ActionType.APPOINTMENT,
                                   employee_id=worker.pk, position_id=target.pk, tmt=dt.date(2026, 12, 1),
                                   on=TODAY)
    services.action_propose(actor=world.pyb, interface=W, action_id=action.pk, on=TODAY)
    # The position is no longer one of those open to PPPK (Pasal 19, 34) when the PPK decides.
    target.open_to_pppk = False
    target.save()
    with pytest.raises(ApplicationError) as err:
        services.action_decide(actor=world.ppk, interface=W, action_id=action.pk, on=TODAY)
    assert err.value.code == "rule_forbids"
    action.refresh_from_db()
    assert action.state == ActionState.PROPOSED and action.sk_number is None
    refused = AuditEvent.objects.get(action="refused", object_id=str(action.pk))
    assert refused.extra["step"] == "decide" and refused.citations


def test_receiving_instansi_may_refuse_a_transfer(world):
    unit = UnitFactory(instansi=world.other_instansi)
    target = PositionFactory(unit=unit, kind="ADMINISTRATOR", open_to_pppk=False)
    action = services.action_draft(actor=world.operator, interface=W, action_type=ActionType.TRANSFER,
                                   employee_id=world.employee.pk, position_id=target.pk,
                                   tmt=dt.date(2026, 12, 1), on=TODAY)
    services.action_propose(actor=world.pyb, interface=W, action_id=action.pk, on=TODAY)
    action = services.action_reject(actor=world.other_ppk, interface=W, action_id=action.pk,
                                     reason="Formasi jabatan tujuan sudah terisi.", on=TODAY)
    assert action.state == ActionState.REJECTED
    # Both instansi's audit trails show the transfer.
    assert AuditEvent.objects.filter(object_id=str(action.pk), instansi_id=world.other_instansi.pk).exists()


def test_the_system_step_cannot_be_taken_by_a_person(world):
    action = draft_retirement(world)
    services.action_propose(actor=world.pyb, interface=W, action_id=action.pk, on=TODAY)
    services.action_decide(actor=world.ppk, interface=W, action_id=action.pk, on=TODAY)
    with pytest.raises(ConflictError) as err:
        services.action_apply(action_id=action.pk, on=TODAY)  # TMT 1 January 2027 not reached
    assert err.value.code == "not_due"


def test_appointment_or_transfer_into_a_full_position_is_refused_by_the_law_check(world):
    """Issue 12 item 9: no free seat, no appointment (Pasal 60 ayat (1) "sepanjang tersedia
    lowongan jabatan"); the refusal names the article and is audited."""
    clerk = EmployeeFactory(instansi=world.instansi, unit=world.unit, position=world.pelaksana_pos, rank="III/d")
    head = PositionFactory(unit=world.unit, name="Kepala Bagian Tata Pemerintahan", kind="ADMINISTRATOR",
                           open_to_pppk=False, seats=1)
    EmployeeFactory(instansi=world.instansi, unit=world.unit, position=head, rank="IV/a")
    with pytest.raises(LegalRefusal) as err:
        services.action_draft(actor=world.operator, interface=W, action_type=ActionType.APPOINTMENT,
                              employee_id=clerk.pk, position_id=head.pk,
                              tmt=dt.date(2026, 12, 1), on=TODAY)
    assert "Tidak tersedia lowongan jabatan" in err.value.message
    assert "UU 20/2023 Pasal 60 ayat (1)" in err.value.decision.citations
    assert "UU 20/2023 Pasal 60 ayat (1)" in AuditEvent.objects.get(action="refused").citations
    full = PositionFactory(unit=UnitFactory(instansi=world.other_instansi), kind="ADMINISTRATOR",
                           open_to_pppk=False, seats=1)
    EmployeeFactory(instansi=world.other_instansi, unit=full.unit, position=full)
    with pytest.raises(LegalRefusal):
        services.action_draft(actor=world.operator, interface=W, action_type=ActionType.TRANSFER,
                              employee_id=world.employee.pk, position_id=full.pk, tmt=dt.date(2027, 1, 2), on=TODAY)
    # A second seat makes room.
    head.seats = 2
    head.save()
    action = services.action_draft(actor=world.operator, interface=W, action_type=ActionType.APPOINTMENT,
                                   employee_id=clerk.pk, position_id=head.pk,
                                   tmt=dt.date(2026, 12, 1), on=TODAY)
    assert action.legal_outcome["position_vacancy"] == {"vacant": True, "free_seats": 1}


def test_only_the_drafting_instansi_withdraws(world):
    """The drafter (the operator of the employee's instansi) withdraws a draft; another
    instansi's operator and the instansi's own PyB do not, and the draft stays as it was."""
    action = draft_retirement(world)
    stranger = user_with_role(Role.OPERATOR, instansi=world.other_instansi)
    for actor in (stranger, world.pyb):
        with pytest.raises((PermissionDeniedError, NotFoundError)):
            services.action_withdraw(actor=actor, interface=W, action_id=action.pk, reason="Salah data", on=TODAY)
        action.refresh_from_db()
        assert action.state == ActionState.DRAFT
    action = services.action_withdraw(actor=world.operator, interface=W, action_id=action.pk,
                                      reason="Salah data", on=TODAY)
    assert action.state == ActionState.WITHDRAWN
