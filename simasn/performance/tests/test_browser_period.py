"""Browser flow through one period: the employee plans a result cascaded from the
superior's, records evidence and a dialogue; the superior rates; the employee sees the
predikat the law's matrix gives."""

from __future__ import annotations

from typing import Any

import pytest

from simasn.performance import services
from simasn.performance.models import PerformancePlan
from simasn.performance.tests.conftest import WEB
from simasn.testing.browser import html_after, login, shows

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _logout(page: Any) -> None:
    page.get_by_role("button", name="Keluar", exact=True).click()
    page.wait_for_load_state("networkidle")


def test_an_employee_and_a_superior_through_one_period(live_server: Any, page: Any, org: Any, period: Any,
                                                       settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path
    boss_plan = PerformancePlan.objects.get(period=period, employee=org.kabid)
    services.result_add(actor=org.user(org.kabid), interface=WEB, plan=boss_plan,
                        parent=None, organisation_goal="Renstra BKPSDM", text="Mutasi pegawai tepat waktu",
                        indicators=[{"text": "SK mutasi terbit ≤ 14 hari", "kind": "QUANT", "target": "95 %"}])
    employee, boss = org.user(org.staff[0]), org.user(org.kabid)

    login(page, live_server, employee.username)
    page.goto(f"{live_server.url}/kinerja/")
    page.get_by_role("link", name="2025").first.click()
    shows(page, org.kabid.name)
    page.get_by_role("button", name="Tambah rencana hasil kerja").click()
    page.get_by_label("Hasil kerja atasan yang diintervensi").select_option(index=1)
    page.get_by_label("Rencana hasil kerja").fill("Verifikasi berkas mutasi")
    page.get_by_label("Indikator", exact=True).fill("Berkas terverifikasi dalam 3 hari")
    page.get_by_label("Target").fill("100 %")
    page.get_by_role("button", name="Simpan").click()
    shows(page, "Verifikasi berkas mutasi")
    shows(page, "Mutasi pegawai tepat waktu")  # the cascaded superior's result
    page.get_by_role("button", name="Tambah bukti dukung").click()
    page.get_by_label("Uraian bukti dukung").fill("Rekap verifikasi Maret")
    page.get_by_label("Tautan").fill("https://contoh.go.id/rekap-maret")
    page.get_by_role("button", name="Simpan").click()
    shows(page, "Rekap verifikasi Maret")
    page.get_by_role("button", name="Rencanakan dialog").click()
    page.get_by_label("Tanggal rencana").fill("2025-04-10")
    page.get_by_role("button", name="Simpan").click()
    page.get_by_role("link", name="Catat", exact=True).last.click()
    page.get_by_label("Catatan").fill("Target triwulan I tercapai.")
    page.get_by_role("button", name="Simpan").click()
    shows(page, "1 dari 1 dialog telah dilaksanakan")
    _logout(page)

    login(page, live_server, boss.username)
    page.goto(f"{live_server.url}/kinerja/tim/")
    page.get_by_role("link", name=org.staff[0].name).click()
    page.get_by_role("link", name="Nilai").last.click()  # the annual evaluation is the last row
    page.get_by_label("Hasil kerja").select_option("DI_ATAS_EKSPEKTASI")
    page.get_by_label("Perilaku kerja").select_option("SESUAI_EKSPEKTASI")
    page.get_by_role("button", name="Simpan").click()
    shows(page, "Penilaian disimpan")
    _logout(page)

    login(page, live_server, employee.username)
    page.goto(f"{live_server.url}/kinerja/skp/")
    page.get_by_role("link", name=org.staff[0].name).click()
    content = html_after(page, "Di atas ekspektasi")
    assert "Di atas ekspektasi" in content and "<strong>Baik</strong>" in content
    page.screenshot(path=str(tmp_path / "plan.png"), full_page=True)


def test_a_unit_leader_calibrates_their_unit_within_the_limits(live_server: Any, page: Any, org: Any,
                                                               period: Any) -> None:
    """The head of Bidang Mutasi opens the calibration of the unit they lead from the
    performance page, sees the limits the PyB's organisation rating sets fail, rates two of
    the team straight from its list, and sees the unit within the limits — the finalisation is not
    theirs."""
    services.unit_rating_set(actor=org.pyb, interface=WEB, period=period, unit_id=org.bidang.pk, rating="BAIK")
    boss = org.user(org.kabid)
    for employee in org.staff[:4]:
        services.rating_set(actor=boss, interface=WEB, plan=PerformancePlan.objects.get(period=period,
                                                                                      employee=employee),
                            evaluation="TAHUNAN", work_result_rating="SESUAI_EKSPEKTASI",
                            behaviour_rating="SESUAI_EKSPEKTASI")

    login(page, live_server, boss.username)
    page.goto(f"{live_server.url}/kinerja/")
    page.get_by_role("link", name="Bidang Mutasi — 2025").click()
    shows(page, "Kalibrasi Bidang Mutasi", "Distribusi melampaui batas", "Baik paling banyak 70 %")
    # Butuh Perbaikan (the unit must have one) and Sangat Baik: 3 of 5 Baik is within 70 %.
    for link, work_result, behaviour in ((f"Ubah penilaian {org.staff[3].name}", "DI_BAWAH_EKSPEKTASI",
                                          "SESUAI_EKSPEKTASI"),
                                         (f"Nilai {org.staff[4].name}", "DI_ATAS_EKSPEKTASI", "DI_ATAS_EKSPEKTASI")):
        page.get_by_role("link", name=link).click()  # the annual rating, straight from the list
        page.get_by_label("Hasil kerja").select_option(work_result)
        page.get_by_label("Perilaku kerja").select_option(behaviour)
        page.get_by_role("button", name="Simpan").click()
        shows(page, "Penilaian disimpan", "Kalibrasi Bidang Mutasi")  # back on the calibration page
    shows(page, "Distribusi predikat berada dalam batas")
    assert page.get_by_role("link", name="Finalkan penilaian unit").count() == 0
