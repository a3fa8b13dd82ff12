"""bench/law_columns.py N — the law package's set-level functions vs DuckDB doing the same
work on the same in-memory Arrow data, in the same run.

    .venv/bin/python bench/law_columns.py 4300000 [--seed 1] [--repeat 3] [--employees 30000]

Four jobs, each on generated data (no database):

- predikat: ``simasn.law.predikat_columns`` for N (hasil kerja, perilaku) pairs; DuckDB: a
  join with the same 3 x 3 matrix.
- distribution: ``simasn.law.check_distribution_columns`` for N employees in N / 100 units
  (counts per unit and predikat, every limit of each unit's organisation rating, the people
  each failing limit is off by); DuckDB: the same counts joined with the same limits.
- nine-box: ``simasn.law.place_boxes_columns`` for N employees scored on four components
  with dates and two years of predikat; DuckDB: the same missing/out-of-date checks,
  weighted score, thresholds and box in SQL.
- JP: ``simasn.law.jp_compliance_columns`` for one instansi (``--employees``, 30 % PPPK)
  with ten learning records each; DuckDB: the same periods, sums and statuses in SQL.

Ours includes reading the parameters (the law in force on the date). Best of --repeat;
the ratio is ours / DuckDB. Each job also checks that both give the same totals.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import machine

ON = dt.date(2026, 3, 1)
EXPECTATIONS = ["DI_BAWAH_EKSPEKTASI", "SESUAI_EKSPEKTASI", "DI_ATAS_EKSPEKTASI"]
RATINGS = ["SANGAT_BAIK", "BAIK", "BUTUH_PERBAIKAN", "KURANG", "SANGAT_KURANG"]
ORG = ["ISTIMEWA", "BAIK", "BUTUH_PERBAIKAN", "KURANG", "SANGAT_KURANG"]
COMPONENTS = ["KOMPETENSI", "POTENSI", "KUALIFIKASI", "INTEGRITAS_MORALITAS"]


def best(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def _codes(rng: Any, codes: list[str], n: int, p: list[float] | None = None) -> Any:
    import pyarrow as pa

    index = rng.choice(len(codes), size=n, p=p)
    return pa.DictionaryArray.from_arrays(pa.array(index, type=pa.int8()), pa.array(codes)).dictionary_decode()


def predikat_job(con: Any, rng: Any, n: int, repeat: int) -> tuple[float, float, bool]:
    import pyarrow as pa
    import pyarrow.compute as pc

    from simasn.law import parameters, predikat_columns

    work = _codes(rng, EXPECTATIONS, n, [0.1, 0.6, 0.3])
    behaviour = _codes(rng, EXPECTATIONS, n, [0.05, 0.7, 0.25])
    ours, column = best(lambda: predikat_columns(work_result=work, behaviour=behaviour, on=ON), repeat)
    matrix = parameters.value("performance.rating_matrix", ON)
    con.register("m", pa.table({"h": [h for h in matrix for _ in matrix[h]],
                                "p": [p for h in matrix for p in matrix[h]],
                                "predikat": [matrix[h][p] for h in matrix for p in matrix[h]]}))
    con.register("t", pa.table({"h": work, "p": behaviour}))
    sql = "SELECT m.predikat FROM t LEFT JOIN m ON m.h = t.h AND m.p = t.p"
    base, table = best(lambda: con.sql(sql).to_arrow_table(), repeat)
    ours_counts = pc.value_counts(column).to_pylist()
    base_counts = pc.value_counts(table.column(0)).to_pylist()
    agree = sorted(map(str, ours_counts)) == sorted(map(str, base_counts))
    return ours, base, agree


def distribution_job(con: Any, rng: Any, n: int, repeat: int) -> tuple[float, float, bool]:
    import pyarrow as pa

    from simasn.law import check_distribution_columns, parameters

    units = max(1, n // 100)
    unit = pa.array(rng.integers(0, units, size=n), type=pa.int32())
    rating = _codes(rng, RATINGS, n, [0.25, 0.55, 0.1, 0.06, 0.04])
    org = {u: ORG[i] for u, i in enumerate(rng.choice(5, size=units, p=[0.3, 0.5, 0.1, 0.05, 0.05]))}

    def ours_run() -> int:
        checks = check_distribution_columns(unit=unit, rating=rating, organisation_rating=org, on=ON)
        return sum(len(c.failures) for c in checks.values())

    ours, ours_failures = best(ours_run, repeat)
    limits = parameters.value("performance.distribution_limits", ON)
    rows = [(o, lim["code"], r, k, float(lim[k])) for o, entries in limits.items() for lim in entries
            for k in ("max_percent", "min_percent", "min_count", "max_count") if k in lim for r in lim["ratings"]]
    con.register("lim", pa.table({name: [row[i] for row in rows]
                                  for i, name in enumerate(["org", "code", "rating", "kind", "bound"])}))
    con.register("u", pa.table({"unit": list(org), "org": list(org.values())}))
    con.register("e", pa.table({"unit": unit, "rating": rating}))
    sql = """
      WITH c AS (SELECT unit, rating, count(*) AS n FROM e WHERE rating IS NOT NULL GROUP BY ALL),
           tot AS (SELECT unit, sum(n) AS total FROM c GROUP BY unit),
           per AS (SELECT u.unit, l.code, l.kind, l.bound, tot.total, coalesce(sum(c.n), 0) AS cnt
                   FROM u JOIN tot USING (unit) JOIN (SELECT DISTINCT org, code, kind, bound FROM lim) l
                     ON l.org = u.org
                   LEFT JOIN lim r ON r.org = l.org AND r.code = l.code
                   LEFT JOIN c ON c.unit = u.unit AND c.rating = r.rating
                   GROUP BY ALL)
      SELECT unit, code, CASE kind
          WHEN 'max_percent' THEN greatest(0, cnt - floor(bound * total / 100))
          WHEN 'min_percent' THEN greatest(0, ceil(bound * total / 100) - cnt)
          WHEN 'min_count' THEN greatest(0, bound - cnt)
          ELSE greatest(0, cnt - bound) END AS people
      FROM per WHERE people > 0"""
    base, failing = best(lambda: con.sql(sql).to_arrow_table(), repeat)
    return ours, base, ours_failures == failing.num_rows


def talent_job(con: Any, rng: Any, n: int, repeat: int) -> tuple[float, float, bool]:
    import numpy as np
    import pyarrow as pa

    from simasn.law import parameters, place_boxes_columns

    def dates(low: str, high: str) -> Any:
        lo, hi = np.datetime64(low), np.datetime64(high)
        days = rng.integers(0, int((hi - lo).astype(int)), size=n)
        return pa.array((lo + days).astype("datetime64[D]"), type=pa.date32())

    scores = {c: pa.array(np.round(rng.uniform(60, 100, size=n), 2), mask=rng.random(n) < 0.02)
              for c in COMPONENTS}
    assessed = {c: dates("2023-06-01", "2026-02-28") for c in COMPONENTS}
    ratings = {2024: _codes(rng, RATINGS, n), 2025: _codes(rng, RATINGS, n, [0.25, 0.55, 0.1, 0.06, 0.04])}

    def ours_run() -> Any:
        return place_boxes_columns(on=ON, scores=scores, scores_assessed_on=assessed, ratings_by_year=ratings)

    ours, result = best(ours_run, repeat)
    weights = {k: float(v["weight"]) for k, v in parameters.value("talent.potential_weights", ON).items()}
    thresholds = parameters.value("talent.potential_thresholds", ON)
    ages = parameters.value("talent.input_max_age_months", ON)
    levels = parameters.value("talent.performance_levels", ON)
    boxes = parameters.value("talent.boxes", ON)
    con.register("s", pa.table({**{f"s_{c}": scores[c] for c in COMPONENTS},
                                **{f"d_{c}": assessed[c] for c in COMPONENTS},
                                "r2025": ratings[2025], "r2024": ratings[2024]}))
    con.register("lv", pa.table({"rating": list(levels), "level": list(levels.values())}))
    con.register("bx", pa.table({"perf": [b["performance"] for b in boxes.values()],
                                 "pot": [b["potential"] for b in boxes.values()],
                                 "box": [int(k) for k in boxes]}))
    ok = " AND ".join(
        f"s_{c} IS NOT NULL AND d_{c} <= DATE '{ON}'"
        + ("" if ages[c] is None else f" AND d_{c} >= DATE '{ON}' - INTERVAL {ages[c]} MONTH")
        for c in COMPONENTS)
    score = " + ".join(f"{weights[c]} * s_{c}" for c in COMPONENTS) + f") / {sum(weights.values())}"
    sql = f"""
      WITH x AS (SELECT CASE WHEN {ok} THEN ({score} END AS score, lv.level AS perf
                 FROM s LEFT JOIN lv ON lv.rating = s.r2025),
           y AS (SELECT perf, CASE WHEN score >= {thresholds['TINGGI']} THEN 'TINGGI'
                                   WHEN score >= {thresholds['MENENGAH']} THEN 'MENENGAH'
                                   WHEN score IS NOT NULL THEN 'RENDAH' END AS pot FROM x)
      SELECT bx.box FROM y LEFT JOIN bx ON bx.perf = y.perf AND bx.pot = y.pot"""
    base, table = best(lambda: con.sql(sql).to_arrow_table(), repeat)
    return ours, base, result["box"].null_count == table.column(0).null_count


def jp_job(con: Any, rng: Any, employees: int, repeat: int) -> tuple[float, float, bool]:
    import numpy as np
    import pyarrow as pa

    from simasn.law import jp_compliance_columns, parameters

    ids = pa.array(np.arange(employees, dtype=np.int64))
    pppk = rng.random(employees) < 0.3
    kinds = pa.array(np.where(pppk, "PPPK", "PNS"))
    start_days = rng.integers(0, 1500, size=employees)
    starts = pa.array(np.where(pppk, np.datetime64("2021-01-04") + start_days, np.datetime64("NaT")).astype(
        "datetime64[D]"), type=pa.date32())
    m = employees * 10
    owner = rng.integers(0, employees, size=m)
    record_days = np.datetime64("2024-09-01") + rng.integers(0, 600, size=m)
    record_date = pa.array(record_days.astype("datetime64[D]"), type=pa.date32())
    jp = pa.array(rng.choice([1.0, 2.0, 3.0, 4.0, 8.0], size=m))
    assigned = pa.array(rng.random(m) < 0.85)

    def ours_run() -> Any:
        return jp_compliance_columns(employee_id=ids, employee_type=kinds, contract_start=starts,
                                     record_employee_id=pa.array(owner), record_date=record_date,
                                     record_jp=jp, record_assigned=assigned, on=ON)

    ours, result = best(ours_run, repeat)
    floor = parameters.value("competency.pns_min_hours_per_year", ON)
    ceiling = parameters.value("competency.pppk_max_hours_per_year", ON)
    con.register("emp", pa.table({"id": ids, "kind": kinds, "start": starts}))
    con.register("rec", pa.table({"id": pa.array(owner), "d": record_date, "jp": jp, "assigned": assigned}))
    on = f"DATE '{ON}'"
    sql = f"""
      WITH p AS (
        SELECT id, kind, CASE WHEN kind = 'PNS' THEN DATE '{ON.year}-01-01' ELSE
                 start + to_years(CAST(year({on}) - year(start)
                   - CASE WHEN strftime(start, '%m%d') > strftime({on}, '%m%d') THEN 1 ELSE 0 END AS INTEGER))
               END AS first
        FROM emp),
      q AS (SELECT id, kind, first, CASE WHEN kind = 'PNS' THEN DATE '{ON.year}-12-31'
                                    ELSE first + INTERVAL 1 YEAR - INTERVAL 1 DAY END AS last FROM p),
      s AS (SELECT q.id, q.kind, q.last, coalesce(sum(CASE WHEN q.kind = 'PNS' OR r.assigned
                                                   THEN round(r.jp * 100) END), 0) AS counted
            FROM q LEFT JOIN rec r ON r.id = q.id AND r.d BETWEEN q.first AND least(q.last, {on})
            GROUP BY ALL)
      SELECT id, CASE WHEN kind = 'PNS' AND counted >= {floor * 100} THEN 'MEMENUHI'
                      WHEN kind = 'PNS' AND {on} >= last THEN 'TIDAK_MEMENUHI'
                      WHEN kind = 'PNS' THEN 'BELUM_MEMENUHI'
                      WHEN counted > {ceiling * 100} THEN 'MELEBIHI' ELSE 'DALAM_BATAS' END AS status
      FROM s"""
    base, table = best(lambda: con.sql(sql).to_arrow_table(), repeat)
    import pyarrow.compute as pc

    agree = sorted(map(str, pc.value_counts(result["status"]).to_pylist())) == sorted(
        map(str, pc.value_counts(table.column("status")).to_pylist()))
    return ours, base, agree


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--employees", type=int, default=30_000)
    args = parser.parse_args()

    import duckdb
    import numpy as np

    from simasn.law.parameters import default_store

    default_store().validate_all()  # the YAML is read once before any timing
    rng = np.random.default_rng(args.seed)
    con = duckdb.connect()
    print(f"bench/law_columns.py N={args.n:,} employees={args.employees:,} on {ON} — {machine()}, "
          f"duckdb {duckdb.__version__}, best of {args.repeat}")
    print(f"{'job':<14}{'ours':>12}{'DuckDB':>12}{'ratio':>8}  same totals")
    jobs = [("predikat", lambda: predikat_job(con, rng, args.n, args.repeat)),
            ("distribution", lambda: distribution_job(con, rng, args.n, args.repeat)),
            ("nine-box", lambda: talent_job(con, rng, args.n, args.repeat)),
            ("JP (instansi)", lambda: jp_job(con, rng, args.employees, args.repeat))]
    for name, job in jobs:
        ours, base, agree = job()
        print(f"{name:<14}{ours * 1000:>10.1f}ms{base * 1000:>10.1f}ms{ours / base:>8.2f}  {'yes' if agree else 'NO'}")


if __name__ == "__main__":
    main()
