"""SKP plans: prepared from the registry (segments by position, the appraiser from the
hierarchy — UU 20/2023 Pasal 43), cascaded results with indicators and the leader's
expectations (Pasal 42 huruf c, d), behaviour expectations on the BerAKHLAK values
(Pasal 3-4), and the Plt assignments the hierarchy reads."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from simasn.accounts.actors import Actor
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ApplicationError
from simasn.core.interfaces import Interface
from simasn.core.providers import has_provider, provide
from simasn.law import behaviour_indicators
from simasn.law.grounds import Ground, cite
from simasn.performance import hierarchy
from simasn.performance.access import can_act_as_appraiser, can_act_as_owner
from simasn.performance.models import (
    ActingAssignment,
    BehaviourExpectation,
    CascadeKind,
    Indicator,
    IndicatorKind,
    PerformancePeriod,
    PerformancePlan,
    PlanStatus,
    WorkResult,
)
from simasn.performance.services._common import require, require_editable, require_open
from simasn.personnel.models import Employee
from simasn.positions.models import Position

PASAL_43 = cite(Ground.PERFORMANCE_PLAN)[0]


def acting_assign(*, actor: Actor, interface: Interface, position: Position, employee: Employee,
                  start_date: dt.date, end_date: dt.date | None = None, letter_number: str = "") -> ActingAssignment:
    """Record a Plt for a managerial position (the hierarchy reads it while the seat is empty)."""
    Scope.of(actor).require(Resource.PERFORMANCE_PERIOD, Action.UPDATE, instansi_id=position.instansi_id)
    if position.kind not in hierarchy.MANAGERIAL_RANK:
        raise ApplicationError(_("Plt hanya untuk jabatan manajerial."), fields={"position": [_("Bukan jabatan manajerial.")]})
    if end_date is not None and end_date < start_date:
        raise ApplicationError(_("Tanggal selesai sebelum tanggal mulai."), fields={"end_date": [_("Tidak valid.")]})
    with transaction.atomic(durable=True):
        acting = ActingAssignment.objects.create(
            instansi_id=position.instansi_id, position=position, employee=employee, start_date=start_date,
            end_date=end_date, letter_number=letter_number, created_by=actor, updated_by=actor)
        audit_record(actor=actor, action=AuditAction.CREATE, interface=interface, obj=acting,
                     changes={"position": position.pk, "employee": employee.pk, "start": str(start_date)})
    return acting


def _create_plans(*, actor: Actor, period: PerformancePeriod, employee: Employee) -> list[PerformancePlan]:
    existing = list(PerformancePlan.objects.filter(period=period, employee=employee))
    if existing:
        return existing
    created = []
    for seg in hierarchy.segments(employee=employee, start=period.start_date, end=period.end_date):
        position = Position.objects.get(pk=seg.position_id)
        superior = hierarchy.superior_on(employee=employee, position_id=seg.position_id, on=seg.start)
        created.append(PerformancePlan.objects.create(
            period=period, instansi_id=period.instansi_id, employee=employee, position=position,
            unit_id=position.unit_id, start_date=seg.start, end_date=seg.end,
            appraiser=superior.employee, appraiser_acting=superior.acting,
            appraiser_position_name=superior.position_name[:200],
            is_unit_leader=hierarchy.is_unit_head(position.pk), created_by=actor, updated_by=actor))
    return created


def plan_prepare(*, actor: Actor, interface: Interface, period: PerformancePeriod,
                 employee: Employee) -> list[PerformancePlan]:
    """The employee's SKP(s) for the period: one per position held in it, each with the
    appraiser the registry gives on the segment's first day. Idempotent."""
    scope = Scope.of(actor)
    require(employee.instansi_id == period.instansi_id and scope.allows(
        Resource.PERFORMANCE_PLAN, Action.CREATE, instansi_id=employee.instansi_id, employee_id=employee.pk))
    require_open(period)
    with transaction.atomic(durable=True):
        plans = _create_plans(actor=actor, period=period, employee=employee)
        if not plans:
            raise ApplicationError(_("Pegawai ini tidak memegang jabatan dalam periode tersebut."),
                                   code="no_position")
        for plan in plans:
            audit_record(actor=actor, action=AuditAction.CREATE, interface=interface, obj=plan,
                         changes={"start": str(plan.start_date), "end": str(plan.end_date),
                                  "appraiser": plan.appraiser_id, "acting": plan.appraiser_acting},
                         citations=[PASAL_43])
    return plans


def plans_prepare_all(*, actor: Actor, interface: Interface, period: PerformancePeriod) -> int:
    """Prepare the plans of every active employee of the instansi (the operator's start of year)."""
    Scope.of(actor).require(Resource.PERFORMANCE_PLAN, Action.CREATE, instansi_id=period.instansi_id)
    require_open(period)
    count = 0
    with transaction.atomic(durable=True):
        for employee in Employee.objects.filter(instansi_id=period.instansi_id, status="AKTIF").order_by("pk"):
            if not PerformancePlan.objects.filter(period=period, employee=employee).exists():
                count += len(_create_plans(actor=actor, period=period, employee=employee))
        audit_record(actor=actor, action=AuditAction.CREATE, interface=interface, obj=period,
                     changes={"plans_created": count}, citations=[PASAL_43])
    return count


def _ancestors(plan: PerformancePlan) -> list[int]:
    """Employee ids up the appraiser chain of the plan, within the same period."""
    found: list[int] = []
    current = plan
    while current.appraiser_id is not None and current.appraiser_id not in found:
        found.append(current.appraiser_id)
        nxt = (PerformancePlan.objects.filter(period_id=plan.period_id, employee_id=current.appraiser_id,
                                              start_date__lte=plan.end_date, end_date__gte=plan.start_date)
               .order_by("-start_date").first())
        if nxt is None:
            break
        current = nxt
    return found


def organisation_programmes(plan: PerformancePlan) -> list[dict[str, Any]]:
    """The programmes of the instansi's work plan for the plan's year (the work-plan chapter's
    provider; `[]` when it is not installed or the instansi has no plan)."""
    found = provide("workplans.programmes_of_instansi", instansi_id=plan.instansi_id, year=plan.period.year,
                    default=[])
    return list(found or [])


def result_add(*, actor: Actor, interface: Interface, plan: PerformancePlan, text: str,
               parent: WorkResult | None = None, organisation_goal: str = "", programme_key: str = "",
               indicators: list[dict[str, Any]] | None = None) -> WorkResult:
    """A work result: cascaded from a superior's result (directly from the appraiser's, or
    indirectly from one higher up) or, for the top of the instansi, an organisation goal.
    Where the instansi has a work plan for the year, an organisation goal is one of its
    programmes (`programme_key`), not free text (issue 15 item 2)."""
    require(can_act_as_owner(actor, plan, Action.UPDATE) or can_act_as_appraiser(actor, plan))
    require_editable(plan)
    text = (text or "").strip()
    if not text:
        raise ApplicationError(_("Rencana hasil kerja wajib diisi."), fields={"text": [_("Wajib diisi.")]})
    programme_key = (programme_key or "").strip()
    if programme_key or (parent is None and has_provider("workplans.programmes_of_instansi")):
        programmes = {p["key"]: p for p in organisation_programmes(plan)}
        if programme_key and programme_key not in programmes:
            raise ApplicationError(_("Program tidak ada dalam rencana kerja instansi tahun ini."),
                                   fields={"programme": [_("Tidak dikenal.")]})
        if programme_key:
            chosen = programmes[programme_key]
            organisation_goal = organisation_goal.strip() or f"{chosen['code']} {chosen['name']}"
        elif programmes and parent is None:
            raise ApplicationError(_("Instansi ini memiliki rencana kerja tahun %(year)s: pilih sasaran organisasi "
                                     "dari programnya.") % {"year": plan.period.year},
                                   fields={"programme": [_("Wajib dipilih.")]})
    if parent is not None and programme_key:
        raise ApplicationError(_("Pilih hasil kerja atasan atau program organisasi, tidak keduanya."),
                               fields={"programme": [_("Tidak keduanya.")]})
    if parent is not None:
        chain = _ancestors(plan)
        if parent.plan.period_id != plan.period_id or parent.plan.employee_id not in chain:
            raise ApplicationError(_("Hasil kerja yang diintervensi harus milik atasan dalam hierarki pada "
                                     "periode yang sama."), fields={"parent": [_("Bukan hasil kerja atasan.")]})
        cascade = CascadeKind.DIRECT if parent.plan.employee_id == plan.appraiser_id else CascadeKind.INDIRECT
    else:
        if plan.appraiser_id is not None and not organisation_goal.strip():
            raise ApplicationError(_("Pilih hasil kerja atasan yang diintervensi, atau isi sasaran organisasi."),
                                   fields={"parent": [_("Wajib diisi.")]})
        cascade = CascadeKind.ORGANISATION
    with transaction.atomic(durable=True):
        result = WorkResult.objects.create(plan=plan, parent=parent, cascade=cascade, text=text[:500],
                                           organisation_goal=organisation_goal.strip()[:300],
                                           organisation_programme=programme_key,
                                           created_by=actor, updated_by=actor)
        for row in indicators or []:
            _indicator_create(actor=actor, result=result, **row)
        audit_record(actor=actor, action=AuditAction.CREATE, interface=interface, obj=plan,
                     changes={"result": result.text, "cascade": cascade, "parent": parent.pk if parent else None,
                              "programme": programme_key},
                     citations=cite(Ground.PERFORMANCE_PLAN_CONTENT))
    return result


def _indicator_create(*, actor: Actor, result: WorkResult, text: str, kind: str, target: str) -> Indicator:
    if kind not in IndicatorKind.values or not (text or "").strip() or not (target or "").strip():
        raise ApplicationError(_("Indikator memerlukan uraian, jenis (kuantitatif/kualitatif) dan target."),
                               fields={"indicator": [_("Tidak lengkap.")]})
    return Indicator.objects.create(result=result, text=text.strip()[:300], kind=kind, target=target.strip()[:100],
                                    created_by=actor, updated_by=actor)


def indicator_add(*, actor: Actor, interface: Interface, result: WorkResult, text: str, kind: str,
                  target: str) -> Indicator:
    plan = result.plan
    require(can_act_as_owner(actor, plan, Action.UPDATE) or can_act_as_appraiser(actor, plan))
    require_editable(plan)
    with transaction.atomic(durable=True):
        indicator = _indicator_create(actor=actor, result=result, text=text, kind=kind, target=target)
        audit_record(actor=actor, action=AuditAction.CREATE, interface=interface, obj=plan,
                     changes={"indicator": indicator.text, "target": indicator.target})
    return indicator


def realisation_record(*, actor: Actor, interface: Interface, indicator: Indicator, realisation: str) -> Indicator:
    plan = indicator.result.plan
    require(can_act_as_owner(actor, plan, Action.UPDATE))
    require_editable(plan)
    with transaction.atomic(durable=True):
        before = indicator.realisation
        indicator.realisation = (realisation or "").strip()[:300]
        indicator.updated_by = actor
        indicator.save(update_fields=["realisation", "updated_by", "updated_at"])
        audit_record(actor=actor, action=AuditAction.UPDATE, interface=interface, obj=plan,
                     changes={"indicator": indicator.pk, "realisation": [before, indicator.realisation]})
    return indicator


def expectation_set(*, actor: Actor, interface: Interface, result: WorkResult, expectation: str) -> WorkResult:
    """The leader's expectation of a result (Pasal 42 huruf c): only the appraiser sets it."""
    plan = result.plan
    require(can_act_as_appraiser(actor, plan))
    require_editable(plan)
    with transaction.atomic(durable=True):
        result.leader_expectation = (expectation or "").strip()
        result.updated_by = actor
        result.save(update_fields=["leader_expectation", "updated_by", "updated_at"])
        audit_record(actor=actor, action=AuditAction.UPDATE, interface=interface, obj=plan,
                     changes={"result": result.pk, "leader_expectation": result.leader_expectation},
                     citations=cite(Ground.PERFORMANCE_EXPECTATION))
    return result


def behaviour_expectation_set(*, actor: Actor, interface: Interface, plan: PerformancePlan, value_code: str,
                              expectation: str) -> BehaviourExpectation:
    """The appraiser's expectation on one BerAKHLAK value (UU 20/2023 Pasal 4 ayat (2))."""
    require(can_act_as_appraiser(actor, plan))
    require_editable(plan)
    values = {v["code"]: v for v in behaviour_indicators(plan.start_date)}
    if value_code not in values:
        raise ApplicationError(_("Nilai dasar tidak dikenal."), fields={"value_code": [_("Tidak dikenal.")]})
    if not (expectation or "").strip():
        raise ApplicationError(_("Ekspektasi wajib diisi."), fields={"expectation": [_("Wajib diisi.")]})
    with transaction.atomic(durable=True):
        row, _created = BehaviourExpectation.objects.update_or_create(
            plan=plan, value_code=value_code,
            defaults={"expectation": expectation.strip(), "updated_by": actor, "created_by": actor})
        audit_record(actor=actor, action=AuditAction.UPDATE, interface=interface, obj=plan,
                     changes={"value": value_code, "expectation": row.expectation},
                     citations=[values[value_code]["citation"]])
    return row


def plan_agree(*, actor: Actor, interface: Interface, plan: PerformancePlan) -> PerformancePlan:
    """The appraiser agrees the plan (results with indicators and expectations)."""
    require(can_act_as_appraiser(actor, plan))
    require_editable(plan)
    if plan.status != PlanStatus.DRAFT:
        raise ApplicationError(_("SKP ini sudah disepakati."), code="not_draft")
    if not Indicator.objects.filter(result__plan=plan).exists():
        raise ApplicationError(_("SKP belum memiliki hasil kerja dengan indikator."), code="empty_plan")
    with transaction.atomic(durable=True):
        plan.status = PlanStatus.AGREED
        plan.updated_by = actor
        plan.save(update_fields=["status", "updated_by", "updated_at"])
        audit_record(actor=actor, action=AuditAction.TRANSITION, interface=interface, obj=plan,
                     changes={"status": [PlanStatus.DRAFT, PlanStatus.AGREED]}, citations=[PASAL_43])
    return plan
