"""bench/performance_pages.py N — the pages of one large unit (issue 15: "the pages of a
large unit answer in well under a second"), against the bare reads they need, same run.

    .venv/bin/python bench/performance_pages.py 2000 [--repeat 5]

Builds a PostgreSQL database (``simasn_performance_pages*``, dropped afterwards) with one
instansi whose unit has a head and N staff, a period with every plan prepared through the
service (each appraiser derived from the hierarchy) and an annual rating per plan. Then,
through Django's test client as the PyB and as the unit head: the unit's calibration page
(the whole unit's counts against the limits, the first page of 100 people with their
ratings), the head's team list (first page, with count) and the annual ratings list (first
page). Baseline: the same rows read bare (the queries' result only: no scope, no template,
no session). Prints the median of --repeat per page and the ratio. `bench/smoke.sh` runs it
at 200.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import database, django_setup, machine, prepare


def timed(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with database("simasn_performance_pages") as url:
        prepare(url, reference=False)
        django_setup(url)
        run(args.n, args.repeat)


def run(n: int, repeat: int) -> None:
    from django.conf import settings
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.urls import reverse

    from simasn.accounts.roles import Role
    from simasn.core.interfaces import Interface
    from simasn.performance import services
    from simasn.performance.models import ANNUAL, PerformancePlan, Rating
    from simasn.personnel.models import Employee
    from simasn.testing.factories import (
        EmployeeFactory,
        InstansiFactory,
        PositionFactory,
        UnitFactory,
        user_with_role,
    )

    instansi = InstansiFactory(name="Pemerintah Kota Bench", kind="KOTA")
    unit = UnitFactory(instansi=instansi, name="Dinas Pendidikan", code="DISDIK")
    head_pos = PositionFactory(instansi=instansi, unit=unit, name="Kepala Dinas", kind="JPT_PRATAMA")
    staff_pos = PositionFactory(instansi=instansi, unit=unit, name="Guru Ahli Pertama", kind="FUNGSIONAL",
                                functional_level="AHLI_PERTAMA", seats=n)
    head = EmployeeFactory(instansi=instansi, unit=unit, position=head_pos, name="Kepala Dinas Bench")
    # A NIP's serial has three digits: past 999 people born on one day would share NIPs.
    Employee.objects.bulk_create([EmployeeFactory.build(instansi=instansi, unit=unit, position=staff_pos,
                                                        birth_date=dt.date(1970, 1, 1) + dt.timedelta(days=i))
                                  for i in range(n)], batch_size=1000)
    operator = user_with_role(Role.OPERATOR, instansi=instansi)
    pyb = user_with_role(Role.PYB, instansi=instansi)
    head_user = user_with_role(Role.PEGAWAI, employee=head)
    start = time.perf_counter()
    period = services.period_open(actor=operator, interface=Interface.CLI, instansi_id=instansi.pk, year=2025)
    created = services.plans_prepare_all(actor=operator, interface=Interface.CLI, period=period)
    prepared = time.perf_counter() - start
    levels = ["DI_ATAS_EKSPEKTASI", "SESUAI_EKSPEKTASI", "SESUAI_EKSPEKTASI", "DI_BAWAH_EKSPEKTASI"]
    Rating.objects.bulk_create([
        Rating(plan=plan, evaluation=ANNUAL, work_result_rating=levels[i % 4], behaviour_rating="SESUAI_EKSPEKTASI",
               computed_predikat=("SANGAT_BAIK" if i % 4 == 0 else "BUTUH_PERBAIKAN" if i % 4 == 3 else "BAIK"),
               predikat=("SANGAT_BAIK" if i % 4 == 0 else "BUTUH_PERBAIKAN" if i % 4 == 3 else "BAIK"))
        for i, plan in enumerate(PerformancePlan.objects.filter(period=period, is_unit_leader=False))],
        batch_size=1000)
    services.unit_rating_set(actor=pyb, interface=Interface.CLI, period=period, unit_id=unit.pk, rating="BAIK")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

    # The pages as a browser on this host asks for them (the settings allow localhost). The
    # PyB's second factor is a step of logging in, not of the pages measured: off here.
    settings.SIMASN_REQUIRE_2FA = False
    official, boss = Client(HTTP_HOST="localhost"), Client(HTTP_HOST="localhost")
    official.force_login(pyb)
    boss.force_login(head_user)
    pages = {
        "unit calibration (PyB)": (official, reverse("performance:unit", args=[period.pk, unit.pk])),
        "team list, first page (head)": (boss, reverse("performance:team")),
        "annual ratings list, first page (PyB)": (official, reverse("performance:ratings")),
    }

    def bare_unit() -> None:
        # What the page shows: the unit's predikat counts and the first page of its people.
        list(Rating.objects.filter(plan__period=period, plan__unit=unit, evaluation=ANNUAL)
             .values("predikat").annotate(n=Count("pk")))
        list(Rating.objects.filter(plan__period=period, plan__unit=unit, evaluation=ANNUAL)
             .order_by("plan__employee__name").values_list("plan__employee__name", "plan__position__name",
                                                           "predikat")[:100])

    def bare_team() -> None:
        qs = PerformancePlan.objects.filter(period=period, appraiser=head)
        qs.count()
        list(qs.values_list("employee__name", "employee__nip", "position__name", "unit__name")[:25])

    def bare_ratings() -> None:
        qs = Rating.objects.filter(plan__instansi=instansi, evaluation=ANNUAL)
        qs.count()
        list(qs.values_list("plan__employee__name", "plan__employee__nip", "predikat")[:25])

    baselines = dict(zip(pages, [bare_unit, bare_team, bare_ratings], strict=True))
    print(f"performance pages, one unit of {n:,} staff + its head — {machine()}")
    print(f"  set-up: {created:,} plans prepared through the service (appraiser derived) in {prepared:.1f} s")
    for label, (client, url) in pages.items():
        response = client.get(url)
        assert response.status_code == 200, (label, response.status_code, response.get("Location"))
        ours = timed(lambda client=client, url=url: client.get(url), repeat)
        base = timed(baselines[label], repeat)
        print(f"  {label:<40} {ours * 1000:7.0f} ms; bare reads {base * 1000:6.0f} ms; ratio {ours / base:5.1f}"
              f" (goal: well under 1 s)")


if __name__ == "__main__":
    main()
