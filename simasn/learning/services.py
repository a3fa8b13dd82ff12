"""Writes on learning records: one record (web, API, xAPI) or a whole file (import).

The JP of a record come from the law: minutes are converted by ``learning.jp_convert``
(Peraturan LAN 10/2018); for a form without a kept conversion the rule answers "needs
legal review" and the record must carry the JP the organiser certified — never a guess.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import uuid
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.actors import Actor
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ApplicationError, ConflictError, NotFoundError
from simasn.core.interfaces import Interface
from simasn.core.storage import store_document
from simasn.law import convert_to_jp
from simasn.law.enums import LearningForm
from simasn.learning.models import JpBasis, LearningRecord, RecordSource
from simasn.personnel.models import Employee

MAX_CERTIFICATE_BYTES = 5 * 1024 * 1024
CERTIFICATE_TYPES = {b"%PDF": ".pdf", b"\x89PNG": ".png", b"\xff\xd8\xff": ".jpg"}


def _refuse(field: str, message: str, code: str = "validation") -> ApplicationError:
    return ApplicationError(message, code=code, fields={field: [message]})


def resolve_jp(*, form: str, minutes: int | None, jp: Decimal | None, on: dt.date) -> tuple[Decimal, str, str]:
    """(JP, basis, citation): converted by the law when it keeps a conversion for the form,
    else the certified JP the caller gave."""
    if minutes is not None and minutes > 0:
        decision = convert_to_jp(form=LearningForm(form), minutes=minutes, on=on)
        converted = decision.outcome.get("jp")
        if converted is not None and not decision.needs_legal_review:
            return Decimal(str(converted)), JpBasis.CONVERTED, "; ".join(decision.citations)
    if jp is None:
        raise _refuse("jp", _("Bentuk pengembangan ini tidak memiliki konversi JP yang ditetapkan "
                              "(perlu kajian hukum); isi JP sesuai sertifikat penyelenggara."))
    return jp, JpBasis.CERTIFIED, ""


def _certificate(data: bytes) -> tuple[str, str]:
    if len(data) > MAX_CERTIFICATE_BYTES:
        raise _refuse("certificate", _("Berkas sertifikat paling besar 5 MB."))
    suffix = next((ext for magic, ext in CERTIFICATE_TYPES.items() if data.startswith(magic)), None)
    if suffix is None:
        raise _refuse("certificate", _("Sertifikat harus berupa PDF, PNG atau JPEG."))
    digest = hashlib.sha256(data).hexdigest()
    return store_document(f"learning/certificates/{digest}{suffix}", data), digest


def _validated(*, form: str, title: str, start_date: dt.date, end_date: dt.date,
               jp: Decimal | None, today: dt.date) -> None:
    if form not in {f.value for f in LearningForm}:
        raise _refuse("form", _("Bentuk pengembangan tidak dikenal."))
    if not title.strip():
        raise _refuse("title", _("Nama kegiatan wajib diisi."))
    if end_date < start_date:
        raise _refuse("end_date", _("Tanggal selesai tidak boleh sebelum tanggal mulai."))
    if end_date > today:
        raise _refuse("end_date", _("Kegiatan yang belum selesai belum dapat dicatat."))
    if jp is not None and (jp < 0 or jp > 10_000):
        raise _refuse("jp", _("JP harus antara 0 dan 10.000."))


def _build(*, actor: Actor, employee: Employee, data: dict[str, Any], source: str,
           certificate: bytes | None, today: dt.date) -> LearningRecord:
    form = str(data["form"])
    start_date, end_date = data["start_date"], data["end_date"]
    jp = data.get("jp")
    jp = Decimal(str(jp)) if jp not in (None, "") else None
    _validated(form=form, title=str(data.get("title", "")), start_date=start_date,
               end_date=end_date, jp=jp, today=today)
    minutes = data.get("minutes") or None
    value, basis, citation = resolve_jp(form=form, minutes=minutes, jp=jp, on=end_date)
    record = LearningRecord(
        employee=employee, form=form, title=str(data["title"]).strip()[:300],
        provider=str(data.get("provider") or "").strip()[:200], start_date=start_date,
        end_date=end_date, minutes=minutes, jp=value, jp_basis=basis, jp_citation=citation[:300],
        assigned=bool(data.get("assigned")),
        assignment_reference=str(data.get("assignment_reference") or "").strip()[:100],
        competency=str(data.get("competency") or "").strip()[:200], source=source,
        xapi_statement_id=data.get("xapi_statement_id"), created_by=actor, updated_by=actor,
    )
    if record.assigned and not record.assignment_reference and source == RecordSource.MANUAL:
        raise _refuse("assignment_reference", _("Penugasan tertulis memerlukan nomor surat tugas."))
    if certificate:
        record.certificate_name, record.certificate_sha256 = _certificate(certificate)
    return record


def _employee_for(actor: Actor, employee_id: int) -> Employee:
    employee = Employee.objects.filter(pk=employee_id).first()
    scope = Scope.of(actor)
    if employee is None or not scope.allows(Resource.LEARNING_RECORD, Action.VIEW,
                                            instansi_id=employee.instansi_id, employee_id=employee.pk):
        raise NotFoundError(_("Pegawai tidak ditemukan."))
    scope.require(Resource.LEARNING_RECORD, Action.CREATE, instansi_id=employee.instansi_id,
                  employee_id=employee.pk)
    return employee


def learning_record_create(
    *, actor: Actor, interface: Interface, employee_id: int, form: str, title: str,
    start_date: dt.date, end_date: dt.date, provider: str = "", minutes: int | None = None,
    jp: Decimal | None = None, assigned: bool = False, assignment_reference: str = "",
    competency: str = "", certificate: bytes | None = None, source: str = RecordSource.MANUAL,
    xapi_statement_id: uuid.UUID | None = None,
) -> LearningRecord:
    """Record one completed learning activity of an employee."""
    employee = _employee_for(actor, employee_id)
    record = _build(actor=actor, employee=employee, source=source, certificate=certificate,
                    today=timezone.localdate(), data={
                        "form": form, "title": title, "start_date": start_date, "end_date": end_date,
                        "provider": provider, "minutes": minutes, "jp": jp, "assigned": assigned,
                        "assignment_reference": assignment_reference, "competency": competency,
                        "xapi_statement_id": xapi_statement_id})
    try:
        with transaction.atomic(durable=interface != Interface.ADMIN):
            record.save()
            audit_record(actor=actor, action=AuditAction.CREATE, interface=interface, obj=record,
                         changes={"after": {"form": form, "jp": str(record.jp), "jp_basis": record.jp_basis,
                                            "assigned": record.assigned, "source": source}},
                         citations=[c for c in [record.jp_citation] if c])
    except IntegrityError as error:
        if xapi_statement_id is not None:
            raise ConflictError(_("Pernyataan xAPI dengan ID ini sudah diterima."),
                                code="duplicate_statement") from error
        raise
    return record


# ------------------------------------------------------------------- import

IMPORT_COLUMNS = ("nip", "bentuk", "nama_kegiatan", "penyelenggara", "tanggal_mulai",
                  "tanggal_selesai", "menit", "jp", "ditugaskan", "nomor_surat_tugas")


def _parse_row(row: dict[str, str]) -> dict[str, Any]:
    errors: list[str] = []
    out: dict[str, Any] = {"title": (row.get("nama_kegiatan") or "").strip(),
                           "provider": (row.get("penyelenggara") or "").strip(),
                           "assignment_reference": (row.get("nomor_surat_tugas") or "").strip(),
                           "assigned": (row.get("ditugaskan") or "").strip().lower() in {"ya", "y", "1", "true"}}
    form = (row.get("bentuk") or "").strip().upper()
    if form not in {f.value for f in LearningForm}:
        errors.append(_("bentuk '%(v)s' tidak dikenal") % {"v": form})
    out["form"] = form
    for key, name in (("start_date", "tanggal_mulai"), ("end_date", "tanggal_selesai")):
        try:
            out[key] = dt.date.fromisoformat((row.get(name) or "").strip())
        except ValueError:
            errors.append(_("%(c)s bukan tanggal (TTTT-BB-HH)") % {"c": name})
    minutes = (row.get("menit") or "").strip()
    out["minutes"] = int(minutes) if minutes.isdigit() else None
    if minutes and not minutes.isdigit():
        errors.append(_("menit harus bilangan bulat"))
    raw_jp = (row.get("jp") or "").strip().replace(",", ".")
    try:
        out["jp"] = Decimal(raw_jp) if raw_jp else None
    except InvalidOperation:
        errors.append(_("jp bukan angka"))
    if errors:
        raise ApplicationError("; ".join(errors), code="validation")
    return out


def learning_records_import(*, actor: Actor, interface: Interface, content: bytes) -> int:
    """Import a CSV of learning records (columns IMPORT_COLUMNS, NIP identifies the employee).
    All or nothing: any bad row refuses the whole file with every row's reason."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _refuse("file", _("Berkas harus CSV dengan pengodean UTF-8.")) from error
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in IMPORT_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise _refuse("file", _("Kolom tidak ada: %(cols)s.") % {"cols": ", ".join(missing)})
    rows = list(reader)
    if not rows:
        raise _refuse("file", _("Berkas tidak berisi baris data."))
    if len(rows) > 20_000:
        raise _refuse("file", _("Paling banyak 20.000 baris per berkas."))
    scope = Scope.of(actor)
    employees = {e.nip: e for e in Employee.objects.filter(nip__in=[(r.get("nip") or "").strip() for r in rows])}
    today = timezone.localdate()
    records: list[LearningRecord] = []
    problems: list[str] = []
    for number, row in enumerate(rows, start=2):
        employee = employees.get((row.get("nip") or "").strip())
        if employee is None or not scope.allows(Resource.LEARNING_RECORD, Action.CREATE,
                                                instansi_id=employee.instansi_id, employee_id=employee.pk):
            problems.append(_("baris %(n)d: NIP tidak ditemukan di instansi Anda") % {"n": number})
            continue
        try:
            records.append(_build(actor=actor, employee=employee, data=_parse_row(row),
                                  source=RecordSource.IMPORT, certificate=None, today=today))
        except ApplicationError as error:
            problems.append(_("baris %(n)d: %(m)s") % {"n": number, "m": error.message})
    if problems:
        raise ApplicationError(_("Berkas ditolak, tidak ada yang disimpan. ") + " · ".join(problems[:50]),
                               code="import_rejected", details={"problems": problems})
    with transaction.atomic(durable=True):
        LearningRecord.objects.bulk_create(records, batch_size=2000)
        instansi_ids = sorted({r.employee.instansi_id for r in records})
        for instansi_id in instansi_ids:
            audit_record(actor=actor, action=AuditAction.IMPORT, interface=interface,
                         object_type="learning.learningrecord", instansi_id=instansi_id,
                         changes={"rows": sum(1 for r in records if r.employee.instansi_id == instansi_id)})
    return len(records)
