"""Writes on rewards: record an award, recompute the year's Satyalancana list, propose."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from simasn.accounts.actors import Actor
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ApplicationError, NotFoundError
from simasn.core.interfaces import Interface
from simasn.core.providers import provide
from simasn.law import SatyalancanaRecord
from simasn.law.grounds import Ground, cite
from simasn.organization.models import Instansi
from simasn.personnel.models import Employee
from simasn.rewards import legal
from simasn.rewards.models import Award, CandidateState, SatyalancanaCandidate

#: The assessment's reason codes (simasn.law rewards.satyalancana), in words.
REASONS = {
    "ELIGIBLE": gettext_lazy("Memenuhi masa kerja dan tidak pernah dijatuhi hukuman disiplin sedang atau berat."),
    "ALL_AWARDED": gettext_lazy("Semua kelas yang dicapai sudah diberikan."),
    "NOT_YET": gettext_lazy("Masa kerja belum mencapai kelas berikutnya."),
    "NOT_YET_SERVING": gettext_lazy("Masa kerja belum mencapai kelas berikutnya."),
    "BARRED_BY_PENALTY": gettext_lazy("Pernah dijatuhi hukuman disiplin sedang atau berat dalam masa kerja yang dihitung."),
}


def _today() -> dt.date:
    return timezone.localdate()


def award_record(
    *, actor: Actor, interface: Interface, employee_id: int, component: str, form: str, title: str,
    decision_number: str, decision_date: dt.date, amount: Decimal | None = None,
) -> Award:
    """Record an award with its decision; the funding source follows the instansi kind (Pasal 50)."""
    employee = Employee.objects.select_related("instansi").filter(pk=employee_id).first()
    if employee is None:
        raise NotFoundError(_("Pegawai tidak ditemukan."))
    Scope.of(actor).require(Resource.REWARD, Action.CREATE, instansi_id=employee.instansi_id)
    forms = legal.component_form_codes(on=decision_date)
    if component not in forms or form not in forms[component]:
        raise ApplicationError(_("Pilih komponen dan bentuk penghargaan menurut UU 20/2023 Pasal 21."),
                               code="validation", fields={"form": [_("Bentuk tidak sesuai dengan komponennya.")]})
    if not title.strip() or not decision_number.strip():
        raise ApplicationError(_("Nama penghargaan dan nomor keputusan wajib diisi."), code="validation",
                               fields={"title": [_("Wajib diisi.")], "decision_number": [_("Wajib diisi.")]})
    if decision_date > _today():
        raise ApplicationError(_("Tanggal keputusan tidak boleh di masa depan."), code="validation",
                               fields={"decision_date": [_("Tanggal tidak valid.")]})
    if amount is not None and amount < 0:
        raise ApplicationError(_("Nilai tidak boleh negatif."), code="validation", fields={"amount": [_("Tidak valid.")]})
    source, citations = legal.funding_source(employee.instansi.kind, on=decision_date)
    with transaction.atomic(durable=True):
        award = Award.objects.create(
            instansi_id=employee.instansi_id, employee=employee, component=component, form=form,
            title=title.strip(), amount=amount, decision_number=decision_number.strip(), decision_date=decision_date,
            funding_source=source, citations=[*cite(Ground.REWARDS), *citations],
            created_by=actor, updated_by=actor)
        audit_record(actor=actor, action=AuditAction.CREATE, interface=interface, obj=award,
                     changes={"component": component, "form": form, "amount": str(amount or "")},
                     citations=award.citations)
    return award


#: Employees read, asked about and written per round trip: a national run reads the
#: register column-wise in chunks, never one query per employee or per instansi.
CHUNK = 20_000


def _chunks(ids: list[int]) -> list[list[int]]:
    return [ids[i:i + CHUNK] for i in range(0, len(ids), CHUNK)]


def satyalancana_refresh(*, actor: Actor, interface: Interface, instansi_id: int,
                         on: dt.date | None = None) -> dict[str, int]:
    """Assess every PNS in service of the instansi for the year of ``on`` (PP 25/1994 Pasal 4,
    with the discipline record from simasn.discipline); proposed candidates are kept."""
    return satyalancana_refresh_many(actor=actor, interface=interface, instansi_ids=[instansi_id], on=on)


def satyalancana_refresh_many(*, actor: Actor, interface: Interface, instansi_ids: list[int] | None = None,
                              on: dt.date | None = None) -> dict[str, int]:
    """The yearly list for many instansi at once (``None``: every instansi not archived — the
    daily job), set-based: the PNS rows, the discipline record and the earlier proposals are
    read in chunks of ``CHUNK`` employees, the law is loaded once, the year's rows are
    replaced with one delete and batched inserts, in one transaction with one audit event
    per instansi. A PNS proposed this year (in any instansi) is kept as proposed."""
    on = on or _today()
    if actor is not None:  # None: the daily job, acting for the system
        if instansi_ids is None:
            raise ApplicationError(_("Pilih instansi."), code="validation")
        scope = Scope.of(actor)
        for pk in instansi_ids:
            scope.require(Resource.SATYALANCANA, Action.CREATE, instansi_id=pk)
    in_service = Employee.objects.filter(employee_type="PNS", tmt_cpns__isnull=False).exclude(
        status__in=("BERHENTI", "PENSIUN", "MENINGGAL"))
    if instansi_ids is None:
        instansi_ids = list(Instansi.objects.filter(archived_at__isnull=True).values_list("id", flat=True))
        in_service = in_service.filter(instansi__archived_at__isnull=True)
    else:
        in_service = in_service.filter(instansi_id__in=instansi_ids)
    employees = [(pk, inst, tmt) for pk, inst, tmt in
                 in_service.order_by("id").values_list("id", "instansi_id", "tmt_cpns") if tmt is not None]
    instansi_of = {pk: inst for pk, inst, _tmt in employees}
    ids = list(instansi_of)
    record: dict[int, Any] | None = {}
    awarded: dict[int, list[str]] = {}
    for chunk in _chunks(ids):
        part = provide("discipline.record", employee_ids=chunk, on=on, default=None)
        if part is None:
            record = None
        elif record is not None:
            record.update(part)
        for emp_id, klass in SatyalancanaCandidate.objects.filter(
                employee_id__in=chunk, state=CandidateState.DIUSULKAN, year__lt=on.year).values_list(
                "employee_id", "eligible_class"):
            awarded.setdefault(emp_id, []).append(klass)
    records = [SatyalancanaRecord(employee_id=pk, tmt_cpns=tmt,
                                  penalties=tuple(legal.penalties_from_record((record or {}).get(pk))),
                                  awarded=tuple(awarded.get(pk, ())))
               for pk, _inst, tmt in employees]
    results = legal.assess(records, on=on)
    unknown_record = record is None
    review_note = " " + _("Tafsiran hukum berbeda (masa hukuman atau masa di luar dinas): perlu kajian hukum.")
    unknown_note = " " + _("Catatan disiplin tidak tersedia.")
    reasons = {code: str(text) for code, text in REASONS.items()}
    assessed: dict[int, int] = dict.fromkeys(instansi_ids, 0)
    for _pk, inst, _tmt in employees:
        assessed[inst] = assessed.get(inst, 0) + 1
    written: dict[int, int] = dict.fromkeys(instansi_ids, 0)
    with transaction.atomic(durable=True):
        this_year = SatyalancanaCandidate.objects.filter(year=on.year)
        kept: set[int] = set(this_year.filter(instansi_id__in=instansi_ids, state=CandidateState.DIUSULKAN)
                             .values_list("employee_id", flat=True))
        this_year.filter(instansi_id__in=instansi_ids).exclude(state=CandidateState.DIUSULKAN).delete()
        for chunk in _chunks(ids):
            # A PNS who moved here keeps a proposal made by the former instansi; a row the
            # former instansi had not proposed is replaced (one row per PNS and year).
            kept.update(this_year.filter(employee_id__in=chunk, state=CandidateState.DIUSULKAN)
                        .values_list("employee_id", flat=True))
            this_year.filter(employee_id__in=chunk).exclude(state=CandidateState.DIUSULKAN).delete()
        rows = []
        for r in results:
            if r.employee_id in kept:
                continue
            review = r.needs_legal_review or unknown_record
            reason = reasons.get(r.reason, r.reason)
            if r.needs_legal_review:
                reason += review_note
            if unknown_record:
                reason += unknown_note
            inst = instansi_of[r.employee_id]
            written[inst] += 1
            rows.append(SatyalancanaCandidate(
                year=on.year, instansi_id=inst, employee_id=r.employee_id, assessed_on=on,
                eligible_class=r.eligible_class or "", next_class=r.next_class or "", next_class_on=r.next_class_on,
                reason=reason, state=CandidateState.PERLU_KAJIAN if review else CandidateState.CALON,
                created_by=actor, updated_by=actor))
        SatyalancanaCandidate.objects.bulk_create(rows, batch_size=2_000)
        for inst in instansi_ids:
            audit_record(actor=actor, action=AuditAction.UPDATE, interface=interface,
                         object_type="rewards.satyalancanacandidate", object_repr=f"Satyalancana {on.year}",
                         instansi_id=inst, changes={"assessed": assessed.get(inst, 0), "candidates": written[inst]},
                         citations=cite(Ground.SATYALANCANA), extra={"step": "refresh", "year": on.year})
    return {"assessed": len(records), "candidates": len(rows), "instansi": len(instansi_ids)}


def satyalancana_propose(*, actor: Actor, interface: Interface, candidate: SatyalancanaCandidate,
                         on: dt.date | None = None) -> SatyalancanaCandidate:
    """The PPK proposes an eligible candidate (not one that needs legal review)."""
    on = on or _today()
    Scope.of(actor).require(Resource.SATYALANCANA, Action.UPDATE, obj=candidate)
    with transaction.atomic(durable=True):
        candidate = SatyalancanaCandidate.objects.select_for_update().get(pk=candidate.pk)
        if candidate.state != CandidateState.CALON:
            raise ApplicationError(_("Hanya calon yang memenuhi syarat dapat diusulkan."), code="not_eligible")
        candidate.state = CandidateState.DIUSULKAN
        candidate.proposed_on = on
        candidate.proposed_by = actor
        candidate.updated_by = actor
        candidate.save()
        audit_record(actor=actor, action=AuditAction.TRANSITION, interface=interface, obj=candidate,
                     changes={"state": CandidateState.DIUSULKAN, "class": candidate.eligible_class},
                     citations=cite(Ground.SATYALANCANA), extra={"step": "propose"})
    return candidate
