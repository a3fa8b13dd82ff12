"""bench/selection.py N F — the national CPNS ranking with the law package's column-wise
selection functions vs the same ranking in DuckDB, on the same data, in the same run.

    .venv/bin/python bench/selection.py 4000000 250000 [--seed 1] [--repeat 3]

Generates N applicants over F formasi deterministically (skewed applicants per formasi,
1-3 seats mostly, SKD sub-test scores from correlated abilities in the CAT's 5-point steps,
many equal totals) and times, best of --repeat:

- SKB: ``skb_participants_columns`` — passing grade per formasi type, rank per formasi by
  SKD total then TKP, TIU, TWK, 3 x seats with full ties at the cut-off;
- final: ``final_ranking_columns`` for the SKB participants with generated SKB scores —
  exact integrated scores, rank by score then SKD total, TKP, TIU, TWK, IPK, age, seats.

Baseline: DuckDB (in memory, all cores) doing the same filter, window ranks and selection
over the same Arrow columns. Both answers are compared (same participants, same selected
applicants) before the ratio ours / DuckDB is printed. No database needed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

import numpy as np
import pyarrow as pa

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import machine
from simasn.law.rules.selection.columns import (
    final_ranking_columns,
    skb_participants_columns,
)

ON = dt.date(2024, 9, 1)
TYPES = ["UMUM", "UMUM", "UMUM", "UMUM", "LULUSAN_TERBAIK", "DISABILITAS", "PUTRA_PUTRI_PAPUA"]
GRADES = {"UMUM": (65, 80, 166, 0), "LULUSAN_TERBAIK": (0, 85, 0, 311),
          "DISABILITAS": (0, 60, 0, 286), "PUTRA_PUTRI_PAPUA": (0, 60, 0, 286)}


def generate(n: int, f: int, seed: int) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    weight = rng.lognormal(0.0, 1.2, f)  # a few formasi draw most applicants
    per = np.maximum(1, np.floor(weight / weight.sum() * n)).astype(np.int64)
    per[np.argmax(per)] += max(0, n - int(per.sum()))
    ids = np.arange(f, dtype=np.int64) * 3 + 1  # ids that are not positions
    formasi = np.repeat(ids, per)[:n]
    types = np.asarray(TYPES, dtype=object)[rng.integers(0, len(TYPES), f)]
    ability = rng.normal(0.0, 1.0, formasi.size)
    noise = rng.normal(0, 3, (3, formasi.size))
    return {
        "formasi_id": formasi,
        "formasi_type": types[(formasi - 1) // 3],
        "twk": 5 * np.clip(np.rint(17 + 4 * ability + noise[0]), 0, 30).astype(np.int64),
        "tiu": 5 * np.clip(np.rint(18 + 5 * ability + noise[1]), 0, 35).astype(np.int64),
        "tkp": np.clip(np.rint(165 + 12 * ability + 3 * noise[2]), 45, 225).astype(np.int64),
        "skb_cat": np.round(np.clip(rng.normal(65, 12, formasi.size), 0, 100), 2),
        "ipk": np.round(np.clip(rng.normal(3.4, 0.25, formasi.size), 2.0, 4.0), 2),
        "birth": (np.datetime64("1990-01-01") + rng.integers(0, 4000, formasi.size)).astype("datetime64[D]"),
        "formasi_ids": ids, "formasi_types": types,
        "seats": rng.choice([1, 1, 1, 2, 2, 3, 5], f).astype(np.int64),
    }


def ours(data: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    skb = skb_participants_columns(
        formasi_id=data["formasi_id"], formasi_type=pa.array(data["formasi_type"], type=pa.string()),
        twk=data["twk"], tiu=data["tiu"], tkp=data["tkp"],
        formasi_ids=data["formasi_ids"], formasi_seats=data["seats"], on=ON)
    rows = np.flatnonzero(skb.proceeds)
    final = final_ranking_columns(
        formasi_id=data["formasi_id"][rows], twk=data["twk"][rows], tiu=data["tiu"][rows],
        tkp=data["tkp"][rows], skb_cat=data["skb_cat"][rows], ipk=data["ipk"][rows],
        birth_date=data["birth"][rows], formasi_ids=data["formasi_ids"], formasi_seats=data["seats"], on=ON)
    return rows, rows[final.selected]


def duck(data: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    import duckdb

    con = duckdb.connect()
    applicants = pa.table({
        "row": np.arange(data["twk"].size), "formasi_id": data["formasi_id"], "twk": data["twk"],
        "tiu": data["tiu"], "tkp": data["tkp"],
        "cat": np.rint(data["skb_cat"] * 100).astype(np.int64),
        "ipk": np.rint(data["ipk"] * 100).astype(np.int64), "birth": data["birth"]})
    formasi = pa.table({"formasi_id": data["formasi_ids"], "seats": data["seats"],
                        "type": pa.array(data["formasi_types"], type=pa.string())})
    grades = pa.table({"type": list(GRADES), **{k: [g[i] for g in GRADES.values()]
                                                for i, k in enumerate(["twk", "tiu", "tkp", "total"])}})
    con.register("applicants", applicants)
    con.register("formasi", formasi)
    con.register("grades", grades)
    con.execute("""CREATE TEMP TABLE skb AS
        WITH passed AS (
            SELECT a.*, f.seats, a.twk + a.tiu + a.tkp AS total FROM applicants a
            JOIN formasi f USING (formasi_id) JOIN grades g ON g.type = f.type
            WHERE a.twk >= g.twk AND a.tiu >= g.tiu AND a.tkp >= g.tkp AND a.twk + a.tiu + a.tkp >= g.total)
        SELECT *, RANK() OVER (PARTITION BY formasi_id ORDER BY total DESC, tkp DESC, tiu DESC, twk DESC) AS r
        FROM passed QUALIFY r <= 3 * seats""")
    proceeds = con.execute("SELECT row FROM skb ORDER BY row").fetchnumpy()["row"]
    selected = con.execute("""
        WITH scored AS (
            SELECT *, 40 * total * 1000000 + 60 * (100 * cat) * 550 AS score FROM skb),
        ranked AS (
            SELECT *, RANK() OVER w AS fr, COUNT(*) OVER (PARTITION BY formasi_id, score, total, tkp, tiu,
                   twk, ipk, birth) AS tied
            FROM scored WINDOW w AS (PARTITION BY formasi_id ORDER BY score DESC, total DESC, tkp DESC,
                                      tiu DESC, twk DESC, ipk DESC, birth ASC))
        SELECT row FROM ranked WHERE fr + tied - 1 <= seats ORDER BY row""").fetchnumpy()["row"]
    return np.asarray(proceeds), np.asarray(selected)


def best(fn, data, repeat: int) -> tuple[float, tuple[np.ndarray, np.ndarray]]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn(data)
        times.append(time.perf_counter() - start)
    assert result is not None
    return min(times), result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int)
    parser.add_argument("formasi", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    start = time.perf_counter()
    data = generate(args.n, args.formasi, args.seed)
    print(f"{machine()}; {data['twk'].size:,} applicants over {args.formasi:,} formasi "
          f"({int(data['seats'].sum()):,} seats), generated in {time.perf_counter() - start:.1f} s")
    ours_time, (our_skb, our_selected) = best(ours, data, args.repeat)
    duck_time, (duck_skb, duck_selected) = best(duck, data, args.repeat)
    same = np.array_equal(np.sort(our_skb), duck_skb) and np.array_equal(np.sort(our_selected), duck_selected)
    print(f"SKB participants {our_skb.size:,}, selected {our_selected.size:,}; DuckDB agrees: {same}")
    print(f"ours (law package, numpy): {ours_time:.2f} s; DuckDB: {duck_time:.2f} s; "
          f"ratio {ours_time / duck_time:.2f} (goal <= 2)")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
