"""bench/projection.py N — our 5-year retirement projection vs the same aggregate in
DuckDB over the same rows, in the same run.

    .venv/bin/python bench/projection.py 100000 [--seed 1] [--repeat 3] [--keep | --reuse | --reuse-db NAME]

Ours: `simasn.actions.selectors.retirement_projection(viewer=<national user>, years=5,
on=...)` on PostgreSQL (the register loaded with N generated employees). Baseline: the
same GROUP BY (month of TMT pensiun, type, position kind, rank, leap day) with the same
BUP CASE (built from `simasn.law.bup_table`) in DuckDB over the same CSV rows, loaded
in memory. Best of --repeat runs each; the ratio is ours / DuckDB (goal <= 2.0).
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

ON = dt.date(2026, 7, 1)


def best(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def duckdb_projection(path: Path, years: int, repeat: int) -> tuple[float, int]:
    import duckdb

    from simasn.bulk import reference
    from simasn.law import bup_table

    con = duckdb.connect()
    con.execute(f"""CREATE TABLE emp AS SELECT "JENIS_PEGAWAI" AS employee_type,
        CAST("TANGGAL_LAHIR" AS DATE) AS birth_date, "GOL" AS rank, "JABATAN_KODE" AS pos
        FROM read_csv('{path}', header=true, all_varchar=true)""")
    con.execute("CREATE TABLE pos (code VARCHAR, kind VARCHAR, family VARCHAR, level VARCHAR)")
    con.executemany("INSERT INTO pos VALUES (?, ?, ?, ?)", [
        (p.code, p.kind.value, p.family, p.level.value if p.level else "") for p in reference.POSITIONS])
    whens = []
    for row in bup_table(ON):
        cond = [f"e.employee_type = '{row.employee_type.value}'", f"p.kind = '{row.position_kind.value}'"]
        if row.functional_family is not None:
            cond.append(f"p.family = '{row.functional_family.value}'")
        if row.functional_level is not None:
            cond.append(f"p.level = '{row.functional_level.value}'")
        whens.append(f"WHEN {' AND '.join(cond)} THEN {row.age}")
    start = ON.year * 12 + ON.month - 1
    sql = f"""
        WITH t AS (
          SELECT e.employee_type, p.kind AS position_kind, e.rank,
                 CASE WHEN month(e.birth_date) = 2 AND day(e.birth_date) = 29 THEN 1 ELSE 0 END AS leap_day,
                 (year(e.birth_date) + CASE {' '.join(whens)} END) * 12 + month(e.birth_date) AS tmt_index
          FROM emp e LEFT JOIN pos p ON p.code = e.pos)
        SELECT tmt_index, employee_type, position_kind, rank, leap_day, count(*) AS total
        FROM t WHERE tmt_index >= {start} AND tmt_index < {start + 12 * years}
        GROUP BY ALL ORDER BY 1, 2, 3, 4"""
    seconds, rows = best(lambda: con.execute(sql).fetchall(), repeat)
    return seconds, sum(r[-1] for r in rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--reuse", action="store_true", help="reuse a kept simasn_bench_projection database")
    parser.add_argument("--reuse-db", default="", help="reuse this database (e.g. simasn_bench_import kept by "
                                                       "bench/import.py --keep); N must be its register's size")
    args = parser.parse_args()
    print(f"bench/projection.py N={args.n} seed={args.seed} years={args.years} on {machine()}")
    path = register_file(args.n, args.seed)
    reuse = args.reuse or bool(args.reuse_db)
    with database("simasn_bench_projection", keep=args.keep or reuse) if not reuse else _existing(args.reuse_db) as url:
        if not reuse:
            prepare(url)
            start = time.perf_counter()
            loaded = load_register_fast(url, path)
            print(f"set-up (not measured): {loaded} employees loaded in {time.perf_counter() - start:.1f} s")
        django_setup(url)
        from simasn.accounts.models import User
        from simasn.accounts.roles import Role

        viewer, _ = User.objects.get_or_create(username="bench-national", defaults={"role": Role.ADMIN})
        from simasn.actions.selectors import projection_rows, retirement_projection
        from simasn.actions.summary import refresh_retirement_summary
        from simasn.core.interfaces import Interface

        label = "simasn.actions.selectors.retirement_projection via projection_rows"

        def project(live: bool) -> list:
            return projection_rows(retirement_projection(viewer=viewer, years=args.years, on=ON, live=live))

        live, live_rows = best(lambda: project(True), args.repeat)
        live_total = sum(r["total"] for r in live_rows)
        print(f"ours, live from the register ({label}) on PostgreSQL: {live * 1000:.0f} ms, "
              f"{len(live_rows)} groups, {live_total} employees")
        start = time.perf_counter()
        refreshed = refresh_retirement_summary(actor=None, interface=Interface.CLI)
        refresh_seconds, summary_groups = time.perf_counter() - start, refreshed.groups
        ours, rows = best(lambda: project(False), args.repeat)
        ours_total = sum(r["total"] for r in rows)
        print(f"ours, as the national page and API answer (from the summary of {summary_groups} counts, "
              f"rebuilt in {refresh_seconds:.1f} s daily and after imports): {ours * 1000:.0f} ms, {ours_total} employees")
        base, base_total = duckdb_projection(path, args.years, args.repeat)
        print(f"baseline DuckDB (in-memory, same rows, same BUP CASE): {base * 1000:.0f} ms, {base_total} employees")
        if rows != live_rows:
            print("WARNING: the summary's projection differs from the live one")
        if ours_total != base_total:
            print(f"WARNING: totals differ (ours {ours_total}, DuckDB {base_total})")
        print(f"live from the register: {live * 1000:.0f} ms / DuckDB = ratio {live / base:.2f}")
        print(f"RESULT projection N={args.n}: ours {ours * 1000:.0f} ms / DuckDB {base * 1000:.0f} ms = "
              f"ratio {ours / base:.2f} (goal <= 2.0)")


class _existing:
    def __init__(self, name: str = "") -> None:
        self.name = name

    def __enter__(self) -> str:
        from bench._common import PG, SUFFIX

        return f"{PG}/{self.name}" if self.name else f"{PG}/simasn_bench_projection{SUFFIX}"

    def __exit__(self, *exc: object) -> None:
        return None


if __name__ == "__main__":
    main()
