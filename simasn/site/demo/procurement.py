"""Demo procurement, all through the services: an open CPNS period (this year) with vacancies
of Kota Bandung, Kabupaten Bogor and Kabupaten Kupang, and four periods of fiscal year 2024
(the last year whose passing-grade decree the law data keeps) stopped at each later stage —
verification, SKD done (SKB), final result, appointed — each later one with its announcements
(administrative result, SKD result and SKB participants, final result: signed PDFs), and with a few hundred applicants, each
period taking its own share of them; the committee and applicant logins.

On the demo day the verification period has work in both directions: Kota Bandung's panitia
still has applications to verify, and Bogor and Kupang announced their administrative result
yesterday, so the sanggah window (``selection.sanggah_deadline``: from the day after the
announcement) is open today — and the demo applicant, found TMS at Bogor, can file one."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from django.test import override_settings
from django.utils import timezone

from simasn.accounts.models import User
from simasn.accounts.roles import Role
from simasn.accounts.services import user_create
from simasn.core.interfaces import Interface
from simasn.organization.models import Instansi
from simasn.positions.models import Position
from simasn.procurement.models import (
    Applicant,
    Application,
    DocumentType,
    SelectionPeriod,
    Stage,
    Vacancy,
)
from simasn.procurement.services import (
    announcements,
    appointment,
    portal,
    registration,
    selection,
    verification,
)
from simasn.site.demo_support import DEMO_APPLICANT_NIK, DEMO_PASSWORD

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
#: The past periods use two vacancies each (a teacher and an IT post) in both instansi.
PAST_VACANCIES = [VACANCIES[0], VACANCIES[3]]
PANITIA = [("panitia.bandung", "Siti Nurhaliza", "KOTA-BANDUNG"), ("panitia.bogor", "Dadang Kusnadi", "KAB-BOGOR"),
           ("panitia.kupang", "Maria Tefa", "KAB-KUPANG")]
OPERATORS = (("operator.bandung", "KOTA-BANDUNG"), ("operator.bogor", "KAB-BOGOR"), ("operator.kupang", "KAB-KUPANG"))
#: The instansi whose panitia has not finished verifying on the demo day (the others announced).
STILL_VERIFYING = "KOTA-BANDUNG"
#: Where the demo applicant applied in the verification period (found TMS there: the sanggah case).
DEMO_APPLICANT_TMS_AT = ("KAB-BOGOR", "FUNG-GURU")
#: The demo applicant logs in with their NIK (Kota Bandung, born 12 March 1999, male).
DEMO_APPLICANT = (DEMO_APPLICANT_NIK, "Budi Santoso", dt.date(1999, 3, 12), "L")
#: fiscal year 2024 periods: name suffix, the stage they stop at, registration opens.
PAST = [("verifikasi", Stage.VERIFICATION, dt.date(2024, 8, 20)), ("SKB", Stage.SKB, dt.date(2024, 8, 21)),
        ("hasil akhir", Stage.FINAL, dt.date(2024, 8, 22)), ("pengangkatan", Stage.APPOINTMENT, dt.date(2024, 8, 23))]
PDF = b"%PDF-1.4\n% SIMASN demo document\n%%EOF\n"
#: Applicants of the demo (besides the demo login), from Kota Bandung, Kabupaten Bogor and Kabupaten Kupang.
APPLICANTS = 360
#: How many of them apply in each period (a different share each time: people apply again in a later
#: year); each application is a few service calls, so this — not the number of people — sets the seed time.
APPLICATIONS_PER_PAST_PERIOD = 120
#: How many have already applied in the open period (receipts, reconciliation).
APPLIED_WHILE_OPEN = 60
#: NIK region codes of the crowd (Kota Bandung, Kabupaten Bogor, Kabupaten Kupang).
REGIONS = ("327301", "320101", "530101")
#: First names by sex (the NIK encodes it), family names; drawn with a seeded RNG, so the same every seed.
FIRST = {"L": ["Agus", "Rizki", "Bayu", "Yohanes", "Fajar", "Andi", "Dimas", "Hendra", "Yosef", "Ilham", "Asep",
               "Gregorius", "Wahyu", "Dedi", "Arif"],
         "P": ["Dewi", "Putri", "Sari", "Maria", "Intan", "Nur", "Ayu", "Rina", "Yuliana", "Fitri", "Neng",
               "Agustina", "Wulan", "Lina", "Siska"]}
LAST = ["Saputra", "Lestari", "Hidayat", "Wulandari", "Nainggolan", "Tefa", "Pratama", "Siregar", "Kurniawan",
        "Permana", "Suryani", "Benu", "Nugraha", "Rahmawati", "Setiawan", "Manafe", "Gunawan", "Kusuma"]


def _register(nik: str, name: str, birth: dt.date, sex: str) -> Applicant:
    found = Applicant.objects.filter(nik=nik).first()
    if found is not None:
        return found
    return registration.applicant_register(interface=Interface.CLI, nik=nik, name=name, birth_date=birth, sex=sex,
                                           email=f"{nik}@contoh.id", password=DEMO_PASSWORD)


def _open_vacancies(period: SelectionPeriod, specs: list[Any]) -> None:
    for operator_name, code in OPERATORS:
        operator = User.objects.filter(username=operator_name).first()
        for position_code, formasi_type, seats, education, documents in specs:
            position = Position.objects.filter(instansi__code=code, code=position_code).first()
            if operator is None or position is None or period.vacancies.filter(
                    position=position, formasi_type=formasi_type).exists():
                continue
            portal.vacancy_open(
                actor=operator, interface=Interface.CLI, period_id=period.pk, position_id=position.pk,
                formasi_type=formasi_type, seats=seats, education=education,
                requirements="Warga negara Indonesia; usia paling rendah 18 tahun dan paling tinggi 35 tahun pada "
                             "saat melamar; tidak pernah diberhentikan dengan tidak hormat.",
                required_documents=[str(d) for d in documents],
                formasi_decision=f"Data demo: penetapan kebutuhan {position.instansi.name} TA {period.fiscal_year}",
                formasi_decided_on=period.opens_on - dt.timedelta(days=30))


def _crowd() -> list[Applicant]:
    """Demo applicants from Kota Bandung and Kabupaten Kupang (NIKs with their region codes).
    They never sign in, so a fast hasher keeps the seed quick; the demo login above uses the
    normal one."""
    r = random.Random("simasn-demo-procurement")
    people = []
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        for i in range(APPLICANTS):
            sex = "L" if i % 2 == 0 else "P"
            birth = dt.date(1993 + i % 8, 1 + i % 12, 1 + (i * 7) % 28)
            region = REGIONS[i % len(REGIONS)]
            day = birth.day + (40 if sex == "P" else 0)
            nik = f"{region}{day:02d}{birth:%m%y}{1000 + i:04d}"
            name = f"{r.choice(FIRST[sex])} {r.choice(LAST)}"
            people.append(_register(nik, name, birth, sex))
    return people


def _apply_all(period: SelectionPeriod, people: list[Applicant], pinned: dict[int, Vacancy] | None = None) -> None:
    """Each person applies to the next vacancy in turn, or to the one ``pinned`` for them."""
    vacancies = list(Vacancy.objects.filter(period=period).order_by("id"))
    on = min(period.opens_on + dt.timedelta(days=2), timezone.localdate())
    for i, person in enumerate(people):
        if Application.objects.filter(applicant=person, period=period).exists():
            continue
        vacancy = (pinned or {}).get(person.pk) or vacancies[i % len(vacancies)]
        user = person.user
        registration.draft_save(actor=user, interface=Interface.CLI, period_id=period.pk, vacancy_id=vacancy.pk,
                                data={"education_level": "S1", "ipk": f"{2.9 + (i % 10) / 10:.2f}"}, on=on)
        for doc in vacancy.required_documents:
            registration.document_upload(actor=user, interface=Interface.CLI, period_id=period.pk, doc_type=doc,
                                         content=PDF + f"{doc}".encode(), original_name=f"{doc}.pdf", on=on)
        registration.application_submit(actor=user, interface=Interface.CLI, period_id=period.pk,
                                        idempotency_key=f"demo-{period.pk}-{person.pk}", on=on)


def _advance(bkn: User, period: SelectionPeriod, stage: str) -> None:
    period.refresh_from_db()
    if period.stage != stage:
        portal.period_advance(actor=bkn, interface=Interface.CLI, period_id=period.pk, to_stage=stage)


def _verify(period: SelectionPeriod, panitia: dict[int, User], *, leave_undone: int | None = None,
            demo_tms: bool = False) -> None:
    """Verify the period's applications; at the instansi ``leave_undone`` (if given) every
    third application is left for its panitia. The demo applicant is MS unless ``demo_tms``."""
    apps = (Application.objects.filter(period=period, admin_verdict="").select_related("vacancy", "applicant")
            .order_by("id"))
    seen_there = 0
    for i, app in enumerate(apps):
        if app.vacancy.instansi_id == leave_undone:
            seen_there += 1
            if seen_there % 3 == 0:
                continue
        verdicts = {d["doc_type"]: ("MS", "") for d in app.documents}
        is_demo = app.applicant.nik == DEMO_APPLICANT[0]
        if (i % 9 == 4 and not is_demo) or (is_demo and demo_tms):  # some are found wanting, with a reason
            verdicts["IJAZAH"] = ("TMS", "Ijazah belum dilegalisasi oleh perguruan tinggi")
        verification.application_verify(actor=panitia[app.vacancy.instansi_id], interface=Interface.CLI,
                                        application_id=app.pk, verdicts=verdicts)


def _announce(period: SelectionPeriod, panitia: dict[int, User], kind: str, on: dt.date,
              skip: int | None = None) -> None:
    for instansi_id, user in panitia.items():
        if instansi_id != skip and not period.announcements.filter(instansi_id=instansi_id, kind=kind).exists():
            announcements.announcement_publish(actor=user, interface=Interface.CLI, period_id=period.pk,
                                               instansi_id=instansi_id, kind=kind, on=on)


def _skd(bkn: User, period: SelectionPeriod) -> None:
    r = random.Random(f"skd-{period.pk}")
    lines = ["nomor_peserta,nik,twk,tiu,tkp"]
    for app in Application.objects.filter(period=period, admin_verdict="MS").select_related("applicant"):
        ability = r.gauss(0, 1)
        twk = 5 * max(0, min(30, round(17 + 4 * ability + r.gauss(0, 2))))
        tiu = 5 * max(0, min(35, round(19 + 5 * ability + r.gauss(0, 2))))
        tkp = max(45, min(225, round(170 + 12 * ability + r.gauss(0, 4))))
        lines.append(f"{app.receipt_number},{app.applicant.nik},{twk},{tiu},{tkp}")
    selection.results_import(actor=bkn, interface=Interface.CLI, period_id=period.pk, kind="SKD",
                             content="\n".join(lines).encode(), filename="skd.csv")
    selection.skd_rank(actor=bkn, interface=Interface.CLI, period_id=period.pk)


def _skb(period: SelectionPeriod, panitia: dict[int, User]) -> None:
    r = random.Random(f"skb-{period.pk}")
    for instansi_id, user in panitia.items():
        lines = ["nomor_peserta,nik,skb_cat,skb_wawancara,skb_lainnya"]
        for app in Application.objects.filter(period=period, proceeds_skb=True,
                                              vacancy__instansi_id=instansi_id).select_related("applicant"):
            lines.append(f"{app.receipt_number},{app.applicant.nik},{Decimal(r.randint(5000, 9500)) / 100},,")
        selection.results_import(actor=user, interface=Interface.CLI, period_id=period.pk, kind="SKB",
                                 content="\n".join(lines).encode(), filename="skb.csv")


def _past_period(bkn: User, panitia: dict[int, User], people: list[Applicant], suffix: str, stop: str,
                 opens: dt.date) -> None:
    """One fiscal-2024 period taken through the services up to the stage ``stop``."""
    name = f"Seleksi CPNS 2024 — {suffix} (demo)"
    period = SelectionPeriod.objects.filter(name=name).first()
    if period is None:
        period = portal.period_create(actor=bkn, interface=Interface.CLI, name=name, fiscal_year=2024,
                                      employee_type="PNS", opens_on=opens, closes_on=opens + dt.timedelta(days=21))
    if period.stage != Stage.OPEN:
        return  # seeded before
    _open_vacancies(period, PAST_VACANCIES)
    if stop == Stage.VERIFICATION:
        code, position = DEMO_APPLICANT_TMS_AT
        demo_vacancy = period.vacancies.filter(instansi__code=code, position__code=position).first()
        demo = next((p for p in people if p.nik == DEMO_APPLICANT[0]), None)
        _apply_all(period, people, pinned={demo.pk: demo_vacancy} if demo and demo_vacancy else None)
    else:
        _apply_all(period, people)
    _advance(bkn, period, Stage.VERIFICATION)
    if stop == Stage.VERIFICATION:
        # The demo day: one panitia still verifying; the others announced yesterday, so the
        # sanggah window (from the day after the announcement) is open today for those found TMS.
        waiting = Instansi.objects.filter(code=STILL_VERIFYING).values_list("pk", flat=True).first()
        _verify(period, panitia, leave_undone=waiting, demo_tms=True)
        _announce(period, panitia, "ADMINISTRASI", timezone.localdate() - dt.timedelta(days=1), skip=waiting)
        return
    _verify(period, panitia)
    _announce(period, panitia, "ADMINISTRASI", dt.date(2024, 9, 19))
    _advance(bkn, period, Stage.SKD)
    _skd(bkn, period)
    # Each instansi announces its SKD result and SKB participants (the period cannot move on before).
    _announce(period, panitia, "SKD", dt.date(2024, 11, 25))
    _advance(bkn, period, Stage.SKB)
    if stop == Stage.SKB:
        return
    _skb(period, panitia)
    _advance(bkn, period, Stage.FINAL)
    for instansi_id, user in panitia.items():
        selection.final_rank(actor=user, interface=Interface.CLI, period_id=period.pk, instansi_id=instansi_id)
    _announce(period, panitia, "FINAL", dt.date(2024, 12, 20))
    if stop == Stage.FINAL:
        return
    _advance(bkn, period, Stage.APPOINTMENT)
    for app in Application.objects.filter(period=period, selected=True).select_related("vacancy__instansi"):
        operator = User.objects.filter(role=Role.OPERATOR, instansi_id=app.vacancy.instansi_id).first()
        if operator is not None:
            appointment.appointment_make(actor=operator, interface=Interface.CLI, application_id=app.pk,
                                         tmt=dt.date(2025, 3, 1))


def seed(*, actor: User, stdout: Any) -> None:
    panitia: dict[int, User] = {}
    for username, full_name, code in PANITIA:
        instansi = Instansi.objects.filter(code=code).first()
        if instansi is None:
            continue
        user = User.objects.filter(username=username).first() or user_create(
            actor=actor, interface=Interface.CLI, username=username, password=DEMO_PASSWORD,
            role=Role.PANITIA_SELEKSI, full_name=full_name, instansi_id=instansi.pk)
        panitia[instansi.pk] = user
    bkn = User.objects.filter(username="bkn").first()
    if bkn is None or not panitia:
        return
    today = timezone.localdate()
    name = f"Seleksi CPNS {today.year}"
    current = SelectionPeriod.objects.filter(name=name).first() or portal.period_create(
        actor=bkn, interface=Interface.CLI, name=name, fiscal_year=today.year, employee_type="PNS",
        opens_on=today - dt.timedelta(days=10), closes_on=today + dt.timedelta(days=14))
    if current.stage == Stage.OPEN:
        _open_vacancies(current, VACANCIES)
    crowd = _crowd()
    if current.stage == Stage.OPEN:
        _apply_all(current, crowd[:APPLIED_WHILE_OPEN])
    demo = _register(*DEMO_APPLICANT)
    for n, (suffix, stop, opens) in enumerate(PAST):
        # Each period its own share of the crowd (shares overlap at the edges, as people apply
        # again); the demo applicant in all but the appointed one.
        start = (APPLIED_WHILE_OPEN + n * (APPLICANTS - APPLIED_WHILE_OPEN) // len(PAST)) % APPLICANTS
        share = [*crowd[start:], *crowd[:start]][:APPLICATIONS_PER_PAST_PERIOD]
        _past_period(bkn, panitia, [demo, *share] if stop != Stage.APPOINTMENT else share, suffix, stop, opens)
    stdout.write(f"    procurement: {SelectionPeriod.objects.count()} periods, {Applicant.objects.count()} applicants, "
                 f"{Application.objects.count()} applications\n")
