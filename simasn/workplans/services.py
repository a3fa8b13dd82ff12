"""Writes of the PermenRK procedure. Each transition: permission, business rule, one
transaction, an audit event citing its article; e-mails on commit.

The module is longer than usual because the procedure is one chain of transitions;
XLSX import/export live in ``xlsx.py``, the analysis in ``analysis.py``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.models import User
from simasn.accounts.policy import Action, Resource
from simasn.accounts.roles import Role
from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ApplicationError, ConflictError
from simasn.core.interfaces import Interface
from simasn.law import parameters
from simasn.organization.models import NationalInstitution
from simasn.organization.selectors import sync_participants
from simasn.workplans import access, pdf, pki
from simasn.workplans.calendar import late_milestones
from simasn.workplans.models import (
    Activity,
    AgendaDispatch,
    Attendance,
    BeritaAcara,
    Coordination,
    CoordinationRecipient,
    Cycle,
    CycleParticipant,
    Draft,
    DraftProgram,
    EvaluationReport,
    Guest,
    Meeting,
    Notification,
    OverlapDecision,
    ParticipantRole,
    PlanScope,
    PolicyDirection,
    PolicyIndicator,
    PolicyProgram,
    Realization,
    Signature,
    Stage,
)

PERMENRK = "Permen PANRB Sinkronisasi Rencana Kerja"


def cite(article: str) -> str:
    return f"{PERMENRK} Pasal {article}"


def _audit(*, actor: Any, interface: Interface, obj: Any, action: AuditAction = AuditAction.TRANSITION,
           articles: tuple[str, ...], transition: str = "", changes: dict | None = None,
           reason: str = "") -> None:
    audit_record(actor=actor, action=action, interface=interface, obj=obj, changes=changes or {},
                 reason=reason, citations=[cite(a) for a in articles],
                 extra={"transition": transition} if transition else None)


def _refuse(message: str, code: str = "invalid", **fields: str) -> ApplicationError:
    return ApplicationError(message, code=code, fields={k: [v] for k, v in fields.items()})


def _require_stage(cycle: Cycle, *stages: str) -> None:
    if cycle.stage not in stages:
        raise ConflictError(
            _("Langkah ini tidak dapat dilakukan pada tahap \"%(stage)s\".") % {"stage": cycle.get_stage_display()},
            code="wrong_stage", details={"stage": cycle.stage, "expected": list(stages)})


def _lock_cycle(cycle: Cycle) -> Cycle:
    return Cycle.objects.select_for_update().get(pk=cycle.pk)


# --- Arah Kebijakan (Pasal 1 angka 8, Pasal 5 ayat (3)) ------------------------------

def policy_create(*, actor: Any, interface: Interface, title: str, year_start: int, year_end: int) -> PolicyDirection:
    access.require(actor, Resource.WORKPLAN_POLICY, Action.CREATE)
    if year_end < year_start:
        raise _refuse(_("Tahun akhir tidak boleh sebelum tahun awal."), year_end=_("Tidak valid."))
    with transaction.atomic():
        policy = PolicyDirection.objects.create(title=title, year_start=year_start, year_end=year_end,
                                                created_by=actor, updated_by=actor)
        _audit(actor=actor, interface=interface, obj=policy, action=AuditAction.CREATE, articles=("5 ayat (3)",))
    return policy


def _editable_policy(policy: PolicyDirection) -> None:
    if policy.is_published:
        raise ConflictError(_("Arah Kebijakan yang sudah ditetapkan tidak dapat diubah; buat versi baru."),
                            code="policy_published")


def policy_program_add(*, actor: Any, interface: Interface, policy: PolicyDirection, code: str, name: str,
                       strategic_target: str) -> PolicyProgram:
    access.require(actor, Resource.WORKPLAN_POLICY, Action.UPDATE)
    with transaction.atomic():
        policy = PolicyDirection.objects.select_for_update().get(pk=policy.pk)
        _editable_policy(policy)
        if policy.programs.filter(code=code).exists():
            raise _refuse(_("Kode program sudah dipakai."), code=_("Sudah dipakai."))
        program = PolicyProgram.objects.create(policy=policy, code=code, name=name, strategic_target=strategic_target)
        _audit(actor=actor, interface=interface, obj=program, action=AuditAction.CREATE, articles=("1 angka 8",),
               changes={"after": {"code": code, "name": name, "strategic_target": strategic_target}})
    return program


def policy_indicator_add(*, actor: Any, interface: Interface, program: PolicyProgram, code: str, name: str,
                         unit: str, baseline: Decimal, targets: dict[int, Decimal]) -> PolicyIndicator:
    access.require(actor, Resource.WORKPLAN_POLICY, Action.UPDATE)
    with transaction.atomic():
        policy = PolicyDirection.objects.select_for_update().get(pk=program.policy_id)
        _editable_policy(policy)
        missing = [y for y in policy.years if y not in targets]
        if missing:
            raise _refuse(_("Target wajib diisi untuk setiap tahun: %(years)s.") % {"years": ", ".join(map(str, missing))},
                          targets=_("Lengkapi target per tahun."))
        if program.indicators.filter(code=code).exists():
            raise _refuse(_("Kode indikator sudah dipakai."), code=_("Sudah dipakai."))
        indicator = PolicyIndicator.objects.create(
            program=program, code=code, name=name, unit=unit, baseline=baseline,
            targets={str(y): str(v) for y, v in sorted(targets.items())})
        _audit(actor=actor, interface=interface, obj=indicator, action=AuditAction.CREATE, articles=("1 angka 8",),
               changes={"after": {"code": code, "name": name, "unit": unit, "baseline": str(baseline),
                                  "targets": indicator.targets}})
    return indicator


def policy_publish(*, actor: Any, interface: Interface, policy: PolicyDirection) -> PolicyDirection:
    """The Minister sets (menetapkan) the Arah Kebijakan (Pasal 5 ayat (3)); then it is read-only."""
    access.require(actor, Resource.WORKPLAN_POLICY, Action.UPDATE)
    with transaction.atomic():
        policy = PolicyDirection.objects.select_for_update().get(pk=policy.pk)
        _editable_policy(policy)
        if not PolicyIndicator.objects.filter(program__policy=policy).exists():
            raise _refuse(_("Arah Kebijakan harus memuat program dengan indikator terukur (Pasal 1 angka 8)."))
        if policy.programs.filter(indicators__isnull=True).exists():
            raise _refuse(_("Setiap program harus memiliki paling sedikit satu indikator."))
        policy.status, policy.published_at, policy.updated_by = PolicyDirection.Status.PUBLISHED, timezone.now(), actor
        policy.save()
        _audit(actor=actor, interface=interface, obj=policy, articles=("5 ayat (3)", "1 angka 8"),
               transition="policy_published", changes={"status": {"before": "DRAFT", "after": "PUBLISHED"}})
    return policy


def policy_new_version(*, actor: Any, interface: Interface, policy: PolicyDirection, change_note: str) -> PolicyDirection:
    """A new version copies the programmes and indicators; the old one stays as it was."""
    access.require(actor, Resource.WORKPLAN_POLICY, Action.CREATE)
    if not change_note.strip():
        raise _refuse(_("Tuliskan perubahan kebijakan yang mendasari versi baru."), change_note=_("Wajib diisi."))
    with transaction.atomic():
        latest = PolicyDirection.objects.filter(title=policy.title).order_by("-version_no").first()
        new = PolicyDirection.objects.create(
            title=policy.title, year_start=policy.year_start, year_end=policy.year_end,
            version_no=(latest.version_no if latest else policy.version_no) + 1, previous=policy,
            change_note=change_note, created_by=actor, updated_by=actor)
        for program in policy.programs.prefetch_related("indicators"):
            copy = PolicyProgram.objects.create(policy=new, code=program.code, name=program.name,
                                                strategic_target=program.strategic_target)
            for ind in program.indicators.all():
                PolicyIndicator.objects.create(program=copy, code=ind.code, name=ind.name, unit=ind.unit,
                                               baseline=ind.baseline, targets=ind.targets)
        _audit(actor=actor, interface=interface, obj=new, action=AuditAction.CREATE, articles=("5 ayat (3)", "8"),
               reason=change_note, changes={"previous_version": policy.pk})
    return new


# --- Cycle (Pasal 2, 3) -------------------------------------------------------------

def participant_role(institution_code: str, on: dt.date) -> str:
    try:
        entries = parameters.value("workplan.participants", on)
    except parameters.ParameterError:
        return ParticipantRole.PESERTA
    for entry in entries:
        if entry.get("institution") == institution_code:
            return entry.get("role", ParticipantRole.PESERTA)
    return ParticipantRole.PESERTA


def first_budget_year(*, scope_kind: str, year_start: int, on: dt.date) -> int:
    """The budget year whose national planning stages the plan must precede (Pasal 3)."""
    return year_start if scope_kind == PlanScope.TAHUNAN else max(year_start, on.year + 1)


def cycle_create(*, actor: Any, interface: Interface, title: str, scope_kind: str, year_start: int,
                 year_end: int, reference_date: dt.date, starts_on: dt.date, ends_on: dt.date,
                 policy: PolicyDirection, previous_cycle: Cycle | None = None,
                 revision_of: Cycle | None = None, revision_reason: str = "") -> Cycle:
    access.require(actor, Resource.WORKPLAN, Action.CREATE)
    if scope_kind == PlanScope.TAHUNAN and year_end != year_start:
        raise _refuse(_("Rencana tahunan mencakup satu tahun."), year_end=_("Samakan dengan tahun awal."))
    if year_end < year_start:
        raise _refuse(_("Tahun akhir tidak boleh sebelum tahun awal."), year_end=_("Tidak valid."))
    if ends_on < starts_on:
        raise _refuse(_("Jadwal selesai tidak boleh sebelum jadwal mulai."), ends_on=_("Tidak valid."))
    try:
        parameters.value("workplan.participants", reference_date)
    except parameters.ParameterError as exc:
        raise _refuse(_("Peraturan Menteri tentang sinkronisasi rencana kerja belum berlaku pada tanggal siklus "
                        "(berlaku sejak diundangkan, Pasal 10)."), reference_date=_("Tanggal di luar masa berlaku.")) from exc
    participants = list(sync_participants(on=reference_date))
    if not participants:
        raise _refuse(_("Tidak ada lembaga peserta sinkronisasi yang berlaku pada tanggal siklus."),
                      reference_date=_("Periksa registri lembaga nasional."))
    if not (policy.year_start <= year_start and year_end <= policy.year_end):
        raise _refuse(_("Periode siklus harus berada dalam periode Arah Kebijakan."), policy=_("Periode tidak sesuai."))
    # A medium-term plan spans several budget years: the first one it can still feed is
    # checked. An annual plan feeds exactly its own year.
    budget_year = first_budget_year(scope_kind=scope_kind, year_start=year_start, on=reference_date)
    late = late_milestones(year_start=budget_year, ends_on=ends_on, on=reference_date)
    with transaction.atomic():
        cycle = Cycle.objects.create(
            title=title, scope_kind=scope_kind, year_start=year_start, year_end=year_end,
            reference_date=reference_date, starts_on=starts_on, ends_on=ends_on, policy=policy,
            previous_cycle=previous_cycle, late_milestones=late, created_by=actor, updated_by=actor,
            revision_no=(revision_of.revision_no + 1) if revision_of else 0, revision_of=revision_of,
            revision_reason=revision_reason)
        for inst in participants:
            CycleParticipant.objects.create(cycle=cycle, institution=inst,
                                            role=participant_role(inst.code, reference_date))
        _audit(actor=actor, interface=interface, obj=cycle, action=AuditAction.CREATE,
               articles=("2 ayat (1)", "2 ayat (2)", "3"),
               changes={"participants": [p.code for p in participants], "late_milestones": late})
    return cycle


def users_of(institution: NationalInstitution) -> list[User]:
    roles = [role for role, code in access.ROLE_INSTITUTION.items() if code == institution.code]
    if institution.code == "KEMENPANRB":
        roles.append(Role.KEMENPANRB)
    return list(User.objects.filter(Q(institution=institution) | Q(role__in=roles), is_active=True))


def _notify(users: list[User], *, title: str, body: str, url: str) -> None:
    for user in users:
        Notification.objects.create(user=user, title=title[:250], body=body, url=url)
    emails = sorted({u.email for u in users if u.email})
    if emails:
        transaction.on_commit(lambda: send_mail(title, f"{body}\n\n{url}", None, emails, fail_silently=True))


def agenda_send(*, actor: Any, interface: Interface, cycle: Cycle, letter_number: str, letter_date: dt.date,
                draft_deadline: dt.date, meeting_plan: str, body: str) -> AgendaDispatch:
    """The Minister sends the agenda to the heads of the participants (Pasal 5 ayat (1))."""
    access.require(actor, Resource.WORKPLAN_MEETING, Action.CREATE)
    with transaction.atomic():
        cycle = _lock_cycle(cycle)
        _require_stage(cycle, Stage.PERSIAPAN)
        if not cycle.policy.is_published:
            raise _refuse(_("Arah Kebijakan harus ditetapkan Menteri sebelum agenda dikirim (Pasal 5 ayat (3))."))
        participants = list(cycle.participants.select_related("institution"))
        recipients = [p.institution for p in participants if p.role != ParticipantRole.KOORDINATOR]
        agenda = AgendaDispatch.objects.create(
            cycle=cycle, letter_number=letter_number, letter_date=letter_date, draft_deadline=draft_deadline,
            meeting_plan=meeting_plan, body=body, sent_at=timezone.now(), created_by=actor, updated_by=actor)
        agenda.recipients.set(recipients)
        data = pdf.render_pdf("workplans/pdf/agenda.html", {
            "agenda": agenda, "cycle": cycle, "recipients": recipients, "participants": participants,
            "sender": actor})
        agenda.pdf.save(f"agenda-{cycle.pk}.pdf", ContentFile(data), save=False)
        agenda.pdf_sha256 = pdf.sha256(data)
        agenda.save()
        for participant in participants:
            _draft_for(cycle, participant.institution, actor)
        cycle.stage, cycle.updated_by = Stage.PENYUSUNAN, actor
        cycle.save()
        from django.urls import reverse

        url = reverse("workplans:cycle_detail", args=[cycle.pk])
        title = _("Agenda penyusunan rancangan Rencana Kerja: %(c)s") % {"c": cycle}
        notice = _("Nomor %(n)s tanggal %(d)s. Batas pengiriman rancangan: %(dl)s.") % {
            "n": letter_number, "d": letter_date.isoformat(), "dl": draft_deadline.isoformat()}
        for participant in participants:
            _notify(users_of(participant.institution), title=title, body=notice, url=url)
        _audit(actor=actor, interface=interface, obj=agenda, action=AuditAction.DISPATCHED, articles=("5 ayat (1)",),
               transition="agenda_sent", changes={"recipients": [r.code for r in recipients],
                                                  "letter_number": letter_number, "pdf_sha256": agenda.pdf_sha256})
    return agenda


def evaluations_available(*, cycle: Cycle, institution_id: int) -> Any:
    """Evaluation results of earlier plans this participant may build on (Pasal 5 ayat (2))."""
    qs = EvaluationReport.objects.filter(institution_id=institution_id, status=EvaluationReport.Status.SUBMITTED)
    qs = qs.exclude(cycle=cycle).filter(cycle__year_start__lte=cycle.year_start)
    return qs.select_related("cycle").order_by("-year", "-submitted_at")


def _draft_for(cycle: Cycle, institution: NationalInstitution, actor: Any) -> Draft:
    draft, created = Draft.objects.get_or_create(
        cycle=cycle, institution=institution, kind=Draft.Kind.USULAN,
        defaults={"created_by": actor, "updated_by": actor})
    if not created:
        return draft
    preferred = evaluations_available(cycle=cycle, institution_id=institution.pk)
    if cycle.previous_cycle_id:
        preferred = preferred.filter(cycle_id=cycle.previous_cycle_id) or preferred
    draft.previous_evaluation = preferred.first()
    draft.save()
    if cycle.revision_of_id:
        # A revision starts from what was agreed last time (Pasal 8): only changes need work.
        source = Draft.objects.filter(cycle_id=cycle.revision_of_id, institution=institution,
                                      kind=Draft.Kind.SELARAS).first()
        if source is not None:
            _copy_draft(source, draft, cycle.policy)
    return draft


def _copy_draft(source: Draft, target: Draft, policy: PolicyDirection) -> None:
    programs = {p.code: p for p in PolicyProgram.objects.filter(policy=policy)}
    indicators = {(i.program.code, i.code): i for i in PolicyIndicator.objects.filter(program__policy=policy)
                  .select_related("program")}
    for program in source.programs.select_related("policy_program").prefetch_related("activities__indicator__program"):
        pp = programs.get(program.policy_program.code) if program.policy_program else None
        copy = DraftProgram.objects.create(draft=target, code=program.code, name=program.name, policy_program=pp)
        for act in program.activities.all():
            ind = indicators.get((act.indicator.program.code, act.indicator.code)) if act.indicator else None
            Activity.objects.create(program=copy, code=act.code, name=act.name, indicator=ind, output=act.output,
                                    target=act.target, target_unit=act.target_unit, budget=act.budget,
                                    unit_in_charge=act.unit_in_charge, origin=act)


def drafts_overdue_remind(*, on: dt.date) -> int:
    """Notify the users of every participant whose draft was not sent by the agenda's
    deadline; each user is reminded once per draft. Returns the reminders written."""
    from django.urls import reverse

    written = 0
    drafts = Draft.objects.filter(kind=Draft.Kind.USULAN, status=Draft.Status.DRAFT, cycle__stage=Stage.PENYUSUNAN,
                                  cycle__agenda__draft_deadline__lt=on).select_related("cycle__agenda", "institution")
    for draft in drafts:
        url = reverse("workplans:draft_detail", args=[draft.pk])
        title = (_("Rancangan Rencana Kerja belum dikirim: %(c)s") % {"c": draft.cycle})[:250]
        with transaction.atomic():
            for user in users_of(draft.institution):
                if Notification.objects.filter(user=user, url=url, title=title).exists():
                    continue
                Notification.objects.create(user=user, title=title, url=url, body=_(
                    "Batas pengiriman %(d)s telah lewat (Pasal 5 ayat (4)).") % {
                        "d": draft.cycle.agenda.draft_deadline.isoformat()})
                written += 1
    return written


# --- Drafts (Pasal 5 ayat (2), (4)) ----------------------------------------------------

def ensure_editable(draft: Draft) -> None:
    """The single guard every change to a draft's content passes."""
    sealed = draft.kind == Draft.Kind.SELARAS and BeritaAcara.objects.filter(
        cycle_id=draft.cycle_id, sealed_at__isnull=False).exists()
    if draft.locked or sealed:
        raise ConflictError(_("Rancangan selaras sudah dituangkan dalam berita acara yang ditandatangani semua "
                              "pihak dan tidak dapat diubah (Pasal 5 ayat (5) huruf c-d). Perubahan hanya melalui "
                              "revisi (Pasal 8)."), code="sealed")
    stage = Cycle.objects.values_list("stage", flat=True).get(pk=draft.cycle_id)
    if draft.kind == Draft.Kind.USULAN:
        if draft.status == Draft.Status.SUBMITTED:
            raise ConflictError(_("Rancangan sudah dikirim kepada Menteri dan tidak dapat diubah."), code="submitted")
        if stage != Stage.PENYUSUNAN:
            raise ConflictError(_("Rancangan hanya dapat disusun pada tahap penyusunan."), code="wrong_stage")
    else:
        if stage != Stage.PENANDATANGANAN or Signature.objects.filter(berita_acara__cycle_id=draft.cycle_id).exists():
            raise ConflictError(_("Rancangan selaras sedang ditandatangani dan tidak dapat diubah."), code="signing")


def _require_draft(actor: Any, draft: Draft, action: Action) -> None:
    access.require(actor, Resource.WORKPLAN_DRAFT, action, institution_id=draft.institution_id)


def draft_set_evaluation(*, actor: Any, interface: Interface, draft: Draft,
                         previous_evaluation: EvaluationReport | None, evaluation_note: str) -> Draft:
    _require_draft(actor, draft, Action.UPDATE)
    with transaction.atomic():
        draft = Draft.objects.select_for_update().get(pk=draft.pk)
        ensure_editable(draft)
        if previous_evaluation is not None and previous_evaluation.institution_id != draft.institution_id:
            raise _refuse(_("Hasil evaluasi harus milik lembaga yang sama."), previous_evaluation=_("Tidak sesuai."))
        before = {"previous_evaluation": draft.previous_evaluation_id, "evaluation_note": draft.evaluation_note}
        draft.previous_evaluation, draft.evaluation_note, draft.updated_by = previous_evaluation, evaluation_note, actor
        draft.save()
        _audit(actor=actor, interface=interface, obj=draft, action=AuditAction.UPDATE, articles=("5 ayat (2)",),
               changes={"before": before, "after": {"previous_evaluation": draft.previous_evaluation_id,
                                                    "evaluation_note": evaluation_note}})
    return draft


def _check_program_link(draft: Draft, policy_program: PolicyProgram | None) -> None:
    if policy_program is not None and policy_program.policy_id != draft.cycle.policy_id:
        raise _refuse(_("Program harus dari Arah Kebijakan siklus ini."), policy_program=_("Tidak sesuai."))


def draft_program_add(*, actor: Any, interface: Interface, draft: Draft, code: str, name: str,
                      policy_program: PolicyProgram | None) -> DraftProgram:
    _require_draft(actor, draft, Action.UPDATE)
    with transaction.atomic():
        draft = Draft.objects.select_for_update().select_related("cycle").get(pk=draft.pk)
        ensure_editable(draft)
        _check_program_link(draft, policy_program)
        if draft.programs.filter(code=code).exists():
            raise _refuse(_("Kode program sudah dipakai dalam rancangan ini."), code=_("Sudah dipakai."))
        program = DraftProgram.objects.create(draft=draft, code=code, name=name, policy_program=policy_program)
        _audit(actor=actor, interface=interface, obj=draft, action=AuditAction.UPDATE, articles=("5 ayat (2)",),
               changes={"program_added": {"code": code, "name": name, "policy_program": policy_program}})
    _after_aligned_change(draft, actor)
    return program


ACTIVITY_FIELDS = ("code", "name", "indicator", "output", "target", "target_unit", "budget", "unit_in_charge")


def _validate_activity(program: DraftProgram, data: dict[str, Any], *, exclude_pk: int | None = None) -> None:
    errors: dict[str, list[str]] = {}
    indicator = data.get("indicator")
    if indicator is not None:
        if program.policy_program_id is None:
            errors["indicator"] = [_("Program ini tidak terkait program Arah Kebijakan; indikator tidak dapat dipilih.")]
        elif indicator.program_id != program.policy_program_id:
            errors["indicator"] = [_("Indikator harus dari program Arah Kebijakan yang sama.")]
    if data.get("budget") is None or int(data["budget"]) < 0:
        errors["budget"] = [_("Anggaran berupa bilangan bulat rupiah, tidak negatif.")]
    if data.get("target") is None or Decimal(data["target"]) < 0:
        errors["target"] = [_("Target tidak boleh negatif.")]
    for name in ("code", "name", "output", "target_unit", "unit_in_charge"):
        if not str(data.get(name) or "").strip():
            errors[name] = [_("Wajib diisi.")]
    clash = Activity.objects.filter(program__draft_id=program.draft_id, code=data.get("code"))
    if exclude_pk is not None:
        clash = clash.exclude(pk=exclude_pk)
    if clash.exists():
        errors["code"] = [_("Kode kegiatan sudah dipakai dalam rancangan ini.")]
    if errors:
        raise ApplicationError(_("Periksa kembali isian yang ditandai."), code="validation", fields=errors)


def activity_add(*, actor: Any, interface: Interface, program: DraftProgram, data: dict[str, Any]) -> Activity:
    draft = program.draft
    _require_draft(actor, draft, Action.UPDATE)
    with transaction.atomic():
        draft = Draft.objects.select_for_update().get(pk=draft.pk)
        ensure_editable(draft)
        _validate_activity(program, data)
        activity = Activity.objects.create(program=program, **{k: data[k] for k in ACTIVITY_FIELDS if k in data})
        _audit(actor=actor, interface=interface, obj=draft, action=AuditAction.UPDATE, articles=("5 ayat (2)",),
               changes={"activity_added": {k: data.get(k) for k in ACTIVITY_FIELDS}})
    _after_aligned_change(draft, actor)
    return activity


def activity_update(*, actor: Any, interface: Interface, activity: Activity, data: dict[str, Any]) -> Activity:
    draft = activity.program.draft
    _require_draft(actor, draft, Action.UPDATE)
    with transaction.atomic():
        draft = Draft.objects.select_for_update().get(pk=draft.pk)
        ensure_editable(draft)
        merged = {k: getattr(activity, k) for k in ACTIVITY_FIELDS} | data
        _validate_activity(activity.program, merged, exclude_pk=activity.pk)
        before = {k: getattr(activity, k) for k in data}
        for key, value in data.items():
            setattr(activity, key, value)
        activity.save()
        _audit(actor=actor, interface=interface, obj=draft, action=AuditAction.UPDATE, articles=("5 ayat (2)",),
               changes={"activity": activity.pk, "before": before, "after": data})
    _after_aligned_change(draft, actor)
    return activity


def activity_delete(*, actor: Any, interface: Interface, activity: Activity) -> None:
    draft = activity.program.draft
    _require_draft(actor, draft, Action.UPDATE)
    with transaction.atomic():
        draft = Draft.objects.select_for_update().get(pk=draft.pk)
        ensure_editable(draft)
        _audit(actor=actor, interface=interface, obj=draft, action=AuditAction.UPDATE, articles=("5 ayat (2)",),
               changes={"activity_removed": {k: getattr(activity, k) for k in ACTIVITY_FIELDS}})
        activity.delete()
    _after_aligned_change(draft, actor)


def draft_submit(*, actor: Any, interface: Interface, draft: Draft) -> Draft:
    """The participant sends its draft to the Minister (Pasal 5 ayat (4))."""
    _require_draft(actor, draft, Action.UPDATE)
    with transaction.atomic():
        draft = Draft.objects.select_for_update().select_related("cycle", "institution").get(pk=draft.pk)
        if draft.kind != Draft.Kind.USULAN:
            raise _refuse(_("Hanya rancangan usulan yang dikirim kepada Menteri."))
        ensure_editable(draft)
        if not Activity.objects.filter(program__draft=draft).exists():
            raise _refuse(_("Rancangan belum memuat kegiatan."))
        available = evaluations_available(cycle=draft.cycle, institution_id=draft.institution_id)
        if draft.previous_evaluation_id is None and available.exists():
            raise _refuse(_("Tautkan hasil evaluasi pelaksanaan Rencana Kerja periode sebelumnya (Pasal 5 ayat (2))."),
                          previous_evaluation=_("Wajib ditautkan."))
        if draft.previous_evaluation_id is None and not draft.evaluation_note.strip():
            raise _refuse(_("Belum ada hasil evaluasi periode sebelumnya di sistem; jelaskan dasar evaluasi yang "
                            "diperhatikan (Pasal 5 ayat (2))."), evaluation_note=_("Wajib diisi."))
        draft.status, draft.submitted_at, draft.updated_by = Draft.Status.SUBMITTED, timezone.now(), actor
        draft.save()
        _audit(actor=actor, interface=interface, obj=draft, articles=("5 ayat (4)",), transition="draft_submitted",
               changes={"status": {"before": "DRAFT", "after": "SUBMITTED"}})
    return draft


# --- Meeting (Pasal 5 ayat (5), (6), Pasal 6) --------------------------------------------

def meeting_open(*, actor: Any, interface: Interface, cycle: Cycle, held_on: dt.date, mode: str,
                 location: str = "", online_link: str = "", delegated: bool = False, delegate_name: str = "",
                 delegate_title: str = "", delegation_letter: str = "") -> Meeting:
    from simasn.workplans import analysis

    access.require(actor, Resource.WORKPLAN_MEETING, Action.CREATE)
    if delegated and not (delegate_name.strip() and delegate_title.strip() and delegation_letter.strip()):
        raise _refuse(_("Pendelegasian kepada pimpinan tinggi madya dicatat dengan nama, jabatan, dan nomor surat "
                        "(Pasal 6)."), delegate_name=_("Wajib diisi bila didelegasikan."))
    if mode in (Meeting.Mode.LURING, Meeting.Mode.HIBRIDA) and not location.strip():
        raise _refuse(_("Tempat wajib diisi untuk pertemuan luring."), location=_("Wajib diisi."))
    if mode in (Meeting.Mode.DARING, Meeting.Mode.HIBRIDA) and not online_link.strip():
        raise _refuse(_("Tautan wajib diisi untuk pertemuan daring."), online_link=_("Wajib diisi."))
    with transaction.atomic():
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


def attendance_set(*, actor: Any, interface: Interface, attendance: Attendance, present: bool,
                   representative: str) -> Attendance:
    access.require(actor, Resource.WORKPLAN_MEETING, Action.UPDATE)
    _require_open(attendance.meeting)
    if present and not representative.strip():
        raise _refuse(_("Nama wakil yang hadir wajib diisi."), representative=_("Wajib diisi."))
    with transaction.atomic():
        attendance.present, attendance.representative = present, representative
        attendance.save()
        _audit(actor=actor, interface=interface, obj=attendance.meeting, action=AuditAction.UPDATE,
               articles=("5 ayat (5) huruf a",), changes={"attendance": {
                   "institution": attendance.institution_id, "present": present, "representative": representative}})
    return attendance


def guest_add(*, actor: Any, interface: Interface, meeting: Meeting, kind: str, name: str, affiliation: str) -> Guest:
    access.require(actor, Resource.WORKPLAN_MEETING, Action.UPDATE)
    _require_open(meeting)
    with transaction.atomic():
        guest = Guest.objects.create(meeting=meeting, kind=kind, name=name, affiliation=affiliation)
        _audit(actor=actor, interface=interface, obj=meeting, action=AuditAction.UPDATE, articles=("5 ayat (6)",),
               changes={"guest": {"kind": kind, "name": name, "affiliation": affiliation}})
    return guest


def overlap_decide(*, actor: Any, interface: Interface, overlap: OverlapDecision, decision: str,
                   subject: str = "", note: str = "") -> OverlapDecision:
    """The meeting's decision on one likely overlap, item by item (Pasal 5 ayat (5))."""
    access.require(actor, Resource.WORKPLAN_MEETING, Action.UPDATE)
    _require_open(overlap.meeting)
    if decision not in OverlapDecision.Decision.values:
        raise _refuse(_("Pilih keputusan."), decision=_("Wajib dipilih."))
    if decision != OverlapDecision.Decision.KEEP and subject not in OverlapDecision.Side.values:
        raise _refuse(_("Pilih kegiatan yang digabung, dipindah, atau dihapus."), subject=_("Wajib dipilih."))
    with transaction.atomic():
        before = {"decision": overlap.decision, "subject": overlap.subject}
        overlap.decision, overlap.subject, overlap.note = decision, subject if decision != "KEEP" else "", note
        overlap.decided_by, overlap.decided_at = actor, timezone.now()
        overlap.save()
        _audit(actor=actor, interface=interface, obj=overlap.meeting, articles=("5 ayat (5)",),
               transition="overlap_decided", changes={"overlap": overlap.pk, "before": before,
                                                      "after": {"decision": decision, "subject": subject,
                                                                "note": note}})
    return overlap


def meeting_close(*, actor: Any, interface: Interface, meeting: Meeting, number: str) -> BeritaAcara:
    """The final agreement becomes the aligned drafts and the berita acara (Pasal 5 ayat (5) huruf c)."""
    access.require(actor, Resource.WORKPLAN_MEETING, Action.UPDATE)
    if not number.strip():
        raise _refuse(_("Nomor berita acara wajib diisi."), number=_("Wajib diisi."))
    with transaction.atomic():
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
    from simasn.workplans import selectors

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
    _replace_file(ba, f"berita-acara-{cycle.pk}.pdf", data)
    ba.unsigned_sha256 = ba.sha256 = pdf.sha256(data)
    ba.save()


def _replace_file(ba: BeritaAcara, name: str, data: bytes) -> None:
    """Store the new version; the superseded file is removed once the transaction commits."""
    old = ba.pdf.name if ba.pdf else ""
    ba.pdf.save(name, ContentFile(data), save=False)
    if old and old != ba.pdf.name:
        storage = ba.pdf.storage
        transaction.on_commit(lambda: storage.delete(old))


def _after_aligned_change(draft: Draft, actor: Any) -> None:
    """An aligned draft changed before any signature: the berita acara is generated anew."""
    if draft.kind != Draft.Kind.SELARAS:
        return
    ba = BeritaAcara.objects.filter(cycle_id=draft.cycle_id).first()
    if ba is not None:
        with transaction.atomic():
            _render_berita_acara(ba)


# --- Berita acara signatures (Pasal 5 ayat (5) huruf d) -----------------------------------

def berita_acara_sign(*, actor: Any, interface: Interface, berita_acara: BeritaAcara) -> Signature:
    """The head of a participant's secretariat unit signs (PAdES); the last one seals."""
    institution_id = access.institution_id_of(actor)
    access.require(actor, Resource.WORKPLAN_SIGNATURE, Action.CREATE, institution_id=institution_id)
    with transaction.atomic():
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
        from cryptography import x509

        cert = x509.load_pem_x509_certificate(files.cert.read_bytes())
        _replace_file(ba, f"berita-acara-{cycle.pk}.pdf", signed)
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


# --- Coordination (Pasal 4 ayat (2) huruf b, Pasal 7) ---------------------------------------

def coordination_send(*, actor: Any, interface: Interface, cycle: Cycle, letter_number: str,
                      letter_date: dt.date, to_bappenas: bool, to_kemenkeu: bool, note: str = "") -> Coordination:
    access.require(actor, Resource.WORKPLAN_COORDINATION, Action.CREATE)
    if not (to_bappenas or to_kemenkeu):
        raise _refuse(_("Pilih Menteri PPN/Bappenas dan/atau Menteri Keuangan (Pasal 7 ayat (1))."),
                      to_bappenas=_("Pilih paling sedikit satu."))
    if not letter_number.strip():
        raise _refuse(_("Nomor surat wajib diisi."), letter_number=_("Wajib diisi."))
    codes = [c for c, on in (("BAPPENAS", to_bappenas), ("KEMENKEU", to_kemenkeu)) if on]
    found = {i.code: i for i in NationalInstitution.objects.filter(code__in=[*codes, "PRESIDEN"])}
    missing = [c for c in [*codes, "PRESIDEN"] if c not in found]
    if missing:
        raise _refuse(_("Lembaga penerima belum ada di registri: %(c)s.") % {"c": ", ".join(missing)})
    with transaction.atomic():
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
        coordination.pdf.save(f"koordinasi-{coordination.pk}.pdf", ContentFile(data), save=True)
        cycle.stage, cycle.updated_by = Stage.TERKOORDINASI, actor
        cycle.save()
        from django.urls import reverse

        url = reverse("workplans:coordination_detail", args=[coordination.pk])
        for inst in [*[found[c] for c in codes], found["PRESIDEN"]]:
            _notify(users_of(inst), title=_("Rancangan Rencana Kerja bidang Manajemen ASN: %(c)s") % {"c": cycle},
                    body=_("Surat nomor %(n)s tanggal %(d)s.") % {"n": letter_number, "d": letter_date.isoformat()},
                    url=url)
        _audit(actor=actor, interface=interface, obj=coordination, action=AuditAction.DISPATCHED,
               articles=("4 ayat (2) huruf b", "7 ayat (1)", "7 ayat (2) huruf a"), transition="coordinated",
               changes={"to": codes, "cc": "PRESIDEN", "letter_number": letter_number})
    return coordination


# --- Revision (Pasal 8) ------------------------------------------------------------------

def cycle_revise(*, actor: Any, interface: Interface, cycle: Cycle, reason: str, starts_on: dt.date,
                 ends_on: dt.date, reference_date: dt.date | None = None,
                 policy: PolicyDirection | None = None) -> Cycle:
    """A change of national strategic ASN policy: a new revision through the same steps."""
    access.require(actor, Resource.WORKPLAN, Action.CREATE)
    if not reason.strip():
        raise _refuse(_("Jelaskan perubahan kebijakan strategis nasional yang mendasari revisi (Pasal 8)."),
                      reason=_("Wajib diisi."))
    policy = PolicyDirection.objects.get(pk=(policy or cycle.policy).pk)
    if not policy.is_published:
        raise _refuse(_("Arah Kebijakan untuk revisi harus sudah ditetapkan."), policy=_("Belum ditetapkan."))
    with transaction.atomic():
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

def realization_record(*, actor: Any, interface: Interface, activity: Activity, year: int, quarter: int,
                       target_realized: Decimal, budget_realized: int, note: str = "") -> Realization:
    draft = activity.program.draft
    access.require(actor, Resource.WORKPLAN_MONITORING, Action.CREATE, institution_id=draft.institution_id)
    cycle = Cycle.objects.get(pk=draft.cycle_id)
    if draft.kind != Draft.Kind.SELARAS or cycle.stage not in (Stage.TERSEGEL, Stage.TERKOORDINASI):
        raise _refuse(_("Realisasi dicatat untuk kegiatan rancangan selaras yang sudah disepakati."))
    if not (cycle.year_start <= year <= cycle.year_end) or quarter not in (1, 2, 3, 4):
        raise _refuse(_("Tahun atau triwulan di luar periode rencana."), quarter=_("Tidak valid."))
    if budget_realized < 0 or target_realized < 0:
        raise _refuse(_("Realisasi tidak boleh negatif."), budget_realized=_("Tidak valid."))
    with transaction.atomic():
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


def evaluation_save(*, actor: Any, interface: Interface, cycle: Cycle, institution_id: int, year: int,
                    summary: str, recommendations: str) -> EvaluationReport:
    access.require(actor, Resource.WORKPLAN_MONITORING, Action.UPDATE, institution_id=institution_id)
    cycle = Cycle.objects.get(pk=cycle.pk)
    if cycle.stage not in (Stage.TERSEGEL, Stage.TERKOORDINASI):
        raise _refuse(_("Evaluasi dilakukan atas rencana kerja yang sudah disepakati."))
    if not cycle.participants.filter(institution_id=institution_id).exists():
        raise _refuse(_("Lembaga ini bukan peserta siklus."))
    with transaction.atomic():
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


def evaluation_submit(*, actor: Any, interface: Interface, report: EvaluationReport) -> EvaluationReport:
    """The head of KASN, LAN or BKN reports to the Minister (Pasal 9 ayat (2))."""
    access.require(actor, Resource.WORKPLAN_MONITORING, Action.UPDATE, institution_id=report.institution_id)
    with transaction.atomic():
        report = EvaluationReport.objects.select_for_update().select_related("cycle", "institution").get(pk=report.pk)
        if report.status == EvaluationReport.Status.SUBMITTED:
            raise ConflictError(_("Laporan sudah dikirim kepada Menteri."), code="reported")
        if not report.summary.strip():
            raise _refuse(_("Isi hasil evaluasi sebelum dilaporkan."), summary=_("Wajib diisi."))
        report.status, report.submitted_at, report.updated_by = (EvaluationReport.Status.SUBMITTED, timezone.now(),
                                                                 actor)
        report.save()
        from django.urls import reverse

        minister = NationalInstitution.objects.filter(code="KEMENPANRB").first()
        if minister is not None and minister.pk != report.institution_id:
            _notify(list(User.objects.filter(role=Role.KEMENPANRB, is_active=True)),
                    title=_("Laporan pemantauan dan evaluasi %(i)s %(y)s") % {"i": report.institution, "y": report.year},
                    body=report.summary[:500], url=reverse("workplans:monitoring", args=[report.cycle_id]))
        _audit(actor=actor, interface=interface, obj=report,
               articles=("9 ayat (2)",) if report.institution.code != "KEMENPANRB" else ("9 ayat (1)",),
               transition="evaluation_reported", changes={"status": {"before": "DRAFT", "after": "SUBMITTED"}})
    return report
