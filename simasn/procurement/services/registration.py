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
import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.core import signing
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.actors import User
from simasn.accounts.policy import Action, Resource
from simasn.accounts.roles import Role
from simasn.accounts.scope import Scope
from simasn.accounts.services import user_create
from simasn.core.audit import (
    AuditRow,
    actor_label,
    audit_event,
    audit_record,
    audit_record_many,
    audit_record_rows,
)
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ApplicationError, ConflictError, NotFoundError, PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.core.storage import sha256, store_document
from simasn.law import check_nik, evaluate
from simasn.law.grounds import Ground, cite
from simasn.procurement import selectors, tasks
from simasn.procurement.groupcommit import GroupCommit, Slot
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
        raise _not_an_applicant()
    return applicant


def _open_period(period_id: int, *, on: dt.date | None = None) -> SelectionPeriod:
    period = SelectionPeriod.objects.filter(pk=period_id).first()
    _check_open(period, on=on)
    assert period is not None
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


RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
assert len(RECEIPT_ALPHABET) == 32  # a random byte's low five bits pick a letter without bias


def _receipt_seed() -> str:
    """Ten letters of the receipt alphabet from the OS's CSPRNG (one call for all ten, instead of
    ten `secrets.choice`: 1.4 µs instead of 15 µs per submit)."""
    return "".join([RECEIPT_ALPHABET[b & 31] for b in secrets.token_bytes(10)])

_APPLICATION_TYPE = Application._meta.label_lower


@dataclass(frozen=True, slots=True)
class _SubmitRequest:
    """What one submit asks the group commit to write (validated cheaply in the request)."""

    actor: User
    interface: Interface
    period_id: int
    key: str
    on: dt.date | None
    receipt_seed: str


def application_submit(*, actor: User, interface: Interface, period_id: int, idempotency_key: str,
                       on: dt.date | None = None) -> tuple[Application, bool]:
    """Submit the draft as the period's one application; returns (application, created).

    Idempotent: a retry with the same key, or any later attempt in the period, returns the
    application and receipt already stored — never a second one (PermenPANRB 6/2024: one
    application per period; ``selection.application_limit``).

    The request checks only what needs no database (the key's shape, the policy table); the
    rest — the applicant, an application already stored, the period open, the draft complete —
    is read and written for a whole batch of concurrent submits at once by the process's group
    commit (`_flush_submits`, ADR 0024). The answer comes after the batch's durable commit."""
    key = idempotency_key.strip()
    if not 8 <= len(key) <= 80:
        raise ApplicationError(_("Kunci pengiriman tidak valid."), code="validation",
                               fields={"idempotency_key": [_("8 sampai 80 karakter.")]})
    if actor is None or not getattr(actor, "is_authenticated", False):
        raise _not_an_applicant()
    Scope.of(actor).require(Resource.APPLICATION, Action.CREATE, owner_id=actor.pk)
    request = _SubmitRequest(actor=actor, interface=interface, period_id=period_id, key=key, on=on,
                             receipt_seed=_receipt_seed())
    if transaction.get_connection().in_atomic_block:
        # Inside a caller's transaction (a test, a script): write alone, on the caller's terms,
        # so a caller's open transaction never decides other requests' writes.
        slot: Slot[_SubmitRequest] = Slot(request)
        after = _flush_submits([slot])
        if after is not None:
            after()  # on_commit: at the caller's commit
        return slot.result()  # type: ignore[no-any-return]
    return SUBMITS.submit(request)  # type: ignore[no-any-return]


def _not_an_applicant() -> PermissionDeniedError:
    return PermissionDeniedError(_("Hanya pelamar yang sudah mendaftar akun yang dapat melamar."))


def _flush_submits(slots: list[Slot[_SubmitRequest]]) -> Callable[[], None] | None:
    """Write a batch of submits in one durable transaction; if the database refuses the batch
    (one bad row), write each on its own so that one failing row fails alone. Returns the
    after-commit work (enqueueing the outbox drain) when anything was created on PostgreSQL:
    the group commit runs it once the next batch's leader is on its way."""
    try:
        created = _write_batch(slots)
    except Exception as error:
        if len(slots) == 1:
            slots[0].fail(error)
            return None
        created = False
        for slot in slots:
            try:
                created = _write_batch([slot]) or created
            except Exception as alone:
                slot.fail(alone)
    if not created:
        return None
    if connection.vendor != "postgresql":
        # SQLite has one writer at a time: an enqueue (or, in tests, the drain itself) overlapping
        # the next batch would only meet its lock. Done here, before the lead passes on.
        _drain_after_commit()
        return None
    return _drain_after_commit


def _write_batch(slots: list[Slot[_SubmitRequest]]) -> bool:
    """Write and answer the batch; True when it created an application."""
    if connection.vendor == "postgresql":
        return _write_batch_postgresql(slots)
    return _write_batch_orm(slots)


_READ_BATCH = """
SELECT r.ord, ap.id, p.id, p.stage, p.opens_on, p.closes_on, p.fiscal_year,
       (SELECT s.id FROM procurement_application s WHERE s.applicant_id = ap.id AND s.period_id = r.period_id),
       d.vacancy_id, d.data, v.required_documents, v.instansi_id,
       (SELECT coalesce(jsonb_agg(jsonb_build_object('doc_type', x.doc_type, 'file_name', x.file_name,
                                                     'sha256', x.sha256, 'size', x.size,
                                                     'content_type', x.content_type) ORDER BY x.id), '[]')
          FROM procurement_applicantdocument x WHERE x.applicant_id = ap.id AND x.period_id = r.period_id)
  FROM unnest(%b::bigint[], %b::bigint[]) WITH ORDINALITY AS r(user_id, period_id, ord)
  LEFT JOIN procurement_applicant ap ON ap.user_id = r.user_id
  LEFT JOIN procurement_selectionperiod p ON p.id = r.period_id
  LEFT JOIN procurement_applicationdraft d ON d.applicant_id = ap.id AND d.period_id = r.period_id
  LEFT JOIN procurement_vacancy v ON v.id = d.vacancy_id
 ORDER BY r.ord
"""
#: The new applications and their outbox rows in one statement: every row the INSERT returns is
#: an application this batch created (``ON CONFLICT DO NOTHING`` returns only rows it wrote), and
#: each gets its AFTER_SUBMIT events in the same transaction.
_INSERT_BATCH = """
WITH ins AS (
  INSERT INTO procurement_application (applicant_id, period_id, vacancy_id, receipt_number, idempotency_key,
                                       submitted_at, data, documents, admin_verdict, admin_reason, needs_review,
                                       review_reason)
  SELECT a, p, v, r, k, t, d::jsonb, o::jsonb, '', '', false, ''
    FROM unnest(%b::bigint[], %b::bigint[], %b::bigint[], %b::text[], %b::text[], %b::timestamptz[], %b::text[],
                %b::text[]) AS u(a, p, v, r, k, t, d, o)
      ON CONFLICT DO NOTHING
  RETURNING id, applicant_id, period_id, receipt_number
), outbox AS (
  INSERT INTO procurement_outboxevent (application_id, applicant_id, kind, created_at, attempts, last_error)
  SELECT ins.id, ins.applicant_id, k, %b::timestamptz, 0, '' FROM ins CROSS JOIN unnest(%b::text[]) AS k
)
SELECT id, applicant_id, period_id, receipt_number FROM ins
"""


def _write_batch_postgresql(slots: list[Slot[_SubmitRequest]]) -> bool:
    """`_write_batch_orm` in three array statements (PostgreSQL): one read for the whole batch,
    one ``INSERT … SELECT FROM unnest(…) ON CONFLICT DO NOTHING RETURNING`` with the new rows'
    outbox events, and the audit events (plain rows, no model instances) — the same checks, rows
    and answers, without per-row SQL."""
    requests = [slot.payload for slot in slots]
    answers: dict[int, tuple[str, Any]] = {}
    with transaction.atomic(durable=True), _server_bound_cursor() as cursor:
        cursor.execute(_READ_BATCH, [[r.actor.pk for r in requests], [r.period_id for r in requests]])
        facts = cursor.fetchall()
        periods: dict[int, SelectionPeriod] = {}
        stored_ids: dict[int, int] = {}
        citations_json: dict[int, str] = {}
        rows: dict[int, tuple[Any, ...]] = {}
        now = timezone.now()
        for i, (request, fact) in enumerate(zip(requests, facts, strict=True)):
            (_ord, applicant_id, period_id, stage, opens_on, closes_on, fiscal_year, stored_id, vacancy_id, data,
             required, instansi_id, docs) = fact
            if period_id is not None and period_id not in periods:
                periods[period_id] = SelectionPeriod(pk=period_id, stage=stage, opens_on=opens_on,
                                                     closes_on=closes_on, fiscal_year=fiscal_year)
            if applicant_id is None:
                answers[i] = ("error", _not_an_applicant())
                continue
            if stored_id is not None:
                stored_ids[i] = stored_id
                continue
            # Django's PostgreSQL backend hands jsonb over as text (its fields decode it).
            data, required, docs = (_json(data) or {}), (_json(required) or []), _json(docs)
            period = periods.get(request.period_id)
            try:
                _check_open(period, on=request.on)
                assert period is not None
                _check_complete_facts(vacancy_id=vacancy_id, required=required,
                                      present={d["doc_type"] for d in docs}, data=data)
            except ApplicationError as refused:
                answers[i] = ("error", refused)
                continue
            if period.pk not in citations_json:
                limit = evaluate("selection.application_limit", {"applications_in_period": 0},
                                 period_on(fiscal_year=period.fiscal_year, opens_on=period.opens_on))
                citations_json[period.pk] = json.dumps(list(limit.citations) or [CITE_LIMIT])
            submitted_at = now if request.on is None else timezone.make_aware(dt.datetime.combine(request.on,
                                                                                                  dt.time(10)))
            receipt = f"{period.fiscal_year}-{period.pk:03d}-{request.receipt_seed}"
            rows[i] = (applicant_id, period.pk, vacancy_id, receipt, request.key, submitted_at, data, docs,
                       instansi_id)
        created: dict[int, Application] = {}
        if rows:
            order = list(rows)
            columns = list(zip(*(rows[i] for i in order), strict=True))
            cursor.execute(_INSERT_BATCH, [list(columns[0]), list(columns[1]), list(columns[2]), list(columns[3]),
                                           list(columns[4]), list(columns[5]), [json.dumps(d) for d in columns[6]],
                                           [json.dumps(d) for d in columns[7]], now,
                                           [str(kind) for kind in AFTER_SUBMIT]])
            # At most one row per (applicant, period) can have gone in; it is this request's if it
            # carries the receipt this request generated.
            inserted = {(a, p): (pk, receipt) for pk, a, p, receipt in cursor.fetchall()}
            audits: list[AuditRow] = []
            for i in order:
                applicant_id, period_id, vacancy_id, receipt, key, submitted_at, data, docs, instansi_id = rows[i]
                pk, stored_receipt = inserted.pop((applicant_id, period_id), (None, None))
                if pk is None or stored_receipt != receipt:
                    if pk is not None:
                        inserted[(applicant_id, period_id)] = (pk, stored_receipt)
                    continue  # a conflict: answered from the stored row below
                application = Application(pk=pk, applicant_id=applicant_id, period_id=period_id, vacancy_id=vacancy_id,
                                          receipt_number=receipt, idempotency_key=key, submitted_at=submitted_at,
                                          data=data, documents=docs)
                application._state.adding = False
                created[i] = application
                actor = requests[i].actor
                audits.append(AuditRow(
                    actor_id=actor.pk, actor_label=actor_label(actor), object_id=str(pk), object_repr=receipt,
                    instansi_id=instansi_id, citations=citations_json[period_id],
                    changes=json.dumps(_created_changes(vacancy_id=vacancy_id, receipt=receipt, documents=docs))))
            # One audit event per new application, in this transaction (the interface is the
            # batch's when all its requests share one, else one statement per interface).
            interfaces = {requests[i].interface for i in created}
            for interface in interfaces:
                audit_record_rows(action=AuditAction.CREATE, interface=interface, object_type=_APPLICATION_TYPE,
                                  occurred_at=now, rows=[row for row, i in zip(audits, created, strict=True)
                                                         if requests[i].interface == interface])
        conflicts = [i for i in rows if i not in created]
        if conflicts or stored_ids:
            # Retries and second attempts (few): the stored row, as the ORM path answers it.
            wanted = {(rows[i][0], rows[i][1]) for i in conflicts}
            applicant_ids = {a for a, _p in wanted} | {facts[i][1] for i in stored_ids}
            stored = {(a.applicant_id, a.period_id): a for a in Application.objects.filter(
                applicant_id__in=applicant_ids, period_id__in={r.period_id for r in requests})}
            for i in stored_ids:
                answers[i] = ("ok", (stored[(facts[i][1], requests[i].period_id)], False))
            for i in conflicts:
                found = stored.get((rows[i][0], rows[i][1]))
                answers[i] = ("ok", (found, False)) if found is not None else ("error", _key_reused())
        for i, application in created.items():
            answers[i] = ("ok", (application, True))
    # Committed: answer every request; the outbox drain is enqueued by the caller afterwards
    # (its own commit) — neither the requests nor the next batch wait for it.
    for i, slot in enumerate(slots):
        kind, value = answers[i]
        if kind == "ok":
            slot.resolve(value)
        else:
            slot.fail(value)
    return bool(created)


def _created_changes(*, vacancy_id: int, receipt: str, documents: list[dict[str, Any]]) -> dict[str, Any]:
    """The audit event's changes for a new application (both write paths)."""
    return {"after": {"vacancy": vacancy_id, "receipt": receipt, "documents": [d["sha256"] for d in documents]}}


def _server_bound_cursor() -> Any:
    """A psycopg cursor on Django's connection (so inside its transaction) that sends the batch's
    arrays as bound parameters in binary, instead of Django's client-side quoting of every value
    (which cost more than the rest of the batch). Statements repeat, so psycopg prepares them."""
    import psycopg

    connection.ensure_connection()
    return psycopg.Cursor(connection.connection)


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str | bytes) else value


def _key_reused() -> ConflictError:
    return ConflictError(_("Kunci pengiriman ini sudah dipakai untuk lamaran lain; kirim ulang dari halaman lamaran."),
                         code="key_reused")


def _write_batch_orm(slots: list[Slot[_SubmitRequest]]) -> bool:
    """One durable transaction for the batch: five reads for all of it (applicants, periods,
    applications already stored, drafts with their vacancy, documents), one
    ``INSERT … ON CONFLICT DO NOTHING`` of the new applications, one read-back, the outbox rows
    and the audit events in bulk. The unique constraints decide (one application per applicant
    per period, one per idempotency key), within the batch as across batches and processes."""
    answers: dict[int, tuple[str, Any]] = {}  # index -> ("ok", (application, created)) | ("error", exc)
    with transaction.atomic(durable=True):
        requests = [slot.payload for slot in slots]
        applicant_of = dict(Applicant.objects.filter(user_id__in={r.actor.pk for r in requests})
                            .values_list("user_id", "id"))
        period_ids = {r.period_id for r in requests}
        applicant_ids = set(applicant_of.values())
        periods = SelectionPeriod.objects.in_bulk(period_ids)
        stored_before = {(a.applicant_id, a.period_id): a for a in Application.objects.filter(
            applicant_id__in=applicant_ids, period_id__in=period_ids)}
        drafts = {(d.applicant_id, d.period_id): d for d in ApplicationDraft.objects.select_related("vacancy").filter(
            applicant_id__in=applicant_ids, period_id__in=period_ids)}
        documents: dict[tuple[int, int], dict[str, ApplicantDocument]] = {}
        for doc in ApplicantDocument.objects.filter(applicant_id__in=applicant_ids, period_id__in=period_ids):
            documents.setdefault((doc.applicant_id, doc.period_id), {})[doc.doc_type] = doc
        citations: dict[int, list[str]] = {}
        rows: dict[int, Application] = {}
        outbox: list[OutboxEvent] = []
        for i, request in enumerate(requests):
            applicant_id = applicant_of.get(request.actor.pk)
            if applicant_id is None:
                answers[i] = ("error", _not_an_applicant())
                continue
            before = stored_before.get((applicant_id, request.period_id))
            if before is not None:
                answers[i] = ("ok", (before, False))
                continue
            period = periods.get(request.period_id)
            try:
                _check_open(period, on=request.on)
                assert period is not None
                draft = drafts.get((applicant_id, period.pk))
                docs = documents.get((applicant_id, period.pk), {})
                _check_complete(draft, docs)
            except ApplicationError as refused:
                answers[i] = ("error", refused)
                continue
            assert draft is not None and draft.vacancy is not None
            if period.pk not in citations:
                # The law's rule, once per period per batch (its value is a constant of the period).
                limit = evaluate("selection.application_limit", {"applications_in_period": 0},
                                 period_on(fiscal_year=period.fiscal_year, opens_on=period.opens_on))
                citations[period.pk] = list(limit.citations) or [CITE_LIMIT]
            rows[i] = Application(
                applicant_id=applicant_id, period=period, vacancy=draft.vacancy,
                receipt_number=f"{period.fiscal_year}-{period.pk:03d}-{request.receipt_seed}",
                idempotency_key=request.key,
                submitted_at=timezone.now() if request.on is None
                else timezone.make_aware(dt.datetime.combine(request.on, dt.time(10))),
                data=dict(draft.data),
                documents=[{"doc_type": d.doc_type, "file_name": d.file_name, "sha256": d.sha256, "size": d.size,
                            "content_type": d.content_type} for d in docs.values()])
        if rows:
            # INSERT … ON CONFLICT DO NOTHING: the unique constraints decide, not a prior read.
            Application.objects.bulk_create(list(rows.values()), ignore_conflicts=True)
            stored_now = {(a.applicant_id, a.period_id): a for a in Application.objects.filter(
                applicant_id__in={r.applicant_id for r in rows.values()},
                period_id__in={r.period_id for r in rows.values()})}
            events = []
            now = timezone.now()
            for i, row in rows.items():
                stored = stored_now.get((row.applicant_id, row.period_id))
                if stored is None:
                    answers[i] = ("error", _key_reused())
                    continue
                created = stored.receipt_number == row.receipt_number
                if created:
                    stored.vacancy = row.vacancy  # the row just inserted names it: no second read for the audit
                    outbox += [OutboxEvent(application=stored, applicant_id=row.applicant_id, kind=kind,
                                           created_at=now) for kind in AFTER_SUBMIT]
                    events.append(audit_event(
                        actor=requests[i].actor, action=AuditAction.CREATE, interface=requests[i].interface,
                        obj=stored, changes=_created_changes(vacancy_id=stored.vacancy_id, receipt=stored.receipt_number,
                                                             documents=stored.documents),
                        citations=citations[row.period_id]))
                answers[i] = ("ok", (stored, created))
            if outbox:
                OutboxEvent.objects.bulk_create(outbox)
                audit_record_many(events)
    # Committed: only now is anybody told that their application is stored.
    for i, slot in enumerate(slots):
        kind, value = answers[i]
        if kind == "ok":
            slot.resolve(value)
        else:
            slot.fail(value)
    return bool(outbox)


def _check_open(period: SelectionPeriod | None, *, on: dt.date | None) -> None:
    if period is None:
        raise NotFoundError(_("Periode seleksi tidak ditemukan."))
    today = on or timezone.localdate()
    if period.stage != Stage.OPEN or not period.opens_on <= today <= period.closes_on:
        raise ConflictError(_("Pendaftaran periode ini tidak sedang dibuka (%(from)s s.d. %(to)s).")
                            % {"from": short_date(period.opens_on), "to": short_date(period.closes_on)},
                            code="registration_closed")


def _check_complete(draft: ApplicationDraft | None, documents: dict[str, ApplicantDocument]) -> None:
    _check_complete_facts(vacancy_id=draft.vacancy_id if draft is not None else None,
                          required=draft.vacancy.required_documents if draft is not None and draft.vacancy else [],
                          present=set(documents), data=draft.data if draft is not None else {})


def _check_complete_facts(*, vacancy_id: int | None, required: list[str], present: set[str],
                          data: dict[str, Any]) -> None:
    """The draft is complete: a vacancy chosen, its required documents uploaded, education filled."""
    if vacancy_id is None:
        raise ApplicationError(_("Pilih lowongan dan isi formulir lamaran terlebih dahulu."), code="no_draft",
                               fields={"vacancy": [_("Wajib dipilih.")]})
    missing = [str(DocumentType(c).label) for c in required if c not in present]
    if missing:
        raise ApplicationError(_("Dokumen wajib belum diunggah: %(docs)s.") % {"docs": ", ".join(missing)},
                               code="documents_missing", fields={"documents": missing})
    if not data.get("education_level"):
        raise ApplicationError(_("Isi pendidikan terakhir Anda."), code="validation",
                               fields={"education_level": [_("Wajib diisi.")]})


#: The process's group commit for submits (one per process; each batch on its leader's connection).
SUBMITS: GroupCommit[_SubmitRequest] = GroupCommit(_flush_submits)
