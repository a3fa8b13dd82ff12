"""Browser: a PPK opens the succession plan of a vacant JPT, nominates a ready successor
from the talent pool and starts the move (a mobility proposal to hand over as an SK)."""

from __future__ import annotations

import datetime as dt

import pytest

from simasn.core.interfaces import Interface
from simasn.talent.models import MobilityProposal
from simasn.talent.services import critical_position_designate
from simasn.talent.tests.conftest import assess
from simasn.testing.browser import login, shows

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_ppk_finds_a_ready_successor_for_a_vacant_jpt_and_starts_the_transfer(live_server, page, world,
                                                                               performance) -> None:
    critical_position_designate(actor=world.ppk, interface=Interface.WEB, position_id=world.jpt.pk,
                                reason="Kepala dinas layanan dasar")
    assess(world.operator, world.talent, "93")
    performance[(world.talent.pk, dt.date.today().year - 1)] = "SANGAT_BAIK"

    login(page, live_server, world.ppk.username)
    page.goto(f"{live_server.url}/talenta/suksesi/")
    shows(page, "0 / 1", "Lowong")
    page.get_by_role("link", name="Kepala Dinas Kesehatan").click()
    row = page.get_by_role("row", name="Rina Bertalenta")
    row.get_by_label("Kesiapan").select_option("SIAP_SEKARANG")
    row.get_by_role("button", name="Calonkan").click()
    page.wait_for_load_state("networkidle")
    shows(page, "Calon suksesor dicatat")
    page.get_by_role("button", name="Usulkan pengisian").click()
    page.wait_for_load_state("networkidle")
    shows(page, "Kotak 9")
    page.get_by_label("Alasan (berdasarkan data talenta)").fill("Suksesor siap sekarang untuk jabatan lowong")
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url("**/talenta/mobilitas/*/")
    proposal = MobilityProposal.objects.get()
    assert (proposal.employee_id, proposal.target_position_id, proposal.kind) == (world.talent.pk, world.jpt.pk,
                                                                                 "DALAM_INSTANSI")
    shows(page, "Diusulkan", "hari kerja berjalan")
