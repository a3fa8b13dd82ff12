"""Drafting an action: the operator's form or the API, the law asked first (a refusal is audited)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from simasn.accounts.actors import Actor
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.actions import legal
from simasn.actions.models import (
    OPEN_STATES,
    RECORDED_TYPES,
    ActionState,
    ActionType,
    PersonnelAction,
)
from simasn.actions.services._common import ENDING_TYPES, _audit_refusal, _jsonable_facts, _today
from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ApplicationError, ConflictError, NotFoundError
from simasn.core.interfaces import Interface
from simasn.law.enums import EmployeeStatus, EmployeeType
from simasn.organization.models import Instansi
from simasn.personnel.models import Employee
from simasn.positions.models import Position


def action_draft(
    *,
    actor: Actor,
    interface: Interface,
    action_type: str,
    employee_id: int | None = None,
    position_id: int | None = None,
    candidate_type: str = "",
    candidate_name: str = "",
    facts: dict[str, Any] | None = None,
    tmt: dt.date | None = None,
    notes: str = "",
    on: dt.date | None = None,
) -> PersonnelAction:
    """An operator drafts an action; the law is asked first (a refusal is audited)."""
    on = on or _today()
    facts = _jsonable_facts(dict(facts or {}))
    _check_action_type(action_type)
    employee, position, instansi = _subjects(employee_id, position_id)
    scope = Scope.of(actor)
    scope.require(Resource.ACTION, Action.CREATE, instansi_id=instansi.pk)
    if employee is not None and not scope.allows_object(Resource.EMPLOYEE, Action.VIEW, employee):
        raise NotFoundError(_("Pegawai tidak ditemukan."))

    if employee is not None:
        candidate_type = _check_employee(employee, action_type, candidate_type)
    else:
        _check_outside_candidate(action_type, candidate_type, candidate_name)
    _check_position(action_type, position, instansi)

    suspension = None
    if action_type == ActionType.REACTIVATION and employee is not None:
        suspension = PersonnelAction.objects.filter(
            employee=employee, action_type=ActionType.TEMPORARY_DISMISSAL, state=ActionState.EFFECTIVE,
        ).order_by("-tmt", "-id").first()
    try:
        assessment = legal.assess(
            action_type=action_type, instansi=instansi, employee=employee, position=position,
            candidate_type=candidate_type, facts=facts, tmt=tmt, on=on, suspension=suspension,
        )
    except legal.LegalRefusal as error:
        _audit_refusal(actor=actor, interface=interface, error=error, step="draft",
                       instansi_id=instansi.pk, employee_id=employee.pk if employee else None,
                       repr_=f"{action_type} — {employee or candidate_name}")
        raise

    with transaction.atomic():
        action = PersonnelAction.objects.create(
            action_type=action_type, instansi=instansi, employee=employee,
            candidate_type=candidate_type, candidate_name=candidate_name.strip(),
            position=position,
            target_instansi=position.instansi if action_type == ActionType.TRANSFER and position else None,
            facts=facts, tmt=assessment.tmt, decider=assessment.decider, proposer=assessment.proposer,
            legal_outcome={**assessment.outcome, "authority": assessment.authority["outcome"]},
            citations=assessment.citations, explanation_id=assessment.explanation_id,
            explanation_en=assessment.explanation_en, notes=notes, drafted_by=actor,
            created_by=actor, updated_by=actor,
        )
        audit_record(
            actor=actor, action=AuditAction.CREATE, interface=interface, obj=action,
            changes={"after": {"action_type": action_type, "state": action.state,
                               "tmt": action.tmt, "decider": action.decider,
                               "proposer": action.proposer, "facts": facts}},
            citations=action.citations,
        )
        if action.target_instansi_id:
            # The receiving instansi's trail shows the transfer too.
            audit_record(
                actor=actor, action=AuditAction.CREATE, interface=interface, obj=action,
                instansi_id=action.target_instansi_id,
                changes={"after": {"action_type": action_type, "incoming": True}},
                citations=action.citations,
            )
    return action


def _check_action_type(action_type: str) -> None:
    """A known type, and not one recorded from another chapter (a discipline penalty)."""
    if action_type not in ActionType.values:
        raise ApplicationError(_("Jenis tindakan tidak dikenal."), code="validation",
                               fields={"action_type": [_("Pilih salah satu.")]})
    if action_type in RECORDED_TYPES:
        raise ApplicationError(_("Hukuman disiplin ditetapkan melalui menu Disiplin; SK-nya tercatat di sini."),
                               code="validation", fields={"action_type": [_("Pilih salah satu.")]})


def _subjects(employee_id: int | None, position_id: int | None) -> tuple[Employee | None, Position | None, Instansi]:
    """The employee and the position named, and the instansi that drafts: the employee's, or
    the position's for a candidate from outside the register."""
    employee = Employee.objects.select_related("position", "instansi").filter(pk=employee_id).first() \
        if employee_id else None
    position = Position.objects.select_related("instansi", "unit").filter(pk=position_id).first() \
        if position_id else None
    if employee_id and employee is None:
        raise NotFoundError(_("Pegawai tidak ditemukan."))
    if position_id and position is None:
        raise NotFoundError(_("Jabatan tidak ditemukan."))
    if employee is not None:
        return employee, position, employee.instansi
    if position is not None:
        return employee, position, position.instansi
    raise ApplicationError(_("Pilih pegawai."), code="validation", fields={"employee": [_("Wajib diisi.")]})


def _check_employee(employee: Employee, action_type: str, candidate_type: str) -> str:
    """The employee's status allows the action and none of its type is open; returns the
    candidate type (the employee's own)."""
    if candidate_type and candidate_type != employee.employee_type:
        raise ApplicationError(_("Jenis calon harus sama dengan jenis pegawai."), code="validation",
                               fields={"candidate_type": [_("Tidak sesuai.")]})
    allowed_status = (EmployeeStatus.DIBERHENTIKAN_SEMENTARA,) if action_type == ActionType.REACTIVATION else (
        (EmployeeStatus.AKTIF, EmployeeStatus.DIBERHENTIKAN_SEMENTARA) if action_type in ENDING_TYPES
        else (EmployeeStatus.AKTIF,))
    if employee.status not in allowed_status:
        raise ApplicationError(
            _("Status pegawai %(status)s tidak memungkinkan tindakan ini.")
            % {"status": employee.get_status_display()}, code="wrong_status")
    if PersonnelAction.objects.filter(employee=employee, action_type=action_type,
                                      state__in=OPEN_STATES).exists():
        raise ConflictError(_("Sudah ada tindakan sejenis yang sedang berjalan untuk pegawai ini."),
                            code="duplicate")
    return employee.employee_type


def _check_outside_candidate(action_type: str, candidate_type: str, candidate_name: str) -> None:
    """Only an appointment may name someone outside the register, and only TNI, Polri or non-ASN."""
    if action_type != ActionType.APPOINTMENT:
        raise ApplicationError(_("Pilih pegawai."), code="validation", fields={"employee": [_("Wajib diisi.")]})
    if candidate_type in ("", EmployeeType.PNS, EmployeeType.PPPK):
        raise ApplicationError(
            _("PNS dan PPPK didaftarkan dahulu di registri pegawai; calon dari luar registri "
              "hanya dapat berjenis TNI, Polri atau non-ASN."),
            code="validation", fields={"candidate_type": [_("Pilih jenis calon.")]})
    if not candidate_name.strip():
        raise ApplicationError(_("Nama calon wajib diisi."), code="validation",
                               fields={"candidate_name": [_("Wajib diisi.")]})


def _check_position(action_type: str, position: Position | None, instansi: Instansi) -> None:
    """An appointment fills a post of the drafting instansi; a post filled must be active."""
    if action_type == ActionType.APPOINTMENT and position is not None and position.instansi_id != instansi.pk:
        raise ApplicationError(_("Jabatan di instansi lain diisi melalui mutasi antarinstansi."),
                               code="validation", fields={"position": [_("Pilih jabatan di instansi ini.")]})
    if action_type in (ActionType.APPOINTMENT, ActionType.TRANSFER) and position is not None \
            and not position.is_active:
        raise ApplicationError(_("Jabatan tidak aktif."), code="validation", fields={"position": [_("Jabatan tidak aktif.")]})
