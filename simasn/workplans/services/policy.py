"""Arah Kebijakan: the Minister's policy direction with measurable programmes and
indicators (Pasal 1 angka 8), set (ditetapkan) by the Minister (Pasal 5 ayat (3)) and
versioned when national policy changes (Pasal 8).
"""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.models import User
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ConflictError
from simasn.core.interfaces import Interface
from simasn.workplans.models import PolicyDirection, PolicyIndicator, PolicyProgram
from simasn.workplans.services._common import _audit, _refuse

# --- Arah Kebijakan (Pasal 1 angka 8, Pasal 5 ayat (3)) ------------------------------

def policy_create(*, actor: User, interface: Interface, title: str, year_start: int, year_end: int) -> PolicyDirection:
    Scope.of(actor).require(Resource.WORKPLAN_POLICY, Action.CREATE)
    if year_end < year_start:
        raise _refuse(_("Tahun akhir tidak boleh sebelum tahun awal."), year_end=_("Tidak valid."))
    with transaction.atomic(durable=True):
        policy = PolicyDirection.objects.create(title=title, year_start=year_start, year_end=year_end,
                                                created_by=actor, updated_by=actor)
        _audit(actor=actor, interface=interface, obj=policy, action=AuditAction.CREATE, articles=("5 ayat (3)",))
    return policy


def _editable_policy(policy: PolicyDirection) -> None:
    if policy.is_published:
        raise ConflictError(_("Arah Kebijakan yang sudah ditetapkan tidak dapat diubah; buat versi baru."),
                            code="policy_published")


def policy_program_add(*, actor: User, interface: Interface, policy: PolicyDirection, code: str, name: str,
                       strategic_target: str) -> PolicyProgram:
    Scope.of(actor).require(Resource.WORKPLAN_POLICY, Action.UPDATE)
    with transaction.atomic(durable=True):
        policy = PolicyDirection.objects.select_for_update().get(pk=policy.pk)
        _editable_policy(policy)
        if policy.programs.filter(code=code).exists():
            raise _refuse(_("Kode program sudah dipakai."), code=_("Sudah dipakai."))
        program = PolicyProgram.objects.create(policy=policy, code=code, name=name, strategic_target=strategic_target)
        _audit(actor=actor, interface=interface, obj=program, action=AuditAction.CREATE, articles=("1 angka 8",),
               changes={"after": {"code": code, "name": name, "strategic_target": strategic_target}})
    return program


def policy_indicator_add(*, actor: User, interface: Interface, program: PolicyProgram, code: str, name: str,
                         unit: str, baseline: Decimal, targets: dict[int, Decimal]) -> PolicyIndicator:
    Scope.of(actor).require(Resource.WORKPLAN_POLICY, Action.UPDATE)
    with transaction.atomic(durable=True):
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


def policy_publish(*, actor: User, interface: Interface, policy: PolicyDirection) -> PolicyDirection:
    """The Minister sets (menetapkan) the Arah Kebijakan (Pasal 5 ayat (3)); then it is read-only."""
    Scope.of(actor).require(Resource.WORKPLAN_POLICY, Action.UPDATE)
    with transaction.atomic(durable=True):
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


def policy_new_version(*, actor: User, interface: Interface, policy: PolicyDirection, change_note: str) -> PolicyDirection:
    """A new version copies the programmes and indicators; the old one stays as it was."""
    Scope.of(actor).require(Resource.WORKPLAN_POLICY, Action.CREATE)
    if not change_note.strip():
        raise _refuse(_("Tuliskan perubahan kebijakan yang mendasari versi baru."), change_note=_("Wajib diisi."))
    with transaction.atomic(durable=True):
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
