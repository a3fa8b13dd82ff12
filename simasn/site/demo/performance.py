"""Demo performance management for Kota Bandung: a closed year 2025 (every unit finalised
within its distribution limits — BKPSDM refused once, then calibrated — one "tidak
berkinerja" case waiting for the PPK) and an open year 2026 in progress (plans, evidence, a
dialogue, quarterly ratings), a work-culture programme with peer feedback, and the superior
of the demo employee as the login `atasan.bandung`; BKN's open 2026, whose top SKP take their
organisation goals from its work-plan programmes. Everything through the services."""

from __future__ import annotations

import datetime as dt
from typing import Any

from simasn.accounts.models import User
from simasn.accounts.roles import Role
from simasn.accounts.services import user_create
from simasn.core.errors import ApplicationError
from simasn.core.interfaces import Interface
from simasn.law import behaviour_indicators
from simasn.organization.models import Instansi
from simasn.performance import services
from simasn.performance.models import (
    ANNUAL,
    BehaviourFeedback,
    CultureActivity,
    PerformancePeriod,
    PerformancePlan,
    UnitRating,
    WorkResult,
)
from simasn.personnel.models import Employee
from simasn.site.demo_support import DEMO_PASSWORD, rng

CLI = Interface.CLI
ABOVE, AS, BELOW = "DI_ATAS_EKSPEKTASI", "SESUAI_EKSPEKTASI", "DI_BAWAH_EKSPEKTASI"
#: The organisation rating of each unit in 2025 (the PyB's, from the unit's own results).
UNIT_RATINGS = {"SETDA": "BAIK", "BKPSDM": "BAIK", "DISDIK": "ISTIMEWA", "DINKES": "ISTIMEWA"}
RESULTS = {
    "SETDA": ("Terselenggaranya koordinasi pemerintahan daerah yang efektif", "Indeks Reformasi Birokrasi", "75"),
    "BKPSDM": ("Meningkatnya kualitas layanan kepegawaian", "Layanan kepegawaian selesai tepat waktu", "95 %"),
    "DISDIK": ("Meningkatnya mutu pembelajaran", "Peserta didik tuntas belajar", "90 %"),
    "DINKES": ("Meningkatnya derajat kesehatan masyarakat", "Pasien terlayani sesuai standar", "98 %"),
}


def _user(username: str) -> User | None:
    return User.objects.filter(username=username).first()


def _fill_plan(*, actor: User, plan: PerformancePlan) -> None:
    if plan.results.exists():
        return
    text, indicator, target = RESULTS.get(plan.unit.code, RESULTS["SETDA"])
    parent: WorkResult | None = None
    if plan.appraiser_id:
        superior_plan = PerformancePlan.objects.filter(period=plan.period, employee_id=plan.appraiser_id).first()
        parent = superior_plan.results.first() if superior_plan else None
    services.result_add(actor=actor, interface=CLI, plan=plan, parent=parent,
                        organisation_goal="" if parent else "RPJMD Kota Bandung 2025-2029: " + text,
                        text=text if not parent else f"{text} ({plan.position.name})",
                        indicators=[{"text": indicator, "kind": "QUANT", "target": target}])


def _plans_top_down(period: PerformancePeriod) -> list[PerformancePlan]:
    """Leaders first, so a subordinate's result can cascade from its superior's."""
    plans = list(PerformancePlan.objects.filter(period=period).select_related("unit", "position"))
    depth: dict[int, int] = {}

    def level(plan: PerformancePlan) -> int:
        if plan.pk in depth:
            return depth[plan.pk]
        depth[plan.pk] = 0
        up = next((p for p in plans if p.employee_id == plan.appraiser_id), None)
        depth[plan.pk] = 0 if up is None else level(up) + 1
        return depth[plan.pk]

    return sorted(plans, key=lambda p: (level(p), p.pk))


def _rate_unit(*, pyb: User, period: PerformancePeriod, unit_code: str, calibrated: bool) -> None:
    plans = [p for p in PerformancePlan.objects.filter(period=period, unit__code=unit_code, is_unit_leader=False)
             .order_by("pk")]
    n = len(plans)
    allowed_baik = (70 * n) // 100
    for i, plan in enumerate(plans):
        if not calibrated:
            pair = (AS, AS)
        elif UNIT_RATINGS[unit_code] == "ISTIMEWA":
            pair = (ABOVE, ABOVE) if i % 3 == 0 else (AS, AS)
        elif i == n - 1:
            pair = (BELOW, AS)  # Butuh Perbaikan: the unit must have one (PermenPANRB 6/2022)
        elif i < allowed_baik:
            pair = (AS, AS)
        else:
            pair = (ABOVE, ABOVE)
        needs = ["Pelatihan teknis sesuai jabatan"] if pair[0] == BELOW else []
        services.rating_set(actor=pyb, interface=CLI, plan=plan, evaluation=ANNUAL, work_result_rating=pair[0],
                            behaviour_rating=pair[1], development_needs=needs)
    for plan in PerformancePlan.objects.filter(period=period, unit__code=unit_code, is_unit_leader=True):
        services.rating_set(actor=pyb, interface=CLI, plan=plan, evaluation=ANNUAL, work_result_rating="",
                            behaviour_rating=AS)


def _closed_year(*, instansi: Instansi, operator: User, pyb: User, ppk: User, stdout: Any) -> None:
    if PerformancePeriod.objects.filter(instansi=instansi, year=2025).exists():
        return
    period = services.period_open(actor=operator, interface=CLI, instansi_id=instansi.pk, year=2025)
    services.plans_prepare_all(actor=operator, interface=CLI, period=period)
    for plan in _plans_top_down(period):
        _fill_plan(actor=operator, plan=plan)
    units = sorted({p.unit.code: p.unit_id for p in PerformancePlan.objects.filter(period=period)
                    .select_related("unit")}.items())
    for code, unit_id in units:
        services.unit_rating_set(actor=pyb, interface=CLI, period=period, unit_id=unit_id,
                                 rating=UNIT_RATINGS.get(code, "BAIK"))
        # BKPSDM's first ratings are all "as expected": the finalisation is refused, then calibrated.
        _rate_unit(pyb=pyb, period=period, unit_code=code, calibrated=code != "BKPSDM")
        unit_rating = UnitRating.objects.get(period=period, unit_id=unit_id)
        if code == "BKPSDM":
            try:
                services.unit_finalise(actor=pyb, interface=CLI, unit_rating=unit_rating)
            except ApplicationError as refused:
                stdout.write(f"    BKPSDM 2025 refused as planned: {refused.message}")
            _rate_unit(pyb=pyb, period=period, unit_code=code, calibrated=True)
        services.unit_finalise(actor=ppk, interface=CLI, unit_rating=unit_rating)
    services.period_close(actor=operator, interface=CLI, period=period)


def _open_year(*, instansi: Instansi, operator: User, pyb: User, pegawai: User | None, atasan: User | None) -> None:
    period = PerformancePeriod.objects.filter(instansi=instansi, year=2026).first()
    if period is not None:
        return
    period = services.period_open(actor=operator, interface=CLI, instansi_id=instansi.pk, year=2026)
    services.plans_prepare_all(actor=operator, interface=CLI, period=period)
    for plan in _plans_top_down(period):
        if plan.unit.code == "BKPSDM" or plan.is_unit_leader:
            _fill_plan(actor=operator, plan=plan)
    # December: the PyB has set BKPSDM's organisation rating for 2026, so its head (the demo's
    # atasan.bandung) rates the team with the limits in view on the unit's calibration page.
    bkpsdm = PerformancePlan.objects.filter(period=period, unit__code="BKPSDM").values_list("unit_id", flat=True)
    if bkpsdm:
        services.unit_rating_set(actor=pyb, interface=CLI, period=period, unit_id=bkpsdm[0],
                                 rating=UNIT_RATINGS["BKPSDM"])
    if pegawai is None or atasan is None or pegawai.employee is None:
        return
    mine = PerformancePlan.objects.filter(period=period, employee=pegawai.employee).first()
    if mine is None:
        return
    plan = mine
    _fill_plan(actor=pegawai, plan=plan)
    result = plan.results.first()
    if result is not None:
        services.expectation_set(actor=atasan, interface=CLI, result=result,
                                 expectation="Layanan diselesaikan tepat waktu dengan data yang sinkron di register.")
        indicator = result.indicators.first()
        if indicator is not None:
            services.realisation_record(actor=pegawai, interface=CLI, indicator=indicator,
                                        realisation="Triwulan I-III: 93 % selesai tepat waktu")
    for value in behaviour_indicators(period.start_date)[:2]:
        services.behaviour_expectation_set(actor=atasan, interface=CLI, plan=plan, value_code=value["code"],
                                           expectation=f"Menunjukkan perilaku {value['label_id']} dalam layanan.")
    services.evidence_add(actor=pegawai, interface=CLI, plan=plan, description="Rekap layanan triwulan III",
                          link="https://simasn.example.go.id/laporan/layanan-tw3")
    codes = [e["code"] for e in services.evaluations(period)]  # the law's quarters, then the year
    held = services.dialogue_plan(actor=atasan, interface=CLI, plan=plan, planned_on=dt.date(2026, 4, 8),
                                  evaluation=codes[0])
    services.dialogue_record(actor=atasan, interface=CLI, dialogue=held, held_on=dt.date(2026, 4, 8),
                             notes="Capaian triwulan I sesuai target; sinkronisasi data unit perlu dipercepat.",
                             agreed_actions="Rekonsiliasi data unit dengan BKPSDM setiap bulan.")
    services.dialogue_plan(actor=pegawai, interface=CLI, plan=plan, planned_on=dt.date(2026, 12, 15),
                           evaluation=codes[3])
    for code, pair in zip(codes[:3], [(AS, AS), (ABOVE, AS), (AS, ABOVE)], strict=True):
        services.rating_set(actor=atasan, interface=CLI, plan=plan, evaluation=code, work_result_rating=pair[0],
                            behaviour_rating=pair[1])


def _workplan_year(*, code: str, operator: User | None) -> None:
    """An instansi with both a period and a work plan (BKN takes part in the PermenRK
    synchronization): its 2026 SKP at the top take their organisation goals from the
    programmes of its work plan, and its unit leaders cascade from them."""
    instansi = Instansi.objects.filter(code=code).first()
    if instansi is None or operator is None or PerformancePeriod.objects.filter(instansi=instansi, year=2026).exists():
        return
    period = services.period_open(actor=operator, interface=CLI, instansi_id=instansi.pk, year=2026)
    services.plans_prepare_all(actor=operator, interface=CLI, period=period)
    plans = _plans_top_down(period)
    programmes = services.organisation_programmes(plans[0]) if plans else []
    for index, plan in enumerate(p for p in plans if p.appraiser_id is None or p.is_unit_leader):
        if plan.results.exists():
            continue
        if plan.appraiser_id is None and programmes:
            programme = programmes[index % len(programmes)]
            services.result_add(actor=operator, interface=CLI, plan=plan, programme_key=programme["key"],
                                text=f"Terlaksananya program {programme['name']}",
                                indicators=[{"text": f"Capaian program {programme['code']}", "kind": "QUANT",
                                             "target": "100 %"}])
            continue
        superior_plan = PerformancePlan.objects.filter(period=period, employee=plan.appraiser).first()
        parent = superior_plan.results.first() if superior_plan else None
        if parent is None:
            continue
        services.result_add(actor=operator, interface=CLI, plan=plan, parent=parent,
                            text=f"{parent.text} ({plan.unit.name})",
                            indicators=[{"text": "Kegiatan unit selesai sesuai jadwal", "kind": "QUANT",
                                         "target": "100 %"}])


def _culture(*, instansi: Instansi, operator: User) -> None:
    if CultureActivity.objects.filter(instansi=instansi).exists():
        return
    staff = list(Employee.objects.filter(instansi=instansi, status="AKTIF").order_by("pk")[:40])
    services.culture_activity_add(actor=operator, interface=CLI, instansi_id=instansi.pk,
                                  title="Apel pagi dan internalisasi nilai BerAKHLAK", held_on=dt.date(2026, 1, 12),
                                  value_codes=["BERORIENTASI_PELAYANAN", "AKUNTABEL"],
                                  participant_ids=[e.pk for e in staff])
    services.culture_activity_add(actor=operator, interface=CLI, instansi_id=instansi.pk,
                                  title="Sosialisasi kode etik dan kode perilaku ASN", held_on=dt.date(2026, 3, 4),
                                  value_codes=["KODE_ETIK"], participant_ids=[e.pk for e in staff[:25]])


def _feedback(*, period: PerformancePeriod) -> None:
    """Peers in each unit give feedback on two values (enough for the culture view's cells)."""
    if BehaviourFeedback.objects.filter(plan__period=period).exists():
        return
    r = rng("performance-feedback")
    codes = [v["code"] for v in behaviour_indicators(period.start_date)]
    plans = list(PerformancePlan.objects.filter(period=period, is_unit_leader=False).select_related("employee"))
    by_appraiser: dict[int | None, list[PerformancePlan]] = {}
    for plan in plans:
        by_appraiser.setdefault(plan.appraiser_id, []).append(plan)
    # Feedback is given by a signed-in peer: the demo makes a login for five givers of the
    # largest team (enough for the culture view's cells, which hide counts below five).
    for group in sorted(by_appraiser.values(), key=len, reverse=True)[:1]:
        givers = group[:5]
        for plan in group[:8]:
            for giver in givers:
                if giver.employee_id == plan.employee_id:
                    continue
                user = _peer_user(giver.employee)
                for code in codes[:3]:
                    rating = r.choices([BELOW, AS, ABOVE], weights=[2, 6, 2] if code != codes[2] else [5, 4, 1])[0]
                    services.feedback_give(actor=user, interface=CLI, plan=plan, value_code=code, rating=rating)


def _peer_user(employee: Employee) -> User:
    found = User.objects.filter(employee=employee).first()
    if found is not None:
        return found
    return user_create(actor=None, interface=CLI, username=f"pegawai.{employee.nip}", password=DEMO_PASSWORD,
                       role=Role.PEGAWAI, full_name=employee.name, instansi_id=employee.instansi_id,
                       employee_id=employee.pk)


def seed(*, actor: User, stdout: Any) -> None:
    instansi = Instansi.objects.filter(code="KOTA-BANDUNG").first()
    operator, pyb, ppk = _user("operator.bandung"), _user("pyb.bandung"), _user("ppk.bandung")
    if instansi is None or operator is None or pyb is None or ppk is None:
        return
    pegawai = _user("pegawai.bandung")
    atasan = _user("atasan.bandung")
    _closed_year(instansi=instansi, operator=operator, pyb=pyb, ppk=ppk, stdout=stdout)
    if atasan is None and pegawai is not None and pegawai.employee is not None:
        plan = PerformancePlan.objects.filter(employee=pegawai.employee, appraiser__isnull=False).order_by(
            "-period__year").first()
        if plan is not None and plan.appraiser is not None:
            atasan = User.objects.filter(employee=plan.appraiser).first() or user_create(
                actor=actor, interface=CLI, username="atasan.bandung", password=DEMO_PASSWORD, role=Role.PEGAWAI,
                full_name=plan.appraiser.name, instansi_id=instansi.pk, employee_id=plan.appraiser.pk)
    _open_year(instansi=instansi, operator=operator, pyb=pyb, pegawai=pegawai, atasan=atasan)
    _workplan_year(code="BKN", operator=_user("operator.bkn"))
    _culture(instansi=instansi, operator=operator)
    # A second instansi with a closed year, so the talent chapter's nine-box (which reads
    # last year's ratings) places people in more than one agency: Kabupaten Kupang, whose
    # PPK rates and finalises (the demo has no PyB login there).
    kupang, operator_kupang, ppk_kupang = (Instansi.objects.filter(code="KAB-KUPANG").first(),
                                           _user("operator.kupang"), _user("ppk.kupang"))
    if kupang is not None and operator_kupang is not None and ppk_kupang is not None:
        _closed_year(instansi=kupang, operator=operator_kupang, pyb=ppk_kupang, ppk=ppk_kupang, stdout=stdout)
    open_period = PerformancePeriod.objects.filter(instansi=instansi, year=2026).first()
    if open_period is not None:
        _feedback(period=open_period)
