"""Development plans from gaps (UU 20/2023 Pasal 49; issue 16 item 8): writes.

A plan per employee and year lists the identified needs — the competence gap of the
position (the level its standard requires against the level assessed) and the development
needs the appraiser wrote on the year's performance ratings (the performance chapter's
provider ``performance.development_needs``) — each with the learning planned (form, JP).
Learning records linked to a need mark it done once they reach the planned JP; the share of
the year's JP spent on identified needs is read in ``selectors.development_plan_summary``.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from simasn.accounts.actors import Actor
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ApplicationError, NotFoundError
from simasn.core.interfaces import Interface
from simasn.core.providers import provide
from simasn.law.enums import LearningForm
from simasn.law.grounds import Ground, cite
from simasn.learning.models import DevelopmentNeed, DevelopmentPlan, LearningRecord, NeedSource
from simasn.personnel.models import Employee

PASAL_49 = cite(Ground.DEVELOPMENT_PLAN)[0]
#: Levels of a competency standard (the scale of the position's standard, 1-5).
LEVELS = range(1, 6)


def _refuse(field: str, message: str) -> ApplicationError:
    return ApplicationError(message, code="validation", fields={field: [message]})


def _employee(actor: Actor, employee_id: int, action: Action) -> Employee:
    employee = Employee.objects.filter(pk=employee_id).first()
    scope = Scope.of(actor)
    if employee is None or not scope.allows(Resource.DEVELOPMENT_PLAN, Action.VIEW,
                                            instansi_id=employee.instansi_id, employee_id=employee.pk):
        raise NotFoundError(_("Pegawai tidak ditemukan."))
    scope.require(Resource.DEVELOPMENT_PLAN, action, instansi_id=employee.instansi_id, employee_id=employee.pk)
    return employee


def _add_need(*, actor: Actor, plan: DevelopmentPlan, data: dict[str, Any]) -> DevelopmentNeed:
    source = data.get("source") or ""
    if source not in NeedSource.values:
        raise _refuse("source", _("Sumber kebutuhan tidak dikenal."))
    competency = str(data.get("competency") or "").strip()
    if not competency:
        raise _refuse("competency", _("Kompetensi atau kebutuhan wajib diisi."))
    form = str(data.get("planned_form") or "")
    if form not in {f.value for f in LearningForm}:
        raise _refuse("planned_form", _("Bentuk pengembangan tidak dikenal."))
    try:
        jp = Decimal(str(data.get("planned_jp")))
    except (InvalidOperation, ValueError):
        raise _refuse("planned_jp", _("JP direncanakan harus angka.")) from None
    if not jp.is_finite() or jp <= 0 or jp > 1000:
        raise _refuse("planned_jp", _("JP direncanakan harus lebih dari 0 dan paling banyak 1.000."))
    standard, assessed = data.get("standard_level"), data.get("assessed_level")
    if source == NeedSource.COMPETENCE_GAP:
        if not isinstance(standard, int) or not isinstance(assessed, int) or standard not in LEVELS \
                or assessed not in LEVELS:
            raise _refuse("standard_level", _("Kesenjangan kompetensi memerlukan level standar jabatan dan level "
                                              "hasil asesmen (1-5)."))
        if assessed >= standard:
            raise _refuse("assessed_level", _("Level hasil asesmen sudah memenuhi standar jabatan: tidak ada "
                                              "kesenjangan."))
        if not str(data.get("evidence") or "").strip():
            raise _refuse("evidence", _("Sebutkan sumber standar dan hasil asesmen."))
    else:
        standard = assessed = None
    return DevelopmentNeed.objects.create(
        plan=plan, source=source, competency=competency[:200], standard_level=standard, assessed_level=assessed,
        evidence=str(data.get("evidence") or "").strip()[:300], planned_form=form, planned_jp=jp,
        note=str(data.get("note") or "").strip()[:300], created_by=actor, updated_by=actor)


def development_plan_prepare(*, actor: Actor, interface: Interface, employee_id: int, year: int,
                             default_form: str = LearningForm.PELATIHAN_KLASIKAL.value,
                             default_jp: Decimal = Decimal("8")) -> DevelopmentPlan:
    """The employee's plan for `year` (created once), with each development need the
    appraiser wrote on the performance ratings of the year before and of `year` taken in as
    a need (form and JP to be adjusted), and the year's appraiser (who reads the plan as the
    superior) taken from the SKP. Idempotent: a need already in the plan is not added
    again."""
    employee = _employee(actor, employee_id, Action.CREATE)
    if not 2000 <= year <= 2200:
        raise _refuse("year", _("Tahun tidak valid."))
    with transaction.atomic(durable=True):
        plan, created = DevelopmentPlan.objects.get_or_create(
            employee=employee, year=year, defaults={"created_by": actor, "updated_by": actor})
        appraiser_id = (provide("performance.appraisers", employee_ids=[employee.pk], year=year, default={})
                        or {}).get(employee.pk)
        moved = plan.appraiser_id != appraiser_id
        if moved:  # the superior who reads the plan follows the year's SKP
            plan.appraiser_id = appraiser_id
            plan.save(update_fields=["appraiser", "updated_at"])
        known = {n.competency for n in plan.needs.all()}
        taken: list[str] = []
        for from_year in (year - 1, year):
            needs = provide("performance.development_needs", employee_ids=[employee.pk], year=from_year, default={})
            for text in (needs or {}).get(employee.pk, []):
                text = str(text).strip()[:200]
                if text and text not in known:
                    _add_need(actor=actor, plan=plan, data={
                        "source": NeedSource.PERFORMANCE, "competency": text, "planned_form": default_form,
                        "planned_jp": default_jp,
                        "evidence": _("Penilaian kinerja %(year)s") % {"year": from_year}})
                    known.add(text)
                    taken.append(text)
        if created or taken or moved:
            audit_record(actor=actor, action=AuditAction.CREATE if created else AuditAction.UPDATE,
                         interface=interface, obj=plan, changes={"year": year, "needs_from_performance": taken,
                                                                 "appraiser": appraiser_id},
                         citations=cite(Ground.DEVELOPMENT_FROM_PERFORMANCE))
    return plan


def development_need_add(*, actor: Actor, interface: Interface, plan: DevelopmentPlan, source: str,
                         competency: str, planned_form: str, planned_jp: Any, standard_level: int | None = None,
                         assessed_level: int | None = None, evidence: str = "", note: str = "") -> DevelopmentNeed:
    """Add a need to a plan: a competence gap (standard vs assessed level, with where they
    come from) or a performance need, with the learning planned for it."""
    _employee(actor, plan.employee_id, Action.UPDATE)
    with transaction.atomic(durable=True):
        need = _add_need(actor=actor, plan=plan, data={
            "source": source, "competency": competency, "planned_form": planned_form, "planned_jp": planned_jp,
            "standard_level": standard_level, "assessed_level": assessed_level, "evidence": evidence, "note": note})
        audit_record(actor=actor, action=AuditAction.CREATE, interface=interface, obj=plan,
                     changes={"need": need.competency, "source": need.source, "standard": need.standard_level,
                              "assessed": need.assessed_level, "planned_form": need.planned_form,
                              "planned_jp": str(need.planned_jp)},
                     citations=[PASAL_49])
    return need


def development_record_link(*, actor: Actor, interface: Interface, need: DevelopmentNeed,
                            record: LearningRecord | None) -> DevelopmentNeed:
    """Link a learning record of the plan's employee and year to a need (planned → done)."""
    plan = need.plan
    _employee(actor, plan.employee_id, Action.UPDATE)
    if record is None or record.employee_id != plan.employee_id:
        raise _refuse("record", _("Catatan pembelajaran bukan milik pegawai ini."))
    if record.end_date.year != plan.year:
        raise _refuse("record", _("Catatan pembelajaran tidak selesai pada tahun rencana ini."))
    with transaction.atomic(durable=True):
        before = record.development_need_id
        record.development_need = need
        record.updated_by = actor
        record.save(update_fields=["development_need", "updated_by", "updated_at"])
        audit_record(actor=actor, action=AuditAction.UPDATE, interface=interface, obj=plan,
                     changes={"need": need.pk, "record": record.pk, "record_need": [before, need.pk]},
                     citations=[PASAL_49])
    return need
