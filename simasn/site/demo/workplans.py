"""Demo: one synchronization cycle in every stage of PermenRK, through the real services.

- Renja 2025 (tanggal siklus 2023: four participants incl. KASN): coordinated, signed,
  with quarterly realization and evaluation reports (Pasal 9);
- Renstra 2025-2029 (2024, four participants): sealed, then revised in 2025 (three
  participants, Pasal 8) — the revision is in drafting;
- Renja 2026 (2025, three participants, late against the calendar): signing in progress;
- Renja 2027: discussion meeting open; Renja 2028: drafting; Renja 2029: prepared.
Signing keys and the demo certificate authority are generated under var/pki.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from simasn.accounts.models import User
from simasn.accounts.roles import Role
from simasn.accounts.services import user_create
from simasn.core.interfaces import Interface
from simasn.organization.models import NationalInstitution
from simasn.site.demo_support import DEMO_PASSWORD
from simasn.workplans import services
from simasn.workplans.models import (
    Activity,
    Cycle,
    Draft,
    EvaluationReport,
    PlanScope,
    PolicyDirection,
    PolicyIndicator,
)

C = Interface.CLI
POLICY_TITLE = "Arah Kebijakan Manajemen ASN 2025-2029"

PROGRAMS = [
    ("P1", "Manajemen talenta dan mobilitas ASN", "Talenta ASN terpetakan dan bergerak sesuai kebutuhan nasional",
     [("I1", "Persentase instansi yang menerapkan manajemen talenta", "persen", 35),
      ("I2", "Jumlah ASN yang mengikuti mobilitas talenta nasional", "orang", 500)]),
    ("P2", "Penerapan sistem merit", "Sistem merit diterapkan di seluruh instansi",
     [("I3", "Persentase instansi dengan kategori sistem merit baik", "persen", 40),
      ("I4", "Persentase pengaduan pelanggaran merit yang diselesaikan", "persen", 70)]),
    ("P3", "Pengembangan kompetensi ASN", "Setiap ASN memperoleh pengembangan kompetensi 20 JP per tahun",
     [("I5", "Persentase ASN yang memenuhi 20 JP", "persen", 55)]),
    ("P4", "Digitalisasi manajemen ASN", "Layanan manajemen ASN terintegrasi secara digital (UU 20/2023 Pasal 63)",
     [("I6", "Jumlah layanan kepegawaian yang terdigitalisasi penuh", "layanan", 12)]),
]

#: institution → [(program code, program name, AK program, [(code, name, indicator, output, target, unit, budget)])]
ACTIVITIES: dict[str, list[tuple[str, str, str | None, list[tuple[str, str, str | None, str, str, str, int]]]]] = {
    "KEMENPANRB": [
        ("KP1", "Program Kebijakan Manajemen ASN", "P1", [
            ("KP1.1", "Penyusunan kebijakan manajemen talenta nasional ASN", "I1", "Peraturan Menteri", "1", "regulasi", 2_400_000_000),
            ("KP1.2", "Penyusunan kebijakan mobilitas talenta ASN antar instansi", "I2", "Pedoman mobilitas", "1", "dokumen", 1_100_000_000),
            ("KP1.3", "Penilaian kompetensi manajerial bagi JPT", "I1", "Hasil penilaian", "400", "orang", 1_600_000_000),
            ("KP1.4", "Penyusunan pedoman Anjab dan ABK instansi pemerintah", "I1", "Pedoman", "1", "dokumen", 900_000_000)]),
        ("KP2", "Program Reformasi Birokrasi", "P2", [
            ("KP2.1", "Evaluasi penerapan sistem merit di instansi pusat dan daerah", "I3", "Laporan evaluasi", "120", "instansi", 3_200_000_000)]),
        ("KP9", "Program Dukungan Manajemen", None, [
            ("KP9.1", "Pengelolaan keuangan dan barang milik negara", None, "Laporan keuangan", "1", "laporan", 900_000_000),
            ("KP9.2", "Penetapan nilai ambang batas SKB CPNS", None, "Keputusan Menteri", "1", "dokumen", 400_000_000),
            ("KP9.3", "Pengiriman pejabat administrator Kementerian PANRB mengikuti Pelatihan Kepemimpinan Administrator",
             None, "Pejabat terlatih", "12", "orang", 600_000_000)]),
    ],
    "BKN": [
        ("BK1", "Program Manajemen ASN", "P1", [
            ("BK1.1", "Penyusunan regulasi manajemen talenta ASN secara nasional", "I1", "Peraturan BKN", "1", "regulasi", 1_800_000_000),
            ("BK1.2", "Uji kompetensi untuk pemetaan talenta ASN secara nasional", "I1", "Peta talenta", "50000", "orang", 7_500_000_000),
            ("BK1.3", "Asesmen kompetensi manajerial pejabat pimpinan tinggi", "I1", "Laporan asesmen", "600", "orang", 2_200_000_000),
            ("BK1.4", "Penyusunan pedoman analisis jabatan dan analisis beban kerja bagi instansi pemerintah", "I1", "Pedoman",
             "1", "dokumen", 750_000_000),
            ("BK1.5", "Pelaksanaan SKD CPNS dengan CAT BKN", None, "Peserta SKD", "250000", "orang", 14_000_000_000)]),
        ("BK2", "Program Pengawasan dan Pengendalian", "P2", [
            ("BK2.1", "Penanganan pengaduan atas pelanggaran sistem merit", "I4", "Pengaduan selesai", "300", "kasus", 1_200_000_000)]),
        ("BK3", "Program Layanan Digital ASN", "P4", [
            ("BK3.1", "Pembangunan sistem informasi manajemen ASN yang terintegrasi nasional", "I6", "Layanan terintegrasi", "6", "layanan", 12_000_000_000),
            ("BK3.2", "Layanan kenaikan pangkat PNS secara digital", "I6", "Layanan daring", "1", "layanan", 2_000_000_000)]),
    ],
    "LAN": [
        ("LA1", "Program Pengembangan Kompetensi ASN", "P3", [
            ("LA1.1", "Penyelenggaraan pelatihan kepemimpinan nasional tingkat I untuk JPT", "I5", "Alumni PKN I", "240", "orang", 6_000_000_000),
            ("LA1.2", "Penguatan ASN corporate university untuk pengembangan kompetensi", "I5", "Instansi ber-CorpU", "60", "instansi", 2_500_000_000),
            ("LA1.3", "Pembangunan learning management system pembelajaran ASN terintegrasi", "I5", "LMS nasional", "1", "sistem", 4_000_000_000),
            ("LA1.4", "Penyelenggaraan PKA bagi pejabat administrator instansi pusat", "I5", "Alumni PKA", "480", "orang", 5_500_000_000)]),
        ("LA2", "Program Kajian Kebijakan", None, [
            ("LA2.1", "Kajian inovasi administrasi negara di daerah", None, "Rekomendasi kebijakan", "3", "kajian", 1_300_000_000)]),
    ],
    "KASN": [
        ("KS1", "Program Pengawasan Sistem Merit", "P2", [
            ("KS1.1", "Pengelolaan pengaduan pelanggaran sistem merit", "I4", "Pengaduan ditindaklanjuti", "400", "kasus", 1_500_000_000),
            ("KS1.2", "Penilaian penerapan sistem merit pada instansi pemerintah", "I3", "Hasil penilaian", "200", "instansi", 2_800_000_000),
            ("KS1.3", "Pengawasan netralitas ASN pada pemilu dan pilkada", None, "Laporan pengawasan", "1", "laporan", 2_000_000_000)]),
    ],
}

EXTRA_USERS = [
    ("perencana.kasn", "Perencana KASN", Role.PERENCANA, "KASN"),
    ("sekretariat.kasn", "Kepala Sekretariat KASN", Role.KEPALA_SEKRETARIAT, "KASN"),
]


def _user(username: str) -> User:
    return User.objects.get(username=username)


def _planner(code: str) -> User:
    return _user(f"perencana.{code.lower()}")


def _secretary(code: str) -> User:
    return _user(f"sekretariat.{code.lower()}")


def _policy(minister: User) -> tuple[PolicyDirection, PolicyDirection]:
    v1 = PolicyDirection.objects.filter(title=POLICY_TITLE, version_no=1).first()
    if v1 is None:
        v1 = services.policy_create(actor=minister, interface=C, title=POLICY_TITLE, year_start=2025, year_end=2029)
        for code, name, target, indicators in PROGRAMS:
            program = services.policy_program_add(actor=minister, interface=C, policy=v1, code=code, name=name,
                                                  strategic_target=target)
            for icode, iname, unit, base in indicators:
                # A count grows by whole units (12 layanan: 13, 14, ... not 13,2 and 14,4).
                step = (Decimal(95) - base) / 5 if unit == "persen" else max(Decimal(1), Decimal(base // 10))
                services.policy_indicator_add(
                    actor=minister, interface=C, program=program, code=icode, name=iname, unit=unit,
                    baseline=Decimal(base), targets={y: Decimal(base) + step * (y - 2024) for y in range(2025, 2030)})
        v1 = services.policy_publish(actor=minister, interface=C, policy=v1)
    v2 = PolicyDirection.objects.filter(title=POLICY_TITLE, version_no=2).first()
    if v2 is None:
        v2 = services.policy_new_version(
            actor=minister, interface=C, policy=v1,
            change_note="Fungsi KASN dialihkan kepada BKN dan KemenPANRB (Perpres 2024); pengawasan merit oleh BKN.")
        v2 = services.policy_publish(actor=minister, interface=C, policy=v2)
    return v1, v2


def _fill(draft: Draft, scale: Decimal = Decimal(1)) -> None:
    planner = _planner(draft.institution.code)
    programs = {p.code: p for p in draft.cycle.policy.programs.all()}
    for pcode, pname, ak, acts in ACTIVITIES[draft.institution.code]:
        program = services.draft_program_add(actor=planner, interface=C, draft=draft, code=pcode, name=pname,
                                             policy_program=programs.get(ak) if ak else None)
        for code, name, icode, output, target, unit, budget in acts:
            indicator = PolicyIndicator.objects.get(program=programs[ak], code=icode) if icode and ak else None
            services.activity_add(actor=planner, interface=C, program=program, data={
                "code": code, "name": name, "indicator": indicator, "output": output, "target": Decimal(target),
                "target_unit": unit, "budget": int(budget * scale), "unit_in_charge": "Biro Perencanaan"})


def _cycle(minister: User, policy: PolicyDirection, title: str, scope: str, years: tuple[int, int], on: dt.date,
           ends: dt.date, previous: Cycle | None = None) -> Cycle:
    return services.cycle_create(actor=minister, interface=C, title=title, scope_kind=scope, year_start=years[0],
                                 year_end=years[1], reference_date=on, starts_on=on, ends_on=ends, policy=policy,
                                 previous_cycle=previous)


def _agenda(minister: User, cycle: Cycle, number: str) -> None:
    services.agenda_send(actor=minister, interface=C, cycle=cycle, letter_number=number, letter_date=cycle.starts_on,
                         draft_deadline=cycle.starts_on + dt.timedelta(days=21), meeting_plan="Pekan keempat",
                         body="Mohon bahan rancangan Rencana Kerja disusun dengan mengacu pada Arah Kebijakan dan "
                              "memperhatikan hasil evaluasi Rencana Kerja periode sebelumnya.")


def _draft_and_submit(cycle: Cycle, only: set[str] | None = None, scale: Decimal = Decimal(1)) -> None:
    for draft in cycle.drafts.filter(kind=Draft.Kind.USULAN).select_related("institution", "cycle"):
        code = draft.institution.code
        if only is not None and code not in only:
            continue
        if not draft.programs.exists():
            _fill(draft, scale)
        if draft.previous_evaluation is None:
            services.draft_set_evaluation(actor=_planner(code), interface=C, draft=draft, previous_evaluation=None,
                                          evaluation_note="Hasil evaluasi Renja periode sebelumnya (LAKIP) "
                                                          "diperhatikan; belum tercatat di SIMASN.")
        services.draft_submit(actor=_planner(code), interface=C, draft=draft)


def _meeting(minister: User, cycle: Cycle, *, decide: int | None = None, moves: frozenset[str] = frozenset()) -> Any:
    meeting = services.meeting_open(
        actor=minister, interface=C, cycle=cycle, held_on=cycle.starts_on + dt.timedelta(days=28), mode="HIBRIDA",
        location="Ruang Rapat Lantai 6, Kementerian PANRB, Jakarta", online_link="https://vicon.menpan.go.id/sinkron",
        delegated=True, delegate_name="Aba Subagja", delegate_title="Deputi Bidang SDM Aparatur",
        delegation_letter=f"ND/12/SM.01/{cycle.starts_on.year}")
    for att in meeting.attendance.select_related("institution"):
        services.attendance_set(actor=minister, interface=C, attendance=att, present=True,
                                representative=f"Kepala Biro Perencanaan {att.institution.short_name}")
    services.guest_add(actor=minister, interface=C, meeting=meeting, kind="INSTANSI", name="Direktur Aparatur Negara",
                       affiliation="Kementerian PPN/Bappenas")
    services.guest_add(actor=minister, interface=C, meeting=meeting, kind="PAKAR", name="Prof. Dr. Eko Prasojo",
                       affiliation="Universitas Indonesia")
    for index, overlap in enumerate(meeting.overlaps.select_related("activity_a", "activity_b")):
        if decide is not None and index >= decide:
            break
        if overlap.activity_b.code in moves or overlap.activity_a.code in moves:
            decision, subject = "MOVE", "A" if overlap.activity_a.code in moves else "B"
        else:
            decision, subject = ("MERGE", "B") if overlap.is_duplicate else ("KEEP", "")
        services.overlap_decide(actor=minister, interface=C, overlap=overlap, decision=decision, subject=subject,
                                note="Disepakati dalam pertemuan pembahasan")
    return meeting


def _learn(minister: User, cycle: Cycle) -> None:
    """Participants mark pairs at the 2027 meeting, and the detector is retrained from the
    decisions of the earlier meetings (issue 13: the analysis page shows model version 1)."""
    acts = {a.code: a for a in Activity.objects.filter(program__draft__cycle=cycle, program__draft__kind=Draft.Kind.USULAN)}
    services.pair_mark(actor=_planner("LAN"), interface=C, cycle=cycle, activity_a=acts["LA1.2"], activity_b=acts["KP1.2"],
                       is_overlap=True, note="CorpU juga wahana mobilitas talenta; satu program bersama")
    services.pair_mark(actor=_planner("BKN"), interface=C, cycle=cycle, activity_a=acts["BK1.5"], activity_b=acts["KP9.2"],
                       is_overlap=False, note="SKD diselenggarakan BKN; ambang batas SKB ditetapkan Menteri")
    services.detector_train(actor=minister, interface=C, note="Dilatih dari keputusan pertemuan 2024-2025")


def _seal(minister: User, cycle: Cycle, number: str, *, signers: int | None = None,
          moves: frozenset[str] = frozenset()) -> None:
    meeting = _meeting(minister, cycle, moves=moves)
    ba = services.meeting_close(actor=minister, interface=C, meeting=meeting, number=number)
    for index, participant in enumerate(cycle.participants.select_related("institution").order_by("-role")):
        if signers is not None and index >= signers:
            break
        services.berita_acara_sign(actor=_secretary(participant.institution.code), interface=C, berita_acara=ba)


def _monitor(cycle: Cycle, year: int) -> None:
    for draft in cycle.drafts.filter(kind=Draft.Kind.SELARAS).select_related("institution"):
        code = draft.institution.code
        for index, activity in enumerate(Activity.objects.filter(program__draft=draft).order_by("code")):
            for quarter in (1, 2, 3, 4):
                share = Decimal(quarter) / 4 * Decimal("0.85" if index % 2 else "1.0")
                services.realization_record(actor=_planner(code), interface=C, activity=activity, year=year,
                                            quarter=quarter, target_realized=(activity.target * share).quantize(Decimal("0.01")),
                                            budget_realized=int(activity.budget * Decimal("0.22")))
        report = services.evaluation_save(
            actor=_planner(code), interface=C, cycle=cycle, institution_id=draft.institution_id, year=year,
            summary=f"Realisasi {draft.institution.short_name} {year}: sebagian besar target tercapai; "
                    "serapan anggaran 88 persen.",
            recommendations="Pertajam indikator keluaran dan hindari duplikasi dengan lembaga lain.")
        services.evaluation_submit(actor=_secretary(code), interface=C, report=report)


def _revise_bkn(cycle: Cycle) -> None:
    """BKN takes over merit supervision from KASN in the revision (Pasal 8)."""
    draft = cycle.drafts.get(kind=Draft.Kind.USULAN, institution__code="BKN")
    planner = _planner("BKN")
    complaints = Activity.objects.get(program__draft=draft, code="BK2.1")
    services.activity_update(actor=planner, interface=C, activity=complaints,
                             data={"budget": complaints.budget + 5_000_000_000, "target": Decimal("700")})
    indicator = PolicyIndicator.objects.get(program__policy=cycle.policy, program__code="P2", code="I3")
    services.activity_add(actor=planner, interface=C, program=complaints.program, data={
        "code": "BK2.2", "name": "Penilaian penerapan sistem merit pada instansi pemerintah (dialihkan dari KASN)",
        "indicator": indicator, "output": "Hasil penilaian", "target": Decimal("250"), "target_unit": "instansi",
        "budget": 9_000_000_000, "unit_in_charge": "Deputi Bidang Pengawasan dan Pengendalian"})


def seed(*, actor: User, stdout: Any) -> None:
    for username, name, role, code in EXTRA_USERS:
        institution = NationalInstitution.objects.filter(code=code).first()
        if institution is not None and not User.objects.filter(username=username).exists():
            user_create(actor=actor, interface=C, username=username, password=DEMO_PASSWORD, role=role,
                        full_name=name, institution_id=institution.pk)
    if Cycle.objects.filter(title__startswith="Sinkronisasi Renja 2025").exists():
        return
    minister = _user("menpan")
    v1, v2 = _policy(minister)
    # Each step is its own durable unit of work, as in the application (no outer transaction).
    # 2023: four participants; coordinated and monitored.
    a = _cycle(minister, v1, "Sinkronisasi Renja 2025", PlanScope.TAHUNAN, (2025, 2025), dt.date(2023, 11, 1),
               dt.date(2024, 2, 28))
    _agenda(minister, a, "B/1021/SM.01.00/2023")
    _draft_and_submit(a)
    _seal(minister, a, "BA/01/SM.01.00/2024")
    services.coordination_send(actor=minister, interface=C, cycle=a, letter_number="B/310/PR.01/2024",
                               letter_date=dt.date(2024, 3, 4), to_bappenas=True, to_kemenkeu=True,
                               note="Bahan trilateral meeting Renja K/L 2025.")
    _monitor(a, 2025)
    # 2024: medium-term plan, sealed; revised in 2025 after KASN's functions moved (Pasal 8).
    b = _cycle(minister, v1, "Sinkronisasi Renstra 2025-2029", PlanScope.JANGKA_MENENGAH, (2025, 2029),
               dt.date(2024, 2, 1), dt.date(2024, 3, 20))
    _agenda(minister, b, "B/150/SM.01.00/2024")
    _draft_and_submit(b, scale=Decimal(5))
    # KASN's complaint handling moves to BKN ahead of the transfer of its functions.
    _seal(minister, b, "BA/02/SM.01.00/2024", moves=frozenset({"KS1.1"}))
    b1 = services.cycle_revise(actor=minister, interface=C, cycle=b, policy=v2,
                               reason="Perpres 2024: fungsi KASN dialihkan; pengawasan sistem merit oleh BKN.",
                               starts_on=dt.date(2025, 3, 3), ends_on=dt.date(2025, 3, 28),
                               reference_date=dt.date(2025, 3, 3))
    _agenda(minister, b1, "B/77/SM.01.00/2025")
    _revise_bkn(b1)
    _draft_and_submit(b1, only={"BKN"})
    # 2025: three participants; late against the calendar; signing in progress.
    c = _cycle(minister, v2, "Sinkronisasi Renja 2026", PlanScope.TAHUNAN, (2026, 2026), dt.date(2025, 1, 6),
               dt.date(2025, 4, 15), previous=a)
    _agenda(minister, c, "B/12/SM.01.00/2025")
    _draft_and_submit(c, scale=Decimal("1.1"))
    _seal(minister, c, "BA/03/SM.01.00/2025", signers=1)
    d = _cycle(minister, v2, "Sinkronisasi Renja 2027", PlanScope.TAHUNAN, (2027, 2027), dt.date(2025, 11, 3),
               dt.date(2026, 2, 27), previous=c)
    _agenda(minister, d, "B/990/SM.01.00/2025")
    _draft_and_submit(d, scale=Decimal("1.2"))
    _meeting(minister, d, decide=1)
    _learn(minister, d)
    e = _cycle(minister, v2, "Sinkronisasi Renja 2028", PlanScope.TAHUNAN, (2028, 2028), dt.date(2026, 10, 1),
               dt.date(2027, 2, 26), previous=d)
    _agenda(minister, e, "B/801/SM.01.00/2026")
    _draft_and_submit(e, only={"BKN"}, scale=Decimal("1.3"))
    _cycle(minister, v2, "Sinkronisasi Renja 2029", PlanScope.TAHUNAN, (2029, 2029), dt.date(2026, 11, 16),
           dt.date(2027, 3, 12), previous=e)
    reports = EvaluationReport.objects.filter(status=EvaluationReport.Status.SUBMITTED).count()
    stdout.write(f"    workplans: {Cycle.objects.count()} cycles, {reports} evaluation reports")
