"""Demo rewards: the year's Satyalancana Karya Satya candidates for Kota Bandung and
KemenPANRB (computed for every PNS, with the discipline record), one proposed by the PPK,
and a motivational award."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from simasn.accounts.models import User
from simasn.core.errors import ApplicationError
from simasn.core.interfaces import Interface
from simasn.organization.models import Instansi
from simasn.personnel.models import Employee
from simasn.rewards import services
from simasn.rewards.models import Award, CandidateState, SatyalancanaCandidate

CLI = Interface.CLI


def seed(*, actor: User, stdout: Any) -> None:
    if SatyalancanaCandidate.objects.exists() or Award.objects.exists():
        return
    today = timezone.localdate()
    for code in ("KOTA-BANDUNG", "KEMENPANRB"):
        instansi = Instansi.objects.filter(code=code).first()
        if instansi is None:
            continue
        result = services.satyalancana_refresh(actor=None, interface=CLI, instansi_id=instansi.pk, on=today)
        stdout.write(f"  Satyalancana {code}: {result['assessed']} PNS dinilai, {result['candidates']} calon\n")
    ppk = User.objects.filter(username="ppk.bandung").first()
    first = SatyalancanaCandidate.objects.filter(instansi__code="KOTA-BANDUNG", state=CandidateState.CALON).first()
    if ppk and first:
        services.satyalancana_propose(actor=ppk, interface=CLI, candidate=first)
    operator = User.objects.filter(username="operator.bandung").first()
    employee = Employee.objects.filter(instansi__code="KOTA-BANDUNG", employee_type="PNS").order_by("id").first()
    if operator and employee:
        try:
            services.award_record(actor=operator, interface=CLI, employee_id=employee.pk,
                                  component="PENGHARGAAN_MOTIVASI", form="NONFINANSIAL",
                                  title="Pegawai Teladan Pelayanan Publik", decision_number="003.1/17-Setda/2026",
                                  decision_date=today.replace(month=1, day=15) if today.month > 1 else today)
        except ApplicationError as error:
            stdout.write(f"  penghargaan dilewati: {error.message[:120]}\n")
