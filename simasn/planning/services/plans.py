"""An instansi's needs plan (UU 20/2023 Pasal 32 ayat (3), Pasal 35), from the operator's draft
through the PPK's proposal to KemenPANRB's decision (penetapan kebutuhan) per position and
formasi type.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.actors import User
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ConflictError, NotFoundError
from simasn.core.interfaces import Interface
from simasn.law.enums import EmployeeType, FormasiType
from simasn.law.grounds import Ground
from simasn.organization.models import Instansi
from simasn.personnel.selectors import employee_list
from simasn.planning import calculation
from simasn.planning.documents import decision_store
from simasn.planning.models import FormasiProposal, NeedsLine, NeedsPlan, NeedsPolicy
from simasn.planning.selectors import current_policy
from simasn.planning.services._common import audit, refuse
from simasn.positions.models import Position
from simasn.web.formatting import short_date

PLAN_GROUNDS = (Ground.NEEDS_PLAN,)


def _lock(plan: NeedsPlan) -> NeedsPlan:
    return NeedsPlan.objects.select_for_update(of=("self",)).select_related("instansi", "policy").get(pk=plan.pk)


def _require_editable(plan: NeedsPlan) -> None:
    if not plan.is_editable:
        raise ConflictError(
            _("Rencana kebutuhan berstatus \"%(status)s\" tidak dapat diubah.") % {"status": plan.get_status_display()},
            code="plan_not_editable", details={"status": plan.status})


def _require_status(plan: NeedsPlan, *statuses: str) -> None:
    if plan.status not in statuses:
        raise ConflictError(
            _("Langkah ini tidak dapat dilakukan pada status \"%(status)s\".") % {"status": plan.get_status_display()},
            code="wrong_status", details={"status": plan.status, "expected": list(statuses)})


def plan_create(*, actor: User, interface: Interface, instansi_id: int, fiscal_year: int,
                budget_ceiling: Decimal) -> NeedsPlan:
    """Start the instansi's plan inside the year's published national policy (Pasal 32 ayat (3))."""
    Scope.of(actor).require(Resource.NEEDS_PLAN, Action.CREATE, instansi_id=instansi_id)
    if budget_ceiling < 0:
        raise refuse(_("Pagu tidak boleh negatif."), budget_ceiling=_("Isi 0 atau lebih."))
    with transaction.atomic(durable=True):
        policy = current_policy(fiscal_year)
        if policy is None:
            raise refuse(_("Kebijakan perencanaan kebutuhan nasional tahun anggaran %(year)s belum ditetapkan "
                           "Menteri; rencana instansi disusun sesuai kebijakan itu (Pasal 32 ayat (2)-(3)).")
                         % {"year": fiscal_year}, code="no_policy", fiscal_year=_("Belum ada kebijakan."))
        if not Instansi.objects.filter(pk=instansi_id).exists():
            raise NotFoundError(_("Instansi tidak ditemukan."))
        if NeedsPlan.objects.filter(instansi_id=instansi_id, fiscal_year=fiscal_year).exists():
            raise refuse(_("Rencana kebutuhan instansi ini untuk tahun anggaran tersebut sudah ada."),
                         code="plan_exists", fiscal_year=_("Sudah ada."))
        plan = NeedsPlan.objects.create(instansi_id=instansi_id, fiscal_year=fiscal_year, policy=policy,
                                        budget_ceiling=budget_ceiling, created_by=actor, updated_by=actor)
        audit(actor=actor, interface=interface, obj=plan, action=AuditAction.CREATE, grounds=PLAN_GROUNDS,
              changes={"after": {"fiscal_year": fiscal_year, "budget_ceiling": budget_ceiling,
                                 "policy": policy.pk}})
    return plan


def plan_update(*, actor: User, interface: Interface, plan: NeedsPlan, budget_ceiling: Decimal) -> NeedsPlan:
    Scope.of(actor).require(Resource.NEEDS_PLAN, Action.UPDATE, obj=plan)
    if budget_ceiling < 0:
        raise refuse(_("Pagu tidak boleh negatif."), budget_ceiling=_("Isi 0 atau lebih."))
    with transaction.atomic(durable=True):
        plan = _lock(plan)
        _require_editable(plan)
        before = plan.budget_ceiling
        plan.budget_ceiling, plan.updated_by = budget_ceiling, actor
        plan.save(update_fields=["budget_ceiling", "updated_by", "updated_at"])
        audit(actor=actor, interface=interface, obj=plan, action=AuditAction.UPDATE, grounds=PLAN_GROUNDS,
              changes={"budget_ceiling": {"before": before, "after": budget_ceiling}})
    return plan


def _figures(*, actor: User, plan: NeedsPlan, position: Position, workload_hours: Decimal) -> calculation.LineFigures:
    holders = list(employee_list(viewer=actor, instansi_id=plan.instansi_id, status="AKTIF")
                   .filter(position_id=position.pk))
    try:
        return calculation.line_figures(workload_hours=workload_hours, holders=holders,
                                        fiscal_year=plan.fiscal_year, today=timezone.localdate())
    except calculation.NeedsUnsettled as unsettled:
        raise refuse(unsettled.message, code="needs_legal_review") from unsettled


def _job_families(policy: NeedsPolicy) -> set[str]:
    return {*policy.priorities.values_list("job_family", flat=True), "lainnya"}


def line_add(*, actor: User, interface: Interface, plan: NeedsPlan, position_id: int, workload_hours: Decimal,
             job_family: str) -> NeedsLine:
    """Add a position with its yearly workload (Anjab/ABK); the need, holders, departures and
    gap are computed by the law's rules and kept with their citations."""
    Scope.of(actor).require(Resource.NEEDS_PLAN, Action.UPDATE, obj=plan)
    if workload_hours < 0:
        raise refuse(_("Beban kerja tidak boleh negatif."), workload_hours=_("Isi 0 atau lebih."))
    with transaction.atomic(durable=True):
        plan = _lock(plan)
        _require_editable(plan)
        position = Position.objects.filter(pk=position_id, instansi_id=plan.instansi_id,
                                           archived_at__isnull=True).first()
        if position is None:
            raise refuse(_("Jabatan tidak ditemukan di instansi ini."), position=_("Pilih jabatan instansi ini."))
        if job_family not in _job_families(plan.policy):
            raise refuse(_("Rumpun jabatan tidak ada dalam kebijakan nasional tahun ini."),
                         job_family=_("Pilih dari daftar."))
        if plan.lines.filter(position=position).exists():
            raise refuse(_("Jabatan ini sudah ada dalam rencana."), position=_("Sudah ada."))
        figures = _figures(actor=actor, plan=plan, position=position, workload_hours=workload_hours)
        line = NeedsLine.objects.create(
            plan=plan, position=position, job_family=job_family, workload_hours=workload_hours,
            abk_need=figures.abk_need, abk_exact=figures.abk_exact, holders=figures.holders,
            retirements=figures.retirements, retirements_review=figures.retirements_review, gap=figures.gap,
            computed_on=timezone.localdate(), citations=figures.citations)
        audit(actor=actor, interface=interface, obj=plan, action=AuditAction.UPDATE, grounds=PLAN_GROUNDS,
              citations=tuple(figures.citations),
              changes={"line_added": {"position": position.pk, "workload_hours": workload_hours,
                                      "abk_need": figures.abk_need, "holders": figures.holders,
                                      "retirements": figures.retirements, "gap": figures.gap}})
    return line


def line_refresh(*, actor: User, interface: Interface, line: NeedsLine) -> NeedsLine:
    """Recount holders and departures (the register changed since the line was added)."""
    Scope.of(actor).require(Resource.NEEDS_PLAN, Action.UPDATE, obj=line.plan)
    with transaction.atomic(durable=True):
        plan = _lock(line.plan)
        _require_editable(plan)
        line = NeedsLine.objects.select_related("position").get(pk=line.pk)
        figures = _figures(actor=actor, plan=plan, position=line.position, workload_hours=line.workload_hours)
        before = {"holders": line.holders, "retirements": line.retirements, "gap": line.gap}
        line.abk_need, line.abk_exact, line.holders = figures.abk_need, figures.abk_exact, figures.holders
        line.retirements, line.retirements_review, line.gap = (
            figures.retirements, figures.retirements_review, figures.gap)
        line.computed_on, line.citations = timezone.localdate(), figures.citations
        line.save()
        audit(actor=actor, interface=interface, obj=plan, action=AuditAction.UPDATE, grounds=PLAN_GROUNDS,
              changes={"line_refreshed": {"position": line.position_id, "before": before,
                                          "after": {"holders": line.holders, "retirements": line.retirements,
                                                    "gap": line.gap}}})
    return line


def line_remove(*, actor: User, interface: Interface, line: NeedsLine) -> None:
    """Take a position out of a draft plan (with its proposals)."""
    Scope.of(actor).require(Resource.NEEDS_PLAN, Action.UPDATE, obj=line.plan)
    with transaction.atomic(durable=True):
        plan = _lock(line.plan)
        _require_editable(plan)
        position_id = line.position_id
        NeedsLine.objects.filter(pk=line.pk).delete()
        audit(actor=actor, interface=interface, obj=plan, action=AuditAction.UPDATE, grounds=PLAN_GROUNDS,
              changes={"line_removed": {"position": position_id}})


def proposal_set(*, actor: User, interface: Interface, line: NeedsLine, employee_type: str, formasi_type: str,
                 proposed_count: int, entry_rank: str) -> FormasiProposal | None:
    """Propose formasi for a position, employee type and formasi type; 0 withdraws the row.

    Refused: a formasi type the year's policy does not open; an employee type the law does not
    allow in this position (rule ``position_filling``); more formasi for the position than its
    gap; an entry rank without a salary cell (rule ``salary.basic``)."""
    Scope.of(actor).require(Resource.NEEDS_PLAN, Action.UPDATE, obj=line.plan)
    if proposed_count < 0:
        raise refuse(_("Jumlah tidak boleh negatif."), proposed_count=_("Isi 0 atau lebih."))
    if employee_type not in set(EmployeeType):
        raise refuse(_("Jenis pegawai harus PNS atau PPPK."), employee_type=_("Pilih PNS atau PPPK."))
    with transaction.atomic(durable=True):
        plan = _lock(line.plan)
        _require_editable(plan)
        line = NeedsLine.objects.select_related("position").get(pk=line.pk)
        existing = line.proposals.filter(employee_type=employee_type, formasi_type=formasi_type).first()
        if proposed_count == 0:
            if existing is not None:
                existing.delete()
                audit(actor=actor, interface=interface, obj=plan, action=AuditAction.UPDATE,
                      grounds=PLAN_GROUNDS, changes={"proposal_removed": {
                          "position": line.position_id, "employee_type": employee_type,
                          "formasi_type": formasi_type}})
            return None
        opened = {FormasiType.UMUM.value, *plan.policy.formasi_types.values_list("formasi_type", flat=True)}
        if formasi_type not in opened:
            raise refuse(_("Jenis formasi ini tidak dibuka oleh kebijakan nasional tahun anggaran %(year)s.")
                         % {"year": plan.fiscal_year}, formasi_type=_("Pilih jenis formasi yang dibuka."))
        allowed, why = calculation.filling_allowed(employee_type=employee_type, position=line.position,
                                                   instansi_kind=plan.instansi.kind,
                                                   on=calculation.fiscal_year_start(plan.fiscal_year))
        if allowed is None:
            raise refuse(_("Pengisian jabatan ini oleh %(type)s perlu kajian hukum: %(why)s")
                         % {"type": employee_type, "why": why}, code="needs_legal_review",
                         employee_type=_("Perlu kajian hukum."))
        if not allowed:
            raise refuse(why, code="filling_not_allowed", employee_type=_("Tidak diperbolehkan untuk jabatan ini."))
        others_qs = line.proposals.all() if existing is None else line.proposals.exclude(pk=existing.pk)
        others = others_qs.aggregate(n=Sum("proposed_count"))["n"] or 0
        if others + proposed_count > max(line.gap, 0):
            raise refuse(_("Usulan untuk jabatan ini (%(total)s) melebihi kekurangannya (%(gap)s): kebutuhan ABK "
                           "dikurangi pemangku, ditambah proyeksi pensiun.")
                         % {"total": others + proposed_count, "gap": max(line.gap, 0)},
                         code="over_gap", proposed_count=_("Melebihi kekurangan."))
        try:
            salary = calculation.entry_salary(employee_type=employee_type, rank=entry_rank,
                                              fiscal_year=plan.fiscal_year)
        except calculation.NeedsUnsettled as unsettled:
            raise refuse(unsettled.message, code="salary_unknown", entry_rank=unsettled.message) from unsettled
        values = {"proposed_count": proposed_count, "entry_rank": entry_rank,
                  "monthly_salary": Decimal(salary.monthly), "salary_citation": salary.citation[:300],
                  "approved_count": None, "review_note": ""}
        if existing is None:
            proposal = FormasiProposal.objects.create(line=line, employee_type=employee_type,
                                                      formasi_type=formasi_type, **values)
        else:
            for key, value in values.items():
                setattr(existing, key, value)
            existing.save()
            proposal = existing
        audit(actor=actor, interface=interface, obj=plan, action=AuditAction.UPDATE, grounds=PLAN_GROUNDS,
              citations=(salary.citation,),
              changes={"proposal_set": {"position": line.position_id, "employee_type": employee_type,
                                        "formasi_type": formasi_type, "proposed_count": proposed_count,
                                        "entry_rank": entry_rank, "monthly_salary": salary.monthly}})
    return proposal


def plan_totals(plan: NeedsPlan) -> dict[str, Decimal | int]:
    """Counts and yearly costs (gaji pokok x 12) proposed and approved."""
    proposed = approved = 0
    cost = approved_cost = Decimal(0)
    for p in FormasiProposal.objects.filter(line__plan=plan):
        proposed += p.proposed_count
        approved += p.approved_count or 0
        cost += p.annual_cost
        approved_cost += p.approved_annual_cost
    return {"proposed": proposed, "approved": approved, "cost": cost, "approved_cost": approved_cost}


def _money(value: Decimal) -> str:
    return f"Rp{int(value):,}".replace(",", ".")


def plan_submit(*, actor: User, interface: Interface, plan: NeedsPlan) -> NeedsPlan:
    """The PPK proposes the plan to KemenPANRB. Refused when it proposes nothing or when its
    yearly cost exceeds the instansi's budget ceiling (fiscal capacity, Pasal 32 ayat (1))."""
    Scope.of(actor).require(Resource.NEEDS_PROPOSAL, Action.CREATE, obj=plan)
    with transaction.atomic(durable=True):
        plan = _lock(plan)
        _require_editable(plan)
        totals = plan_totals(plan)
        if not totals["proposed"]:
            raise refuse(_("Belum ada formasi yang diusulkan."), code="nothing_proposed")
        if totals["cost"] > plan.budget_ceiling:
            raise refuse(_("Biaya gaji pokok formasi yang diusulkan (%(cost)s setahun) melebihi pagu instansi "
                           "(%(ceiling)s). Kurangi usulan atau perbarui pagu.")
                         % {"cost": _money(Decimal(totals["cost"])), "ceiling": _money(plan.budget_ceiling)},
                         code="over_budget")
        FormasiProposal.objects.filter(line__plan=plan).update(approved_count=None, review_note="")
        before = plan.status
        plan.status, plan.submitted_at, plan.submitted_by = NeedsPlan.Status.SUBMITTED, timezone.now(), actor
        plan.return_note, plan.updated_by = "", actor
        plan.save()
        audit(actor=actor, interface=interface, obj=plan, grounds=PLAN_GROUNDS, transition="plan_submitted",
              changes={"status": {"before": before, "after": plan.status}, "proposed": totals["proposed"],
                       "cost": totals["cost"]})
    return plan


def proposal_review(*, actor: User, interface: Interface, proposal: FormasiProposal, approved_count: int,
                    review_note: str = "") -> FormasiProposal:
    """KemenPANRB's reviewed number for one position, employee type and formasi type."""
    plan = proposal.line.plan
    Scope.of(actor).require(Resource.NEEDS_DECISION, Action.CREATE, obj=plan)
    with transaction.atomic(durable=True):
        plan = _lock(plan)
        _require_status(plan, NeedsPlan.Status.SUBMITTED)
        proposal = FormasiProposal.objects.select_for_update().get(pk=proposal.pk)
        if not 0 <= approved_count <= proposal.proposed_count:
            raise refuse(_("Jumlah yang ditetapkan harus antara 0 dan jumlah yang diusulkan (%(n)s).")
                         % {"n": proposal.proposed_count}, approved_count=_("Di luar batas."))
        if approved_count < proposal.proposed_count and not review_note.strip():
            raise refuse(_("Tuliskan alasan bila jumlah yang ditetapkan lebih kecil dari usulan."),
                         review_note=_("Wajib diisi."))
        before = proposal.approved_count
        proposal.approved_count, proposal.review_note = approved_count, review_note.strip()
        proposal.save(update_fields=["approved_count", "review_note"])
        audit(actor=actor, interface=interface, obj=plan, action=AuditAction.UPDATE, grounds=(Ground.NEEDS_NATIONAL,),
              reason=review_note, changes={"proposal_reviewed": {
                  "proposal": proposal.pk, "position": proposal.line.position_id,
                  "employee_type": proposal.employee_type, "formasi_type": proposal.formasi_type,
                  "before": before, "after": approved_count}})
    return proposal


def plan_return(*, actor: User, interface: Interface, plan: NeedsPlan, note: str) -> NeedsPlan:
    """KemenPANRB returns the proposal to the instansi for correction, with the reason."""
    Scope.of(actor).require(Resource.NEEDS_DECISION, Action.CREATE, obj=plan)
    if not note.strip():
        raise refuse(_("Tuliskan apa yang harus diperbaiki."), note=_("Wajib diisi."))
    with transaction.atomic(durable=True):
        plan = _lock(plan)
        _require_status(plan, NeedsPlan.Status.SUBMITTED)
        plan.status, plan.return_note, plan.updated_by = NeedsPlan.Status.RETURNED, note.strip(), actor
        plan.save()
        audit(actor=actor, interface=interface, obj=plan, grounds=(Ground.NEEDS_REVIEW,), transition="plan_returned",
              reason=note, changes={"status": {"before": "SUBMITTED", "after": "RETURNED"}})
    return plan


def plan_decide(*, actor: User, interface: Interface, plan: NeedsPlan, decision_number: str,
                decision_date: dt.date, signer: str) -> NeedsPlan:
    """Penetapan kebutuhan: the reviewed numbers become the instansi's formasi for the year.
    Every proposal must have been reviewed and the approved cost must fit the budget ceiling.
    Irreversible: procurement opens vacancies only for decided formasi (Pasal 65-66)."""
    Scope.of(actor).require(Resource.NEEDS_DECISION, Action.CREATE, obj=plan)
    if not decision_number.strip():
        raise refuse(_("Nomor keputusan wajib diisi."), decision_number=_("Wajib diisi."))
    if not signer.strip():
        raise refuse(_("Nama penandatangan wajib diisi."), signer=_("Wajib diisi."))
    with transaction.atomic(durable=True):
        plan = _lock(plan)
        _require_status(plan, NeedsPlan.Status.SUBMITTED)
        pending = FormasiProposal.objects.filter(line__plan=plan, approved_count__isnull=True).count()
        if pending:
            raise refuse(_("%(n)s usulan belum ditelaah; tetapkan jumlahnya lebih dulu.") % {"n": pending},
                         code="not_reviewed")
        totals = plan_totals(plan)
        if totals["approved_cost"] > plan.budget_ceiling:
            raise refuse(_("Biaya formasi yang akan ditetapkan (%(cost)s setahun) melebihi pagu instansi "
                           "(%(ceiling)s).") % {"cost": _money(Decimal(totals["approved_cost"])),
                                                "ceiling": _money(plan.budget_ceiling)}, code="over_budget")
        submitted_on = timezone.localtime(plan.submitted_at).date() if plan.submitted_at else None
        if submitted_on and decision_date < submitted_on:
            raise refuse(_("Tanggal keputusan tidak boleh sebelum tanggal usulan (%(date)s).")
                         % {"date": short_date(submitted_on)}, decision_date=_("Terlalu awal."))
        if decision_date > timezone.localdate():
            raise refuse(_("Tanggal keputusan tidak boleh di masa depan."), decision_date=_("Terlalu lambat."))
        if NeedsPlan.objects.filter(decision_number=decision_number.strip()).exclude(pk=plan.pk).exists():
            raise refuse(_("Nomor keputusan sudah dipakai."), decision_number=_("Sudah dipakai."))
        plan.status, plan.decided_at, plan.decided_by = NeedsPlan.Status.DECIDED, timezone.now(), actor
        plan.decision_number, plan.decision_date = decision_number.strip(), decision_date
        plan.decision_signer, plan.updated_by = signer.strip(), actor
        plan.save()
        # The keputusan is stored as signed (write-once, by its hash); a rollback leaves at
        # most an unreferenced file, never a decision without its document.
        plan.decision_file, plan.decision_sha256 = decision_store(plan)
        plan.save(update_fields=["decision_file", "decision_sha256"])
        audit(actor=actor, interface=interface, obj=plan, grounds=(Ground.NEEDS_NATIONAL, Ground.NEEDS_INSTANSI),
              transition="plan_decided",
              changes={"status": {"before": "SUBMITTED", "after": "DECIDED"},
                       "decision_number": plan.decision_number, "decision_date": decision_date,
                       "decision_file": plan.decision_file, "decision_sha256": plan.decision_sha256,
                       "approved": totals["approved"], "approved_cost": totals["approved_cost"]})
    return plan
