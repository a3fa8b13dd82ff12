"""Appointment of the selected (UU 20/2023 Pasal 38; issue 14 item 8).

A selected CPNS gets a NIP built by the law's rule (``build_pns_nip``: birth date, TMT CPNS,
sex, sequence) and a selected PPPK a PPPK number (``build_pppk_nip``) and a contract with
its start and end; both enter the register through personnel's own service
(``employee_create``, audited, which opens the position history with the TMT). Procurement
cannot import the actions app (a sibling process app): through the provider
``actions.record_appointment`` (registered by the actions app) the appointment becomes an SK
of the personnel-action register — CPNS_APPOINTMENT, or PPPK_APPOINTMENT with the contract's
start and end — DECIDED with its TMT, numbered and signed by the PPK in office, in the same
transaction as the register entry: if the SK cannot be made (no PPK recorded), nobody is
appointed.

Nobody is appointed outside a decided formasi (Pasal 65-66): the vacancy must name one.
"""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.accounts.actors import User
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ApplicationError, ConflictError, NotFoundError
from simasn.core.interfaces import Interface
from simasn.core.providers import provide
from simasn.law import NipBuildError, build_pns_nip, build_pppk_nip, parameters
from simasn.law.enums import EmployeeType
from simasn.law.grounds import Ground, cite
from simasn.personnel.models import EducationLevel, Employee
from simasn.personnel.services import employee_create
from simasn.procurement.decree import appointment_words
from simasn.procurement.models import (
    Announcement,
    AnnouncementKind,
    Application,
    Appointment,
    Sanggah,
    SanggahStatus,
    Stage,
)

CITATIONS = cite(Ground.PROCUREMENT_APPOINTMENT)
ACTION_PROVIDER = "actions.record_appointment"


def _nip(*, employee_type: str, birth_date: dt.date, sex: str, tmt: dt.date, sequence: int) -> str:
    if employee_type == EmployeeType.PNS:
        return build_pns_nip(birth_date=birth_date, tmt_cpns=tmt, sex=sex, sequence=sequence, on=tmt)
    code = sorted(parameters.value("nip.pppk_codes", tmt))[0]
    return build_pppk_nip(birth_date=birth_date, appointment_year=tmt.year, code=code, sex=sex, sequence=sequence,
                          on=tmt)


def _next_sequence(nip_without_sequence: str) -> int:
    taken = Employee.objects.filter(nip__startswith=nip_without_sequence).values_list("nip", flat=True)
    return max((int(n[-3:]) for n in taken if n[-3:].isdigit()), default=0) + 1


def _require_final_settled(application: Application) -> None:
    """Appointment follows the final result as it stands after the sanggah: no sanggah on the
    final announcement left unanswered, and an upheld one re-announced (version 2)."""
    finals = Announcement.objects.filter(period_id=application.period_id, instansi_id=application.vacancy.instansi_id,
                                         kind=AnnouncementKind.FINAL)
    contested = Sanggah.objects.filter(announcement__in=finals)
    if contested.filter(status=SanggahStatus.FILED).exists():
        raise ConflictError(_("Masih ada sanggah atas hasil akhir yang belum dijawab."), code="sanggah_open")
    if contested.filter(status=SanggahStatus.ACCEPTED).exists() and not finals.filter(version__gt=1).exists():
        raise ConflictError(_("Sanggah atas hasil akhir diterima: terbitkan pengumuman ulang sebelum pengangkatan."),
                            code="reannouncement_due")


def appointment_make(*, actor: User, interface: Interface, application_id: int, tmt: dt.date,
                     contract_end: dt.date | None = None) -> Appointment:
    application = (Application.objects.select_related("applicant", "period", "vacancy__position__unit",
                                                      "vacancy__instansi").filter(pk=application_id).first())
    if application is None:
        raise NotFoundError(_("Lamaran tidak ditemukan."))
    vacancy = application.vacancy
    Scope.of(actor).require(Resource.PROCUREMENT_APPOINTMENT, Action.CREATE, instansi_id=vacancy.instansi_id)
    if application.period.stage not in (Stage.FINAL, Stage.APPOINTMENT):
        raise ConflictError(_("Pengangkatan dilakukan setelah pengumuman hasil akhir."), code="wrong_stage")
    if not application.selected:
        raise ConflictError(_("Hanya pelamar yang dinyatakan lulus akhir yang dapat diangkat."), code="not_selected")
    if vacancy.formasi_ref is None and not vacancy.formasi_decision:
        raise ConflictError(_("Lowongan ini tidak menyebut formasi yang ditetapkan; pengangkatan di luar formasi "
                              "tidak diperbolehkan (UU 20/2023 Pasal 65-66)."), code="formasi_not_decided")
    _require_final_settled(application)
    if Appointment.objects.filter(application=application).exists():
        raise ConflictError(_("Pelamar ini sudah diangkat."), code="duplicate")
    employee_type = application.period.employee_type
    if employee_type == EmployeeType.PPPK:
        if contract_end is None or contract_end <= tmt:
            raise ApplicationError(_("Tentukan akhir perjanjian kerja sesudah TMT."), code="validation",
                                   fields={"contract_end": [_("Wajib diisi untuk PPPK.")]})
    else:
        contract_end = None
    applicant = application.applicant
    for _attempt in range(5):
        try:
            prefix = _nip(employee_type=employee_type, birth_date=applicant.birth_date, sex=applicant.sex, tmt=tmt,
                          sequence=1)[:-3]
            nip = _nip(employee_type=employee_type, birth_date=applicant.birth_date, sex=applicant.sex, tmt=tmt,
                       sequence=_next_sequence(prefix))
        except NipBuildError as error:
            raise ApplicationError(_("NIP tidak dapat dibentuk: %(e)s") % {"e": error}, code="nip") from error
        try:
            with transaction.atomic(durable=True):
                employee = employee_create(actor=actor, interface=interface, data={
                    "instansi_id": vacancy.instansi_id, "unit_id": vacancy.position.unit_id,
                    "position_id": vacancy.position_id, "employee_type": employee_type, "nip": nip,
                    "nik": applicant.nik, "name": applicant.name, "birth_date": applicant.birth_date,
                    "sex": applicant.sex, "email": applicant.email, "phone": applicant.phone,
                    "education_level": level if (level := str(application.data.get("education_level", "")))
                    in EducationLevel.values else "",
                    "tmt_cpns": tmt if employee_type == EmployeeType.PNS else None,
                    "contract_start": tmt if employee_type == EmployeeType.PPPK else None, "contract_end": contract_end,
                })
                # The appointment becomes an SK of the personnel-action register (numbered and
                # signed by the PPK in office there); refused there, nothing here is stored.
                sk = provide(ACTION_PROVIDER, default=None, actor=actor, interface=interface,
                             employee_id=employee.pk, position_id=vacancy.position_id, tmt=tmt,
                             sk_date=timezone.localdate(), contract_end=contract_end,
                             decree=appointment_words(application, nip=nip, tmt=tmt, contract_end=contract_end),
                             citations=CITATIONS, source=f"procurement.application:{application.pk}")
                action_ref = sk["id"] if sk else None
                appointment = Appointment.objects.create(
                    application=application, employee=employee, nip=nip, tmt=tmt, contract_end=contract_end,
                    action_ref=action_ref, citations=CITATIONS, created_by=actor, updated_by=actor)
                audit_record(actor=actor, action=AuditAction.CREATE, interface=interface, obj=appointment,
                             object_repr=f"Pengangkatan {applicant.name} ({nip})",
                             subject_employee_id=employee.pk,
                             changes={"after": {"nip": nip, "employee_type": employee_type, "tmt": tmt,
                                                "contract_end": contract_end, "position": vacancy.position_id,
                                                "receipt": application.receipt_number}},
                             citations=CITATIONS)
            return appointment
        except IntegrityError:
            continue  # another appointment took the same sequence: build the next one
    raise ConflictError(_("NIP tidak dapat dibentuk karena bentrok berulang; coba lagi."), code="nip_conflict")


def appointment_tmt_default(*, on: dt.date | None = None) -> dt.date:
    """The first day of the next month, the usual TMT of a new appointment."""
    day = on or timezone.localdate()
    return (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
