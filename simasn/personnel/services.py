"""Writes on the employee register: scope, the law's checks, audit — one transaction.

The only writers of `Employee` and `PositionHistory` (a test greps for any other): register
edits here, a decided personnel action through `employee_assign_position`,
`employee_end_service` and `employee_set_status`, a bulk import through
`simasn.personnel.loading` (the bulk variant).

**The position-history date rule.** A row's `end_date` is the last day the position was
held (inclusive, as `performance.hierarchy` reads it): a new position starting on day D
closes the open row on D - 1, and leaving the service on D (the TMT of a dismissal or a
retirement: the first day out of service) closes it on D - 1 too. A row is never closed
before it started (a correction on the same day ends it on its own start date).
"""

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
from simasn.core.errors import ApplicationError
from simasn.core.interfaces import Interface
from simasn.core.services import model_create, model_update
from simasn.law.decision import FactsError
from simasn.law.enums import EmployeeStatus, EmployeeType
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


def history_end_for(start: dt.date) -> dt.date:
    """The date rule: the open row ends the day before `start` (see the module doc)."""
    return start - dt.timedelta(days=1)


def _close_history(employee: Employee, start: dt.date) -> None:
    """Close the employee's open history row for something that starts on `start`."""
    end = history_end_for(start)
    for row in PositionHistory.objects.filter(employee=employee, end_date__isnull=True):
        row.end_date = max(end, row.start_date)
        row.save(update_fields=["end_date"])


def _record_position(employee: Employee, *, start: dt.date, source: str, sk_number: str = "",
                     sk_date: dt.date | None = None, legal_basis: str = "") -> None:
    _close_history(employee, start)
    position = employee.position
    if position is None:
        return
    PositionHistory.objects.create(
        employee=employee, instansi_id=employee.instansi_id, position=position,
        position_name=position.name, unit_name=position.unit.name, position_kind=position.kind,
        start_date=start, source=source, sk_number=sk_number, sk_date=sk_date, legal_basis=legal_basis,
    )


#: Statuses that end the service (UU 20/2023 Pasal 52): the history closes with them.
ENDING_STATUSES = (EmployeeStatus.BERHENTI, EmployeeStatus.PENSIUN)


def _require_update(actor: Actor, employee: Employee) -> None:
    """A person needs the EMPLOYEE update grant; the system (actor None) acts only on a
    decision already taken (a decided personnel action on its TMT)."""
    if actor is not None:
        Scope.of(actor).require(Resource.EMPLOYEE, Action.UPDATE, obj=employee)


def _register_change(*, actor: Actor, interface: Interface, employee: Employee, before: dict[str, Any],
                     reason: str, citations: list[str], extra: dict[str, Any] | None) -> dict[str, Any]:
    employee.updated_by = actor
    employee.save(update_fields=["instansi", "unit", "position", "status", "updated_at", "updated_by"])
    after = {"instansi": employee.instansi_id, "unit": employee.unit_id,
             "position": employee.position_id, "status": employee.status}
    changes = {k: {"before": before[k], "after": after[k]} for k in after if before[k] != after[k]}
    audit_record(actor=actor, action=AuditAction.UPDATE, interface=interface, obj=employee,
                 changes=changes, reason=reason, citations=citations, extra=extra or {})
    return changes


def _before(employee: Employee) -> dict[str, Any]:
    return {"instansi": employee.instansi_id, "unit": employee.unit_id,
            "position": employee.position_id, "status": employee.status}


def employee_assign_position(
    *, actor: Actor, interface: Interface, employee: Employee, position: Position, start: dt.date,
    sk_number: str = "", sk_date: dt.date | None = None, reason: str = "", citations: list[str] | None = None,
    source: str = "", extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Place the employee in `position` from `start` (an appointment or a transfer, also
    between instansi): the employee's instansi, unit and position change, the open history
    row closes by the date rule and a new one opens. Returns the changes (also audited)."""
    _require_update(actor, employee)
    citations = list(citations or [])
    with transaction.atomic():
        before = _before(employee)
        employee.position = position
        employee.unit = position.unit
        employee.instansi_id = position.instansi_id
        _record_position(employee, start=start, source=source or str(interface), sk_number=sk_number or "",
                         sk_date=sk_date, legal_basis="; ".join(citations)[:300])
        return _register_change(actor=actor, interface=interface, employee=employee, before=before,
                                reason=reason, citations=citations, extra=extra)


def employee_end_service(
    *, actor: Actor, interface: Interface, employee: Employee, status: EmployeeStatus, on: dt.date,
    reason: str = "", citations: list[str] | None = None, extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The employee leaves the service on `on` (the TMT: the first day out) with `status`
    (BERHENTI or PENSIUN); the open history row closes by the date rule."""
    if status not in ENDING_STATUSES:
        raise ValueError(f"{status} does not end the service")
    _require_update(actor, employee)
    with transaction.atomic():
        before = _before(employee)
        employee.status = status.value
        _close_history(employee, on)
        return _register_change(actor=actor, interface=interface, employee=employee, before=before,
                                reason=reason, citations=list(citations or []), extra=extra)


def employee_set_status(
    *, actor: Actor, interface: Interface, employee: Employee, status: EmployeeStatus,
    reason: str = "", citations: list[str] | None = None, extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Suspend (DIBERHENTIKAN_SEMENTARA) or reactivate (AKTIF) an employee; the position and its
    history stay (a temporary dismissal keeps the post's holder on record)."""
    if status in ENDING_STATUSES:
        raise ValueError(f"{status} ends the service: use employee_end_service")
    _require_update(actor, employee)
    with transaction.atomic():
        before = _before(employee)
        employee.status = status.value
        return _register_change(actor=actor, interface=interface, employee=employee, before=before,
                                reason=reason, citations=list(citations or []), extra=extra)


def employee_create(*, actor: Actor, interface: Interface, data: dict[str, Any]) -> Employee:
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
    *, actor: Actor, interface: Interface, employee: Employee, data: dict[str, Any], reason: str = ""
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


def employee_sensitive_reveal(*, actor: Actor, interface: Interface, employee: Employee) -> dict[str, Any]:
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
