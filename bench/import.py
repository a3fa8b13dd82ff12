"""bench/import.py N — our validated import vs PostgreSQL COPY of the same CSV into a
bare unindexed table, on the same data in the same run.

    .venv/bin/python bench/import.py 100000 [--seed 1] [--keep]

Prints both timings, rows/s and the ratio ours/COPY (goal: <= 2.0 at N = 4.3 M).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import database, machine, prepare, register_file, simasn


def baseline_copy(url: str, path: Path) -> float:
    import psycopg

    from simasn.bulk.layout import HEADER

    with psycopg.connect(url) as conn, conn.cursor() as cur:
        cur.execute(f"CREATE TABLE bare ({', '.join(f'{c.lower()} text' for c in HEADER)})")
        conn.commit()
        start = time.perf_counter()
        with open(path, "rb") as handle, cur.copy("COPY bare FROM STDIN (FORMAT csv, HEADER true)") as copy:
            while block := handle.read(1 << 20):
                copy.write(block)
        conn.commit()
        elapsed = time.perf_counter() - start
        cur.execute("DROP TABLE bare")
        conn.commit()
    return elapsed


def floor_copy(url: str, work: Path) -> float:
    """The rows as our import stored them, COPYed into an empty table shaped like the
    register that keeps only what must hold during any load (typed columns, primary key,
    unique NIP): no checks, no history, no search indexes, no foreign keys. What is left
    between this and the bare COPY is the price of the register's table itself."""
    import psycopg

    dump = work / "floor.copy"
    with psycopg.connect(url) as conn, conn.cursor() as cur:
        cur.execute("SELECT string_agg(column_name, ', ' ORDER BY ordinal_position) FROM information_schema.columns "
                    "WHERE table_name = 'personnel_employee' AND column_name NOT IN ('id', 'created_by_id', 'updated_by_id')")
        (columns,) = cur.fetchone()
        with open(dump, "wb") as handle, cur.copy(f"COPY (SELECT {columns} FROM personnel_employee) TO STDOUT") as copy:
            for block in copy:
                handle.write(block)
        cur.execute("CREATE TABLE floor (LIKE personnel_employee INCLUDING DEFAULTS INCLUDING IDENTITY)")
        cur.execute("ALTER TABLE floor ADD PRIMARY KEY (id), ADD UNIQUE (nip)")
        conn.commit()
        start = time.perf_counter()
        with open(dump, "rb") as handle, cur.copy(f"COPY floor ({columns}) FROM STDIN") as copy:
            while block := handle.read(1 << 20):
                copy.write(block)
        conn.commit()
        elapsed = time.perf_counter() - start
        cur.execute("DROP TABLE floor")
        conn.commit()
    dump.unlink()
    return elapsed


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep the database (simasn_bench_import)")
    args = parser.parse_args()
    print(f"bench/import.py N={args.n} seed={args.seed} on {machine()}")
    t0 = time.perf_counter()
    path = register_file(args.n, args.seed)
    print(f"register file {path.name}: {path.stat().st_size / 1e6:.0f} MB (generated/cached in {time.perf_counter() - t0:.1f} s)")
    with database("simasn_bench_import", keep=args.keep) as url:
        prepare(url)
        base = baseline_copy(url, path)
        print(f"baseline COPY into bare table: {base:.2f} s, {args.n / base:,.0f} rows/s")
        cpu_before = _children_cpu()
        ours = simasn(url, "import-employees", str(path), "--no-progress", "-v", "2", quiet=False)
        cpu = _children_cpu() - cpu_before
        print(f"simasn import-employees (validated, indexed register, history rows): {ours:.2f} s, "
              f"{args.n / ours:,.0f} rows/s; Python CPU {cpu:.1f} s = {cpu / args.n * 1e6:.0f} us/row "
              f"(the checks; PostgreSQL's own CPU not included)")
        floor = floor_copy(url, path.parent)
        print(f"floor: the same rows, already checked, COPYed into a register-shaped table with only its "
              f"primary key and unique NIP: {floor:.2f} s = {floor / base:.2f} x the bare COPY")
        print(f"RESULT import N={args.n}: ours {ours:.2f} s / COPY {base:.2f} s = ratio {ours / base:.2f} (goal <= 2.0)")


if __name__ == "__main__":
    main()
