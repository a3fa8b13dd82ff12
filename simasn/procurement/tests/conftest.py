from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.utils import timezone

from simasn.accounts.roles import Role
from simasn.core.interfaces import Interface
from simasn.procurement.services import portal
from simasn.testing.factories import (
    InstansiFactory,
    OfficialFactory,
    PositionFactory,
    UnitFactory,
    user_with_role,
)


@pytest.fixture
def world(db):
    """Two instansi, a BKN user, each instansi's operator and panitia, an open period with a
    vacancy in each instansi."""
    today = timezone.localdate()
    bandung = InstansiFactory(code="KOTA-BDG", name="Pemerintah Kota Bandung", kind="KOTA")
    kupang = InstansiFactory(code="KAB-KPG", name="Pemerintah Kabupaten Kupang")
    # The PPK in office signs the appointment SKs (actions.record_appointment).
    OfficialFactory(instansi=bandung, person_name="Muhammad Farhan", title="Wali Kota Bandung")
    OfficialFactory(instansi=kupang, person_name="Yosef Lede", title="Bupati Kupang")
    guru = PositionFactory(unit=UnitFactory(instansi=bandung), name="Guru Ahli Pertama")
    perawat = PositionFactory(unit=UnitFactory(instansi=kupang), name="Perawat Terampil")
    bkn = user_with_role(Role.BKN)
    operator = user_with_role(Role.OPERATOR, instansi=bandung)
    operator_kupang = user_with_role(Role.OPERATOR, instansi=kupang)
    panitia = user_with_role(Role.PANITIA_SELEKSI, instansi=bandung)
    panitia_kupang = user_with_role(Role.PANITIA_SELEKSI, instansi=kupang)
    period = portal.period_create(actor=bkn, interface=Interface.CLI, name="Seleksi CPNS 2024", fiscal_year=2024,
                                  employee_type="PNS", opens_on=today - dt.timedelta(days=3),
                                  closes_on=today + dt.timedelta(days=10))
    vacancy = portal.vacancy_open(actor=operator, interface=Interface.CLI, period_id=period.pk, position_id=guru.pk,
                                  formasi_type="UMUM", seats=2, education="S-1 Pendidikan Matematika",
                                  required_documents=["KTP", "IJAZAH"], formasi_decision="Kep. uji 1/2024")
    vacancy_kupang = portal.vacancy_open(
        actor=operator_kupang, interface=Interface.CLI, period_id=period.pk, position_id=perawat.pk,
        formasi_type="DISABILITAS", seats=1, education="D-3 Keperawatan", formasi_decision="Kep. uji 2/2024")
    return SimpleNamespace(bandung=bandung, kupang=kupang, guru=guru, perawat=perawat, bkn=bkn, operator=operator,
                           operator_kupang=operator_kupang, panitia=panitia, panitia_kupang=panitia_kupang,
                           period=period, vacancy=vacancy, vacancy_kupang=vacancy_kupang, today=today)


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
NIK_SITI = "3273015705800001"  # Kota Bandung, born 17-05-1980, female
NIK_BUDI = "3273011203990002"  # Kota Bandung, born 12-03-1999, male


@pytest.fixture
def register():
    from simasn.procurement.services import registration

    def make(nik: str = NIK_BUDI, birth: dt.date = dt.date(1999, 3, 12), sex: str = "L", name: str = "Budi Santoso"):
        return registration.applicant_register(interface=Interface.WEB, nik=nik, name=name, birth_date=birth,
                                               sex=sex, email=f"{nik}@contoh.id", password="rahasia-pelamar-1")
    return make


@pytest.fixture
def ready_applicant(world, register):
    """An applicant whose draft and documents for the Bandung vacancy are complete."""
    from simasn.procurement.services import registration

    applicant = register()
    user = applicant.user
    registration.draft_save(actor=user, interface=Interface.WEB, period_id=world.period.pk,
                            vacancy_id=world.vacancy.pk, data={"education_level": "S1", "ipk": "3.41"})
    for doc in ("KTP", "IJAZAH"):
        registration.document_upload(actor=user, interface=Interface.WEB, period_id=world.period.pk, doc_type=doc,
                                     content=PDF + doc.encode(), original_name=f"{doc}.pdf")
    return applicant
