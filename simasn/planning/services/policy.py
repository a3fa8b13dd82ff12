"""The Minister's national needs-planning policy (UU 20/2023 Pasal 32 ayat (1)-(2)).

Drafted and set (ditetapkan) by KemenPANRB for one fiscal year; once set it is read-only and
a change of national policy is a new version (the earlier one stays readable, and the plans
that followed it keep pointing at it).
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.actors import User
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ConflictError
from simasn.core.interfaces import Interface
from simasn.law.enums import FormasiType
from simasn.law.grounds import Ground
from simasn.planning.models import NeedsPolicy, PolicyFormasiType, PolicyPriority
from simasn.planning.services._common import audit, refuse

POLICY_FIELDS = ("title", "basis", "pns_share_percent", "national_target")


def _check_fields(*, fiscal_year: int | None = None, pns_share_percent: int) -> None:
    if fiscal_year is not None and not 2000 <= fiscal_year <= 2100:
        raise refuse(_("Tahun anggaran tidak valid."), fiscal_year=_("Isi tahun, misalnya 2027."))
    if not 0 <= pns_share_percent <= 100:
        raise refuse(_("Porsi PNS harus antara 0 dan 100 persen."), pns_share_percent=_("0-100."))


def _editable(policy: NeedsPolicy) -> None:
    if policy.is_published:
        raise ConflictError(
            _("Kebijakan yang sudah ditetapkan tidak dapat diubah; buat versi baru."), code="policy_published")


def _lock(policy: NeedsPolicy) -> NeedsPolicy:
    return NeedsPolicy.objects.select_for_update().get(pk=policy.pk)


def policy_create(*, actor: User, interface: Interface, fiscal_year: int, title: str, basis: str,
                  pns_share_percent: int, national_target: int | None = None) -> NeedsPolicy:
    Scope.of(actor).require(Resource.NEEDS_POLICY, Action.CREATE)
    _check_fields(fiscal_year=fiscal_year, pns_share_percent=pns_share_percent)
    with transaction.atomic(durable=True):
        if NeedsPolicy.objects.filter(fiscal_year=fiscal_year).exists():
            raise refuse(_("Kebijakan tahun anggaran ini sudah ada; ubah konsepnya atau buat versi baru."),
                         code="policy_exists", fiscal_year=_("Sudah ada."))
        policy = NeedsPolicy.objects.create(
            fiscal_year=fiscal_year, title=title, basis=basis, pns_share_percent=pns_share_percent,
            national_target=national_target, created_by=actor, updated_by=actor)
        audit(actor=actor, interface=interface, obj=policy, action=AuditAction.CREATE, grounds=(Ground.NEEDS_NATIONAL,),
              changes={"after": {f: getattr(policy, f) for f in ("fiscal_year", *POLICY_FIELDS)}})
    return policy


def policy_update(*, actor: User, interface: Interface, policy: NeedsPolicy, title: str, basis: str,
                  pns_share_percent: int, national_target: int | None = None) -> NeedsPolicy:
    Scope.of(actor).require(Resource.NEEDS_POLICY, Action.UPDATE)
    _check_fields(pns_share_percent=pns_share_percent)
    with transaction.atomic(durable=True):
        policy = _lock(policy)
        _editable(policy)
        before = {f: getattr(policy, f) for f in POLICY_FIELDS}
        policy.title, policy.basis = title, basis
        policy.pns_share_percent, policy.national_target = pns_share_percent, national_target
        policy.updated_by = actor
        policy.save()
        after = {f: getattr(policy, f) for f in POLICY_FIELDS}
        audit(actor=actor, interface=interface, obj=policy, action=AuditAction.UPDATE, grounds=(Ground.NEEDS_NATIONAL,),
              changes={k: {"before": before[k], "after": after[k]} for k in after if before[k] != after[k]})
    return policy


def policy_priority_add(*, actor: User, interface: Interface, policy: NeedsPolicy, job_family: str, name: str,
                        target: int, note: str = "") -> PolicyPriority:
    """A priority job family with its national target (Pasal 32 ayat (1): national priorities)."""
    Scope.of(actor).require(Resource.NEEDS_POLICY, Action.UPDATE)
    job_family = job_family.strip().lower()
    if not job_family:
        raise refuse(_("Kode rumpun jabatan wajib diisi."), job_family=_("Wajib diisi."))
    with transaction.atomic(durable=True):
        policy = _lock(policy)
        _editable(policy)
        if policy.priorities.filter(job_family=job_family).exists():
            raise refuse(_("Rumpun jabatan ini sudah ada dalam kebijakan."), job_family=_("Sudah ada."))
        priority = PolicyPriority.objects.create(policy=policy, job_family=job_family, name=name,
                                                 target=target, note=note)
        audit(actor=actor, interface=interface, obj=policy, action=AuditAction.UPDATE, grounds=(Ground.NEEDS_NATIONAL,),
              changes={"priority_added": {"job_family": job_family, "name": name, "target": target}})
    return priority


def policy_formasi_type_add(*, actor: User, interface: Interface, policy: NeedsPolicy, formasi_type: str,
                            target: int | None = None, note: str = "") -> PolicyFormasiType:
    """A special formasi type the year opens (cumlaude, diaspora, disabilitas, ...)."""
    Scope.of(actor).require(Resource.NEEDS_POLICY, Action.UPDATE)
    if formasi_type not in FormasiType.__members__:
        raise refuse(_("Jenis formasi tidak dikenal."), formasi_type=_("Pilih dari daftar."))
    if formasi_type == FormasiType.UMUM:
        raise refuse(_("Formasi umum selalu terbuka; yang dicatat di sini hanya formasi khusus."),
                     formasi_type=_("Pilih formasi khusus."))
    with transaction.atomic(durable=True):
        policy = _lock(policy)
        _editable(policy)
        if policy.formasi_types.filter(formasi_type=formasi_type).exists():
            raise refuse(_("Jenis formasi ini sudah ada dalam kebijakan."), formasi_type=_("Sudah ada."))
        row = PolicyFormasiType.objects.create(policy=policy, formasi_type=formasi_type, target=target, note=note)
        audit(actor=actor, interface=interface, obj=policy, action=AuditAction.UPDATE, grounds=(Ground.NEEDS_NATIONAL,),
              changes={"formasi_type_added": {"formasi_type": formasi_type, "target": target}})
    return row


def policy_publish(*, actor: User, interface: Interface, policy: NeedsPolicy) -> NeedsPolicy:
    """The Minister sets (menetapkan) the policy; from then on it guides every instansi's plan
    (Pasal 32 ayat (2)) and cannot change. A newer version replaces an older published one."""
    Scope.of(actor).require(Resource.NEEDS_POLICY, Action.UPDATE)
    with transaction.atomic(durable=True):
        policy = _lock(policy)
        _editable(policy)
        if not policy.priorities.exists():
            raise refuse(_("Kebijakan harus memuat paling sedikit satu rumpun jabatan prioritas nasional "
                           "(Pasal 32 ayat (1))."), code="no_priorities")
        if not policy.basis.strip():
            raise refuse(_("Tuliskan dasar prioritas nasional dan kemampuan keuangan negara (Pasal 32 ayat (1))."),
                         basis=_("Wajib diisi."))
        policy.status, policy.published_at, policy.published_by = (
            NeedsPolicy.Status.PUBLISHED, timezone.now(), actor)
        policy.updated_by = actor
        policy.save()
        audit(actor=actor, interface=interface, obj=policy, grounds=(Ground.NEEDS_NATIONAL, Ground.NEEDS_REVIEW),
              transition="policy_published", changes={"status": {"before": "DRAFT", "after": "PUBLISHED"}})
    return policy


def policy_new_version(*, actor: User, interface: Interface, policy: NeedsPolicy, change_note: str) -> NeedsPolicy:
    """A draft copy of a published policy, for a change of national policy within the year."""
    Scope.of(actor).require(Resource.NEEDS_POLICY, Action.CREATE)
    if not change_note.strip():
        raise refuse(_("Tuliskan perubahan kebijakan yang mendasari versi baru."), change_note=_("Wajib diisi."))
    with transaction.atomic(durable=True):
        policy = _lock(policy)
        if not policy.is_published:
            raise refuse(_("Versi baru dibuat dari kebijakan yang sudah ditetapkan; konsep ini dapat diubah "
                           "langsung."), code="policy_draft")
        if NeedsPolicy.objects.filter(fiscal_year=policy.fiscal_year, status=NeedsPolicy.Status.DRAFT).exists():
            raise refuse(_("Sudah ada konsep versi baru untuk tahun anggaran ini."), code="draft_exists")
        latest = NeedsPolicy.objects.filter(fiscal_year=policy.fiscal_year).order_by("-version_no").first()
        new = NeedsPolicy.objects.create(
            fiscal_year=policy.fiscal_year, title=policy.title, basis=policy.basis,
            pns_share_percent=policy.pns_share_percent, national_target=policy.national_target,
            version_no=(latest.version_no if latest else policy.version_no) + 1, previous=policy,
            change_note=change_note, created_by=actor, updated_by=actor)
        PolicyPriority.objects.bulk_create(
            PolicyPriority(policy=new, job_family=p.job_family, name=p.name, target=p.target, note=p.note)
            for p in policy.priorities.all())
        PolicyFormasiType.objects.bulk_create(
            PolicyFormasiType(policy=new, formasi_type=f.formasi_type, target=f.target, note=f.note)
            for f in policy.formasi_types.all())
        audit(actor=actor, interface=interface, obj=new, action=AuditAction.CREATE, grounds=(Ground.NEEDS_NATIONAL,),
              reason=change_note, changes={"previous_version": policy.pk})
    return new


__all__ = ["policy_create", "policy_formasi_type_add", "policy_new_version",
           "policy_priority_add", "policy_publish", "policy_update"]
