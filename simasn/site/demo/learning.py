"""Demo learning records: Kota Bandung and Kabupaten Kupang (by their operators) and
KemenPANRB (reported by LAN), so compliance shows employees who meet the PNS floor, who
are behind, and PPPK inside and over their contract-year ceiling."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils import timezone

from simasn.accounts.models import User
from simasn.core.interfaces import Interface
from simasn.learning.models import LearningRecord
from simasn.learning.services import learning_record_create
from simasn.personnel.models import Employee
from simasn.site.demo_support import rng

ACTIVITIES = [
    ("PELATIHAN_KLASIKAL", "Pelatihan Kepemimpinan Pengawas", "BPSDM Provinsi Jawa Barat", 900, None),
    ("E_LEARNING", "Literasi Digital ASN", "LAN Corpu", 270, None),
    ("SEMINAR", "Seminar Reformasi Birokrasi Tematik", "KemenPANRB", 225, None),
    ("BIMBINGAN_TEKNIS", "Bimtek Penyusunan SKP", "BKPSDM", 360, None),
    ("COACHING", "Coaching Kinerja oleh Atasan", "Unit kerja", None, Decimal("4")),
    ("KURSUS", "Kursus Bahasa Inggris Dasar", "Lembaga kursus", 720, None),
]
BY = {"KOTA-BANDUNG": "operator.bandung", "KAB-KUPANG": "operator.kupang", "KEMENPANRB": "lan"}


def seed(*, actor: User, stdout: Any) -> None:
    if LearningRecord.objects.exists():
        return
    r = rng("learning")
    today = timezone.localdate()
    for code, username in BY.items():
        user = User.objects.filter(username=username).first()
        if user is None:
            continue
        employees = list(Employee.objects.filter(instansi__code=code, status="AKTIF").order_by("id")[:40])
        for index, employee in enumerate(employees):
            # A third fall behind (one activity); the rest reach 20 JP or more.
            count = 1 if index % 3 == 1 else r.randint(2, 4)
            for n in range(count):
                form, title, provider, minutes, jp = ACTIVITIES[(index + n) % len(ACTIVITIES)]
                end = today - dt.timedelta(days=r.randint(5, 300))
                if employee.employee_type == "PPPK" and employee.contract_start and end < employee.contract_start:
                    end = employee.contract_start + dt.timedelta(days=10)
                if end > today:
                    continue
                learning_record_create(
                    actor=user, interface=Interface.CLI, employee_id=employee.pk, form=form, title=title,
                    provider=provider, start_date=end - dt.timedelta(days=(minutes or 0) // 480),
                    end_date=end, minutes=minutes, jp=jp, assigned=employee.employee_type == "PPPK" or n == 0,
                    assignment_reference=f"800.1/{index + 1:03d}-{n + 1}/BKPSDM",
                    competency=["Kepemimpinan", "Digital", "Pelayanan publik", "Teknis"][n % 4])
    stdout.write(f"    {LearningRecord.objects.count()} learning records")
