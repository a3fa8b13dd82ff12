"""The participants' drafts (Pasal 5 ayat (2), (4)): the editability guard, programmes,
activities (one by one or a whole XLSX workbook), the link to earlier evaluation results
and the submission to the Minister.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.models import User
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ApplicationError, ConflictError
from simasn.core.interfaces import Interface
from simasn.workplans import xlsx
from simasn.workplans.models import (
    Activity,
    BeritaAcara,
    Cycle,
    Draft,
    DraftProgram,
    EvaluationReport,
    PolicyProgram,
    Signature,
    Stage,
)
from simasn.workplans.services._common import _audit, _refuse
from simasn.workplans.services.cycle import evaluations_available
from simasn.workplans.services.meeting import _after_aligned_change

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


def _require_draft(actor: User, draft: Draft, action: Action) -> None:
    Scope.of(actor).require(Resource.WORKPLAN_DRAFT, action, institution_id=draft.institution_id)


def draft_set_evaluation(*, actor: User, interface: Interface, draft: Draft,
                         previous_evaluation: EvaluationReport | None, evaluation_note: str) -> Draft:
    _require_draft(actor, draft, Action.UPDATE)
    with transaction.atomic(durable=True):
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


def draft_program_add(*, actor: User, interface: Interface, draft: Draft, code: str, name: str,
                      policy_program: PolicyProgram | None) -> DraftProgram:
    _require_draft(actor, draft, Action.UPDATE)
    with transaction.atomic(durable=True):
        draft = Draft.objects.select_for_update(of=("self",)).select_related("cycle").get(pk=draft.pk)
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


def activity_add(*, actor: User, interface: Interface, program: DraftProgram, data: dict[str, Any]) -> Activity:
    draft = program.draft
    _require_draft(actor, draft, Action.UPDATE)
    with transaction.atomic(durable=True):
        draft = Draft.objects.select_for_update().get(pk=draft.pk)
        ensure_editable(draft)
        _validate_activity(program, data)
        activity = Activity.objects.create(program=program, **{k: data[k] for k in ACTIVITY_FIELDS if k in data})
        _audit(actor=actor, interface=interface, obj=draft, action=AuditAction.UPDATE, articles=("5 ayat (2)",),
               changes={"activity_added": {k: data.get(k) for k in ACTIVITY_FIELDS}})
    _after_aligned_change(draft, actor)
    return activity


def activity_update(*, actor: User, interface: Interface, activity: Activity, data: dict[str, Any]) -> Activity:
    draft = activity.program.draft
    _require_draft(actor, draft, Action.UPDATE)
    with transaction.atomic(durable=True):
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


def activity_delete(*, actor: User, interface: Interface, activity: Activity) -> None:
    draft = activity.program.draft
    _require_draft(actor, draft, Action.UPDATE)
    with transaction.atomic(durable=True):
        draft = Draft.objects.select_for_update().get(pk=draft.pk)
        ensure_editable(draft)
        _audit(actor=actor, interface=interface, obj=draft, action=AuditAction.UPDATE, articles=("5 ayat (2)",),
               changes={"activity_removed": {k: getattr(activity, k) for k in ACTIVITY_FIELDS}})
        activity.delete()
    _after_aligned_change(draft, actor)


def draft_submit(*, actor: User, interface: Interface, draft: Draft) -> Draft:
    """The participant sends its draft to the Minister (Pasal 5 ayat (4))."""
    _require_draft(actor, draft, Action.UPDATE)
    with transaction.atomic(durable=True):
        draft = Draft.objects.select_for_update(of=("self",)).select_related("cycle", "institution").get(pk=draft.pk)
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


def draft_import_xlsx(*, actor: User, interface: Interface, draft: Draft, data: bytes, filename: str = "") -> int:
    """Replace the draft's programmes and activities with the workbook's; returns the count."""
    Scope.of(actor).require(Resource.WORKPLAN_DRAFT, Action.UPDATE, institution_id=draft.institution_id)
    ensure_editable(draft)
    rows, errors = xlsx.parse(data, draft)
    if errors:
        raise ApplicationError(
            _("%(n)d baris tidak dapat diimpor; tidak ada data yang disimpan.") % {"n": len(errors)},
            code="import_rows", fields={"file": [_("Baris %(row)d: %(reason)s") % e for e in errors[:50]]},
            details={"errors": errors})
    with transaction.atomic(durable=True):
        draft = Draft.objects.select_for_update().get(pk=draft.pk)
        ensure_editable(draft)
        Activity.objects.filter(program__draft=draft).delete()
        draft.programs.all().delete()
        programs: dict[str, DraftProgram] = {}
        for row in rows:
            program = programs.get(row["kode_program"])
            if program is None:
                program = programs[row["kode_program"]] = DraftProgram.objects.create(
                    draft=draft, code=row["kode_program"], name=row["nama_program"],
                    policy_program=row["policy_program"])
            Activity.objects.create(
                program=program, code=row["kode_kegiatan"], name=row["nama_kegiatan"], indicator=row["indicator"],
                output=row["keluaran"], target=row["target"], target_unit=row["satuan_target"], budget=row["budget"],
                unit_in_charge=row["unit_penanggung_jawab"])
        _audit(actor=actor, interface=interface, obj=draft, action=AuditAction.IMPORT, articles=("5 ayat (2)",),
               changes={"rows": len(rows), "programs": len(programs), "file": filename})
    return len(rows)
