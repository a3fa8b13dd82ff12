"""bench/talent.py N — the national nine-box and talent-gap aggregate vs DuckDB doing the
same on the same in-memory Arrow data, in the same run (issue 16 "Scale").

    .venv/bin/python bench/talent.py 4300000 [--seed 1] [--repeat 3]

N employees, each with a job family (position kind or functional family, 40 values), a
region (38 provinces), four assessed components with dates and two years of predikat.

- ours: ``simasn.law.place_boxes_columns`` (the law's parameters in force, read in the
  call) then the national gap aggregate with pyarrow — per (family, region): employees,
  placed, data incomplete, and the succession supply (boxes 7-9) — as the talent app's gap
  view counts supply;
- DuckDB: the same checks, weighted score, thresholds and box in SQL, then the same GROUP BY.

Best of --repeat; the ratio is ours / DuckDB; both must give the same supply per cell.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import machine
from bench.law_columns import COMPONENTS, ON, RATINGS, _codes, best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import duckdb
    import numpy as np
    import pyarrow as pa

    from simasn.law import parameters, place_boxes_columns
    from simasn.law.parameters import default_store

    default_store().validate_all()
    rng = np.random.default_rng(args.seed)
    n = args.n

    def dates(low: str, high: str) -> Any:
        lo, hi = np.datetime64(low), np.datetime64(high)
        days = rng.integers(0, int((hi - lo).astype(int)), size=n)
        return pa.array((lo + days).astype("datetime64[D]"), type=pa.date32())

    families = [f"F{i:02d}" for i in range(40)]
    regions = [f"R{i:02d}" for i in range(38)]
    family = _codes(rng, families, n)
    region = _codes(rng, regions, n)
    scores = {c: pa.array(np.round(rng.uniform(60, 100, size=n), 2), mask=rng.random(n) < 0.02) for c in COMPONENTS}
    assessed = {c: dates("2023-06-01", "2026-02-28") for c in COMPONENTS}
    ratings = {2024: _codes(rng, RATINGS, n), 2025: _codes(rng, RATINGS, n, [0.25, 0.55, 0.1, 0.06, 0.04])}

    def ours_run() -> Any:
        placed = place_boxes_columns(on=ON, scores=scores, scores_assessed_on=assessed, ratings_by_year=ratings)
        box = placed["box"]
        table = pa.table({"family": family, "region": region,
                          "placed": pa.compute.is_valid(box),
                          "supply": pa.compute.fill_null(pa.compute.greater_equal(box, 7), False)})
        return table.group_by(["family", "region"]).aggregate(
            [("placed", "count"), ("placed", "sum"), ("supply", "sum")])

    import pyarrow.compute

    ours, result = best(ours_run, args.repeat)

    con = duckdb.connect()
    weights = {k: float(v["weight"]) for k, v in parameters.value("talent.potential_weights", ON).items()}
    thresholds = parameters.value("talent.potential_thresholds", ON)
    ages = parameters.value("talent.input_max_age_months", ON)
    levels = parameters.value("talent.performance_levels", ON)
    boxes = parameters.value("talent.boxes", ON)
    con.register("s", pa.table({**{f"s_{c}": scores[c] for c in COMPONENTS},
                                **{f"d_{c}": assessed[c] for c in COMPONENTS},
                                "r2025": ratings[2025], "family": family, "region": region}))
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
      WITH x AS (SELECT family, region, CASE WHEN {ok} THEN ({score} END AS score, lv.level AS perf
                 FROM s LEFT JOIN lv ON lv.rating = s.r2025),
           y AS (SELECT family, region, perf,
                        CASE WHEN score >= {thresholds['TINGGI']} THEN 'TINGGI'
                             WHEN score >= {thresholds['MENENGAH']} THEN 'MENENGAH'
                             WHEN score IS NOT NULL THEN 'RENDAH' END AS pot FROM x),
           z AS (SELECT family, region, bx.box FROM y LEFT JOIN bx ON bx.perf = y.perf AND bx.pot = y.pot)
      SELECT family, region, count(*) AS employees, count(box) AS placed,
             count(*) FILTER (WHERE box >= 7) AS supply
      FROM z GROUP BY family, region"""
    base, table = best(lambda: con.sql(sql).to_arrow_table(), args.repeat)

    ours_cells = {(f, r): s for f, r, s in zip(result.column("family").to_pylist(), result.column("region").to_pylist(),
                                               result.column("supply_sum").to_pylist(), strict=True)}
    base_cells = {(f, r): s for f, r, s in zip(table.column("family").to_pylist(), table.column("region").to_pylist(),
                                               table.column("supply").to_pylist(), strict=True)}
    print(f"bench/talent.py N={n:,} on {ON} — {machine()}, duckdb {duckdb.__version__}, best of {args.repeat}")
    print(f"{'job':<28}{'ours':>12}{'DuckDB':>12}{'ratio':>8}  same supply per cell")
    print(f"{'nine-box + national gap':<28}{ours * 1000:>10.1f}ms{base * 1000:>10.1f}ms{ours / base:>8.2f}  "
          f"{'yes' if ours_cells == base_cells else 'NO'} ({len(ours_cells)} cells, "
          f"supply {sum(ours_cells.values()):,})")


if __name__ == "__main__":
    main()
