"""Demo procurement: selection periods in each stage with vacancies of Kota Bandung and
Kabupaten Kupang, opened through the services by the instansi operators; the panitia
and applicant logins."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from simasn.accounts.models import User
from simasn.accounts.roles import Role
from simasn.accounts.services import user_create
from simasn.core.interfaces import Interface
from simasn.organization.models import Instansi
from simasn.positions.models import Position
from simasn.procurement.models import Applicant, DocumentType, SelectionPeriod, Stage
from simasn.procurement.services import portal, registration
from simasn.site.demo_support import DEMO_PASSWORD

D = DocumentType
# position code, formasi type, seats, education, documents
VACANCIES = [
    ("FUNG-GURU", "UMUM", 4, "S-1 Pendidikan Matematika / Pendidikan Guru Sekolah Dasar",
     [D.KTP, D.IJAZAH, D.TRANSKRIP, D.SERTIFIKAT_PENDIDIK]),
    ("FUNG-GURU", "DISABILITAS", 1, "S-1 Pendidikan Guru Sekolah Dasar", [D.KTP, D.IJAZAH, D.TRANSKRIP]),
    ("FUNG-DOKTER", "UMUM", 2, "Profesi Dokter", [D.KTP, D.IJAZAH, D.STR]),
    ("FUNG-KOMP", "UMUM", 2, "D-3 Teknik Informatika / Manajemen Informatika", [D.KTP, D.IJAZAH, D.TRANSKRIP]),
    ("PLK-DATA", "LULUSAN_TERBAIK", 1, "S-1 Statistika / Sistem Informasi (cumlaude)",
     [D.KTP, D.IJAZAH, D.TRANSKRIP]),
]
PANITIA = [("panitia.bandung", "Siti Nurhaliza", "KOTA-BANDUNG"), ("panitia.kupang", "Maria Tefa", "KAB-KUPANG")]


def _periods(bkn: User) -> dict[str, SelectionPeriod]:
    today = timezone.localdate()
    wanted = {
        # The period open now: its year has no passing-grade decree kept yet, which the
        # selection pages say ("perlu kajian hukum") when the SKD comes.
        "open": (f"Seleksi CPNS {today.year}", today.year, "PNS", today - dt.timedelta(days=10),
                 today + dt.timedelta(days=14), Stage.OPEN),
    }
    found = {}
    for key, (name, year, etype, opens, closes, stage) in wanted.items():
        period = SelectionPeriod.objects.filter(name=name).first() or portal.period_create(
            actor=bkn, interface=Interface.CLI, name=name, fiscal_year=year, employee_type=etype,
            opens_on=opens, closes_on=closes)
        found[key] = period
        del stage
    return found


#: The demo applicant logs in with their NIK (Kota Bandung, born 12 March 1999, male).
DEMO_APPLICANT = ("3273011203990002", "Budi Santoso", dt.date(1999, 3, 12), "L")


def _demo_applicant() -> None:
    nik, name, birth, sex = DEMO_APPLICANT
    if not Applicant.objects.filter(nik=nik).exists():
        registration.applicant_register(interface=Interface.CLI, nik=nik, name=name, birth_date=birth, sex=sex,
                                        email="budi.santoso@contoh.id", password=DEMO_PASSWORD, phone="081200000001")


def seed(*, actor: User, stdout: Any) -> None:
    for username, full_name, code in PANITIA:
        instansi = Instansi.objects.filter(code=code).first()
        if instansi is not None and not User.objects.filter(username=username).exists():
            user_create(actor=actor, interface=Interface.CLI, username=username, password=DEMO_PASSWORD,
                        role=Role.PANITIA_SELEKSI, full_name=full_name, instansi_id=instansi.pk)
    bkn = User.objects.filter(username="bkn").first()
    if bkn is None:
        return
    periods = _periods(bkn)
    for operator_name, code in (("operator.bandung", "KOTA-BANDUNG"), ("operator.kupang", "KAB-KUPANG")):
        operator = User.objects.filter(username=operator_name).first()
        if operator is None:
            continue
        for position_code, formasi_type, seats, education, documents in VACANCIES:
            position = Position.objects.filter(instansi__code=code, code=position_code).first()
            period = periods["open"]
            if position is None or period.vacancies.filter(position=position, formasi_type=formasi_type).exists():
                continue
            portal.vacancy_open(
                actor=operator, interface=Interface.CLI, period_id=period.pk, position_id=position.pk,
                formasi_type=formasi_type, seats=seats, education=education,
                requirements="Warga negara Indonesia; usia paling rendah 18 tahun dan paling tinggi 35 tahun "
                             "pada saat melamar; tidak pernah diberhentikan dengan tidak hormat.",
                required_documents=[str(d) for d in documents],
                formasi_decision=f"Data demo: penetapan kebutuhan {position.instansi.name} TA {period.fiscal_year}",
                formasi_decided_on=period.opens_on - dt.timedelta(days=30))
    _demo_applicant()
