"""After the berita acara is sealed: coordination with Bappenas and the Ministry of Finance
(Pasal 4 ayat (2) huruf b, Pasal 7), revision (Pasal 8), monitoring and evaluation
(Pasal 9).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.models import User
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ConflictError
from simasn.core.interfaces import Interface
from simasn.organization.models import NationalInstitution
from simasn.web.formatting import long_date
from simasn.workplans import pdf
from simasn.workplans.models import (
    Activity,
    Coordination,
    CoordinationRecipient,
    Cycle,
    Draft,
    EvaluationReport,
    PolicyDirection,
    Realization,
    Stage,
)
from simasn.workplans.services._common import (
    _audit,
    _lock_cycle,
    _refuse,
    _require_stage,
    _store_pdf,
)
from simasn.workplans.services.cycle import _notify, cycle_create, users_of

# --- Coordination (Pasal 4 ayat (2) huruf b, Pasal 7) ---------------------------------------

def coordination_send(*, actor: User, interface: Interface, cycle: Cycle, letter_number: str,
                      letter_date: dt.date, to_bappenas: bool, to_kemenkeu: bool, note: str = "") -> Coordination:
    Scope.of(actor).require(Resource.WORKPLAN_COORDINATION, Action.CREATE)
    if not (to_bappenas or to_kemenkeu):
        raise _refuse(_("Pilih Menteri PPN/Bappenas dan/atau Menteri Keuangan (Pasal 7 ayat (1))."),
                      to_bappenas=_("Pilih paling sedikit satu."))
    if not letter_number.strip():
        raise _refuse(_("Nomor surat wajib diisi."), letter_number=_("Wajib diisi."))
    meeting = getattr(cycle, "meeting", None)
    if meeting is not None and letter_date < meeting.held_on:
        raise _refuse(_("Tanggal surat tidak boleh sebelum pertemuan pembahasan (%(d)s).")
                      % {"d": long_date(meeting.held_on)}, letter_date=_("Tidak boleh sebelum pertemuan."))
    codes = [c for c, on in (("BAPPENAS", to_bappenas), ("KEMENKEU", to_kemenkeu)) if on]
    found = {i.code: i for i in NationalInstitution.objects.filter(code__in=[*codes, "PRESIDEN"])}
    missing = [c for c in [*codes, "PRESIDEN"] if c not in found]
    if missing:
        raise _refuse(_("Lembaga penerima belum ada di registri: %(c)s.") % {"c": ", ".join(missing)})
    with transaction.atomic(durable=True):
        cycle = _lock_cycle(cycle)
        _require_stage(cycle, Stage.TERSEGEL, Stage.TERKOORDINASI)
        coordination = Coordination.objects.create(cycle=cycle, letter_number=letter_number, letter_date=letter_date,
                                                   note=note, sent_at=timezone.now(), created_by=actor,
                                                   updated_by=actor)
        for code in codes:
            CoordinationRecipient.objects.create(coordination=coordination, institution=found[code])
        CoordinationRecipient.objects.create(coordination=coordination, institution=found["PRESIDEN"], is_copy=True)
        data = pdf.render_pdf("workplans/pdf/coordination.html", {
            "coordination": coordination, "cycle": cycle, "to": [found[c] for c in codes],
            "cc": found["PRESIDEN"], "berita_acara": getattr(cycle, "berita_acara", None)})
        coordination.pdf.name = _store_pdf("koordinasi", data)
        coordination.save()
        cycle.stage, cycle.updated_by = Stage.TERKOORDINASI, actor
        cycle.save()
        url = reverse("workplans:coordination_detail", args=[coordination.pk])
        for inst in [*[found[c] for c in codes], found["PRESIDEN"]]:
            _notify(users_of(inst), title=_("Rancangan Rencana Kerja bidang Manajemen ASN: %(c)s") % {"c": cycle},
                    body=_("Surat nomor %(n)s tanggal %(d)s.") % {"n": letter_number, "d": long_date(letter_date)},
                    url=url)
        _audit(actor=actor, interface=interface, obj=coordination, action=AuditAction.DISPATCHED,
               articles=("4 ayat (2) huruf b", "7 ayat (1)", "7 ayat (2) huruf a"), transition="coordinated",
               changes={"to": codes, "cc": "PRESIDEN", "letter_number": letter_number})
    return coordination


# --- Revision (Pasal 8) ------------------------------------------------------------------

def cycle_revise(*, actor: User, interface: Interface, cycle: Cycle, reason: str, starts_on: dt.date,
                 ends_on: dt.date, reference_date: dt.date | None = None,
                 policy: PolicyDirection | None = None) -> Cycle:
    """A change of national strategic ASN policy: a new revision through the same steps."""
    Scope.of(actor).require(Resource.WORKPLAN, Action.CREATE)
    if not reason.strip():
        raise _refuse(_("Jelaskan perubahan kebijakan strategis nasional yang mendasari revisi (Pasal 8)."),
                      reason=_("Wajib diisi."))
    policy = PolicyDirection.objects.get(pk=(policy or cycle.policy).pk)
    if not policy.is_published:
        raise _refuse(_("Arah Kebijakan untuk revisi harus sudah ditetapkan."), policy=_("Belum ditetapkan."))
    with transaction.atomic(durable=True):
        locked = _lock_cycle(cycle)
        _require_stage(locked, Stage.TERSEGEL, Stage.TERKOORDINASI)
        if locked.is_superseded:
            raise ConflictError(_("Siklus ini sudah direvisi; revisi dari versi terakhir."), code="superseded")
        new = cycle_create(actor=actor, interface=interface, title=locked.title, scope_kind=locked.scope_kind,
                           year_start=locked.year_start, year_end=locked.year_end,
                           reference_date=reference_date or locked.reference_date, starts_on=starts_on,
                           ends_on=ends_on, policy=policy, previous_cycle=locked.previous_cycle,
                           revision_of=locked, revision_reason=reason)
        locked.is_superseded = True
        locked.save(update_fields=["is_superseded", "updated_at"])
        _audit(actor=actor, interface=interface, obj=new, articles=("8",), transition="revision_started",
               reason=reason, changes={"revision_of": locked.pk, "revision_no": new.revision_no})
    return new


# --- Monitoring and evaluation (Pasal 9) ------------------------------------------------------

def realization_record(*, actor: User, interface: Interface, activity: Activity, year: int, quarter: int,
                       target_realized: Decimal, budget_realized: int, note: str = "") -> Realization:
    draft = activity.program.draft
    Scope.of(actor).require(Resource.WORKPLAN_MONITORING, Action.CREATE, institution_id=draft.institution_id)
    cycle = Cycle.objects.get(pk=draft.cycle_id)
    if draft.kind != Draft.Kind.SELARAS or cycle.stage not in (Stage.TERSEGEL, Stage.TERKOORDINASI):
        raise _refuse(_("Realisasi dicatat untuk kegiatan rancangan selaras yang sudah disepakati."))
    if not (cycle.year_start <= year <= cycle.year_end) or quarter not in (1, 2, 3, 4):
        raise _refuse(_("Tahun atau triwulan di luar periode rencana."), quarter=_("Tidak valid."))
    if budget_realized < 0 or target_realized < 0:
        raise _refuse(_("Realisasi tidak boleh negatif."), budget_realized=_("Tidak valid."))
    with transaction.atomic(durable=True):
        if EvaluationReport.objects.filter(cycle=cycle, institution_id=draft.institution_id, year=year,
                                           status=EvaluationReport.Status.SUBMITTED).exists():
            raise ConflictError(_("Laporan tahun ini sudah dikirim kepada Menteri."), code="reported")
        obj, created = Realization.objects.update_or_create(
            activity=activity, year=year, quarter=quarter,
            defaults={"target_realized": target_realized, "budget_realized": budget_realized, "note": note,
                      "updated_by": actor})
        _audit(actor=actor, interface=interface, obj=draft, action=AuditAction.CREATE if created else AuditAction.UPDATE,
               articles=("9 ayat (1)",), changes={"realization": {
                   "activity": activity.pk, "year": year, "quarter": quarter,
                   "target_realized": target_realized, "budget_realized": budget_realized}})
    return obj


def evaluation_save(*, actor: User, interface: Interface, cycle: Cycle, institution_id: int, year: int,
                    summary: str, recommendations: str) -> EvaluationReport:
    Scope.of(actor).require(Resource.WORKPLAN_MONITORING, Action.UPDATE, institution_id=institution_id)
    cycle = Cycle.objects.get(pk=cycle.pk)
    if cycle.stage not in (Stage.TERSEGEL, Stage.TERKOORDINASI):
        raise _refuse(_("Evaluasi dilakukan atas rencana kerja yang sudah disepakati."))
    if not cycle.participants.filter(institution_id=institution_id).exists():
        raise _refuse(_("Lembaga ini bukan peserta siklus."))
    with transaction.atomic(durable=True):
        report, _created = EvaluationReport.objects.select_for_update().get_or_create(
            cycle=cycle, institution_id=institution_id, year=year,
            defaults={"created_by": actor, "updated_by": actor})
        if report.status == EvaluationReport.Status.SUBMITTED:
            raise ConflictError(_("Laporan sudah dikirim kepada Menteri."), code="reported")
        report.summary, report.recommendations, report.updated_by = summary, recommendations, actor
        report.save()
        _audit(actor=actor, interface=interface, obj=report, action=AuditAction.UPDATE, articles=("9 ayat (1)",),
               changes={"summary": summary, "recommendations": recommendations})
    return report


def evaluation_submit(*, actor: User, interface: Interface, report: EvaluationReport) -> EvaluationReport:
    """The head of KASN, LAN or BKN reports to the Minister (Pasal 9 ayat (2))."""
    Scope.of(actor).require(Resource.WORKPLAN_MONITORING, Action.UPDATE, institution_id=report.institution_id)
    with transaction.atomic(durable=True):
        report = EvaluationReport.objects.select_for_update(of=("self",)).select_related("cycle", "institution").get(pk=report.pk)
        if report.status == EvaluationReport.Status.SUBMITTED:
            raise ConflictError(_("Laporan sudah dikirim kepada Menteri."), code="reported")
        if not report.summary.strip():
            raise _refuse(_("Isi hasil evaluasi sebelum dilaporkan."), summary=_("Wajib diisi."))
        report.status, report.submitted_at, report.updated_by = (EvaluationReport.Status.SUBMITTED, timezone.now(),
                                                                 actor)
        report.save()
        minister = NationalInstitution.objects.filter(code="KEMENPANRB").first()
        if minister is not None and minister.pk != report.institution_id:
            _notify(users_of(minister),
                    title=_("Laporan pemantauan dan evaluasi %(i)s %(y)s") % {"i": report.institution, "y": report.year},
                    body=report.summary[:500], url=reverse("workplans:monitoring", args=[report.cycle_id]))
        _audit(actor=actor, interface=interface, obj=report,
               articles=("9 ayat (2)",) if report.institution.code != "KEMENPANRB" else ("9 ayat (1)",),
               transition="evaluation_reported", changes={"status": {"before": "DRAFT", "after": "SUBMITTED"}})
    return report
