"""Registration that never loses or doubles a submission (issue 14 item 5).

- One account per person: ``Applicant.nik`` is unique in the database; a race of two
  registrations of one NIK ends with one account and one clear refusal.
- Drafts are saved on the server as the applicant types.
- Documents are stored write-once under their SHA-256 after a type and size check.
- The submit is one short transaction: ``INSERT … ON CONFLICT DO NOTHING`` under the
  unique (applicant, period) and idempotency-key constraints, then a read of the row. A retry
  with the same key, or any second attempt, returns the receipt already issued.
- Everything slow or external (identity re-check, e-meterai, e-mail) is an outbox row
  written in the same transaction and done by the worker afterwards.
"""

from __future__ import annotations

import datetime as dt
import secrets
from functools import partial
from typing import Any

from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.actors import User
from simasn.accounts.policy import Action, Resource
from simasn.accounts.roles import Role
from simasn.accounts.scope import Scope
from simasn.accounts.services import user_create
from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ApplicationError, ConflictError, NotFoundError, PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.core.storage import sha256, store_document
from simasn.law import check_nik, evaluate
from simasn.law.grounds import Ground, cite
from simasn.procurement import selectors, tasks
from simasn.procurement.legal import period_on
from simasn.procurement.models import (
    Applicant,
    ApplicantDocument,
    Application,
    ApplicationDraft,
    DocumentType,
    OutboxEvent,
    OutboxKind,
    SelectionPeriod,
    Stage,
    Vacancy,
)
from simasn.web.formatting import short_date

CITE_LIMIT = cite(Ground.PROCUREMENT_ONE_APPLICATION)[0]
#: Accepted uploads by their first bytes (the extension and the browser's type are not trusted).
MAGIC = {b"%PDF-": ("application/pdf", ".pdf"), b"\xff\xd8\xff": ("image/jpeg", ".jpg"),
         b"\x89PNG\r\n\x1a\n": ("image/png", ".png")}
MAX_BYTES = {DocumentType.PAS_FOTO: 500 * 1024}
DEFAULT_MAX_BYTES = 2 * 1024 * 1024
DRAFT_FIELDS = ("education_level", "education_major", "institution_name", "graduation_year", "ipk",
                "ijazah_average", "address", "motivation")
#: Done by the worker after each submit: the identity re-check, the stamp, the e-mail.
AFTER_SUBMIT = selectors.AFTER_SUBMIT


def _nik_problems(*, nik: str, birth_date: dt.date, sex: str) -> list[str]:
    decision = check_nik(nik=nik, birth_date=birth_date, sex=sex, on=timezone.localdate())
    return [p["message_id"] for p in decision.outcome.get("problems", []) if p.get("severity") == "ERROR"]


def applicant_register(*, interface: Interface, nik: str, name: str, birth_date: dt.date, sex: str, email: str,
                       password: str, phone: str = "") -> Applicant:
    """A citizen creates their applicant account (no actor: they are not signed in yet).

    The NIK's shape is checked by the law's NIK rule now; whether the population registry
    knows it is asked afterwards from the outbox."""
    nik = nik.strip()
    problems = _nik_problems(nik=nik, birth_date=birth_date, sex=sex)
    if problems:
        raise ApplicationError(_("NIK tidak valid."), code="invalid_nik", fields={"nik": problems})
    if len(password) < 10:
        raise ApplicationError(_("Kata sandi paling sedikit 10 karakter."), code="validation",
                               fields={"password": [_("Terlalu pendek.")]})
    duplicate = ConflictError(_("NIK ini sudah terdaftar. Satu orang hanya mempunyai satu akun pelamar; "
                                "masuk dengan NIK Anda atau pulihkan kata sandi."), code="duplicate_nik",
                              fields={"nik": [_("Sudah terdaftar.")]})
    if Applicant.objects.filter(nik=nik).exists():
        raise duplicate
    try:
        with transaction.atomic(durable=True):
            user = user_create(actor=None, interface=interface, username=nik, password=password,
                               role=Role.PELAMAR, full_name=name.strip(), email=email.strip())
            applicant = Applicant.objects.create(
                user=user, nik=nik, name=name.strip(), birth_date=birth_date, sex=sex, email=email.strip(),
                phone=phone.strip(), created_by=user, updated_by=user)
            OutboxEvent.objects.create(applicant=applicant, kind=OutboxKind.IDENTITY, created_at=timezone.now())
            audit_record(actor=user, action=AuditAction.CREATE, interface=interface, obj=applicant,
                         object_repr=f"Pelamar {nik[:6]}…", changes={"after": {"identity_status": "PENDING"}})
            _drain_after_commit()
    except IntegrityError:
        # The unique NIK (or username) caught a registration that raced this one.
        raise duplicate from None
    except ApplicationError as error:
        if error.fields.get("username"):
            raise duplicate from None
        raise
    return applicant


def _drain_after_commit() -> None:
    transaction.on_commit(partial(tasks.drain_outbox.enqueue))


def _own_applicant(actor: User) -> Applicant:
    applicant = Applicant.objects.filter(user_id=actor.pk).first() if actor is not None else None
    if applicant is None:
        raise PermissionDeniedError(_("Hanya pelamar yang sudah mendaftar akun yang dapat melamar."))
    return applicant


def _open_period(period_id: int, *, on: dt.date | None = None) -> SelectionPeriod:
    period = SelectionPeriod.objects.filter(pk=period_id).first()
    if period is None:
        raise NotFoundError(_("Periode seleksi tidak ditemukan."))
    today = on or timezone.localdate()
    if period.stage != Stage.OPEN or not period.opens_on <= today <= period.closes_on:
        raise ConflictError(_("Pendaftaran periode ini tidak sedang dibuka (%(from)s s.d. %(to)s).")
                            % {"from": short_date(period.opens_on), "to": short_date(period.closes_on)},
                            code="registration_closed")
    return period


def draft_save(*, actor: User, interface: Interface, period_id: int, vacancy_id: int | None,
               data: dict[str, Any], on: dt.date | None = None) -> ApplicationDraft:
    """Save what the applicant typed so far. Only the first save is audited: the draft is the
    applicant's own working copy, and the submit records its full content."""
    applicant = _own_applicant(actor)
    Scope.of(actor).require(Resource.APPLICATION, Action.UPDATE, owner_id=actor.pk)
    period = _open_period(period_id, on=on)
    if vacancy_id is not None and not Vacancy.objects.filter(pk=vacancy_id, period=period).exists():
        raise ApplicationError(_("Lowongan tidak ada pada periode ini."), code="validation",
                               fields={"vacancy": [_("Pilih lowongan periode ini.")]})
    clean = {k: str(v)[:500] for k, v in data.items() if k in DRAFT_FIELDS and v not in (None, "")}
    with transaction.atomic(durable=True):
        draft, created = ApplicationDraft.objects.select_for_update().get_or_create(
            applicant=applicant, period=period,
            defaults={"vacancy_id": vacancy_id, "data": clean, "created_by": actor, "updated_by": actor})
        if not created:
            draft.data = {**draft.data, **clean}
            if vacancy_id is not None:
                draft.vacancy_id = vacancy_id
            draft.save(update_fields=["data", "vacancy", "updated_at"])
        else:
            audit_record(actor=actor, action=AuditAction.CREATE, interface=interface, obj=draft,
                         object_repr=f"Konsep lamaran {period.name}", changes={"after": {"vacancy": vacancy_id}})
    return draft


def document_upload(*, actor: User, interface: Interface, period_id: int, doc_type: str, content: bytes,
                    original_name: str = "", on: dt.date | None = None) -> ApplicantDocument:
    """Store one document by its SHA-256 (write-once) after checking its type and size."""
    applicant = _own_applicant(actor)
    Scope.of(actor).require(Resource.APPLICATION, Action.UPDATE, owner_id=actor.pk)
    period = _open_period(period_id, on=on)
    if doc_type not in DocumentType.values:
        raise ApplicationError(_("Jenis dokumen tidak dikenal."), code="validation", fields={"doc_type": [_("Pilih dari daftar.")]})
    limit = MAX_BYTES.get(DocumentType(doc_type), DEFAULT_MAX_BYTES)
    if not content:
        raise ApplicationError(_("Berkas kosong."), code="validation", fields={"file": [_("Pilih berkas.")]})
    if len(content) > limit:
        raise ApplicationError(_("Berkas terlalu besar: paling besar %(kb)s KB.") % {"kb": limit // 1024},
                               code="too_large", fields={"file": [_("Terlalu besar.")]})
    kind = next((v for magic, v in MAGIC.items() if content.startswith(magic)), None)
    if kind is None:
        raise ApplicationError(_("Hanya berkas PDF, JPEG atau PNG yang diterima."), code="wrong_type",
                               fields={"file": [_("Jenis berkas tidak diterima.")]})
    content_type, suffix = kind
    digest = sha256(content)
    name = store_document(f"procurement/documents/{digest}{suffix}", content)
    with transaction.atomic(durable=True):
        document, created = ApplicantDocument.objects.update_or_create(
            applicant=applicant, period=period, doc_type=doc_type,
            defaults={"file_name": name, "sha256": digest, "size": len(content), "content_type": content_type,
                      "original_name": original_name[:200], "updated_by": actor},
            create_defaults={"file_name": name, "sha256": digest, "size": len(content),
                             "content_type": content_type, "original_name": original_name[:200],
                             "created_by": actor, "updated_by": actor})
        audit_record(actor=actor, action=AuditAction.CREATE if created else AuditAction.UPDATE, interface=interface,
                     obj=document, object_repr=f"{doc_type} {digest[:12]}",
                     changes={"after": {"doc_type": doc_type, "sha256": digest, "size": len(content)}})
    return document


def receipt_signature(application: Application) -> str:
    """An HMAC over what the receipt states: anyone holding the receipt can have it checked
    (the QR code links to the check), nobody can forge one without the server's key."""
    payload = "|".join([application.receipt_number, application.applicant.nik, str(application.vacancy_id),
                        application.submitted_at.isoformat()])
    return signing.Signer(salt="simasn.procurement.receipt").signature(payload)


def _new_receipt(period: SelectionPeriod) -> str:
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return f"{period.fiscal_year}-{period.pk:03d}-" + "".join(secrets.choice(alphabet) for _i in range(10))


def application_submit(*, actor: User, interface: Interface, period_id: int, idempotency_key: str,
                       on: dt.date | None = None) -> tuple[Application, bool]:
    """Submit the draft as the period's one application; returns (application, created).

    Idempotent: a retry with the same key, or any later attempt in the period, returns the
    application and receipt already stored — never a second one (PermenPANRB 6/2024: one
    application per period; ``selection.application_limit``)."""
    key = idempotency_key.strip()
    if not 8 <= len(key) <= 80:
        raise ApplicationError(_("Kunci pengiriman tidak valid."), code="validation",
                               fields={"idempotency_key": [_("8 sampai 80 karakter.")]})
    applicant = _own_applicant(actor)
    Scope.of(actor).require(Resource.APPLICATION, Action.CREATE, owner_id=actor.pk)
    existing = Application.objects.filter(applicant=applicant, period_id=period_id).first()
    if existing is not None:
        return existing, False
    period = _open_period(period_id, on=on)
    draft = ApplicationDraft.objects.select_related("vacancy").filter(applicant=applicant, period=period).first()
    if draft is None or draft.vacancy is None:
        raise ApplicationError(_("Pilih lowongan dan isi formulir lamaran terlebih dahulu."), code="no_draft",
                               fields={"vacancy": [_("Wajib dipilih.")]})
    documents = {d.doc_type: d for d in ApplicantDocument.objects.filter(applicant=applicant, period=period)}
    missing = [str(DocumentType(c).label) for c in draft.vacancy.required_documents if c not in documents]
    if missing:
        raise ApplicationError(_("Dokumen wajib belum diunggah: %(docs)s.") % {"docs": ", ".join(missing)},
                               code="documents_missing", fields={"documents": missing})
    if not draft.data.get("education_level"):
        raise ApplicationError(_("Isi pendidikan terakhir Anda."), code="validation",
                               fields={"education_level": [_("Wajib diisi.")]})
    limit = evaluate("selection.application_limit", {"applications_in_period": 0},
                     period_on(fiscal_year=period.fiscal_year, opens_on=period.opens_on))
    receipt = _new_receipt(period)
    row = Application(
        applicant=applicant, period=period, vacancy=draft.vacancy, receipt_number=receipt, idempotency_key=key,
        submitted_at=timezone.now() if on is None else timezone.make_aware(dt.datetime.combine(on, dt.time(10))),
        data=dict(draft.data),
        documents=[{"doc_type": d.doc_type, "file_name": d.file_name, "sha256": d.sha256, "size": d.size,
                    "content_type": d.content_type} for d in documents.values()])
    with transaction.atomic(durable=True):
        # INSERT … ON CONFLICT DO NOTHING: the unique constraints decide, not a prior read.
        Application.objects.bulk_create([row], ignore_conflicts=True)
        stored = Application.objects.filter(applicant=applicant, period=period).first()
        if stored is None:
            raise ConflictError(_("Kunci pengiriman ini sudah dipakai untuk lamaran lain; kirim ulang dari halaman "
                                  "lamaran."), code="key_reused")
        created = stored.receipt_number == receipt
        if created:
            stored.vacancy = draft.vacancy  # the row just inserted names it: no second read for the audit
            now = timezone.now()
            OutboxEvent.objects.bulk_create([OutboxEvent(application=stored, applicant=applicant, kind=kind,
                                                         created_at=now) for kind in AFTER_SUBMIT])
            audit_record(actor=actor, action=AuditAction.CREATE, interface=interface, obj=stored,
                         changes={"after": {"vacancy": stored.vacancy_id, "receipt": stored.receipt_number,
                                            "documents": [d["sha256"] for d in stored.documents]}},
                         citations=list(limit.citations) or [CITE_LIMIT])
            _drain_after_commit()
    return stored, created
