"""BKN moves a selection period on only when every instansi has finished the stage (issue 14:
verification, announcement, the sanggah window of selection.sanggah_deadline, answers and
re-announcement; SKD imported, ranked and announced; SKB imported; final ranked and settled),
and everyone sees what still blocks the move before clicking."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from simasn.accounts.services import api_token_create
from simasn.core.errors import ConflictError
from simasn.core.interfaces import Interface
from simasn.procurement.models import AnnouncementKind, SelectionPeriod, Stage
from simasn.procurement.readiness import period_blockers
from simasn.procurement.services import announcements, portal, registration, selection, verification

from .conftest import NIK_SITI, PDF
from .test_selection import _announce, _skb_import, skd_done  # noqa: F401  (the fixture)
from .test_verification import _tms, submitted  # noqa: F401  (the fixture)

W = Interface.WEB


def _codes(world, on):
    return [b.code for b in period_blockers(SelectionPeriod.objects.get(pk=world.period.pk), on=on)]


def _advance(world, stage, on):
    return portal.period_advance(actor=world.bkn, interface=W, period_id=world.period.pk, to_stage=stage, on=on)


def _refusal(world, stage, on) -> ConflictError:
    with pytest.raises(ConflictError) as refused:
        _advance(world, stage, on)
    assert refused.value.code == "stage_not_finished"
    SelectionPeriod.objects.get(pk=world.period.pk, stage=STAGE_BEFORE[stage])  # not moved
    return refused.value


STAGE_BEFORE = {Stage.SKD: Stage.VERIFICATION, Stage.SKB: Stage.SKD, Stage.FINAL: Stage.SKB,
                Stage.APPOINTMENT: Stage.FINAL}


def _publish(world, kind, on):
    return announcements.announcement_publish(actor=world.panitia, interface=W, period_id=world.period.pk,
                                              instansi_id=world.bandung.pk, kind=kind, on=on)


def test_verification_holds_until_verified_announced_and_every_sanggah_settled(world, submitted):  # noqa: F811
    refused = _refusal(world, Stage.SKD, dt.date(2024, 9, 19))
    assert [b["code"] for b in refused.details["blockers"]] == ["unverified", "not_announced"]
    assert "Pemerintah Kota Bandung: 1 lamaran belum diverifikasi." in refused.message
    _tms(world, submitted)
    assert _codes(world, dt.date(2024, 9, 19)) == ["not_announced"]
    announced = _publish(world, AnnouncementKind.ADMINISTRASI, dt.date(2024, 9, 19))
    # The window is 20-22 Sep 2024 (3 calendar days from the day after): its last day still blocks.
    assert _codes(world, dt.date(2024, 9, 22)) == ["sanggah_window_open"]
    assert "Masa sanggah atas pengumuman 001/PANSEL-ADM/KOTA-BDG/2024 masih berjalan sampai dengan 22/09/2024." \
        in _refusal(world, Stage.SKD, dt.date(2024, 9, 22)).message
    assert _codes(world, dt.date(2024, 9, 23)) == []
    sanggah = verification.sanggah_file(actor=submitted.applicant.user, interface=W, application_id=submitted.pk,
                                        reason="Ijazah sudah dilegalisasi", on=dt.date(2024, 9, 21))
    assert _codes(world, dt.date(2024, 9, 23)) == ["sanggah_unanswered"]
    verification.sanggah_answer(actor=world.panitia, interface=W, sanggah_id=sanggah.pk, accepted=True,
                                answer="Legalisasi diterima", on=dt.date(2024, 9, 24))
    # Upheld: the result changed, so it is announced again before the selection goes on.
    assert _codes(world, dt.date(2024, 9, 25)) == ["reannouncement_due"]
    again = _publish(world, AnnouncementKind.ADMINISTRASI, dt.date(2024, 9, 26))
    assert again.version == 2 and announced.number != again.number
    assert _advance(world, Stage.SKD, dt.date(2024, 9, 26)).stage == Stage.SKD
    # In the SKD the (now eligible) applicant holds the period until imported, ranked, announced.
    assert _codes(world, dt.date(2024, 11, 1)) == ["skd_not_imported", "skd_not_ranked", "not_announced"]


def test_a_rejected_sanggah_needs_no_reannouncement(world, submitted):  # noqa: F811
    _tms(world, submitted)
    _publish(world, AnnouncementKind.ADMINISTRASI, dt.date(2024, 9, 19))
    sanggah = verification.sanggah_file(actor=submitted.applicant.user, interface=W, application_id=submitted.pk,
                                        reason="Ijazah sudah dilegalisasi", on=dt.date(2024, 9, 20))
    verification.sanggah_answer(actor=world.panitia, interface=W, sanggah_id=sanggah.pk, accepted=False,
                                answer="Legalisasi tidak dilampirkan", on=dt.date(2024, 9, 24))
    assert _advance(world, Stage.SKD, dt.date(2024, 9, 24)).stage == Stage.SKD


def test_skd_skb_and_final_stages_hold_until_their_results_are_in(world, skd_done):  # noqa: F811
    on = world.today
    assert _codes(world, on) == ["skd_not_ranked", "not_announced"]  # imported by the fixture
    selection.skd_rank(actor=world.bkn, interface=W, period_id=world.period.pk)
    assert _codes(world, on) == ["not_announced"]
    _announce(world, AnnouncementKind.SKD)
    _advance(world, Stage.SKB, on)
    assert [b["code"] for b in _refusal(world, Stage.FINAL, on).details["blockers"]] == ["skb_not_imported"]
    _skb_import(world)
    _advance(world, Stage.FINAL, on)
    assert _codes(world, on) == ["final_not_ranked", "not_announced"]
    selection.final_rank(actor=world.panitia, interface=W, period_id=world.period.pk, instansi_id=world.bandung.pk)
    _publish(world, AnnouncementKind.FINAL, on)
    # The final result has its own sanggah window (selection.sanggah_deadline, from the next day).
    assert _codes(world, on + dt.timedelta(days=3)) == ["sanggah_window_open"]
    assert _advance(world, Stage.APPOINTMENT, on + dt.timedelta(days=4)).stage == Stage.APPOINTMENT


def _kupang_application(world, register):
    applicant = register(nik=NIK_SITI, birth=dt.date(1980, 5, 17), sex="P", name="Siti Aminah")
    user = applicant.user
    registration.draft_save(actor=user, interface=W, period_id=world.period.pk, vacancy_id=world.vacancy_kupang.pk,
                            data={"education_level": "D3"})
    for doc in ("KTP", "IJAZAH"):
        registration.document_upload(actor=user, interface=W, period_id=world.period.pk, doc_type=doc,
                                     content=PDF + f"kupang-{doc}".encode())
    application, _created = registration.application_submit(actor=user, interface=W, period_id=world.period.pk,
                                                             idempotency_key="k-stage-kupang")
    return application


def test_the_period_page_lists_what_blocks_the_move_to_each_viewer_in_scope(world, register, ready_applicant):
    registration.application_submit(actor=ready_applicant.user, interface=W, period_id=world.period.pk,
                                    idempotency_key="k-stage-bandung")
    _kupang_application(world, register)
    portal.period_advance(actor=world.bkn, interface=W, period_id=world.period.pk, to_stage=Stage.VERIFICATION)
    url = f"/pengadaan/periode/{world.period.pk}/"
    pages = {}
    for name in ("bkn", "panitia", "panitia_kupang"):
        client = Client()
        client.force_login(getattr(world, name))
        pages[name] = client.get(url)
    bkn = pages["bkn"].content.decode()
    # BKN: both instansi, and no "next stage" button while something blocks.
    assert [b.instansi for b in pages["bkn"].context["blockers"]] == [
        "Pemerintah Kabupaten Kupang", "Pemerintah Kabupaten Kupang", "Pemerintah Kota Bandung",
        "Pemerintah Kota Bandung"]
    assert 'data-testid="stage-blockers"' in bkn and "1 lamaran belum diverifikasi." in bkn
    assert f"/pengadaan/periode/{world.period.pk}/lanjut/" not in bkn
    # Each committee sees its own instansi's unfinished steps only.
    assert {b.instansi for b in pages["panitia"].context["blockers"]} == {"Pemerintah Kota Bandung"}
    assert {b.instansi for b in pages["panitia_kupang"].context["blockers"]} == {"Pemerintah Kabupaten Kupang"}
    # The committee's results page, where it does the work, shows the same list and only the
    # steps this stage allows.
    client = Client()
    client.force_login(world.panitia_kupang)
    results = client.get(f"/pengadaan/periode/{world.period.pk}/hasil/")
    assert {b.instansi for b in results.context["blockers"]} == {"Pemerintah Kabupaten Kupang"}
    body = results.content.decode()
    assert 'data-testid="stage-blockers"' in body and "/umumkan/ADMINISTRASI/" in body
    assert "/umumkan/FINAL/" not in body and 'value="final_rank"' not in body and 'value="skd_rank"' not in body
    # Typing the address of the move leads back to the list, with the reason.
    client = Client()
    client.force_login(world.bkn)
    response = client.get(f"/pengadaan/periode/{world.period.pk}/lanjut/", follow=True)
    assert response.redirect_chain[-1][0] == url and "belum selesai" in response.content.decode()


def test_the_api_refuses_the_move_in_the_one_error_shape_with_the_list(world, submitted):  # noqa: F811
    _token, raw = api_token_create(actor=world.bkn, interface=W, name="seleksi")
    response = Client(enforce_csrf_checks=True).post(
        f"/api/v1/procurement/periods/{world.period.pk}/stage", {"to_stage": "SKD"},
        content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 409
    error = response.json()["error"]
    assert error["code"] == "stage_not_finished" and "belum selesai" in error["message"]
    assert error["details"]["blockers"][0] == {
        "code": "unverified", "instansi_id": world.bandung.pk, "instansi": "Pemerintah Kota Bandung",
        "message": "1 lamaran belum diverifikasi."}
