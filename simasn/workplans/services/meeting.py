"""The discussion meeting (Pasal 5 ayat (5), (6), Pasal 6): attendance, guests, decisions
on overlaps, the aligned drafts, the berita acara and its signatures (Pasal 5 ayat (5)
huruf c-d).
"""

from __future__ import annotations

import datetime as dt

from cryptography import x509
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.models import User
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ConflictError
from simasn.core.interfaces import Interface
from simasn.web.formatting import long_date
from simasn.workplans import analysis, pdf, pki, selectors
from simasn.workplans.models import (
    Activity,
    Attendance,
    BeritaAcara,
    Cycle,
    Draft,
    DraftProgram,
    Guest,
    Meeting,
    OverlapDecision,
    Signature,
    Stage,
)
from simasn.workplans.services._common import (
    _audit,
    _lock_cycle,
    _refuse,
    _require_stage,
    _store_pdf,
)
from simasn.workplans.services.overlap import label_from_decision

# --- Meeting (Pasal 5 ayat (5), (6), Pasal 6) --------------------------------------------

def meeting_open(*, actor: User, interface: Interface, cycle: Cycle, held_on: dt.date, mode: str,
                 location: str = "", online_link: str = "", delegated: bool = False, delegate_name: str = "",
                 delegate_title: str = "", delegation_letter: str = "") -> Meeting:
    Scope.of(actor).require(Resource.WORKPLAN_MEETING, Action.CREATE)
    if delegated and not (delegate_name.strip() and delegate_title.strip() and delegation_letter.strip()):
        raise _refuse(_("Pendelegasian kepada pimpinan tinggi madya dicatat dengan nama, jabatan, dan nomor surat "
                        "(Pasal 6)."), delegate_name=_("Wajib diisi bila didelegasikan."))
    if mode in (Meeting.Mode.LURING, Meeting.Mode.HIBRIDA) and not location.strip():
        raise _refuse(_("Tempat wajib diisi untuk pertemuan luring."), location=_("Wajib diisi."))
    if mode in (Meeting.Mode.DARING, Meeting.Mode.HIBRIDA) and not online_link.strip():
        raise _refuse(_("Tautan wajib diisi untuk pertemuan daring."), online_link=_("Wajib diisi."))
    agenda = getattr(cycle, "agenda", None)
    if agenda is not None and held_on < agenda.letter_date:
        raise _refuse(_("Tanggal pertemuan tidak boleh sebelum tanggal surat agenda (%(d)s).")
                      % {"d": long_date(agenda.letter_date)}, held_on=_("Tidak boleh sebelum tanggal agenda."))
    with transaction.atomic(durable=True):
        cycle = _lock_cycle(cycle)
        _require_stage(cycle, Stage.PENYUSUNAN)
        pending = [str(d.institution) for d in cycle.drafts.filter(kind=Draft.Kind.USULAN).exclude(
            status=Draft.Status.SUBMITTED).select_related("institution")]
        if pending:
            raise _refuse(_("Rancangan belum dikirim oleh: %(p)s (Pasal 5 ayat (4)).") % {"p": ", ".join(pending)})
        meeting = Meeting.objects.create(
            cycle=cycle, held_on=held_on, mode=mode, location=location, online_link=online_link, chaired_by=actor,
            delegated=delegated, delegate_name=delegate_name, delegate_title=delegate_title,
            delegation_letter=delegation_letter, created_by=actor, updated_by=actor)
        for participant in cycle.participants.all():
            Attendance.objects.create(meeting=meeting, institution_id=participant.institution_id)
        result = analysis.analyse_cycle(cycle, kind=Draft.Kind.USULAN)
        for pair in result.overlaps:
            OverlapDecision.objects.create(meeting=meeting, activity_a_id=pair.a.pk, activity_b_id=pair.b.pk,
                                           score=round(pair.score, 4), is_duplicate=pair.is_duplicate)
        cycle.stage, cycle.updated_by = Stage.PEMBAHASAN, actor
        cycle.save()
        _audit(actor=actor, interface=interface, obj=meeting, action=AuditAction.CREATE,
               articles=("5 ayat (5) huruf a", "5 ayat (5) huruf b", "6") if delegated else
               ("5 ayat (5) huruf a", "5 ayat (5) huruf b"), transition="meeting_opened",
               changes={"mode": mode, "delegated": delegated, "delegate_name": delegate_name,
                        "delegation_letter": delegation_letter, "overlaps": len(result.overlaps)})
    return meeting


def _require_open(meeting: Meeting) -> None:
    if meeting.status != Meeting.Status.OPEN:
        raise ConflictError(_("Pertemuan pembahasan sudah selesai."), code="meeting_closed")


def attendance_set(*, actor: User, interface: Interface, attendance: Attendance, present: bool,
                   representative: str) -> Attendance:
    Scope.of(actor).require(Resource.WORKPLAN_MEETING, Action.UPDATE)
    _require_open(attendance.meeting)
    if present and not representative.strip():
        raise _refuse(_("Nama wakil yang hadir wajib diisi."), representative=_("Wajib diisi."))
    with transaction.atomic(durable=True):
        attendance.present, attendance.representative = present, representative
        attendance.save()
        _audit(actor=actor, interface=interface, obj=attendance.meeting, action=AuditAction.UPDATE,
               articles=("5 ayat (5) huruf a",), changes={"attendance": {
                   "institution": attendance.institution_id, "present": present, "representative": representative}})
    return attendance


def guest_add(*, actor: User, interface: Interface, meeting: Meeting, kind: str, name: str, affiliation: str) -> Guest:
    Scope.of(actor).require(Resource.WORKPLAN_MEETING, Action.UPDATE)
    _require_open(meeting)
    with transaction.atomic(durable=True):
        guest = Guest.objects.create(meeting=meeting, kind=kind, name=name, affiliation=affiliation)
        _audit(actor=actor, interface=interface, obj=meeting, action=AuditAction.UPDATE, articles=("5 ayat (6)",),
               changes={"guest": {"kind": kind, "name": name, "affiliation": affiliation}})
    return guest


def overlap_decide(*, actor: User, interface: Interface, overlap: OverlapDecision, decision: str,
                   subject: str = "", note: str = "") -> OverlapDecision:
    """The meeting's decision on one likely overlap, item by item (Pasal 5 ayat (5))."""
    Scope.of(actor).require(Resource.WORKPLAN_MEETING, Action.UPDATE)
    _require_open(overlap.meeting)
    if decision not in OverlapDecision.Decision.values:
        raise _refuse(_("Pilih keputusan."), decision=_("Wajib dipilih."))
    if decision != OverlapDecision.Decision.KEEP and subject not in OverlapDecision.Side.values:
        raise _refuse(_("Pilih kegiatan yang digabung, dipindah, atau dihapus."), subject=_("Wajib dipilih."))
    with transaction.atomic(durable=True):
        before = {"decision": overlap.decision, "subject": overlap.subject}
        overlap.decision, overlap.subject, overlap.note = decision, subject if decision != "KEEP" else "", note
        overlap.decided_by, overlap.decided_at = actor, timezone.now()
        overlap.save()
        # Every decision is a labelled example the detector learns from (issue 13).
        label_from_decision(actor=actor, interface=interface, overlap=overlap)
        _audit(actor=actor, interface=interface, obj=overlap.meeting, articles=("5 ayat (5)",),
               transition="overlap_decided", changes={"overlap": overlap.pk, "before": before,
                                                      "after": {"decision": decision, "subject": subject,
                                                                "note": note}})
    return overlap


def meeting_close(*, actor: User, interface: Interface, meeting: Meeting, number: str) -> BeritaAcara:
    """The final agreement becomes the aligned drafts and the berita acara (Pasal 5 ayat (5) huruf c)."""
    Scope.of(actor).require(Resource.WORKPLAN_MEETING, Action.UPDATE)
    if not number.strip():
        raise _refuse(_("Nomor berita acara wajib diisi."), number=_("Wajib diisi."))
    with transaction.atomic(durable=True):
        cycle = _lock_cycle(meeting.cycle)
        _require_stage(cycle, Stage.PEMBAHASAN)
        meeting = Meeting.objects.get(pk=meeting.pk)
        _require_open(meeting)
        absent = [str(a.institution) for a in meeting.attendance.select_related("institution") if not a.present]
        if absent:
            raise _refuse(_("Kehadiran belum tercatat untuk: %(p)s (Pasal 5 ayat (5) huruf a).") % {"p": ", ".join(absent)})
        undecided = meeting.overlaps.filter(decision="").count()
        if undecided:
            raise _refuse(_("Masih ada %(n)d dugaan tumpang tindih yang belum diputuskan.") % {"n": undecided})
        _build_aligned(cycle, meeting)
        meeting.status, meeting.closed_at = Meeting.Status.CLOSED, timezone.now()
        meeting.save()
        ba = BeritaAcara(cycle=cycle, number=number, created_by=actor, updated_by=actor)
        _render_berita_acara(ba)
        cycle.stage, cycle.updated_by = Stage.PENANDATANGANAN, actor
        cycle.save()
        _audit(actor=actor, interface=interface, obj=ba, action=AuditAction.DOCUMENT_GENERATED,
               articles=("5 ayat (5) huruf c",), transition="meeting_closed",
               changes={"number": number, "sha256": ba.sha256})
    return ba


def _build_aligned(cycle: Cycle, meeting: Meeting) -> None:
    """Copy every submitted draft into its aligned draft, then apply the decisions."""
    aligned: dict[int, Draft] = {}
    copies: dict[int, Activity] = {}
    for draft in cycle.drafts.filter(kind=Draft.Kind.USULAN).select_related("institution"):
        target, _created = Draft.objects.get_or_create(
            cycle=cycle, institution=draft.institution, kind=Draft.Kind.SELARAS,
            defaults={"status": Draft.Status.SUBMITTED, "previous_evaluation": draft.previous_evaluation,
                      "evaluation_note": draft.evaluation_note})
        aligned[draft.institution_id] = target
        for program in draft.programs.prefetch_related("activities"):
            prog = DraftProgram.objects.create(draft=target, code=program.code, name=program.name,
                                               policy_program=program.policy_program)
            for act in program.activities.all():
                copies[act.pk] = Activity.objects.create(
                    program=prog, code=act.code, name=act.name, indicator=act.indicator, output=act.output,
                    target=act.target, target_unit=act.target_unit, budget=act.budget,
                    unit_in_charge=act.unit_in_charge, origin=act)
    for overlap in meeting.overlaps.select_related("activity_a__program__draft", "activity_b__program__draft"):
        if overlap.decision == OverlapDecision.Decision.KEEP:
            continue
        subject_src, other_src = ((overlap.activity_a, overlap.activity_b) if overlap.subject == "A"
                                  else (overlap.activity_b, overlap.activity_a))
        subject, other = copies.get(subject_src.pk), copies.get(other_src.pk)
        if subject is None or other is None or not Activity.objects.filter(pk=subject.pk).exists():
            continue  # already merged or dropped by an earlier decision
        other.refresh_from_db()
        if overlap.decision == OverlapDecision.Decision.DROP:
            subject.delete()
        elif overlap.decision == OverlapDecision.Decision.MERGE:
            other.budget += subject.budget
            if other.target_unit == subject.target_unit:
                other.target += subject.target
            other.alignment_note = (_("Digabung dengan %(c)s %(i)s") % {
                "c": subject.code, "i": subject_src.program.draft.institution})[:400]
            other.save()
            subject.delete()
        elif overlap.decision == OverlapDecision.Decision.MOVE:
            program = other.program
            code = subject.code
            while Activity.objects.filter(program__draft=program.draft, code=code).exists():
                code = f"{code}-P"
            subject.program, subject.code = program, code
            subject.alignment_note = (_("Dipindahkan dari %(i)s") % {"i": subject_src.program.draft.institution})[:400]
            subject.save()


def _render_berita_acara(ba: BeritaAcara) -> None:
    cycle = ba.cycle
    meeting = cycle.meeting
    data = pdf.render_pdf("workplans/pdf/berita_acara.html", {
        "ba": ba, "cycle": cycle, "meeting": meeting,
        "attendance": meeting.attendance.select_related("institution"), "guests": meeting.guests.all(),
        "decisions": meeting.overlaps.select_related("activity_a__program__draft__institution",
                                                     "activity_b__program__draft__institution"),
        "drafts": selectors.draft_tree(cycle=cycle, kind=Draft.Kind.SELARAS),
        "participants": cycle.participants.select_related("institution"),
        "generated_at": timezone.now(),
    })
    ba.pdf.name = _store_pdf("berita-acara", data)
    ba.unsigned_sha256 = ba.sha256 = pdf.sha256(data)
    ba.save()


def _after_aligned_change(draft: Draft, actor: User) -> None:
    """An aligned draft changed before any signature: the berita acara is generated anew."""
    if draft.kind != Draft.Kind.SELARAS:
        return
    ba = BeritaAcara.objects.filter(cycle_id=draft.cycle_id).first()
    if ba is not None:
        with transaction.atomic():
            _render_berita_acara(ba)


# --- Berita acara signatures (Pasal 5 ayat (5) huruf d) -----------------------------------

def berita_acara_sign(*, actor: User, interface: Interface, berita_acara: BeritaAcara) -> Signature:
    """The head of a participant's secretariat unit signs (PAdES); the last one seals."""
    institution_id = Scope.of(actor).own_institution_id()
    Scope.of(actor).require(Resource.WORKPLAN_SIGNATURE, Action.CREATE, institution_id=institution_id)
    with transaction.atomic(durable=True):
        cycle = _lock_cycle(berita_acara.cycle)
        _require_stage(cycle, Stage.PENANDATANGANAN)
        ba = BeritaAcara.objects.select_for_update().get(pk=berita_acara.pk)
        participant = cycle.participants.filter(institution_id=institution_id).select_related("institution").first()
        if participant is None:
            raise _refuse(_("Lembaga Anda bukan peserta siklus ini."))
        if ba.signatures.filter(institution_id=institution_id).exists():
            raise ConflictError(_("Lembaga Anda sudah menandatangani berita acara ini."), code="already_signed")
        institution = participant.institution
        name = actor.get_full_name() or actor.username
        files = pki.ensure_signer(user_id=actor.pk, common_name=name, organization=institution.short_name)
        with ba.pdf.open("rb") as handle:
            current = handle.read()
        if pdf.sha256(current) != ba.sha256:
            raise ConflictError(_("Berkas berita acara tidak sesuai dengan sidik SHA-256 yang tercatat."),
                                code="tampered")
        signed = pdf.sign_pdf(current, field_name=f"TTD_{institution.code}", files=files,
                              reason=_("Menyetujui berita acara pertemuan pembahasan"))
        cert = x509.load_pem_x509_certificate(files.cert.read_bytes())
        ba.pdf.name = _store_pdf("berita-acara", signed)
        ba.sha256 = pdf.sha256(signed)
        signature = Signature.objects.create(
            berita_acara=ba, institution=institution, signer=actor, signer_name=name,
            certificate_subject=cert.subject.rfc4514_string()[:300], certificate_serial=format(cert.serial_number, "x"),
            signed_at=timezone.now(), sha256_after=ba.sha256)
        _audit(actor=actor, interface=interface, obj=ba, action=AuditAction.DOCUMENT_SIGNED,
               articles=("5 ayat (5) huruf d",), transition="berita_acara_signed",
               changes={"institution": institution.code, "sha256": ba.sha256,
                        "certificate_serial": signature.certificate_serial})
        signed_ids = set(ba.signatures.values_list("institution_id", flat=True))
        if signed_ids >= set(cycle.participants.values_list("institution_id", flat=True)):
            ba.sealed_at = timezone.now()
            cycle.drafts.filter(kind=Draft.Kind.SELARAS).update(locked=True)
            cycle.stage, cycle.updated_by = Stage.TERSEGEL, actor
            cycle.save()
            _audit(actor=actor, interface=interface, obj=cycle, articles=("5 ayat (5) huruf c", "5 ayat (5) huruf d"),
                   transition="berita_acara_sealed", changes={"sha256": ba.sha256})
        ba.save()
    return signature
