"""The coordinator runs a whole cycle in the browser and each participant does its part:
create → agenda → drafts (forms) → submit → meeting (delegated) → decisions → berita acara →
three signatures → verification → coordination → realization."""

from __future__ import annotations

from typing import Any

import pytest

from simasn.testing.browser import switch_user
from simasn.workplans import pdf
from simasn.workplans.models import BeritaAcara, Cycle, Realization
from simasn.workplans.overlap import glossary, store
from simasn.workplans.tests.conftest import make_policy

pytestmark = [pytest.mark.long, pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ACTIVITY = {
    "bkn": "Penyusunan regulasi manajemen talenta ASN secara nasional",
    "kemenpanrb": "Penyusunan kebijakan manajemen talenta nasional ASN",
    "lan": "Pelatihan kepemimpinan nasional bagi pejabat pimpinan tinggi",
}


def _flash(page: Any) -> str:
    return " | ".join(page.locator(".flash").all_inner_texts())


def _as(page: Any, live_server: Any, username: str) -> None:
    switch_user(page, live_server, username)


def test_coordinator_runs_a_cycle_end_to_end(users: Any, live_server: Any, page: Any) -> None:
    make_policy(users.minister, 2025, 2029)
    # The baseline detector is read once per process (trained, ~30 s, when the shipped file is
    # stale): here, not inside the request that opens the meeting, which the browser waits on
    # for at most 15 s.
    store.baseline(glossary.seed())
    page.on("dialog", lambda dialog: dialog.accept())
    _as(page, live_server, "menpan")
    page.goto(f"{live_server.url}/sinkronisasi/")
    page.get_by_role("button", name="Siklus baru").click()
    page.get_by_label("Judul").fill("Sinkronisasi Renja 2027")
    page.get_by_label("Cakupan rencana (Pasal 2 ayat (2))").select_option("TAHUNAN")
    page.get_by_label("Tahun awal").fill("2027")
    page.get_by_label("Tahun akhir").fill("2027")
    page.get_by_label("Tanggal siklus (menentukan peserta)").fill("2025-11-03")
    page.get_by_label("Jadwal mulai").fill("2025-11-03")
    page.get_by_label("Jadwal selesai").fill("2026-02-27")
    page.get_by_label("Arah Kebijakan (ditetapkan)").select_option(index=1)
    page.get_by_role("button", name="Simpan").click()
    assert "BKN, LAN, KemenPANRB (koordinator)" in page.locator("dl.facts").inner_text()
    cycle_url = page.url
    page.get_by_role("button", name="Kirim agenda").click()
    page.get_by_label("Nomor surat").fill("B/990/SM.01.00/2025")
    page.get_by_label("Tanggal surat").fill("2025-11-03")  # the deadline must follow it (issue 12 item 8)
    page.get_by_label("Batas pengiriman rancangan").fill("2025-11-24")
    page.get_by_role("button", name="Simpan").click()
    assert "Agenda dikirim" in _flash(page)

    for code, name in ACTIVITY.items():
        _as(page, live_server, f"perencana.{code}")
        page.goto(cycle_url)
        page.locator("#rancangan").get_by_role("link").first.click()
        page.get_by_text("Tambah program", exact=True).first.click()
        page.get_by_label("Kode program").fill("PR1")
        page.get_by_label("Program", exact=True).fill("Program Manajemen ASN")
        page.get_by_label("Program Arah Kebijakan").select_option(index=1)
        page.get_by_role("button", name="Tambah program").click()
        page.get_by_text("Tambah kegiatan", exact=True).first.click()
        page.get_by_label("Kode kegiatan").fill(f"{code.upper()}-1")
        page.get_by_label("Kegiatan", exact=True).fill(name)
        page.get_by_label("Indikator Arah Kebijakan").select_option(index=1)
        page.get_by_label("Keluaran").fill("Dokumen")
        page.get_by_label("Target", exact=True).fill("1")
        page.get_by_label("Satuan target").fill("dokumen")
        page.get_by_label("Anggaran (Rp)").fill("1000000000")
        page.get_by_label("Unit penanggung jawab").fill("Biro Perencanaan")
        page.get_by_role("button", name="Tambah kegiatan").click()
        assert "Kegiatan ditambahkan" in _flash(page)
        page.get_by_label("Catatan atas evaluasi periode sebelumnya").fill("LAKIP 2025 diperhatikan.")
        page.get_by_role("button", name="Simpan tautan").click()
        page.get_by_role("button", name="Kirim kepada Menteri (Pasal 5 ayat (4))").click()
        assert "dikirim kepada Menteri" in _flash(page)

    _as(page, live_server, "menpan")
    page.goto(cycle_url)
    page.get_by_role("button", name="Buka pertemuan").click()
    page.get_by_label("Cara (Pasal 5 ayat (5) huruf b)").select_option("LURING")
    page.get_by_label("Tempat").fill("Kementerian PANRB, Jakarta")
    page.get_by_label("Pelaksanaan teknis didelegasikan kepada JPT madya (Pasal 6)").check()
    page.get_by_label("Nama pejabat delegasi").fill("Deputi SDM Aparatur")
    page.get_by_label("Jabatan pejabat delegasi").fill("Pimpinan tinggi madya")
    page.get_by_label("Nomor surat delegasi").fill("ND/12/2025")
    page.get_by_role("button", name="Simpan").click()
    assert "Pertemuan dibuka" in _flash(page)
    attendance = page.locator("form.wp-inline:has(input[name=representative])")
    for index in range(attendance.count()):
        form = attendance.nth(index)
        form.locator("input[name=present]").check()
        form.locator("input[name=representative]").fill("Kepala Biro Perencanaan")
        form.get_by_role("button", name="Simpan").click()
    decisions = page.locator("form.wp-inline:has(select[name=decision])")
    assert decisions.count() == 1  # the two talent policies of BKN and KemenPANRB
    decisions.first.locator("select[name=decision]").select_option("MERGE")
    decisions.first.locator("select[name=subject]").select_option("B")
    decisions.first.get_by_role("button", name="Catat keputusan").click()
    page.get_by_label("Nomor berita acara").fill("BA/03/SM.01.00/2025")
    page.get_by_role("button", name="Selesaikan dan buat berita acara").click()
    assert "berita acara dibuat" in _flash(page)

    for code in ("kemenpanrb", "bkn", "lan"):
        _as(page, live_server, f"sekretariat.{code}")
        page.goto(cycle_url)
        page.get_by_role("button", name="Tandatangani secara elektronik").click()
        assert "ditandatangani" in _flash(page)
    cycle = Cycle.objects.get(title="Sinkronisasi Renja 2027")
    ba = BeritaAcara.objects.get(cycle=cycle)
    assert ba.is_sealed and all(check.ok for check in pdf.verify_pdf(ba.pdf.open("rb").read()))

    _as(page, live_server, "menpan")
    page.goto(cycle_url)
    page.get_by_role("link", name="Verifikasi tanda tangan dan SHA-256").click()
    table = page.locator("#hasil-verifikasi").inner_text()
    assert table.count("TTD_") == 3 and "TIDAK" not in table
    page.goto(cycle_url)
    page.get_by_role("button", name="Kirim kepada Bappenas/Kemenkeu").click()
    page.get_by_label("Nomor surat").fill("B/1000/PR.01/2026")
    page.get_by_label("Menteri Keuangan").uncheck()
    page.get_by_role("button", name="Simpan").click()
    assert "tembusan kepada Presiden" in _flash(page)

    _as(page, live_server, "bappenas")
    page.goto(f"{live_server.url}/sinkronisasi/kiriman/")
    assert "B/1000/PR.01/2026" in page.locator("table").inner_text()
    _as(page, live_server, "kemenkeu")
    page.goto(f"{live_server.url}/sinkronisasi/kiriman/")
    assert "B/1000/PR.01/2026" not in page.locator("table").inner_text()

    _as(page, live_server, "perencana.lan")
    page.goto(f"{cycle_url.rstrip('/')}/pemantauan/?tahun=2027")
    form = page.locator("form.wp-inline:has(input[name=target_realized])").first
    form.locator("input[name=target_realized]").fill("0.5")
    form.locator("input[name=budget_realized]").fill("300000000")
    form.get_by_role("button", name="Catat").click()
    assert "Realisasi dicatat" in _flash(page)
    assert Realization.objects.filter(activity__program__draft__cycle=cycle).count() == 1
