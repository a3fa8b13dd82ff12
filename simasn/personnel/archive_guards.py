"""What an archive would break in the employee register: nobody still in service may be
left in an archived instansi, unit or position, and no position history may stay open on
an archived position (simasn.core.archiving; registered in PersonnelConfig.ready)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from simasn.law.enums import EmployeeStatus
from simasn.organization.models import Instansi, Unit
from simasn.personnel.models import Employee, PositionHistory
from simasn.positions.models import Position

#: Employees still in service (a temporary dismissal keeps the post: UU 20/2023 Pasal 53).
IN_SERVICE = (EmployeeStatus.AKTIF.value, EmployeeStatus.DIBERHENTIKAN_SEMENTARA.value)


def _employees(count: int) -> str:
    if count:
        return _("masih ada %(n)d pegawai yang sedang bertugas di sini; pindahkan atau berhentikan mereka "
                 "lebih dulu melalui tindakan kepegawaian.") % {"n": count}
    return ""


def instansi_has_employees(instansi: Instansi) -> str:
    return _employees(Employee.objects.filter(instansi=instansi, status__in=IN_SERVICE).count())


def unit_has_employees(unit: Unit) -> str:
    return _employees(Employee.objects.filter(unit=unit, status__in=IN_SERVICE).count())


def position_is_held(position: Position) -> str:
    held = _employees(Employee.objects.filter(position=position, status__in=IN_SERVICE).count())
    if held:
        return held
    open_history = PositionHistory.objects.filter(position=position, end_date__isnull=True).count()
    if open_history:
        return _("%(n)d riwayat jabatan pada jabatan ini belum ditutup.") % {"n": open_history}
    return ""
