"""Browser flow: the operator adds a position and proposes formasi, the PPK proposes the plan
after a confirmation page, KemenPANRB reviews and decides, and the decision reads as a
keputusan."""

from __future__ import annotations

from typing import Any

import pytest

from simasn.planning.models import NeedsPlan
from simasn.planning.tests.conftest import YEAR, build_world
from simasn.testing.browser import login, shows

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _logout(page: Any) -> None:
    page.get_by_role("button", name="Keluar", exact=True).click()
    page.wait_for_load_state("networkidle")


def test_plan_from_operator_to_penetapan(live_server: Any, page: Any) -> None:
    world = build_world()
    login(page, live_server, world.operator.username)
    page.get_by_role("link", name="Perencanaan kebutuhan", exact=True).click()
    page.get_by_role("button", name="Susun rencana").click()
    page.get_by_label("Tahun anggaran").fill(str(YEAR))
    # Typed with the Indonesian grouping dots (found in the browser walk: a number input refused them).
    page.get_by_label("Pagu belanja gaji pegawai baru (Rp/tahun)").press_sequentially("1.000.000.000")
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url("**/perencanaan/rencana/*/")
    assert NeedsPlan.objects.get(instansi=world.instansi).budget_ceiling == 1_000_000_000
    page.get_by_label("Jabatan", exact=True).select_option(str(world.position.pk))
    page.get_by_label("Beban kerja setahun (jam), hasil ABK").fill("6250")
    page.get_by_label("Rumpun jabatan").select_option("guru")
    page.get_by_role("button", name="Tambah jabatan").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_test_id("gap").inner_text() == "4"
    page.get_by_label("Jumlah", exact=True).fill("2")
    page.get_by_label("Golongan awal (untuk biaya gaji pokok)").select_option("III/a")
    page.get_by_role("button", name="Simpan usulan").click()
    page.wait_for_load_state("networkidle")
    shows(page, "Usulan formasi disimpan.")
    _logout(page)

    login(page, live_server, world.ppk.username)
    plan = NeedsPlan.objects.get(instansi=world.instansi)
    page.goto(f"{live_server.url}/perencanaan/rencana/{plan.pk}/")
    page.get_by_role("button", name="Usulkan kepada Menteri PANRB").click()
    shows(page, "Selama ditelaah, rencana tidak dapat diubah.")
    page.get_by_role("button", name="Ya, lanjutkan").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_test_id("plan-status").inner_text() == "Diusulkan"
    _logout(page)

    login(page, live_server, world.menpan.username)
    page.goto(f"{live_server.url}/")
    shows(page, "Usulan kebutuhan ASN menunggu penelaahan dan penetapan")
    page.goto(f"{live_server.url}/perencanaan/rencana/{plan.pk}/")
    page.get_by_role("button", name="Simpan telaah").click()
    page.wait_for_load_state("networkidle")
    page.get_by_role("button", name="Tetapkan kebutuhan").click()
    page.get_by_label("Nomor keputusan").fill("B/900/M.SM.01.00/2026")
    page.get_by_label("Nama penandatangan").fill("Rini Widyantini")
    page.get_by_role("button", name="Tetapkan kebutuhan").click()
    page.wait_for_url("**/keputusan/")
    decision = page.get_by_test_id("decision").inner_text()
    assert "NOMOR B/900/M.SM.01.00/2026" in decision and "sebanyak 2 formasi" in decision
