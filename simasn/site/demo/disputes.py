"""Demo upaya administratif (PP 79/2021) at Kota Bandung: a keberatan waiting for the PPK
(``ppk.bandung``), a keberatan decided (the penalty lightened, the discipline record
follows), a banding administratif waiting for the PPK's answer, and one decided by BPASN
(login ``bpasn``). The demo employee (``pegawai.bandung``) can still file a keberatan
against their own written reprimand (see simasn/site/demo/discipline.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from simasn.accounts.models import User
from simasn.core.errors import ApplicationError
from simasn.core.interfaces import Interface
from simasn.discipline import services as discipline
from simasn.disputes import services
from simasn.disputes.models import Dispute
from simasn.personnel.models import Employee
from simasn.site.demo.discipline import decide_case

CLI = Interface.CLI


def seed(*, actor: User, stdout: Any) -> None:
    if Dispute.objects.exists():
        return
    users = {u.username: u for u in User.objects.filter(username__in=("operator.bandung", "ppk.bandung", "bpasn"))}
    if len(users) < 3:
        stdout.write("  demo upaya administratif dilewati: pengguna demo belum ada\n")
        return
    operator, ppk, bpasn = users["operator.bandung"], users["ppk.bandung"], users["bpasn"]
    today = timezone.localdate()
    pns = list(Employee.objects.filter(instansi__code="KOTA-BANDUNG", employee_type="PNS", status="AKTIF")
               .exclude(position=None).order_by("id")[6:12])
    if len(pns) < 4:
        stdout.write("  demo upaya administratif dilewati: pegawai Bandung kurang\n")
        return

    def days(n: int) -> dt.date:
        return today - dt.timedelta(days=n)

    def file(employee: Employee, **kw: Any) -> Dispute:
        return services.dispute_file(actor=operator, interface=CLI, employee_id=employee.pk, **kw)

    try:
        file(pns[0], decision_kind="LAINNYA", decision_number="800.1.3/1204-BKPSDM/2026",
             decision_date=days(8), decision_received_date=days(7), filed_on=days(3),
             grounds="Pemindahan tidak mempertimbangkan kondisi keluarga dan tidak sesuai kompetensi.")
        # A medium penalty lightened on keberatan.
        case = discipline.case_report(actor=operator, interface=CLI, employee_id=pns[1].pk, breach="PASAL_4_F",
                                      reported_on=days(60), report="Tidak masuk kerja 12 hari kerja.")
        case = discipline.case_examine(actor=operator, interface=CLI, case=case, examined_on=days(55),
                                       examiner_name="Atasan langsung", examiner_title="Kepala Bidang",
                                       statement="Sebagian karena sakit.", findings="Terbukti 12 hari.",
                                       absent_days=12)
        decide_case(ppk, case, "PEMOTONGAN_TUKIN_6_BULAN", days(40), days(39))
        case.refresh_from_db()
        keberatan = file(pns[1], decision_kind="HUKUMAN_DISIPLIN", penalty=case.penalty,
                         decision_number=case.decision_number or "", decision_date=days(40),
                         decision_received_date=days(39), filed_on=days(35),
                         source=f"discipline.disciplinecase:{case.pk}",
                         grounds="Lima hari di antaranya karena sakit dengan surat keterangan dokter.")
        services.dispute_decide(actor=ppk, interface=CLI, dispute=keberatan, outcome="MEMPERINGAN",
                                new_penalty="PERNYATAAN_TIDAK_PUAS_TERTULIS", decided_on=days(20),
                                reason="Surat keterangan dokter sah untuk lima hari; sisa tujuh hari.")
        file(pns[2], decision_kind="PEMBERHENTIAN_PNS", decision_number="800.1.6/88-BKPSDM/2026",
             decision_date=days(10), decision_received_date=days(9), filed_on=days(5),
             grounds="Pemberhentian didasarkan pada putusan yang belum berkekuatan hukum tetap.")
        banding = file(pns[3], decision_kind="PEMBERHENTIAN_PNS", decision_number="800.1.6/41-BKPSDM/2026",
                       decision_date=days(120), decision_received_date=days(119), filed_on=days(112),
                       grounds="Tidak pernah dipanggil untuk pemeriksaan.")
        banding = services.dispute_answer(actor=ppk, interface=CLI, dispute=banding, answered_on=days(100),
                                          answer="Pemanggilan dilakukan dua kali; berita acara terlampir.")
        services.dispute_decide(actor=bpasn, interface=CLI, dispute=banding, outcome="MEMPERKUAT",
                                decided_on=days(30), reason="Prosedur pemeriksaan telah dipenuhi.")
    except ApplicationError as error:
        stdout.write(f"  demo upaya administratif berhenti: {error.message[:160]}\n")
    stdout.write(f"  upaya administratif: {Dispute.objects.count()}\n")
