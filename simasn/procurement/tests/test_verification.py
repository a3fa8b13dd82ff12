"""Verification per document, the announcement, sanggah within the law's window and its
answer, the re-announcement (issue 14 item 6)."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
from pathlib import Path

import pytest
from django.test import Client
from pypdf import PdfReader

from simasn.core.errors import ApplicationError, ConflictError, PermissionDeniedError
from simasn.core.interfaces import Interface
from simasn.procurement.models import AnnouncementKind, SanggahStatus, Stage, Verdict
from simasn.procurement.services import announcements, portal, registration, verification
from simasn.web.formatting import date_time

ARTEFACTS = Path(__file__).resolve().parents[3] / "var" / "test-artefacts" / "announcements"


@pytest.fixture
def submitted(world, ready_applicant):
    application, _created = registration.application_submit(
        actor=ready_applicant.user, interface=Interface.WEB, period_id=world.period.pk, idempotency_key="k-verify-001")
    portal.period_advance(actor=world.bkn, interface=Interface.WEB, period_id=world.period.pk,
                          to_stage=Stage.VERIFICATION)
    return application


def _tms(world, application):
    return verification.application_verify(
        actor=world.panitia, interface=Interface.WEB, application_id=application.pk,
        verdicts={"KTP": ("MS", ""), "IJAZAH": ("TMS", "Ijazah tidak dilegalisasi")})


def test_a_document_found_wanting_needs_a_reason(world, submitted):
    with pytest.raises(ApplicationError) as refused:
        verification.application_verify(actor=world.panitia, interface=Interface.WEB, application_id=submitted.pk,
                                        verdicts={"KTP": ("MS", ""), "IJAZAH": ("TMS", "")})
    assert "IJAZAH" in refused.value.fields
    application = _tms(world, submitted)
    assert application.admin_verdict == Verdict.TMS
    assert application.admin_reason == "Ijazah: Ijazah tidak dilegalisasi"


def test_only_the_vacancys_instansi_verifies(world, submitted):
    with pytest.raises(PermissionDeniedError):
        verification.application_verify(actor=world.panitia_kupang, interface=Interface.WEB,
                                        application_id=submitted.pk, verdicts={"KTP": ("MS", ""), "IJAZAH": ("MS", "")})


def test_announcement_text_follows_tata_naskah_dinas(world, submitted):
    _tms(world, submitted)
    announcement = announcements.announcement_publish(
        actor=world.panitia, interface=Interface.WEB, period_id=world.period.pk, instansi_id=world.bandung.pk,
        kind=AnnouncementKind.ADMINISTRASI, on=dt.date(2024, 9, 19))
    lines = announcement.text.splitlines()
    assert lines[:8] == ["PEMERINTAH KOTA BANDUNG", "", "PENGUMUMAN", "NOMOR 001/PANSEL-ADM/KOTA-BDG/2024",
                         "TENTANG", "HASIL SELEKSI ADMINISTRASI", "SELEKSI CPNS 2024",
                         "DI LINGKUNGAN PEMERINTAH KOTA BANDUNG"]
    # The sanggah window the law sets: 3 calendar days from the day after the announcement.
    assert ("Pelamar yang dinyatakan tidak memenuhi syarat dapat mengajukan sanggah melalui portal seleksi "
            "pada tanggal 20 September 2024 sampai dengan 22 September 2024.") in lines
    # Signed by the PPK in office on the announcement's date.
    # Signed by the PPK in office on the announcement's date, in the pengumuman's signature form.
    assert lines[-5:] == ["Dikeluarkan di Bandung", "pada tanggal 19 September 2024", "Wali Kota Bandung,",
                          "ditandatangani secara elektronik", "Muhammad Farhan"]
    pdf = Client().get(f"/pengadaan/pengumuman/{announcement.pk}.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    # For a person to look at, like the decrees (var/test-artefacts/; pdftoppm comes with make test).
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    (ARTEFACTS / "announcement-adm.pdf").write_bytes(pdf.content)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", str(ARTEFACTS / "announcement-adm.pdf"),
                    str(ARTEFACTS / "announcement-adm")], check=True)
    # Every page says where anyone checks it; the public list finds it by that number.
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages]
    assert all("Periksa keasliannya di" in text and "001/PANSEL-ADM/KOTA-BDG/2024" in text for text in pages)
    listing = Client().get("/pengadaan/pengumuman/", {"q": "001/PANSEL-ADM/KOTA-BDG/2024"}).content.decode()
    assert f"/pengadaan/pengumuman/{announcement.pk}" in listing and "19/09/2024" in listing
    # Signed like the berita acara, and anyone (no login) checks it.
    check = Client().get(f"/pengadaan/pengumuman/{announcement.pk}/periksa/")
    assert check.status_code == 200
    assert check.context["genuine"] is True
    assert [c["ok"] for c in check.context["checks"]] == [True]
    assert announcement.sha256 in check.content.decode()


def test_sanggah_inside_the_window_is_answered_and_reannounced(world, submitted):
    _tms(world, submitted)
    announced_on = dt.date(2024, 9, 19)
    announcements.announcement_publish(actor=world.panitia, interface=Interface.WEB, period_id=world.period.pk,
                                       instansi_id=world.bandung.pk, kind=AnnouncementKind.ADMINISTRASI, on=announced_on)
    user = submitted.applicant.user
    with pytest.raises(ConflictError) as late:
        verification.sanggah_file(actor=user, interface=Interface.WEB, application_id=submitted.pk,
                                  reason="Ijazah sudah dilegalisasi", on=dt.date(2024, 9, 23))
    assert late.value.code == "late"
    # The last day of the window is in time (boundary).
    sanggah = verification.sanggah_file(actor=user, interface=Interface.WEB, application_id=submitted.pk,
                                        reason="Ijazah sudah dilegalisasi", on=dt.date(2024, 9, 22))
    assert sanggah.answer_due_on == dt.date(2024, 9, 29)
    with pytest.raises(ConflictError):
        verification.sanggah_file(actor=user, interface=Interface.WEB, application_id=submitted.pk,
                                  reason="lagi", on=dt.date(2024, 9, 22))
    with pytest.raises(ConflictError) as open_sanggah:
        announcements.announcement_publish(actor=world.panitia, interface=Interface.WEB, period_id=world.period.pk,
                                           instansi_id=world.bandung.pk, kind=AnnouncementKind.ADMINISTRASI)
    assert open_sanggah.value.code == "sanggah_open"
    answered = verification.sanggah_answer(actor=world.panitia, interface=Interface.WEB, sanggah_id=sanggah.pk,
                                           accepted=True, answer="Legalisasi diterima", on=dt.date(2024, 9, 25))
    assert answered.status == SanggahStatus.ACCEPTED
    submitted.refresh_from_db()
    assert submitted.admin_verdict == Verdict.MS
    again = announcements.announcement_publish(actor=world.panitia, interface=Interface.WEB, period_id=world.period.pk,
                                               instansi_id=world.bandung.pk, kind=AnnouncementKind.ADMINISTRASI,
                                               on=dt.date(2024, 9, 26))
    assert again.version == 2 and "(PENGUMUMAN ULANG)" in again.text


def test_a_sanggah_before_the_announcement_is_refused(world, submitted):
    _tms(world, submitted)
    with pytest.raises(ConflictError) as refused:
        verification.sanggah_file(actor=submitted.applicant.user, interface=Interface.WEB,
                                  application_id=submitted.pk, reason="x")
    assert refused.value.code == "not_announced"


def test_the_verifier_works_through_applications_on_the_web(world, submitted):
    client = Client()
    client.force_login(world.panitia)
    listing = client.get("/pengadaan/verifikasi/", {"status": "todo"}).content.decode()
    assert submitted.receipt_number in listing
    page = client.get(f"/pengadaan/verifikasi/{submitted.pk}/")
    assert page.status_code == 200
    # Numbers and times the Indonesian way (issue 12 item 13): IPK with a decimal comma, the
    # submission time as a long date with its zone, never "3.41" or a hand-written "WIB".
    assert "(IPK 3,41)" in page.content.decode()
    assert date_time(submitted.submitted_at, long=True) in page.content.decode()
    refused = client.post(f"/pengadaan/verifikasi/{submitted.pk}/", {"verdict_KTP": "MS", "verdict_IJAZAH": "TMS"})
    assert refused.status_code == 400 and "TMS perlu alasan" in refused.content.decode()
    done = client.post(f"/pengadaan/verifikasi/{submitted.pk}/", {"verdict_KTP": "MS", "verdict_IJAZAH": "MS"})
    assert done.status_code == 302
    submitted.refresh_from_db()
    assert submitted.admin_verdict == Verdict.MS
    # The applicant sees the verdict of each document.
    applicant = Client()
    applicant.force_login(submitted.applicant.user)
    assert "Memenuhi syarat" in applicant.get(f"/pengadaan/lamaran/{submitted.pk}/").content.decode()


def test_the_applicant_sees_when_the_sanggah_window_opens(world, submitted):
    """Announced today, the window opens tomorrow: the page says so instead of showing nothing."""
    from django.utils import timezone

    _tms(world, submitted)
    client = Client()
    client.force_login(submitted.applicant.user)
    announcements.announcement_publish(actor=world.panitia, interface=Interface.WEB, period_id=world.period.pk,
                                       instansi_id=world.bandung.pk, kind=AnnouncementKind.ADMINISTRASI,
                                       on=timezone.localdate())
    body = client.get(f"/pengadaan/lamaran/{submitted.pk}/").content.decode()
    assert 'id="sanggah-window"' in body and "dapat diajukan pada" in body
    assert f"/pengadaan/lamaran/{submitted.pk}/sanggah/" not in body  # no form before the window


def test_the_applicant_sees_that_the_sanggah_window_has_ended(world, submitted):
    _tms(world, submitted)
    client = Client()
    client.force_login(submitted.applicant.user)
    announcements.announcement_publish(actor=world.panitia, interface=Interface.WEB, period_id=world.period.pk,
                                       instansi_id=world.bandung.pk, kind=AnnouncementKind.ADMINISTRASI,
                                       on=dt.date(2024, 9, 19))
    body = client.get(f"/pengadaan/lamaran/{submitted.pk}/").content.decode()
    assert "Masa sanggah atas hasil ini telah berakhir pada 22 September 2024." in body


def test_the_verifier_is_shown_only_what_can_be_verified_now(world, submitted, register):
    """An application of a period still open for registration is not verified yet: it is not
    in the "not yet verified" list nor counted as waiting, and after the last verdict of the
    verification stage the verifier goes back to the list (not to a form that would refuse)."""
    from simasn.procurement.tests.conftest import NIK_SITI, PDF
    from simasn.site.waiting import waiting_for

    later = portal.period_create(actor=world.bkn, interface=Interface.CLI, name="Seleksi CPNS 2025", fiscal_year=2025,
                                 employee_type="PNS", opens_on=world.today - dt.timedelta(days=1),
                                 closes_on=world.today + dt.timedelta(days=10))
    vacancy = portal.vacancy_open(actor=world.operator, interface=Interface.CLI, period_id=later.pk,
                                  position_id=world.guru.pk, formasi_type="UMUM", seats=1, education="S-1",
                                  required_documents=["KTP"], formasi_decision="Kep. uji 3/2025")
    siti = register(nik=NIK_SITI, birth=dt.date(1980, 5, 17), sex="P", name="Siti Aminah").user
    registration.draft_save(actor=siti, interface=Interface.WEB, period_id=later.pk, vacancy_id=vacancy.pk,
                            data={"education_level": "S1"})
    registration.document_upload(actor=siti, interface=Interface.WEB, period_id=later.pk, doc_type="KTP",
                                 content=PDF, original_name="ktp.pdf")
    still_open, _created = registration.application_submit(actor=siti, interface=Interface.WEB, period_id=later.pk,
                                                           idempotency_key="k-verify-open-1")
    client = Client()
    client.force_login(world.panitia)
    listing = client.get("/pengadaan/verifikasi/", {"status": "todo"}).content.decode()
    assert submitted.receipt_number in listing and still_open.receipt_number not in listing
    waiting = {i.label: i.count for i in waiting_for(viewer=world.panitia)}
    assert waiting["Lamaran yang menunggu verifikasi administrasi"] == 1
    done = client.post(f"/pengadaan/verifikasi/{submitted.pk}/", {"verdict_KTP": "MS", "verdict_IJAZAH": "MS"})
    assert done["Location"] == "/pengadaan/verifikasi/"


def test_announcements_of_two_periods_of_one_year_have_their_own_numbers(world, submitted):
    """Found walking the demo: every period of fiscal year 2024 announced "001/PANSEL-AKHIR/…/2024"."""
    _tms(world, submitted)
    first = announcements.announcement_publish(
        actor=world.panitia, interface=Interface.WEB, period_id=world.period.pk, instansi_id=world.bandung.pk,
        kind=AnnouncementKind.ADMINISTRASI, on=dt.date(2024, 9, 19))
    other = portal.period_create(actor=world.bkn, interface=Interface.CLI, name="Seleksi CPNS 2024 tahap II",
                                 fiscal_year=2024, employee_type="PNS", opens_on=dt.date(2024, 10, 1),
                                 closes_on=dt.date(2024, 10, 20))
    portal.period_advance(actor=world.bkn, interface=Interface.WEB, period_id=other.pk, to_stage=Stage.VERIFICATION)
    second = announcements.announcement_publish(
        actor=world.panitia, interface=Interface.WEB, period_id=other.pk, instansi_id=world.bandung.pk,
        kind=AnnouncementKind.ADMINISTRASI, on=dt.date(2024, 11, 1))
    assert first.number == "001/PANSEL-ADM/KOTA-BDG/2024" and second.number == "002/PANSEL-ADM/KOTA-BDG/2024"


def test_the_final_announcement_lists_each_vacancy_in_rank_order(world):
    """Found walking the demo: the attachment listed the ranking by receipt number."""
    from types import SimpleNamespace

    def app(receipt, rank, position="Guru"):
        return SimpleNamespace(receipt_number=receipt, final_rank=rank, needs_review=False, selected=rank == 1,
                               final_score=100 - rank, applicant=SimpleNamespace(name=receipt),
                               vacancy=SimpleNamespace(position=SimpleNamespace(name=position), formasi_type="UMUM"))

    apps = [app("A", 3), app("B", 1), app("C", 2, "Perawat"), app("D", 2), app("E", 1, "Perawat")]
    _header, rows = announcements._rows(AnnouncementKind.FINAL, apps)  # type: ignore[arg-type]
    assert [r[1] for r in rows] == ["B", "D", "A", "E", "C"]


def test_a_result_is_not_announced_twice_without_a_sanggah_answered(world, submitted):
    """Found racing two publishes: the second became a "re-announcement" of the same result."""
    _tms(world, submitted)
    first = announcements.announcement_publish(
        actor=world.panitia, interface=Interface.WEB, period_id=world.period.pk, instansi_id=world.bandung.pk,
        kind=AnnouncementKind.ADMINISTRASI, on=dt.date(2024, 9, 19))
    with pytest.raises(ConflictError) as again:
        announcements.announcement_publish(
            actor=world.panitia, interface=Interface.WEB, period_id=world.period.pk, instansi_id=world.bandung.pk,
            kind=AnnouncementKind.ADMINISTRASI, on=dt.date(2024, 9, 19))
    assert again.value.code == "duplicate"
    assert list(world.period.announcements.values_list("number", flat=True)) == [first.number]
