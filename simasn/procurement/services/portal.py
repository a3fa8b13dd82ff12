"""Selection periods and vacancies (UU 20/2023 Pasal 36-37: every instansi announces its
vacancies openly; only formasi that were decided may be opened, Pasal 65-66)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.actors import Actor
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ApplicationError, ConflictError, NotFoundError
from simasn.core.interfaces import Interface
from simasn.core.providers import provide
from simasn.law.enums import EmployeeType, FormasiType, InstansiKind
from simasn.law.grounds import Ground, cite
from simasn.positions.models import Position
from simasn.procurement.models import STAGE_ORDER, DocumentType, SelectionPeriod, Stage, Vacancy
from simasn.procurement.readiness import period_blockers

CITE_OPEN = cite(Ground.PROCUREMENT_OPEN)[0]
FORMASI_PROVIDER = "planning.approved_formasi"


def period_create(*, actor: Actor, interface: Interface, name: str, fiscal_year: int, employee_type: str,
                  opens_on: dt.date, closes_on: dt.date, stage: str = Stage.OPEN) -> SelectionPeriod:
    Scope.of(actor).require(Resource.SELECTION_PERIOD, Action.CREATE)
    if closes_on < opens_on:
        raise ApplicationError(_("Tanggal penutupan tidak boleh sebelum tanggal pembukaan."),
                               code="validation", fields={"closes_on": [_("Periksa tanggalnya.")]})
    if employee_type not in set(EmployeeType):
        raise ApplicationError(_("Jenis ASN harus PNS atau PPPK."), code="validation",
                               fields={"employee_type": [_("Pilih salah satu.")]})
    with transaction.atomic():
        period = SelectionPeriod.objects.create(
            name=name.strip(), fiscal_year=fiscal_year, employee_type=employee_type, opens_on=opens_on,
            closes_on=closes_on, stage=stage, created_by=actor, updated_by=actor)
        audit_record(actor=actor, action=AuditAction.CREATE, interface=interface, obj=period,
                     changes={"after": {"fiscal_year": fiscal_year, "employee_type": employee_type,
                                        "opens_on": opens_on, "closes_on": closes_on, "stage": stage}},
                     citations=[CITE_OPEN])
    return period


def period_advance(*, actor: Actor, interface: Interface, period_id: int, to_stage: str,
                   on: dt.date | None = None) -> SelectionPeriod:
    """Move a period to its next stage once every instansi has finished the current one
    (``readiness.period_blockers``: verified, announced, sanggah window closed, every sanggah
    answered and upheld ones re-announced, results imported and ranked). One stage at a time,
    never back: the announcements already made stand, and a skipped stage would skip its checks."""
    Scope.of(actor).require(Resource.SELECTION_PERIOD, Action.UPDATE)
    today = on or timezone.localdate()
    with transaction.atomic():
        period = SelectionPeriod.objects.select_for_update().filter(pk=period_id).first()
        if period is None:
            raise NotFoundError(_("Periode seleksi tidak ditemukan."))
        current = STAGE_ORDER.index(period.stage)
        if to_stage not in STAGE_ORDER or STAGE_ORDER.index(to_stage) != current + 1:
            following = STAGE_ORDER[current + 1] if current + 1 < len(STAGE_ORDER) else None
            raise ConflictError(
                _("Tahap seleksi hanya dapat maju ke tahap berikutnya (%(next)s).")
                % {"next": Stage(following).label if following else _("tidak ada: periode sudah selesai")},
                code="wrong_stage")
        blockers = period_blockers(period, on=today)
        if blockers:
            raise ConflictError(
                _("Tahap “%(stage)s” belum selesai: %(list)s")
                % {"stage": period.get_stage_display(),
                   "list": " ".join(f"{b.instansi}: {b.message}" for b in blockers)},
                code="stage_not_finished", details={"blockers": [b.as_dict() for b in blockers]})
        before = period.stage
        period.stage = to_stage
        period.updated_by = actor
        period.save(update_fields=["stage", "updated_by", "updated_at"])
        audit_record(actor=actor, action=AuditAction.TRANSITION, interface=interface, obj=period,
                     changes={"stage": {"before": before, "after": to_stage}})
    return period


def _documents(codes: list[str]) -> list[str]:
    unknown = [c for c in codes if c not in DocumentType.values]
    if unknown:
        raise ApplicationError(_("Jenis dokumen tidak dikenal: %(codes)s.") % {"codes": ", ".join(unknown)},
                               code="validation", fields={"required_documents": [_("Pilih dari daftar.")]})
    return list(dict.fromkeys(codes)) or [DocumentType.KTP, DocumentType.IJAZAH]


def _approved_formasi(period: SelectionPeriod, formasi_ref: int, instansi_id: int) -> dict[str, Any]:
    rows = provide(FORMASI_PROVIDER, fiscal_year=period.fiscal_year, instansi_ids=[instansi_id], default=None)
    if rows is None:
        raise ApplicationError(_("Data formasi yang ditetapkan belum tersedia (aplikasi perencanaan belum terpasang)."),
                               code="formasi_unknown", fields={"formasi_ref": [_("Tidak dapat diperiksa.")]})
    row = next((r for r in rows if int(r["id"]) == formasi_ref), None)
    if row is None:
        raise ApplicationError(_("Formasi ini tidak termasuk kebutuhan yang ditetapkan untuk instansi dan tahun "
                                 "anggaran seleksi."), code="formasi_not_decided",
                               fields={"formasi_ref": [_("Pilih formasi yang ditetapkan.")]})
    return row


def vacancy_open(*, actor: Actor, interface: Interface, period_id: int, position_id: int, formasi_type: str,
                 seats: int, education: str, requirements: str = "", required_documents: list[str] | None = None,
                 formasi_ref: int | None = None, formasi_decision: str = "",
                 formasi_decided_on: dt.date | None = None,
                 skb_weights: dict[str, int] | None = None) -> Vacancy:
    """Open a vacancy of a decided formasi: from the planning chapter's approved formasi
    (``formasi_ref``), or — where that chapter holds no record — naming the decision that
    set the need. Either way nobody is recruited outside a decided formasi (Pasal 65-66)."""
    period = SelectionPeriod.objects.filter(pk=period_id).first()
    position = Position.objects.select_related("instansi__province", "unit").filter(pk=position_id).first()
    if period is None:
        raise NotFoundError(_("Periode seleksi tidak ditemukan."))
    if position is None or position.archived_at is not None:
        raise ApplicationError(_("Jabatan tidak ditemukan."), code="validation",
                               fields={"position": [_("Pilih jabatan yang aktif.")]})
    Scope.of(actor).require(Resource.VACANCY, Action.CREATE, instansi_id=position.instansi_id)
    if period.stage != Stage.OPEN:
        raise ConflictError(_("Lowongan hanya dapat dibuka selama tahap pendaftaran."), code="wrong_stage")
    if formasi_type not in FormasiType.__members__:
        raise ApplicationError(_("Jenis formasi tidak dikenal."), code="validation",
                               fields={"formasi_type": [_("Pilih dari daftar.")]})
    if seats < 1:
        raise ApplicationError(_("Jumlah kebutuhan paling sedikit 1."), code="validation",
                               fields={"seats": [_("Paling sedikit 1.")]})
    if not education.strip():
        raise ApplicationError(_("Kualifikasi pendidikan wajib diisi."), code="validation",
                               fields={"education": [_("Wajib diisi.")]})
    decided_on = formasi_decided_on
    if formasi_ref is not None:
        row = _approved_formasi(period, formasi_ref, position.instansi_id)
        mismatch = (int(row["position_id"]) != position.pk or row["employee_type"] != period.employee_type
                    or row["formasi_type"] != formasi_type)
        if mismatch:
            raise ApplicationError(_("Jabatan, jenis ASN atau jenis formasi tidak sama dengan formasi yang "
                                     "ditetapkan."), code="formasi_mismatch", fields={"formasi_ref": [_("Tidak sesuai.")]})
        if seats > int(row["count"]):
            raise ApplicationError(_("Jumlah kebutuhan melebihi formasi yang ditetapkan (%(n)s).") % {"n": row["count"]},
                                   code="formasi_exceeded", fields={"seats": [_("Terlalu banyak.")]})
        decided_on = row.get("decided_on") or decided_on
    elif not formasi_decision.strip():
        raise ApplicationError(
            _("Sebutkan formasi yang ditetapkan: pilih dari data perencanaan atau tulis nomor keputusan "
              "penetapan kebutuhannya."), code="formasi_not_decided",
            fields={"formasi_decision": [_("Wajib diisi tanpa rujukan formasi.")]})
    if Vacancy.objects.filter(period=period, position=position, formasi_type=formasi_type).exists():
        raise ConflictError(_("Lowongan untuk jabatan dan jenis formasi ini sudah dibuka pada periode ini."),
                            code="duplicate")
    with transaction.atomic():
        vacancy = Vacancy.objects.create(
            period=period, instansi_id=position.instansi_id, position=position, formasi_type=formasi_type,
            seats=seats, formasi_ref=formasi_ref, formasi_decision=formasi_decision.strip(),
            formasi_decided_on=decided_on, region=_region(position.instansi), education=education.strip(),
            requirements=requirements.strip(), required_documents=_documents(list(required_documents or [])),
            skb_weights=skb_weights, created_by=actor, updated_by=actor)
        audit_record(actor=actor, action=AuditAction.CREATE, interface=interface, obj=vacancy,
                     changes={"after": {"period": period.pk, "position": position.pk, "formasi_type": formasi_type,
                                        "seats": seats, "formasi_ref": formasi_ref,
                                        "formasi_decision": formasi_decision.strip()}},
                     citations=cite(Ground.PROCUREMENT_OPEN, Ground.PROCUREMENT_FORMASI))
    return vacancy


def _region(instansi: Any) -> str:
    """Where the vacancy is, for the portal's filter: the instansi's province (central
    agencies have none: "Nasional")."""
    if instansi.province_id:
        return str(instansi.province.name)[:120]
    return str(instansi.name)[:120] if instansi.kind == InstansiKind.PROVINSI else _("Nasional")
