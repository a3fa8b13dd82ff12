"""bench/satyalancana.py N — the yearly Satyalancana Karya Satya list for every instansi,
end to end, vs the law's assessment alone over the same employees, in the same run.

    .venv/bin/python bench/satyalancana.py 20000 [--seed 1] [--repeat 3]

Ours: `simasn.rewards.services.satyalancana_refresh_many` over every instansi — what the
daily job does: the PNS rows read from PostgreSQL in chunks, the discipline record through
the provider `discipline.record` per chunk, the assessment once, the candidate rows
rewritten in one transaction with batched inserts and one audit event per instansi.
Baseline: `simasn.law.satyalancana_candidates` alone over records built in memory from
the same (id, TMT CPNS) pairs, read once before timing. Best of --repeat runs each; the
ratio is ours / baseline (what the database and the writes cost on top of the law).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import (
    database,
    django_setup,
    load_register_fast,
    machine,
    prepare,
    register_file,
)

ON = dt.date(2026, 12, 1)


def best(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--instansi", type=int, default=0, help="only the K instansi with most PNS (0: all)")
    args = parser.parse_args()
    path = register_file(args.n, args.seed)
    with database("simasn_discipline_bench_satyalancana") as url:
        prepare(url)
        load_register_fast(url, path)
        django_setup(url)
        from django.db.models import Count, Q

        from simasn.core.interfaces import Interface
        from simasn.law import SatyalancanaRecord, satyalancana_candidates
        from simasn.organization.models import Instansi
        from simasn.personnel.models import Employee
        from simasn.rewards.models import SatyalancanaCandidate
        from simasn.rewards.services import satyalancana_refresh_many

        ranked = Instansi.objects.annotate(pns=Count("employees", filter=Q(employees__employee_type="PNS"))) \
            .order_by("-pns", "id")
        instansi_ids = list((ranked[:args.instansi] if args.instansi else ranked).values_list("id", flat=True))
        rows = list(Employee.objects.filter(employee_type="PNS", tmt_cpns__isnull=False, instansi_id__in=instansi_ids)
                    .values_list("id", "tmt_cpns"))

        def ours() -> int:
            return satyalancana_refresh_many(actor=None, interface=Interface.SYSTEM, instansi_ids=instansi_ids,
                                             on=ON)["candidates"]

        def baseline() -> int:
            records = [SatyalancanaRecord(employee_id=pk, tmt_cpns=tmt) for pk, tmt in rows]
            return len(satyalancana_candidates(records, on=ON))

        mine, count = best(ours, args.repeat)
        base, base_count = best(baseline, args.repeat)
        stored = SatyalancanaCandidate.objects.filter(year=ON.year).count()
        print(f"bench/satyalancana.py N={args.n:,} ({len(rows):,} PNS, {len(instansi_ids)} instansi) on {ON} — "
              f"{machine()}, best of {args.repeat}")
        print(f"ours (refresh, every instansi) {mine:.2f}s  baseline (law only) {base:.2f}s  "
              f"ratio {mine / base:.2f}  candidates {count:,} / {base_count:,} (stored {stored:,})")


if __name__ == "__main__":
    main()
