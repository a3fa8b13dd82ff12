"""Issue 12 item 4: decrees a lawyer would accept — the text of each decree type, the
office named once, the President by name, Menimbang in decree language, a verification
line on every page leading to a public page with no personal data."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.test import Client
from pypdf import PdfReader

from simasn.accounts.roles import Role
from simasn.actions import services
from simasn.actions.documents import document_bytes
from simasn.actions.models import ActionDocument, ActionType
from simasn.core.interfaces import Interface
from simasn.testing.factories import (
    EmployeeFactory,
    InstansiFactory,
    OfficialFactory,
    PositionFactory,
    UnitFactory,
    user_with_role,
)

from .conftest import TODAY

W = Interface.WEB
ARTEFACTS = Path(__file__).resolve().parents[3] / "var" / "test-artefacts" / "decrees"


def _flat(action) -> tuple[str, list[str]]:
    doc = ActionDocument.objects.get(action=action)
    pages = [" ".join((page.extract_text() or "").split())
             for page in PdfReader(io.BytesIO(document_bytes(doc))).pages]
    return " ".join(pages), pages


def _render_first_page(action, name: str) -> None:
    """The PDF, and pages 1-2 as PNG, for a person to look at (var/test-artefacts/decrees/;
    CI keeps the folder as an artefact). poppler's pdftoppm comes with `make test`
    (scripts/ensure-system-deps.sh)."""
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    pdf = ARTEFACTS / f"{name}.pdf"
    pdf.write_bytes(document_bytes(ActionDocument.objects.get(action=action)))
    assert shutil.which("pdftoppm"), "pdftoppm missing: run scripts/ensure-system-deps.sh"
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", str(pdf), str(ARTEFACTS / name)],
                   check=True)


def _decide(world, **kwargs):
    action = services.action_draft(actor=world.operator, interface=W, on=TODAY, **kwargs)
    if action.proposer:
        services.action_propose(actor=world.pyb, interface=W, action_id=action.pk, on=TODAY)
    return services.action_decide(actor=world.ppk, interface=W, action_id=action.pk, on=TODAY)


def _common(flat: str, pages: list[str], issuer: str) -> None:
    assert f"KEPUTUSAN {issuer} NOMOR" in flat
    assert "DENGAN RAHMAT TUHAN YANG MAHA ESA" in flat
    assert f"{issuer}, Menimbang" in flat
    # The system's own reasoning never enters the decree.
    for words in ("kewenangan ini tidak didelegasikan", "Pejabat yang Berwenang tidak mengusulkannya",
                  "ditetapkan oleh Pejabat Pembina Kepegawaian", "SHA-256 dicatat"):
        assert words not in flat
    # Every "bahwa" starts lower case and is followed by a lower-case word, never "pNS".
    assert not re.search(r"bahwa [a-z][A-Z]", flat)
    # The verification line is on every page.
    for page in pages:
        assert "Periksa keasliannya di" in page and "/tindakan/verifikasi/" in page


def test_retirement_decree_of_a_city(world):
    action = _decide(world, action_type=ActionType.RETIREMENT, employee_id=world.employee.pk)
    flat, pages = _flat(action)
    _common(flat, pages, "WALI KOTA UJI")
    assert ("bahwa Pegawai Aparatur Sipil Negara yang namanya tercantum dalam Diktum KESATU telah mencapai "
            "batas usia pensiun 58 tahun pada tanggal 10 Desember 2026;") in flat
    assert "Pasal 52 ayat (3) huruf c dan Pasal 55 Undang-Undang Nomor 20 Tahun 2023" in flat
    assert ("perlu menetapkan Keputusan Wali Kota Uji tentang Pemberhentian dengan Hormat karena Mencapai "
            "Batas Usia Pensiun;") in flat
    assert "KESATU : Memberhentikan dengan hormat Pegawai Aparatur Sipil Negara" in flat
    assert "mulai berlaku pada tanggal 1 Januari 2027" in flat
    # The signature block stays with the last dictum, and the head of the region signs in capitals.
    assert "KETIGA" in pages[-1] and "MUHAMMAD FARHAN" in pages[-1]
    assert "Ditetapkan di Bandung" in flat
    _render_first_page(action, "retirement-kota")


def test_appointment_transfer_dismissal_and_temporary_decrees(world):
    other = EmployeeFactory(instansi=world.instansi, unit=world.unit, position=world.pelaksana_pos,
                            birth_date=dt.date(1985, 5, 5))
    appointment = _decide(world, action_type=ActionType.APPOINTMENT, employee_id=other.pk,
                          position_id=world.admin_pos.pk, tmt=dt.date(2026, 12, 1))
    flat, pages = _flat(appointment)
    _common(flat, pages, "WALI KOTA UJI")
    assert "bahwa untuk kelancaran pelaksanaan tugas dan fungsi, jabatan Kepala Bagian Umum" in flat
    assert "sesuai dengan Sistem Merit" in flat
    assert "KESATU : Mengangkat Pegawai Aparatur Sipil Negara" in flat
    _render_first_page(appointment, "appointment-kota")

    third = EmployeeFactory(instansi=world.instansi, unit=world.unit, position=world.pelaksana_pos,
                            birth_date=dt.date(1980, 1, 1))
    dismissal = _decide(world, action_type=ActionType.DISMISSAL, employee_id=third.pk,
                        facts={"own_request": True}, tmt=dt.date(2027, 1, 1))
    flat, pages = _flat(dismissal)
    _common(flat, pages, "WALI KOTA UJI")
    assert "telah mengajukan permohonan berhenti atas permintaan sendiri" in flat
    assert "KESATU : Memberhentikan dengan hormat" in flat
    _render_first_page(dismissal, "dismissal-kota")

    fourth = EmployeeFactory(instansi=world.instansi, unit=world.unit, position=world.pelaksana_pos,
                             birth_date=dt.date(1981, 1, 1))
    temporary = _decide(world, action_type=ActionType.TEMPORARY_DISMISSAL, employee_id=fourth.pk,
                        facts={"reason": "DITAHAN", "detention_status": "TERSANGKA"}, tmt=dt.date(2026, 12, 1))
    flat, pages = _flat(temporary)
    _common(flat, pages, "WALI KOTA UJI")
    assert "ditahan karena menjadi tersangka tindak pidana" in flat
    assert "Pasal 53 ayat (2)" in flat
    _render_first_page(temporary, "temporary-dismissal-kota")


def test_the_keppres_names_the_president_by_name(world):
    pusat = InstansiFactory(name="Badan Uji Nasional", kind="LPNK", address="Jakarta")
    unit = UnitFactory(instansi=pusat)
    OfficialFactory(instansi=pusat, role="PPK", person_name="Kepala Uji", title="Kepala Badan Uji Nasional")
    madya = PositionFactory(unit=unit, kind="JPT_MADYA", name="Sekretaris Utama", open_to_pppk=False)
    pratama = PositionFactory(unit=unit, kind="JPT_PRATAMA", open_to_pppk=False)
    employee = EmployeeFactory(instansi=pusat, unit=unit, position=pratama, birth_date=dt.date(1975, 2, 2))
    operator = user_with_role(Role.OPERATOR, instansi=pusat)
    action = services.action_draft(actor=operator, interface=W, on=TODAY, action_type=ActionType.APPOINTMENT,
                                   employee_id=employee.pk, position_id=madya.pk, tmt=dt.date(2026, 12, 1))
    presiden = user_with_role(Role.PRESIDEN)
    presiden.first_name, presiden.last_name = "Sekretariat", "Presiden"
    presiden.save()
    action = services.action_decide(actor=presiden, interface=W, action_id=action.pk, on=TODAY)
    assert action.decider_name == "Prabowo Subianto"
    flat, pages = _flat(action)
    _common(flat, pages, "PRESIDEN REPUBLIK INDONESIA")
    assert flat.startswith("PRESIDEN REPUBLIK INDONESIA KEPUTUSAN PRESIDEN REPUBLIK INDONESIA NOMOR")
    assert "perlu menetapkan Keputusan Presiden tentang Pengangkatan dalam Jabatan;" in flat
    assert "PRABOWO SUBIANTO" in pages[-1] and "Sekretariat Presiden" not in flat
    _render_first_page(action, "keppres-appointment")


@pytest.mark.django_db
def test_the_public_verification_page_confirms_without_personal_data(world):
    action = _decide(world, action_type=ActionType.RETIREMENT, employee_id=world.employee.pk)
    doc = ActionDocument.objects.get(action=action)
    assert doc.verification_code and len(doc.verification_code) == 16
    anonymous = Client(enforce_csrf_checks=False)
    page = anonymous.get(f"/tindakan/verifikasi/{doc.verification_code}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert action.sk_number in html and doc.sha256 in html and "Wali Kota Uji" in html
    assert world.employee.name not in html and world.employee.nip not in html
    # Upload the file: it matches; a changed file does not.
    from django.core.files.uploadedfile import SimpleUploadedFile

    ok = anonymous.post(f"/tindakan/verifikasi/{doc.verification_code}/",
                        {"berkas": SimpleUploadedFile("sk.pdf", document_bytes(doc), "application/pdf")})
    assert 'data-testid="match"' in ok.content.decode()
    bad = anonymous.post(f"/tindakan/verifikasi/{doc.verification_code}/",
                         {"berkas": SimpleUploadedFile("sk.pdf", document_bytes(doc) + b"x", "application/pdf")})
    assert 'data-testid="mismatch"' in bad.content.decode()
    assert anonymous.get("/tindakan/verifikasi/TIDAKADA/").status_code == 404
