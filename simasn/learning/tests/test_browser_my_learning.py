"""Browser: an employee sees their JP status, records a course, and sees the status change."""

from __future__ import annotations

import pytest
from django.utils import timezone

from simasn.accounts.roles import Role
from simasn.learning.models import LearningRecord
from simasn.testing.browser import login, shows
from simasn.testing.factories import EmployeeFactory, InstansiFactory, user_with_role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_employee_records_learning_and_sees_the_jp_rule(live_server, page) -> None:
    employee = EmployeeFactory(instansi=InstansiFactory(), name="Dewi Kartika")
    me = user_with_role(Role.PEGAWAI, employee=employee)
    login(page, live_server, me.username)
    page.goto(f"{live_server.url}/pengembangan-kompetensi/saya/")
    shows(page, "PNS paling sedikit 20 JP setahun")
    shows(page, "Belum memenuhi")
    page.get_by_role("button", name="Catat kegiatan").click()
    page.get_by_label("Bentuk pengembangan").select_option("KURSUS")
    page.get_by_label("Nama kegiatan").fill("Kursus Analisis Data")
    day = timezone.localdate().isoformat()
    page.get_by_label("Tanggal mulai").fill(day)
    page.get_by_label("Tanggal selesai").fill(day)
    page.get_by_label("Durasi (menit)").fill("900")
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url("**/pengembangan-kompetensi/")
    shows(page, "20 JP")
    page.goto(f"{live_server.url}/pengembangan-kompetensi/saya/")
    shows(page, "Memenuhi", "Kursus Analisis Data")
    assert LearningRecord.objects.get().jp == 20
