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
from simasn.learning.development import (
    development_need_add,
    development_plan_prepare,
    development_record_link,
)
from simasn.learning.models import DevelopmentPlan, LearningRecord, NeedSource
from simasn.learning.services import learning_record_create
from simasn.performance.models import Rating
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
    if not LearningRecord.objects.exists():
        _records()
    _development_plans(stdout)
    stdout.write(f"    {LearningRecord.objects.count()} learning records")


def _records() -> None:
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


def _development_plans(stdout: Any) -> None:
    """Development plans (issue 16 item 8) in Kota Bandung: pegawai.bandung's plan for this
    year — a competence gap of the position and a need from performance, one done through a
    linked course — and the plans of the BKPSDM staff whose 2025 rating named a need."""
    if DevelopmentPlan.objects.exists():
        return
    operator = User.objects.filter(username="operator.bandung").first()
    me = User.objects.filter(username="pegawai.bandung").first()
    if operator is None or me is None or me.employee is None:
        return
    year = timezone.localdate().year
    plan = development_plan_prepare(actor=me, interface=Interface.CLI, employee_id=me.employee.pk, year=year)
    gap = development_need_add(
        actor=operator, interface=Interface.CLI, plan=plan, source=NeedSource.COMPETENCE_GAP,
        competency="Pengelolaan data kepegawaian", standard_level=3, assessed_level=2,
        evidence="Standar kompetensi jabatan Analis SDM Aparatur; laporan uji kompetensi BKPSDM 2025",
        planned_form="BIMBINGAN_TEKNIS", planned_jp=Decimal("6"))
    development_need_add(
        actor=me, interface=Interface.CLI, plan=plan, source=NeedSource.PERFORMANCE,
        competency="Pelayanan publik berbasis data", evidence="Dialog kinerja triwulan I",
        planned_form="E_LEARNING", planned_jp=Decimal("6"))
    record = (LearningRecord.objects.filter(employee=me.employee, end_date__year=year, form="BIMBINGAN_TEKNIS")
              .first() or LearningRecord.objects.filter(employee=me.employee, end_date__year=year).first())
    if record is None:
        day = timezone.localdate() - dt.timedelta(days=20)
        record = learning_record_create(
            actor=operator, interface=Interface.CLI, employee_id=me.employee.pk, form="BIMBINGAN_TEKNIS",
            title="Bimtek Pengelolaan Data Kepegawaian", provider="BKPSDM", start_date=day, end_date=day,
            minutes=360, assigned=True, assignment_reference="800.1/DEMO/BKPSDM")
    development_record_link(actor=me, interface=Interface.CLI, need=gap, record=record)
    # Those whose rating in the closed year named a need get it in this year's plan.
    named = (Rating.objects.filter(plan__instansi__code="KOTA-BANDUNG", plan__period__year=year - 1)
             .exclude(development_needs=[]).exclude(plan__employee_id=me.employee.pk)
             .values_list("plan__employee_id", flat=True).distinct())
    for employee_id in sorted(set(named))[:12]:
        development_plan_prepare(actor=operator, interface=Interface.CLI, employee_id=employee_id, year=year)
    stdout.write(f"    {DevelopmentPlan.objects.count()} development plans")
