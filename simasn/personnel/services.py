"""Writes on the employee register: scope, the law's checks, audit — one transaction."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ApplicationError
from simasn.core.interfaces import Interface
from simasn.core.services import model_create, model_update
from simasn.law.decision import FactsError
from simasn.law.enums import EmployeeType
from simasn.law.grounds import Ground, cite
from simasn.organization.models import Instansi, Unit
from simasn.personnel import law_bridge
from simasn.personnel.models import SENSITIVE_FIELDS, Employee, PositionHistory
from simasn.personnel.phone import phone_valid
from simasn.positions.models import Position

NIP_CITATION = cite(Ground.EMPLOYEE_REGISTER)[0]


def _today() -> dt.date:
    return timezone.localdate()


class DatabaseReferences:
    """Reference lookups the checks need; bulk import passes a cached equivalent
    (`simasn.bulk.references.CachedReferences`) so that the rules stay one function."""

    def unit_instansi_id(self, unit_id: int) -> int | None:
        return Unit.objects.filter(pk=unit_id).values_list("instansi_id", flat=True).first()

    def position(self, position_id: int) -> Any:
        return Position.objects.filter(pk=position_id).first()

    def instansi_kind(self, instansi_id: int) -> str:
        return Instansi.objects.filter(pk=instansi_id).values_list("kind", flat=True).get()

    def rank_codes(self, employee_type: str, on: dt.date) -> list[str]:
        return law_bridge.rank_codes(employee_type, on=on)


def _nik_errors(data: dict[str, Any], on: dt.date) -> list[str]:
    """The law's NIK rule: a malformed NIK is refused; a NIK that disagrees with the
    record's birth date or sex is refused until the operator confirms that the population
    documents say so (`nik_checked`), because a NIK never changes (PP 40/2019 Pasal 30)."""
    nik = str(data.get("nik") or "").strip()
    if not nik:
        return []
    decision = law_bridge.nik_decision(nik=nik, birth_date=data.get("birth_date"), sex=data.get("sex") or None,
                                       on=on)
    problems = decision.outcome.get("problems", [])
    if decision.needs_legal_review or not problems:
        return []
    if decision.outcome.get("valid") and data.get("nik_checked"):
        return []
    messages = [law_bridge.problem_text(p) for p in problems]
    if decision.outcome.get("valid"):
        messages.append(_("Bila dokumen kependudukan memang demikian, centang kotak NIK sudah diperiksa."))
    return messages


def validate_employee_data(
    data: dict[str, Any], *, on: dt.date | None = None, references: Any = None
) -> None:
    """The checks every way into the register shares (web form, API, bulk import).
    Every problem of the submission is reported at once, field by field."""
    on = on or _today()
    references = references or DatabaseReferences()
    errors: dict[str, list[str]] = {}

    def add(field: str, *messages: str) -> None:
        errors.setdefault(field, []).extend(messages)

    employee_type = data.get("employee_type")
    nip = str(data.get("nip") or "")
    decision = None
    if employee_type in (EmployeeType.PNS, EmployeeType.PPPK) and nip and data.get("birth_date") and data.get("sex"):
        try:
            decision = law_bridge.nip_decision(
                employee_type=employee_type, nip=nip, birth_date=data.get("birth_date"),
                sex=data.get("sex"), tmt_cpns=data.get("tmt_cpns"),
                contract_start=data.get("contract_start"), on=on,
            )
        except FactsError:
            decision = None  # a missing TMT or contract start is reported below
        if decision is not None and not decision.outcome.get("valid", False):
            add("nip", *(law_bridge.nip_problems(decision) or [_("NIP tidak sesuai dengan data pegawai.")]))
    nik_errors = _nik_errors(data, on)
    if nik_errors:
        add("nik", *nik_errors)
    rank = data.get("rank") or ""
    if rank and employee_type:
        allowed = references.rank_codes(employee_type, on)
        if rank not in allowed:
            add("rank", _("Golongan %(rank)s tidak dikenal untuk %(type)s.") % {"rank": rank, "type": employee_type})
    if employee_type == EmployeeType.PPPK and not data.get("contract_start"):
        add("contract_start", _("PPPK wajib memiliki awal perjanjian kerja."))
    if employee_type == EmployeeType.PNS and not data.get("tmt_cpns"):
        add("tmt_cpns", _("PNS wajib memiliki TMT CPNS."))
    for problem in law_bridge.dates_decision(data, on=on).outcome.get("problems", []):
        add(problem["field"], law_bridge.problem_text(problem))
    phone = str(data.get("phone") or "").strip()
    if phone and not phone_valid(phone):
        add("phone", _("Nomor telepon tidak sah: tulis angka saja, diawali 0 atau +62 (contoh 0812-3456-7890)."))
    instansi_id = data.get("instansi_id")
    unit_id, position_id = data.get("unit_id"), data.get("position_id")
    if unit_id and references.unit_instansi_id(unit_id) != instansi_id:
        add("unit", _("Unit kerja tidak berada di instansi pegawai."))
    if position_id:
        position = references.position(position_id)
        if position is None or position.instansi_id != instansi_id:
            add("position", _("Jabatan tidak berada di instansi pegawai."))
        elif employee_type in (EmployeeType.PNS, EmployeeType.PPPK):
            # The register refuses what the law refuses; a case the law leaves open (needs
            # legal review) was decided by the PPK and is recorded as it stands.
            filling = law_bridge.position_filling_decision(
                employee_type=employee_type, position_kind=position.kind,
                instansi_kind=references.instansi_kind(position.instansi_id),
                open_to_pppk=position.open_to_pppk, on=on)
            if filling.outcome.get("allowed") is False:
                add("position", law_bridge.decision_text(filling))
    if errors:
        raise ApplicationError(_("Periksa kembali isian yang ditandai."), code="validation", fields=errors)


def _record_position(employee: Employee, *, start: dt.date, source: str) -> None:
    PositionHistory.objects.filter(employee=employee, end_date__isnull=True).update(end_date=start)
    position = employee.position
    if position is None:
        return
    PositionHistory.objects.create(
        employee=employee, instansi_id=employee.instansi_id, position=position,
        position_name=position.name, unit_name=position.unit.name, position_kind=position.kind,
        start_date=start, source=source,
    )


def employee_create(*, actor: Any, interface: Interface, data: dict[str, Any]) -> Employee:
    Scope.of(actor).require(Resource.EMPLOYEE, Action.CREATE, instansi_id=data.get("instansi_id"))
    validate_employee_data(data)
    data = {k: v for k, v in data.items() if k != "nik_checked"}
    with transaction.atomic():
        employee = model_create(actor=actor, interface=interface, model=Employee, data=data,
                                citations=(NIP_CITATION,))
        if employee.position_id:
            _record_position(employee, start=employee.tmt_cpns or employee.contract_start or _today(),
                             source=str(interface))
    return employee


def employee_update(
    *, actor: Any, interface: Interface, employee: Employee, data: dict[str, Any], reason: str = ""
) -> Employee:
    """Correct an employee's register data. Moving between instansi is a transfer
    (a personnel action), never a register edit."""
    Scope.of(actor).require(Resource.EMPLOYEE, Action.UPDATE, obj=employee)
    if "instansi_id" in data and data["instansi_id"] != employee.instansi_id:
        raise ApplicationError(
            _("Perpindahan antarinstansi dilakukan melalui tindakan kepegawaian (mutasi)."),
            code="validation", fields={"instansi": [_("Tidak dapat diubah di sini.")]},
        )
    current = {f.attname: getattr(employee, f.attname) for f in Employee._meta.concrete_fields}
    merged = {**current, **data}
    if data.get("nik", employee.nik) == employee.nik:
        merged["nik"] = ""  # a NIK already on the record is not re-judged by an edit of other data
    validate_employee_data(merged)
    data = {k: v for k, v in data.items() if k != "nik_checked"}
    old_position = employee.position_id
    with transaction.atomic():
        employee = model_update(actor=actor, interface=interface, obj=employee, data=data, reason=reason)
        if employee.position_id != old_position:
            _record_position(employee, start=_today(), source=str(interface))
    return employee


def employee_sensitive_reveal(*, actor: Any, interface: Interface, employee: Employee) -> dict[str, Any]:
    """Open the sensitive personal data in full; allowed to roles that need it, audited."""
    Scope.of(actor).require(Resource.EMPLOYEE_SENSITIVE, Action.VIEW, obj=employee)
    with transaction.atomic():
        audit_record(
            actor=actor, action=AuditAction.VIEW_SENSITIVE, interface=interface, obj=employee,
            extra={"fields": list(SENSITIVE_FIELDS)},
        )
    values = {name: getattr(employee, name) for name in SENSITIVE_FIELDS}
    for name in ("religion", "marital_status"):
        display = getattr(employee, f"get_{name}_display")()
        values[f"{name}_label"] = str(display)
    return values
