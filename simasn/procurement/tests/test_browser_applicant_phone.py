"""Browser flow on a phone-sized screen (issue 14, Tests that must exist): an applicant finds
the vacancy without an account, registers, saves the form, uploads the documents, submits and
gets a receipt; the page never needs sideways scrolling."""

from __future__ import annotations

import pytest

from simasn.procurement.models import Application
from simasn.procurement.tests.conftest import NIK_BUDI, PDF
from simasn.testing.browser import close_settled, login, shows

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "rahasia-pelamar-1"


def _fits(page) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"))


def test_an_applicant_registers_and_submits_on_a_phone(live_server, browser, world, settings, tmp_path) -> None:
    settings.MEDIA_ROOT = tmp_path
    context = browser.new_context(locale="id-ID", viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True)
    context.set_default_timeout(15000)
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/pengadaan/")
        assert "Guru Ahli Pertama" in page.content() and _fits(page)

        page.goto(f"{live_server.url}/pengadaan/daftar/")
        page.get_by_label("NIK (16 angka, sesuai KTP)").fill(NIK_BUDI)
        page.get_by_label("Nama lengkap sesuai KTP").fill("Budi Santoso")
        page.get_by_label("Tanggal lahir").fill("1999-03-12")
        page.get_by_label("Jenis kelamin").select_option("L")
        page.get_by_label("Surel").fill("budi@contoh.id")
        page.get_by_label("Kata sandi (paling sedikit 10 karakter)").fill(PASSWORD)
        page.get_by_label("Ulangi kata sandi").fill(PASSWORD)
        assert _fits(page)
        page.get_by_role("button", name="Buat akun").click()
        page.wait_for_load_state("networkidle")

        login(page, live_server, NIK_BUDI, PASSWORD)
        page.goto(f"{live_server.url}/pengadaan/lowongan/{world.vacancy.pk}/lamar/")
        page.get_by_label("Pendidikan terakhir").select_option("S1")
        page.get_by_label("IPK (untuk lulusan perguruan tinggi)").fill("3.41")
        page.get_by_role("button", name="Simpan konsep").click()
        page.get_by_text("Konsep").first.wait_for()
        for doc in ("KTP", "IJAZAH"):
            page.get_by_label("Jenis dokumen").select_option(doc)
            page.get_by_label("Berkas (PDF, JPEG atau PNG)").set_input_files(
                {"name": f"{doc}.pdf", "mimeType": "application/pdf", "buffer": PDF + doc.encode()})
            page.get_by_role("button", name="Unggah").click()
            page.wait_for_load_state("networkidle")
        assert _fits(page)
        page.get_by_role("button", name="Kirim lamaran").click()
        page.wait_for_load_state("networkidle")
        application = Application.objects.get(applicant__nik=NIK_BUDI)
        shows(page, application.receipt_number)
        assert _fits(page)
    finally:
        close_settled(context)
