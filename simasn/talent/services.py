"""Writes of the talent chapter: assessment inputs, critical posts and successors,
national priorities, and mobility proposals handed over to the personnel-action workflow.

Mobility is carried out as an SK through the existing workflow without importing it: the
actions app offers ``actions.draft_transfer`` in the kernel's provider registry, and the
hand-over calls it with the operator as actor, inside the same transaction as the
proposal's own change (so either both are written or neither).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.actors import Actor, User
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ApplicationError, ConflictError, NotFoundError, PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.core.providers import has_provider, provide
from simasn.law import parameters
from simasn.law.enums import TalentComponent
from simasn.law.grounds import Ground, cite
from simasn.organization.models import Instansi
from simasn.personnel.models import Employee
from simasn.positions.models import Position
from simasn.talent.models import (
    CriticalPosition,
    MobilityKind,
    MobilityProposal,
    MobilityState,
    NationalPriority,
    SuccessionCandidate,
    TalentAssessment,
)
from simasn.talent.placement import inputs_for, place_one


def readiness_categories(on: dt.date) -> list[dict[str, str]]:
    """The readiness categories in force (``talent.readiness_categories``, PermenPANRB 3/2020)."""
    return list(parameters.value("talent.readiness_categories", on))


def _refuse(field: str, message: str, code: str = "validation") -> ApplicationError:
    return ApplicationError(message, code=code, fields={field: [message]})


def _employee(actor: Actor, resource: Resource, action: Action, employee_id: int) -> Employee:
    employee = Employee.objects.select_related("position").filter(pk=employee_id).first()
    scope = Scope.of(actor)
    if employee is None or not scope.allows(resource, Action.VIEW, instansi_id=employee.instansi_id,
                                            employee_id=employee.pk):
        raise NotFoundError(_("Pegawai tidak ditemukan."))
    scope.require(resource, action, instansi_id=employee.instansi_id, employee_id=employee.pk)
    return employee


# ------------------------------------------------------------- assessments

def _assessment(actor: Actor, employee: Employee, *, component: str, score: Any, assessed_on: dt.date,
                source: str, reference: str, today: dt.date) -> TalentAssessment:
    if component not in {c.value for c in TalentComponent}:
        raise _refuse("component", _("Komponen penilaian tidak dikenal."))
    try:
        value = Decimal(str(score))
    except InvalidOperation as error:
        raise _refuse("score", _("Skor harus angka 0-100.")) from error
    if not Decimal(0) <= value <= Decimal(100):
        raise _refuse("score", _("Skor harus angka 0-100."))
    if assessed_on > today:
        raise _refuse("assessed_on", _("Tanggal penilaian tidak boleh di masa depan."))
    if not source.strip():
        raise _refuse("source", _("Sebutkan sumber penilaian (mis. Assessment Center BKN)."))
    return TalentAssessment(employee=employee, component=component, score=value, assessed_on=assessed_on,
                            source=source.strip()[:200], reference=reference.strip()[:100],
                            created_by=actor, updated_by=actor)


def assessment_create(*, actor: Actor, interface: Interface, employee_id: int, component: str, score: Any,
                      assessed_on: dt.date, source: str, reference: str = "") -> TalentAssessment:
    """Record one assessed component of the potential axis, with its date and source."""
    employee = _employee(actor, Resource.TALENT_ASSESSMENT, Action.CREATE, employee_id)
    row = _assessment(actor, employee, component=component, score=score, assessed_on=assessed_on,
                      source=source, reference=reference, today=timezone.localdate())
    with transaction.atomic(durable=True):
        row.save()
        audit_record(actor=actor, action=AuditAction.CREATE, interface=interface, obj=row,
                     changes={"after": {"component": component, "score": str(row.score),
                                        "assessed_on": assessed_on, "source": row.source}})
    return row


IMPORT_COLUMNS = ("nip", "komponen", "skor", "tanggal_penilaian", "sumber", "nomor_laporan")


def assessments_import(*, actor: Actor, interface: Interface, content: bytes) -> int:
    """Import assessment results (CSV, columns IMPORT_COLUMNS). All or nothing."""
    try:
        reader = csv.DictReader(io.StringIO(content.decode("utf-8-sig")))
    except UnicodeDecodeError as error:
        raise _refuse("file", _("Berkas harus CSV dengan pengodean UTF-8.")) from error
    missing = [c for c in IMPORT_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise _refuse("file", _("Kolom tidak ada: %(cols)s.") % {"cols": ", ".join(missing)})
    rows = list(reader)
    if not rows or len(rows) > 50_000:
        raise _refuse("file", _("Berkas harus berisi 1 sampai 50.000 baris."))
    scope = Scope.of(actor)
    employees = {e.nip: e for e in Employee.objects.filter(nip__in=[(r.get("nip") or "").strip() for r in rows])}
    today = timezone.localdate()
    built, problems = [], []
    for number, row in enumerate(rows, start=2):
        employee = employees.get((row.get("nip") or "").strip())
        if employee is None or not scope.allows(Resource.TALENT_ASSESSMENT, Action.CREATE,
                                                instansi_id=employee.instansi_id, employee_id=employee.pk):
            problems.append(_("baris %(n)d: NIP tidak ditemukan di instansi Anda") % {"n": number})
            continue
        try:
            assessed_on = dt.date.fromisoformat((row.get("tanggal_penilaian") or "").strip())
            built.append(_assessment(actor, employee, component=(row.get("komponen") or "").strip().upper(),
                                     score=(row.get("skor") or "").strip().replace(",", "."),
                                     assessed_on=assessed_on, source=row.get("sumber") or "",
                                     reference=row.get("nomor_laporan") or "", today=today))
        except ValueError:
            problems.append(_("baris %(n)d: tanggal_penilaian bukan tanggal (TTTT-BB-HH)") % {"n": number})
        except ApplicationError as error:
            problems.append(_("baris %(n)d: %(m)s") % {"n": number, "m": error.message})
    if problems:
        raise ApplicationError(_("Berkas ditolak, tidak ada yang disimpan. ") + " · ".join(problems[:50]),
                               code="import_rejected", details={"problems": problems})
    with transaction.atomic(durable=True):
        TalentAssessment.objects.bulk_create(built, batch_size=2000)
        for instansi_id in sorted({a.employee.instansi_id for a in built}):
            audit_record(actor=actor, action=AuditAction.IMPORT, interface=interface,
                         object_type="talent.talentassessment", instansi_id=instansi_id,
                         changes={"rows": sum(1 for a in built if a.employee.instansi_id == instansi_id)})
    return len(built)


# --------------------------------------------------------------- succession

def critical_position_designate(*, actor: Actor, interface: Interface, position_id: int, reason: str,
                                designated_on: dt.date | None = None) -> CriticalPosition:
    position = Position.objects.filter(pk=position_id).first()
    scope = Scope.of(actor)
    if position is None or not scope.allows(Resource.POSITION, Action.VIEW, instansi_id=position.instansi_id):
        raise NotFoundError(_("Jabatan tidak ditemukan."))
    scope.require(Resource.TALENT_SUCCESSION, Action.CREATE, instansi_id=position.instansi_id)
    if not reason.strip():
        raise _refuse("reason", _("Sebutkan mengapa jabatan ini kritis."))
    if position.kind not in ("JPT_UTAMA", "JPT_MADYA", "JPT_PRATAMA", "ADMINISTRATOR"):
        raise _refuse("position", _("Jabatan kritis adalah JPT atau jabatan administrator kunci."))
    try:
        with transaction.atomic(durable=True):
            critical = CriticalPosition.objects.create(position=position, reason=reason.strip()[:300],
                                                       designated_on=designated_on or timezone.localdate(),
                                                       created_by=actor, updated_by=actor)
            audit_record(actor=actor, action=AuditAction.CREATE, interface=interface, obj=critical,
                         changes={"after": {"position": position.pk, "reason": critical.reason}})
    except IntegrityError as error:
        raise ConflictError(_("Jabatan ini sudah ditetapkan sebagai jabatan kritis."), code="duplicate") from error
    return critical


def successor_nominate(*, actor: Actor, interface: Interface, critical_position_id: int, employee_id: int,
                       readiness: str, note: str = "", on: dt.date | None = None) -> SuccessionCandidate:
    """Nominate a successor: only an employee whom the law places in a succession box today."""
    on = on or timezone.localdate()
    critical = CriticalPosition.objects.select_related("position").filter(pk=critical_position_id).first()
    scope = Scope.of(actor)
    if critical is None or not scope.allows(Resource.TALENT_SUCCESSION, Action.VIEW,
                                            instansi_id=critical.position.instansi_id):
        raise NotFoundError(_("Jabatan kritis tidak ditemukan."))
    scope.require(Resource.TALENT_SUCCESSION, Action.UPDATE, instansi_id=critical.position.instansi_id)
    employee = Employee.objects.filter(pk=employee_id, status="AKTIF").first()
    if employee is None or not scope.allows(Resource.TALENT_PROFILE, Action.VIEW, instansi_id=employee.instansi_id,
                                            employee_id=employee.pk):
        raise NotFoundError(_("Pegawai tidak ditemukan."))
    categories = readiness_categories(on)
    if readiness not in {c["code"] for c in categories}:
        raise _refuse("readiness", _("Pilih kategori kesiapan."))
    if employee.position_id == critical.position_id:
        raise _refuse("employee", _("Pegawai ini pemangku jabatan itu sendiri."))
    decision = place_one(inputs_for([employee.pk], on)[employee.pk], on)
    if not decision.outcome.get("succession_candidate"):
        box = decision.outcome.get("box")
        message = (_("Pegawai di kotak %(box)s bukan calon suksesor menurut aturan (hanya kotak 7-9).") % {"box": box}
                   if box else _("Pegawai belum dapat dipetakan: %(why)s") % {"why": decision.explanation_id})
        raise ApplicationError(message, code="not_succession_box", fields={"employee": [message]},
                               details={"citations": decision.citations})
    try:
        with transaction.atomic(durable=True):
            candidate = SuccessionCandidate.objects.create(
                critical_position=critical, employee=employee, readiness=readiness, box=decision.outcome["box"],
                grounds={"explanation_id": decision.explanation_id, "citations": decision.citations,
                         "on": on.isoformat(), "potential_score": decision.outcome.get("potential_score")},
                nominated_on=on, note=note.strip()[:300], created_by=actor, updated_by=actor)
            audit_record(actor=actor, action=AuditAction.CREATE, interface=interface, obj=candidate,
                         changes={"after": {"box": candidate.box, "readiness": readiness}},
                         citations=decision.citations)
    except IntegrityError as error:
        raise ConflictError(_("Pegawai ini sudah menjadi calon suksesor jabatan tersebut."), code="duplicate") from error
    return candidate


# ---------------------------------------------------------------- priorities

def priority_create(*, actor: Actor, interface: Interface, title: str, job_family: str, needed: int,
                    deadline: dt.date, region: str = "") -> NationalPriority:
    Scope.of(actor).require(Resource.TALENT_PRIORITY, Action.CREATE)
    if not title.strip() or not job_family.strip():
        raise _refuse("title", _("Judul dan rumpun jabatan wajib diisi."))
    if needed < 1:
        raise _refuse("needed", _("Kebutuhan paling sedikit 1 orang."))
    if region and not Instansi.objects.filter(code=region, kind="PROVINSI").exists():
        raise _refuse("region", _("Wilayah adalah kode instansi provinsi (mis. PROV-NTT)."))
    with transaction.atomic(durable=True):
        priority = NationalPriority.objects.create(title=title.strip()[:300], job_family=job_family.strip().upper(),
                                                   region=region, needed=needed, deadline=deadline,
                                                   created_by=actor, updated_by=actor)
        audit_record(actor=actor, action=AuditAction.CREATE, interface=interface, obj=priority,
                     changes={"after": {"title": priority.title, "job_family": priority.job_family,
                                        "region": region, "needed": needed, "deadline": deadline}},
                     citations=cite(Ground.TALENT_POOL))
    return priority


# ------------------------------------------------------------------ mobility

def mobility_propose(*, actor: User, interface: Interface, employee_id: int, kind: str, reason: str,
                     target_position_id: int | None = None, destination: str = "",
                     priority_id: int | None = None, on: dt.date | None = None) -> MobilityProposal:
    """Propose a move on the talent data; the placement of the day is kept as its grounds."""
    on = on or timezone.localdate()
    if kind not in MobilityKind.values:
        raise _refuse("kind", _("Jenis mobilitas tidak dikenal."))
    employee = Employee.objects.select_related("instansi").filter(pk=employee_id, status="AKTIF").first()
    scope = Scope.of(actor)
    if employee is None or not scope.allows(Resource.TALENT_PROFILE, Action.VIEW, instansi_id=employee.instansi_id,
                                            employee_id=employee.pk):
        raise NotFoundError(_("Pegawai tidak ditemukan."))
    scope.require(Resource.TALENT_MOBILITY, Action.CREATE, instansi_id=employee.instansi_id)
    if not reason.strip():
        raise _refuse("reason", _("Tuliskan alasan mobilitas berdasarkan data talenta."))
    position = Position.objects.filter(pk=target_position_id).first() if target_position_id else None
    priority = NationalPriority.objects.filter(pk=priority_id).first() if priority_id else None
    if kind == MobilityKind.OUT:
        if not destination.strip():
            raise _refuse("destination", _("Sebutkan tujuan di luar instansi pemerintah."))
        position = None
    elif position is None or not position.is_active or position.archived_at is not None:
        raise _refuse("target_position", _("Pilih jabatan tujuan yang aktif."))
    if kind == MobilityKind.WITHIN and position and position.instansi_id != employee.instansi_id:
        raise _refuse("target_position", _("Mobilitas dalam instansi: jabatan tujuan di instansi yang sama."))
    if kind == MobilityKind.BETWEEN and position and position.instansi_id == employee.instansi_id:
        raise _refuse("target_position", _("Mobilitas antarinstansi: jabatan tujuan di instansi lain."))
    if kind == MobilityKind.NATIONAL:
        if priority is None:
            raise _refuse("priority", _("Mobilitas talenta nasional mengacu pada prioritas nasional."))
        scope.require(Resource.TALENT_PRIORITY, Action.CREATE)
    if position is not None and position.pk == employee.position_id:
        raise _refuse("target_position", _("Pegawai sudah memangku jabatan ini."))
    if MobilityProposal.objects.filter(employee=employee, state__in=(MobilityState.PROPOSED, MobilityState.ACCEPTED)).exists():
        raise ConflictError(_("Sudah ada usul mobilitas yang berjalan untuk pegawai ini."), code="duplicate")
    decision = place_one(inputs_for([employee.pk], on)[employee.pk], on)
    grounds = {"status": decision.outcome.get("status"), "box": decision.outcome.get("box"),
               "explanation_id": decision.explanation_id, "explanation_en": decision.explanation_en,
               "citations": decision.citations, "on": on.isoformat()}
    with transaction.atomic(durable=True):
        proposal = MobilityProposal.objects.create(
            kind=kind, employee=employee, source_instansi=employee.instansi, target_position=position,
            target_instansi=position.instansi if position else None, destination=destination.strip()[:200],
            priority=priority, reason=reason.strip(), grounds=grounds, proposed_on=on,
            state=MobilityState.PROPOSED, created_by=actor, updated_by=actor)
        audit_record(actor=actor, action=AuditAction.CREATE, interface=interface, obj=proposal,
                     changes={"after": {"kind": kind, "target_position": position.pk if position else None,
                                        "box": grounds["box"]}},
                     citations=cite(Ground.TALENT, *([Ground.TALENT_POOL] if priority else [])))
        if proposal.needs_acceptance:
            audit_record(actor=actor, action=AuditAction.CREATE, interface=interface, obj=proposal,
                         instansi_id=proposal.target_instansi_id, changes={"after": {"incoming": True}})
    return proposal


def _proposal(actor: User, pk: int) -> MobilityProposal:
    proposal = MobilityProposal.objects.select_for_update(of=("self",)).select_related(
        "employee", "target_position").filter(pk=pk).first()
    scope = Scope.of(actor)
    if proposal is None or not (
            scope.allows(Resource.TALENT_MOBILITY, Action.VIEW, instansi_id=proposal.source_instansi_id)
            or scope.allows(Resource.TALENT_MOBILITY, Action.VIEW, instansi_id=proposal.target_instansi_id)):
        raise NotFoundError(_("Usul mobilitas tidak ditemukan."))
    return proposal


def _transition(actor: User, interface: Interface, proposal: MobilityProposal, state: str, **changes: Any) -> None:
    before = proposal.state
    for key, value in changes.items():
        setattr(proposal, key, value)
    proposal.state = state
    proposal.updated_by = actor
    proposal.save()
    audit_record(actor=actor, action=AuditAction.TRANSITION, interface=interface, obj=proposal,
                 changes={"before": {"state": before}, "after": {"state": state}},
                 reason=changes.get("closed_reason", ""))


def mobility_accept(*, actor: User, interface: Interface, proposal_id: int) -> MobilityProposal:
    """The receiving instansi accepts the employee (needed for a move between agencies)."""
    with transaction.atomic(durable=True):
        proposal = _proposal(actor, proposal_id)
        if not proposal.needs_acceptance or proposal.state != MobilityState.PROPOSED:
            raise ConflictError(_("Usul ini tidak menunggu penerimaan instansi tujuan."), code="wrong_state")
        Scope.of(actor).require(Resource.TALENT_MOBILITY, Action.UPDATE, instansi_id=proposal.target_instansi_id)
        _transition(actor, interface, proposal, MobilityState.ACCEPTED, accepted_on=timezone.localdate(),
                    accepted_by=actor)
    return proposal


def mobility_reject(*, actor: User, interface: Interface, proposal_id: int, reason: str) -> MobilityProposal:
    if not reason.strip():
        raise _refuse("reason", _("Tuliskan alasan penolakan."))
    with transaction.atomic(durable=True):
        proposal = _proposal(actor, proposal_id)
        if proposal.state not in (MobilityState.PROPOSED, MobilityState.ACCEPTED):
            raise ConflictError(_("Usul ini sudah selesai diproses."), code="wrong_state")
        scope = Scope.of(actor)
        if not (scope.allows(Resource.TALENT_MOBILITY, Action.UPDATE, instansi_id=proposal.source_instansi_id)
                or scope.allows(Resource.TALENT_MOBILITY, Action.UPDATE, instansi_id=proposal.target_instansi_id)):
            scope.require(Resource.TALENT_MOBILITY, Action.UPDATE, instansi_id=proposal.source_instansi_id)
        _transition(actor, interface, proposal, MobilityState.REJECTED, closed_reason=reason.strip())
    return proposal


def mobility_hand_over(*, actor: User, interface: Interface, proposal_id: int,
                       tmt: dt.date | None = None) -> MobilityProposal:
    """Start the SK: the personnel-action workflow drafts a transfer (through its provider)."""
    if not has_provider("actions.draft_transfer"):
        raise ApplicationError(_("Alur tindakan kepegawaian tidak tersedia."), code="no_workflow")
    with transaction.atomic(durable=True):
        proposal = _proposal(actor, proposal_id)
        if proposal.kind == MobilityKind.OUT:
            raise ApplicationError(_("Mobilitas keluar instansi pemerintah belum memiliki jenis SK di alur tindakan "
                                     "kepegawaian (perlu kajian hukum); proses di luar SIMASN."),
                                   code="needs_legal_review")
        ready = MobilityState.ACCEPTED if proposal.needs_acceptance else MobilityState.PROPOSED
        if proposal.state != ready:
            raise ConflictError(_("Usul antarinstansi diserahkan setelah diterima instansi tujuan.")
                                if proposal.needs_acceptance and proposal.state == MobilityState.PROPOSED
                                else _("Usul ini sudah diproses."), code="wrong_state")
        scope = Scope.of(actor)
        scope.require(Resource.TALENT_MOBILITY, Action.UPDATE, instansi_id=proposal.source_instansi_id)
        if not scope.allows(Resource.ACTION, Action.CREATE, instansi_id=proposal.source_instansi_id):
            raise PermissionDeniedError(_("Konsep SK disusun oleh operator kepegawaian instansi asal; usul ini "
                                          "menunggu di daftar kerjanya."), code="operator_drafts")
        assert proposal.target_position_id is not None
        action = provide("actions.draft_transfer", actor=actor, interface=interface,
                         employee_id=proposal.employee_id, position_id=proposal.target_position_id, tmt=tmt,
                         notes=_("Dari usul mobilitas talenta #%(id)d: %(reason)s")
                         % {"id": proposal.pk, "reason": proposal.reason[:500]})
        _transition(actor, interface, proposal, MobilityState.HANDED_OVER, handed_over_on=timezone.localdate(),
                    action_id=action["id"])
    return proposal


def instansi_of(pk: int | None) -> Instansi | None:
    return Instansi.objects.filter(pk=pk).first() if pk else None
