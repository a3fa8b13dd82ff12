"""Browser: an employee prepares their development plan, adds a competence gap with the
learning planned for it, links a course they took and sees the need done and the share of
their JP spent on it (issue 16 item 8)."""

from __future__ import annotations

import pytest
from django.utils import timezone

from simasn.accounts.roles import Role
from simasn.core.interfaces import Interface
from simasn.learning.services import learning_record_create
from simasn.testing.browser import login, shows
from simasn.testing.factories import EmployeeFactory, InstansiFactory, user_with_role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_employee_plans_their_development_and_sees_it_done(live_server, page) -> None:
    instansi = InstansiFactory()
    employee = EmployeeFactory(instansi=instansi, name="Rina Maharani")
    me = user_with_role(Role.PEGAWAI, employee=employee)
    operator = user_with_role(Role.OPERATOR, instansi=instansi)
    today = timezone.localdate()
    learning_record_create(actor=operator, interface=Interface.WEB, employee_id=employee.pk, form="KURSUS",
                           title="Kursus Manajemen Data", start_date=today, end_date=today, minutes=360)
    login(page, live_server, me.username)
    page.goto(f"{live_server.url}/pengembangan-kompetensi/saya/")
    page.get_by_role("button", name="Rencana pengembangan saya").click()
    page.get_by_role("button", name="Susun rencana pengembangan").click()
    shows(page, "Rencana pengembangan disusun")
    page.get_by_role("button", name="Tambah kebutuhan pengembangan").click()
    page.get_by_label("Sumber kebutuhan").select_option("COMPETENCE_GAP")
    page.get_by_label("Kompetensi / kebutuhan").fill("Manajemen data kepegawaian")
    page.get_by_label("Level standar jabatan").select_option("3")
    page.get_by_label("Level hasil asesmen").select_option("3")
    page.get_by_label("Sumber data (standar kompetensi jabatan, laporan asesmen)").fill("SKJ; uji kompetensi 2025")
    page.get_by_label("Bentuk pengembangan yang direncanakan").select_option("KURSUS")
    page.get_by_label("JP direncanakan").fill("8")
    page.get_by_role("button", name="Simpan").click()
    shows(page, "tidak ada kesenjangan")  # the refusal, in Indonesian, on the form
    page.get_by_label("Level hasil asesmen").select_option("2")
    page.get_by_role("button", name="Simpan").click()
    shows(page, "Kebutuhan ditambahkan.")
    shows(page, "standar 3, asesmen 2 (kurang 1 level)")
    page.get_by_role("button", name="Tautkan").click()
    shows(page, "Catatan pembelajaran ditautkan")
    assert page.get_by_test_id("gap-share").inner_text().startswith("100")
    shows(page, "1 / 1")
