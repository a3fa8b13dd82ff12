"""Demo talent data: assessment results for Kota Bandung, Kabupaten Kupang and KemenPANRB
(imported by their operators / BKN), critical posts with a succession plan in Bandung — one
of them vacant (Kepala Dinas Kesehatan, a JPT pratama post the demo opens without a holder)
with successors ready now, so ppk.bandung can find them and start the transfer — a national
priority with its candidates, and mobility proposals.

The performance axis comes from the performance chapter (provider ``performance.ratings``);
where it has no rating for last year an employee is "data incomplete", as in production,
and the succession nominations below are skipped (the seed says so)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from simasn.accounts.models import User
from simasn.core.errors import ApplicationError
from simasn.core.interfaces import Interface
from simasn.organization.models import Unit
from simasn.personnel.models import Employee
from simasn.positions import services as position_services
from simasn.positions.models import Position
from simasn.site.demo_support import rng
from simasn.talent import services
from simasn.talent.models import CriticalPosition, NationalPriority, TalentAssessment
from simasn.talent.placement import inputs_for, place_many

COMPONENTS = ("KOMPETENSI", "POTENSI", "KUALIFIKASI", "INTEGRITAS_MORALITAS")
SOURCES = {"KOMPETENSI": "Assessment Center BKN", "POTENSI": "Assessment Center BKN",
           "KUALIFIKASI": "Registri (pendidikan dan pelatihan)", "INTEGRITAS_MORALITAS": "Penilaian 360 derajat"}
BY = {"KOTA-BANDUNG": "operator.bandung", "KAB-KUPANG": "operator.kupang", "KEMENPANRB": "bkn"}
#: The vacant JPT post of the succession demo (Kota Bandung's Dinas Kesehatan).
VACANT_JPT = "JPT-DINKES"


def seed(*, actor: User, stdout: Any) -> None:
    if TalentAssessment.objects.exists():
        return
    r = rng("talent")
    today = timezone.localdate()
    for code, username in BY.items():
        user = User.objects.filter(username=username).first()
        if user is None:
            continue
        rows = ["nip,komponen,skor,tanggal_penilaian,sumber,nomor_laporan"]
        for index, employee in enumerate(Employee.objects.filter(instansi__code=code, status="AKTIF").order_by("id")[:60]):
            high = index % 3 == 0
            for component in COMPONENTS:
                score = r.randint(82, 97) if high else r.randint(60, 90)
                day = dt.date(today.year, r.randint(1, max(1, today.month - 1)), r.randint(1, 28))
                rows.append(f"{employee.nip},{component},{score},{day.isoformat()},{SOURCES[component]},LHP-{index:03d}")
        services.assessments_import(actor=user, interface=Interface.CLI, content="\n".join(rows).encode())
    _succession(actor=actor, stdout=stdout, today=today)
    _priority(stdout=stdout, today=today)
    stdout.write(f"    {TalentAssessment.objects.count()} assessment results, "
                 f"{CriticalPosition.objects.count()} critical posts")


def _vacant_jpt(*, actor: User) -> Position | None:
    """Kepala Dinas Kesehatan of Kota Bandung: a JPT pratama post opened without a holder
    (the head of the health office has retired), through the positions service."""
    unit = Unit.objects.filter(instansi__code="KOTA-BANDUNG", code="DINKES").first()
    if unit is None:
        return None
    found = Position.objects.filter(instansi_id=unit.instansi_id, code=VACANT_JPT).first()
    return found or position_services.position_create(actor=actor, interface=Interface.CLI, data={
        "instansi_id": unit.instansi_id, "unit_id": unit.pk, "code": VACANT_JPT,
        "name": f"Kepala {unit.name}", "kind": "JPT_PRATAMA", "functional_level": "", "functional_family": "",
        "seats": 1, "open_to_pppk": False})


def _succession(*, actor: User, stdout: Any, today: dt.date) -> None:
    ppk = User.objects.filter(username="ppk.bandung").first()
    if ppk is None:
        return
    vacant = _vacant_jpt(actor=actor)
    posts = [*([vacant] if vacant else []), *Position.objects.filter(
        instansi__code="KOTA-BANDUNG", kind__in=("JPT_PRATAMA", "ADMINISTRATOR"), is_active=True)
        .exclude(code=VACANT_JPT).order_by("kind", "code")[:3]]
    criticals = [services.critical_position_designate(
        actor=ppk, interface=Interface.CLI, position_id=p.pk,
        reason="Jabatan pimpinan dengan kewenangan anggaran dan layanan utama") for p in posts]
    employees = list(Employee.objects.filter(instansi__code="KOTA-BANDUNG", status="AKTIF").order_by("id"))
    placed = place_many(inputs_for([e.pk for e in employees], today), today)
    # The strongest first (box 9 before 7), so the vacant post gets the readiest successors.
    pool = sorted((e for e in employees if placed[e.pk].box in (7, 8, 9)), key=lambda e: (-(placed[e.pk].box or 0),
                                                                                          e.pk))
    if not pool:
        stdout.write("    (no performance ratings from the performance chapter: nobody is in boxes 7-9 yet, "
                     "so no successors were nominated)")
        return
    for n, critical in enumerate(criticals):
        # The vacant JPT keeps two successors ready now and one more in the pool to nominate.
        chosen = pool[:2] if n == 0 else pool[n + 1:n + 4]
        for k, employee in enumerate(chosen):
            try:
                services.successor_nominate(actor=ppk, interface=Interface.CLI, critical_position_id=critical.pk,
                                            employee_id=employee.pk,
                                            readiness="SIAP_SEKARANG" if k < 2 else "SIAP_1_2_TAHUN")
            except ApplicationError:
                continue
    ready = criticals[0].candidates.filter(readiness="SIAP_SEKARANG").count() if criticals else 0
    stdout.write(f"    vacant critical post {posts[0].name}: {ready} successors ready now, "
                 f"{max(0, len(pool) - 2)} more talent in boxes 7-9")


def _priority(*, stdout: Any, today: dt.date) -> None:
    menpan = User.objects.filter(username="menpan").first()
    if menpan is None or NationalPriority.objects.exists():
        return
    services.priority_create(actor=menpan, interface=Interface.CLI,
                             title="Percepatan penurunan stunting di NTT: pimpinan perangkat daerah kesehatan",
                             job_family="JPT_PRATAMA", region="PROV-NTT", needed=3,
                             deadline=dt.date(today.year + 1, 6, 30))
    services.priority_create(actor=menpan, interface=Interface.CLI,
                             title="Transformasi digital layanan publik: analis kebijakan",
                             job_family="ADMINISTRATOR", region="", needed=5,
                             deadline=dt.date(today.year + 1, 12, 31))
