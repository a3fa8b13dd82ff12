"""bench/queries.py DBNAME — latency of the register's everyday reads on a loaded database
(e.g. the one `bench/projection.py 4300000 --keep` leaves): employee search by name and by
NIP prefix (national and within one instansi: first page of 25 plus the paginator's count)
and the 12-month retirement register. Best of 3, milliseconds.

    .venv/bin/python bench/queries.py simasn_bench_projection
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import PG, django_setup, machine


def timed(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("db")
    args = parser.parse_args()
    django_setup(f"{PG}/{args.db}")
    from simasn.accounts.models import User
    from simasn.accounts.roles import Role
    from simasn.organization.models import Instansi
    from simasn.personnel.models import Employee
    from simasn.personnel.selectors import employee_list

    total = Employee.objects.count()
    print(f"bench/queries.py on {args.db}: {total} employees; {machine()}")
    national, _ = User.objects.get_or_create(username="bench-national", defaults={"role": Role.ADMIN})
    busiest = Instansi.objects.get(code="D035")
    operator, _ = User.objects.get_or_create(username="bench-operator",
                                             defaults={"role": Role.OPERATOR, "instansi": busiest})
    prefix = Employee.objects.order_by("id").values_list("nip", flat=True).first()[:10]
    cases = [
        ("search name 'Budi Santoso', national", national, "Budi Santoso"),
        ("search name 'Ratna', national", national, "Ratna"),
        (f"search NIP prefix {prefix}, national", national, prefix),
        ("search name 'Budi', operator of one instansi", operator, "Budi"),
    ]
    from simasn.web.pagination import EstimatingPaginator

    def shown_total(qs) -> str:
        paginator = EstimatingPaginator(qs, 25)
        return f"{'about ' if paginator.estimated else ''}{paginator.count}"

    for label, viewer, q in cases:
        qs = employee_list(viewer=viewer, q=q)
        page = timed(lambda qs=qs: list(qs[:25]))
        count = timed(lambda qs=qs: qs.count())
        listed = timed(lambda qs=qs: EstimatingPaginator(qs, 25).count)
        print(f"{label}: first page {page:.0f} ms, exact count {count:.0f} ms ({qs.count()} matches); "
              f"the list page's total {listed:.0f} ms ({shown_total(qs)})")
    try:
        from simasn.actions.selectors import retirement_register
    except ImportError:
        print("retirement register: simasn.actions not installed")
        return
    on = dt.date(2026, 7, 1)
    for label, viewer in (("national", national), ("operator", operator)):
        qs = retirement_register(viewer=viewer, on=on, months=12)
        page = timed(lambda qs=qs: list(qs[:25]))
        count = timed(lambda qs=qs: qs.count())
        listed = timed(lambda qs=qs: EstimatingPaginator(qs, 25).count)
        print(f"retirement register 12 months, {label}: first page {page:.0f} ms, exact count {count:.0f} ms "
              f"({qs.count()} employees); the list page's total {listed:.0f} ms ({shown_total(qs)})")


if __name__ == "__main__":
    main()
