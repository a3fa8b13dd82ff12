"""Demo discipline cases (PP 94/2021) and a code-of-ethics case, through the services.

Kota Bandung: a light penalty on the demo employee (login ``pegawai.bandung``, decided a
few days ago, so the keberatan can still be filed), a medium penalty in force, a heavy
case examined and waiting for the PPK (``ppk.bandung``), a fresh report waiting for the
operator's examination, and a code-of-ethics case decided with a moral sanction.
KemenPANRB: a medium penalty, for the national view (login ``bkn``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from simasn.accounts.models import User
from simasn.core.errors import ApplicationError
from simasn.core.interfaces import Interface
from simasn.discipline import legal, services
from simasn.discipline.models import CaseKind, DisciplineCase
from simasn.organization.selectors import official_on
from simasn.personnel.models import Employee

CLI = Interface.CLI
#: Demo names of the managers PP 94/2021 Pasal 19-23 give light and medium penalties to.
MANAGERS = {
    "PENGAWAS": ("Dra. Nani Rohaeni", "Kepala Subbagian Umum dan Kepegawaian"),
    "ADMINISTRATOR": ("Drs. Asep Kurnia, M.Si.", "Kepala Bagian Umum"),
    "JPT_PRATAMA": ("Dr. Hendra Gunawan, M.Si.", "Kepala Dinas"),
}


def _user(username: str) -> User | None:
    return User.objects.filter(username=username).first()


def _examine(actor: User, case: DisciplineCase, on: dt.date, **facts: Any) -> DisciplineCase:
    return services.case_examine(actor=actor, interface=CLI, case=case, examined_on=on,
                                 examiner_name="Drs. Bambang Suryadi, M.Si.", examiner_title="Atasan langsung",
                                 statement="Terperiksa memberikan keterangan dan mengakui perbuatannya.",
                                 findings="Pelanggaran terbukti berdasarkan daftar hadir dan keterangan saksi.",
                                 **facts)


def decide_case(actor: User, case: DisciplineCase, penalty: str, on: dt.date, received: dt.date | None) -> None:
    officials = legal.authority_for(case, penalty=penalty, on=on).outcome.get("officials") or []
    official = "PPK" if "PPK" in officials else (officials[0] if officials else "PPK")
    ppk = official_on(instansi_id=case.instansi_id, role="PPK", on=on)
    if official == "PPK" and ppk is not None:
        name, title = ppk.person_name, ppk.title
    else:  # the manager the law names (e.g. the pengawas over a pelaksana, PP 94/2021 Pasal 23)
        name, title = MANAGERS.get(official, ("Pejabat yang berwenang", legal.official_label(official)))
    services.case_decide(actor=actor, interface=CLI, case=case, penalty=penalty, authority_official=official,
                         decider_name=name, decider_title=title, decided_on=on, decision_received_on=received)


def seed(*, actor: User, stdout: Any) -> None:
    if DisciplineCase.objects.exists():
        return
    operator, ppk = _user("operator.bandung"), _user("ppk.bandung")
    if not (operator and ppk):
        stdout.write("  demo disiplin dilewati: pengguna demo Bandung belum ada\n")
        return
    today = timezone.localdate()
    pns = list(Employee.objects.filter(instansi__code="KOTA-BANDUNG", employee_type="PNS", status="AKTIF")
               .exclude(position=None).order_by("id")[:6])
    if len(pns) < 5:
        stdout.write("  demo disiplin dilewati: pegawai Bandung kurang\n")
        return
    own = pns[0]  # the demo employee (pegawai.bandung)

    def report(employee: Employee, days_ago: int, text: str, kind: str = CaseKind.DISIPLIN,
               **kw: Any) -> DisciplineCase:
        return services.case_report(actor=operator, interface=CLI, employee_id=employee.pk, kind=kind,
                                    reported_on=today - dt.timedelta(days=days_ago), report=text, **kw)

    try:
        light = report(own, 20, "Tidak masuk kerja 5 hari kerja tanpa alasan yang sah.", breach="PASAL_4_F")
        light = _examine(operator, light, today - dt.timedelta(days=15), absent_days=5)
        decide_case(ppk, light, "TEGURAN_TERTULIS", today - dt.timedelta(days=6), today - dt.timedelta(days=5))
        medium = report(pns[1], 120, "Tidak masuk kerja 12 hari kerja dalam setahun.", breach="PASAL_4_F")
        medium = _examine(operator, medium, today - dt.timedelta(days=110), absent_days=12)
        decide_case(ppk, medium, "PEMOTONGAN_TUKIN_6_BULAN", today - dt.timedelta(days=100),
                today - dt.timedelta(days=98))
        heavy = report(pns[2], 30, "Tidak masuk kerja 12 hari kerja berturut-turut.", breach="PASAL_4_F")
        _examine(operator, heavy, today - dt.timedelta(days=10), absent_days=12, consecutive_absent_days=12)
        report(pns[3], 2, "Laporan masyarakat: tidak masuk kerja beberapa hari.", breach="PASAL_4_F")
        if len(pns) > 5:
            # A heavy penalty decided (not a dismissal): release to a pelaksana position.
            decided_heavy = report(pns[5], 90, "Tidak masuk kerja 25 hari kerja dalam setahun.", breach="PASAL_4_F")
            decided_heavy = _examine(operator, decided_heavy, today - dt.timedelta(days=80), absent_days=25)
            decide_case(ppk, decided_heavy, "PEMBEBASAN_JABATAN", today - dt.timedelta(days=70),
                        today - dt.timedelta(days=69))
        ethics = report(pns[4], 40, "Bersikap tidak ramah dan merendahkan pemohon layanan.",
                        kind=CaseKind.KODE_ETIK, ethics_value="BERORIENTASI_PELAYANAN")
        ethics = services.case_examine(actor=operator, interface=CLI, case=ethics,
                                       examined_on=today - dt.timedelta(days=30),
                                       examiner_name="Majelis Kode Etik Kota Bandung", examiner_title="Ketua Majelis",
                                       statement="Terperiksa menyesali perbuatannya.", findings="Terbukti.")
        services.case_decide(actor=ppk, interface=CLI, case=ethics, moral_sanction="PERNYATAAN_SECARA_TERTUTUP",
                             decided_on=today - dt.timedelta(days=25))
    except ApplicationError as error:
        stdout.write(f"  demo disiplin Bandung berhenti: {error.message[:120]}\n")
    national_ppk = _user("ppk.kemenpanrb")
    other = Employee.objects.filter(instansi__code="KEMENPANRB", employee_type="PNS", status="AKTIF") \
        .exclude(position=None).order_by("id").first()
    operator_pusat = _user("operator.kemenpanrb")
    if national_ppk and other and operator_pusat:
        try:
            case = services.case_report(actor=operator_pusat, interface=CLI, employee_id=other.pk,
                                        breach="PASAL_4_F", reported_on=today - dt.timedelta(days=60),
                                        report="Tidak masuk kerja 15 hari kerja dalam setahun.")
            case = _examine(operator_pusat, case, today - dt.timedelta(days=55), absent_days=15)
            decide_case(national_ppk, case, "PEMOTONGAN_TUKIN_9_BULAN", today - dt.timedelta(days=50),
                    today - dt.timedelta(days=48))
        except ApplicationError as error:
            stdout.write(f"  demo disiplin KemenPANRB dilewati: {error.message[:120]}\n")
    stdout.write(f"  kasus disiplin: {DisciplineCase.objects.count()}\n")
