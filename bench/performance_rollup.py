"""bench/performance_rollup.py N — the annual performance roll-up (issue 15 "Scale") vs DuckDB
doing the same on the same in-memory Arrow data, in the same run.

    .venv/bin/python bench/performance_rollup.py 4300000 [--seed 1] [--repeat 3] [--unit-size 100]

Ours: ``simasn.performance.rollup.annual_rollup`` — every employee's predikat from the
(hasil kerja, perilaku) ratings by the law's matrix, the distribution limits of every unit
(N / unit-size units, each with an organisation rating) with the people each failing limit
is off by, and the national distribution by instansi (600 groups). DuckDB: the matrix join,
the counts joined with the same limits, and the GROUP BY, in one run of SQL over the same
columns. Both answers are compared (failing limits, national counts) before the ratio is
printed. Best of --repeat; the ratio is ours / DuckDB. Goal ≤ 2 at N = 4.3 M.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import machine
from bench.law_columns import best

ON = dt.date(2025, 12, 31)
EXPECTATIONS = ["DI_BAWAH_EKSPEKTASI", "SESUAI_EKSPEKTASI", "DI_ATAS_EKSPEKTASI"]
ORG = ["ISTIMEWA", "BAIK", "BUTUH_PERBAIKAN", "KURANG", "SANGAT_KURANG"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--unit-size", type=int, default=100)
    args = parser.parse_args()

    import duckdb
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    from simasn.law import parameters
    from simasn.performance.rollup import annual_rollup

    rng = np.random.default_rng(args.seed)
    n = args.n
    units = max(1, n // args.unit_size)

    def codes(values: list[str], p: list[float]) -> Any:
        index = rng.choice(len(values), size=n, p=p)
        return pa.DictionaryArray.from_arrays(pa.array(index, type=pa.int8()), pa.array(values)).dictionary_decode()

    work = codes(EXPECTATIONS, [0.1, 0.6, 0.3])
    behaviour = codes(EXPECTATIONS, [0.05, 0.7, 0.25])
    unit = pa.array(rng.integers(0, units, size=n), type=pa.int32())
    instansi = pc.cast(pc.divide(unit, max(1, units // 600)), pa.int32())
    org = {u: ORG[i] for u, i in enumerate(rng.choice(5, size=units, p=[0.3, 0.5, 0.1, 0.05, 0.05]))}

    # The law's parameters are read from YAML once per process; read them before timing.
    warm = time.perf_counter()
    annual_rollup(work_result=work[:10], behaviour=behaviour[:10], unit=unit[:10], group=instansi[:10],
                  organisation_rating=org, on=ON)
    warm = time.perf_counter() - warm
    ours, rollup = best(lambda: annual_rollup(work_result=work, behaviour=behaviour, unit=unit, group=instansi,
                                              organisation_rating=org, on=ON), args.repeat)

    con = duckdb.connect()
    matrix = parameters.value("performance.rating_matrix", ON)
    con.register("m", pa.table({"h": [h for h in matrix for _ in matrix[h]], "p": [p for h in matrix for p in matrix[h]],
                                "predikat": [matrix[h][p] for h in matrix for p in matrix[h]]}))
    limits = parameters.value("performance.distribution_limits", ON)
    rows = [(o, lim["code"], r, k, float(lim[k])) for o, entries in limits.items() for lim in entries
            for k in ("max_percent", "min_percent", "min_count", "max_count") if k in lim for r in lim["ratings"]]
    con.register("lim", pa.table({name: [row[i] for row in rows]
                                  for i, name in enumerate(["org", "code", "rating", "kind", "bound"])}))
    con.register("u", pa.table({"unit": list(org), "org": list(org.values())}))
    con.register("t", pa.table({"h": work, "p": behaviour, "unit": unit, "grp": instansi}))
    sql_failing = """
      WITH c AS (SELECT unit, rating, count(*) AS n FROM e WHERE rating IS NOT NULL GROUP BY ALL),
           tot AS (SELECT unit, sum(n) AS total FROM c GROUP BY unit),
           per AS (SELECT u.unit, l.code, l.kind, l.bound, tot.total, coalesce(sum(c.n), 0) AS cnt
                   FROM u JOIN tot USING (unit) JOIN (SELECT DISTINCT org, code, kind, bound FROM lim) l
                     ON l.org = u.org
                   LEFT JOIN lim r ON r.org = l.org AND r.code = l.code
                   LEFT JOIN c ON c.unit = u.unit AND c.rating = r.rating
                   GROUP BY ALL)
      SELECT count(*) FROM per WHERE CASE kind
          WHEN 'max_percent' THEN greatest(0, cnt - floor(bound * total / 100))
          WHEN 'min_percent' THEN greatest(0, ceil(bound * total / 100) - cnt)
          WHEN 'min_count' THEN greatest(0, bound - cnt)
          ELSE greatest(0, cnt - bound) END > 0"""
    sql_national = "SELECT grp, rating, count(*) AS n FROM e GROUP BY ALL"

    sql_predikat = """CREATE OR REPLACE TEMP TABLE e AS SELECT t.unit, t.grp, m.predikat AS rating
        FROM t LEFT JOIN m ON m.h = t.h AND m.p = t.p"""

    def baseline() -> tuple[int, Any]:
        con.execute(sql_predikat)
        failing = con.execute(sql_failing).fetchall()[0]
        return int(failing[0]) if failing else 0, con.sql(sql_national).to_arrow_table()

    base, (base_failing, base_national) = best(baseline, args.repeat)
    agree = (base_failing == rollup.failing_limits
             and base_national.num_rows == rollup.national.num_rows
             and sum(base_national.column("n").to_pylist()) == sum(rollup.national.column("count_all").to_pylist()))
    print(f"performance roll-up, N = {n:,} employees, {units:,} units, {pc.count_distinct(instansi).as_py():,} instansi groups — {machine()}")
    print(f"  ours   (predikat + limits of every unit + national distribution): {ours:8.2f} s; "
          f"{rollup.failing_units:,} units outside their limits ({rollup.failing_limits:,} limits)")
    print(f"  DuckDB (same work, same Arrow columns, in memory):               {base:8.2f} s")
    print(f"  (reading the law's parameters once per process, not in the figures: {warm:.2f} s)")
    print(f"  ratio ours / DuckDB = {ours / base:.2f} (goal <= 2); answers agree: {agree}")
    if not agree:
        sys.exit("the two answers differ")


if __name__ == "__main__":
    main()
