"""Browser: a PPK opens the succession plan of a vacant JPT, nominates a ready successor
from the talent pool and starts the move (a mobility proposal); the operator of the
instansi hands it over and the personnel-action workflow drafts the transfer SK."""

from __future__ import annotations

import datetime as dt

import pytest

from simasn.actions.models import ActionType, PersonnelAction
from simasn.core.interfaces import Interface
from simasn.talent.models import MobilityProposal
from simasn.talent.services import critical_position_designate
from simasn.talent.tests.conftest import assess
from simasn.testing.browser import login, shows, switch_user

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
    shows(page, "Diusulkan", "hari kerja berjalan", "Langkah berikutnya: operator kepegawaian")
    assert page.get_by_role("button", name="Proses sebagai SK").count() == 0  # the PPK does not draft SKs

    # The operator finds it on their worklist and drafts the SK through the actions workflow.
    switch_user(page, live_server, world.operator.username)
    page.goto(f"{live_server.url}/talenta/mobilitas/{proposal.pk}/")
    page.get_by_role("button", name="Proses sebagai SK").click()
    page.get_by_label("TMT pemindahan yang diusulkan").fill(
        (dt.date.today() + dt.timedelta(days=30)).isoformat())
    page.get_by_role("button", name="Simpan").click()
    shows(page, "Konsep SK dibuat", "Diserahkan ke alur SK")
    action = PersonnelAction.objects.get()
    assert (action.action_type, action.employee_id, action.position_id) == (ActionType.TRANSFER, world.talent.pk,
                                                                           world.jpt.pk)
    page.get_by_role("link", name=f"tindakan kepegawaian #{action.pk}").click()
    shows(page, "Rina Bertalenta")
