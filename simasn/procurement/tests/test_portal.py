"""The public portal (Pasal 37) and opening vacancies only from a decided formasi (Pasal 65-66)."""

from __future__ import annotations

import pytest
from django.test import Client

from simasn.core.errors import ApplicationError, ConflictError, PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.core.providers import PROVIDERS
from simasn.procurement.models import Stage
from simasn.procurement.services import portal
from simasn.testing.factories import PositionFactory, UnitFactory


def test_anyone_finds_open_vacancies_without_an_account(world):
    page = Client().get("/pengadaan/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Guru Ahli Pertama" in text and "Perawat Terampil" in text
    assert "2 lowongan ditemukan" in text


def test_search_and_filters_narrow_the_list(world):
    client = Client()
    assert "Perawat Terampil" not in client.get("/pengadaan/", {"q": "guru"}).content.decode()
    only_special = client.get("/pengadaan/", {"formasi_type": "DISABILITAS"}).content.decode()
    assert "Perawat Terampil" in only_special and "Guru Ahli Pertama" not in only_special
    assert "1 lowongan ditemukan" in client.get("/pengadaan/", {"education": "keperawatan"}).content.decode()


def test_a_vacancy_page_lists_its_requirements_and_documents(world):
    page = Client().get(f"/pengadaan/lowongan/{world.vacancy.pk}/").content.decode()
    assert "S-1 Pendidikan Matematika" in page
    assert "KTP elektronik" in page and "Ijazah" in page


def test_vacancies_of_a_closed_registration_are_not_public(world):
    portal.period_advance(actor=world.bkn, interface=Interface.WEB, period_id=world.period.pk,
                          to_stage=Stage.VERIFICATION)
    assert "Guru Ahli Pertama" not in Client().get("/pengadaan/").content.decode()
    assert Client().get(f"/pengadaan/lowongan/{world.vacancy.pk}/").status_code == 404


def test_the_public_list_exports_csv_without_an_account(world):
    response = Client().get("/pengadaan/", {"format": "csv"})
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8-sig") if response.streaming else response.content.decode("utf-8-sig")
    assert "Guru Ahli Pertama" in body and "Perawat Terampil" in body


def test_a_vacancy_needs_a_decided_formasi(world):
    position = PositionFactory(unit=UnitFactory(instansi=world.bandung))
    with pytest.raises(ApplicationError) as refused:
        portal.vacancy_open(actor=world.operator, interface=Interface.WEB, period_id=world.period.pk,
                            position_id=position.pk, formasi_type="UMUM", seats=1, education="S-1")
    assert refused.value.code == "formasi_not_decided"


def test_an_operator_opens_vacancies_of_their_own_instansi_only(world):
    with pytest.raises(PermissionDeniedError):
        portal.vacancy_open(actor=world.operator, interface=Interface.WEB, period_id=world.period.pk,
                            position_id=world.perawat.pk, formasi_type="UMUM", seats=1, education="D-3",
                            formasi_decision="Kep. uji")


def test_the_same_position_and_type_is_opened_once_per_period(world):
    with pytest.raises(ConflictError):
        portal.vacancy_open(actor=world.operator, interface=Interface.WEB, period_id=world.period.pk,
                            position_id=world.guru.pk, formasi_type="UMUM", seats=1, education="S-1",
                            formasi_decision="Kep. uji")


@pytest.fixture
def planning(monkeypatch, world):
    rows = [{"id": 77, "fiscal_year": 2024, "instansi_id": world.bandung.pk, "position_id": world.guru.pk,
             "employee_type": "PNS", "formasi_type": "LULUSAN_TERBAIK", "count": 3, "decided_on": world.today}]
    monkeypatch.setitem(PROVIDERS, "planning.approved_formasi", "simasn.procurement.tests.test_portal.fake_formasi")
    fake_formasi.rows = rows  # type: ignore[attr-defined]
    return rows


def fake_formasi(*, fiscal_year, instansi_ids=None):
    return [r for r in fake_formasi.rows  # type: ignore[attr-defined]
            if r["fiscal_year"] == fiscal_year and (instansi_ids is None or r["instansi_id"] in instansi_ids)]


def test_a_vacancy_from_the_planning_formasi_keeps_its_reference_and_seat_limit(world, planning):
    with pytest.raises(ApplicationError) as too_many:
        portal.vacancy_open(actor=world.operator, interface=Interface.WEB, period_id=world.period.pk,
                            position_id=world.guru.pk, formasi_type="LULUSAN_TERBAIK", seats=4, education="S-1",
                            formasi_ref=77)
    assert too_many.value.code == "formasi_exceeded"
    with pytest.raises(ApplicationError) as unknown:
        portal.vacancy_open(actor=world.operator, interface=Interface.WEB, period_id=world.period.pk,
                            position_id=world.guru.pk, formasi_type="LULUSAN_TERBAIK", seats=1, education="S-1",
                            formasi_ref=78)
    assert unknown.value.code == "formasi_not_decided"
    vacancy = portal.vacancy_open(actor=world.operator, interface=Interface.WEB, period_id=world.period.pk,
                                  position_id=world.guru.pk, formasi_type="LULUSAN_TERBAIK", seats=3,
                                  education="S-1", formasi_ref=77)
    assert vacancy.formasi_ref == 77 and vacancy.formasi_decided_on == world.today


def test_stages_only_move_forward_one_at_a_time(world):
    # Skipping a stage would skip the checks that it is finished.
    with pytest.raises(ConflictError) as skipped:
        portal.period_advance(actor=world.bkn, interface=Interface.WEB, period_id=world.period.pk, to_stage=Stage.SKD)
    assert skipped.value.code == "wrong_stage"
    portal.period_advance(actor=world.bkn, interface=Interface.WEB, period_id=world.period.pk,
                          to_stage=Stage.VERIFICATION)
    with pytest.raises(ConflictError):
        portal.period_advance(actor=world.bkn, interface=Interface.WEB, period_id=world.period.pk,
                              to_stage=Stage.OPEN)
    with pytest.raises(PermissionDeniedError):
        portal.period_advance(actor=world.operator, interface=Interface.WEB, period_id=world.period.pk,
                              to_stage=Stage.SKB)


def test_staff_see_periods_and_their_vacancies(world):
    client = Client()
    client.force_login(world.panitia)
    assert "Seleksi CPNS 2024" in client.get("/pengadaan/periode/").content.decode()
    detail = client.get(f"/pengadaan/periode/{world.period.pk}/").content.decode()
    # The panitia of Bandung sees its own instansi's vacancies only.
    assert "Guru Ahli Pertama" in detail and "Perawat Terampil" not in detail


def test_bkn_moves_a_period_to_its_next_stage_from_the_page_after_confirming(world):
    """Found in the new-user walk: no page or button moved a period on, so a selection could
    not be run to appointment from the web."""
    client = Client(enforce_csrf_checks=False)
    client.force_login(world.operator)
    page = client.get(f"/pengadaan/periode/{world.period.pk}/").content.decode()
    assert "Pendaftaran dibuka" in page and f"/pengadaan/periode/{world.period.pk}/lanjut/" not in page
    assert client.post(f"/pengadaan/periode/{world.period.pk}/lanjut/").status_code == 403
    client.force_login(world.bkn)
    page = client.get(f"/pengadaan/periode/{world.period.pk}/").content.decode()
    assert "Lanjut ke tahap Verifikasi administrasi" in page
    question = client.get(f"/pengadaan/periode/{world.period.pk}/lanjut/").content.decode()
    assert "tidak dapat dikembalikan" in question
    world.period.refresh_from_db()
    assert world.period.stage == Stage.OPEN  # asking changes nothing
    response = client.post(f"/pengadaan/periode/{world.period.pk}/lanjut/")
    assert response.status_code == 302
    world.period.refresh_from_db()
    assert world.period.stage == Stage.VERIFICATION
