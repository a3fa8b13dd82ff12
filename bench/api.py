"""bench/api.py [N] — read throughput and p50/p99 latency of the employee API under a
loopback load generator, vs a bare Django JSON view served by the same gunicorn with
the same worker count, in the same run.

    .venv/bin/python bench/api.py 100000 [--workers 2] [--threads 8] [--seconds 10]
    .venv/bin/python bench/api.py --reuse-db simasn_bench_projection   # a kept, loaded database

Endpoints: GET /api/v1/employees/{id} (token auth, scope, masking) and
GET /api/v1/employees/?q=... (name or NIP prefix search, count + first page of 25). Each is
compared with a bare Django JSON view (bench/urls.py) that does the same database work —
the same primary-key read, the same search query and count — with no auth, no scope and no
django-ninja, so the ratio measures what our stack adds, not the database round trip.
A bare view that reads nothing (GET /bench/bare/) is printed as an extra reference line.
Each baseline and our endpoint are measured interleaved in 0.5 s slices (A B A B ...), so
load from other processes on a shared machine falls on both alike.
Goals: throughput >= 0.6 of the bare view, p99 < 50 ms.
The load generator is threads + http.client (one connection per request, as gunicorn's
sync workers close connections).
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import (
    PG,
    ROOT,
    database,
    django_setup,
    env_for,
    load_register_fast,
    machine,
    prepare,
    register_file,
)

NAMES = ["Budi", "Siti", "Agus Pratama", "Dewi Lubis", "Rina", "Wijaya", "Teguh Sinaga"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _load(port: int, paths: list[str], headers: dict[str, str], threads: int, seconds: float,
          seed: int = 0) -> tuple[list[float], int]:
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def worker(seed: int) -> None:
        rnd = random.Random(seed)
        local, bad = [], 0
        while time.perf_counter() < stop:
            path = rnd.choice(paths)
            start = time.perf_counter()
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
                conn.close()
                if response.status != 200:
                    bad += 1
            except OSError:
                bad += 1
            local.append(time.perf_counter() - start)
        with lock:
            latencies.extend(local)
            errors[0] += bad

    pool = [threading.Thread(target=worker, args=(seed + i,)) for i in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return latencies, errors[0]


def _summary(latencies: list[float], errors: int, seconds: float) -> dict[str, float]:
    latencies = sorted(latencies)
    return {
        "requests": len(latencies), "rps": len(latencies) / seconds, "errors": errors,
        "p50": statistics.median(latencies) * 1000 if latencies else 0.0,
        "p99": latencies[int(len(latencies) * 0.99) - 1] * 1000 if latencies else 0.0,
    }


def run_load(port: int, paths: list[str], headers: dict[str, str], threads: int, seconds: float) -> dict[str, float]:
    return _summary(*_load(port, paths, headers, threads, seconds), seconds)


#: Length of one slice when a baseline and our endpoint are measured interleaved.
SLICE_SECONDS = 0.5


def run_pair(port: int, sides: list[tuple[list[str], dict[str, str]]], threads: int,
             seconds: float) -> list[dict[str, float]]:
    """Measure several (paths, headers) loads interleaved in short slices (A B A B ...), each
    for `seconds` in all, so that load from other processes on a shared machine falls on
    each side alike and the ratio stays meaningful."""
    rounds = max(1, round(seconds / SLICE_SECONDS))
    collected: list[tuple[list[float], int]] = [([], 0) for _ in sides]
    for r in range(rounds):
        for k, (paths, headers) in enumerate(sides):
            latencies, errors = _load(port, paths, headers, threads, seconds / rounds, seed=r * threads)
            collected[k] = (collected[k][0] + latencies, collected[k][1] + errors)
    return [_summary(latencies, errors, seconds) for latencies, errors in collected]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("n", type=int, nargs="?", default=50_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--reuse-db", default="", help="an existing loaded database to use instead")
    args = parser.parse_args()
    print(f"bench/api.py N={args.n if not args.reuse_db else args.reuse_db} gunicorn workers={args.workers} "
          f"threads={args.threads} {args.seconds:.0f} s per endpoint on {machine()}")
    if args.reuse_db:
        _bench(f"{PG}/{args.reuse_db}", args)
        return
    with database("simasn_bench_api") as url:
        prepare(url)
        load_register_fast(url, register_file(args.n, args.seed))
        _bench(url, args)


def _bench(url: str, args: argparse.Namespace) -> None:
    django_setup(url)
    from simasn.accounts.models import ApiToken, User
    from simasn.accounts.roles import Role
    from simasn.personnel.models import Employee

    user, _ = User.objects.get_or_create(username="bench-api", defaults={"role": Role.ADMIN})
    raw, prefix, key_hash = ApiToken.generate()
    ApiToken.objects.create(user=user, name="bench", prefix=prefix, key_hash=key_hash)
    rnd = random.Random(args.seed)
    last = Employee.objects.order_by("-id").values_list("id", flat=True).first() or 1
    ids = [rnd.randint(1, last) for _ in range(2000)]
    nips = list(Employee.objects.filter(id__in=ids[:50]).values_list("nip", flat=True))
    searches = [f"/api/v1/employees/?q={q.replace(' ', '+')}" for q in NAMES]
    searches += [f"/api/v1/employees/?q={nip[:12]}" for nip in nips]
    port = free_port()
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "bench.wsgi:application", "-w", str(args.workers),
         "-b", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=ROOT, env=env_for(url, DJANGO_SETTINGS_MODULE="bench.settings", DB_CONN_MAX_AGE="600"),
    )
    try:
        for _ in range(100):
            try:
                http.client.HTTPConnection("127.0.0.1", port, timeout=1).request("GET", "/bench/bare/")
                break
            except OSError:
                time.sleep(0.2)
        auth = {"Authorization": f"Bearer {raw}", "Accept": "application/json"}
        details = [f"/api/v1/employees/{i}" for i in ids]
        run_load(port, ["/bench/bare/"], {}, args.threads, 2)  # warm-up
        run_load(port, details[:200] + searches, auth, args.threads, 2)  # warm-up
        bare_details = [p.replace("/api/v1/", "/bench/bare/") for p in details]
        bare_searches = [p.replace("/api/v1/", "/bench/bare/") for p in searches]
        results = {"bare view, no database": run_load(port, ["/bench/bare/"], {}, args.threads, args.seconds)}
        pairs = (  # (baseline label, its paths, our label, our paths), measured interleaved
            ("bare view, same pk read", bare_details, "GET /api/v1/employees/{id}", details),
            ("bare view, same search", bare_searches, "GET /api/v1/employees/?q=", searches),
        )
        for base_label, base_paths, label, paths in pairs:
            results[base_label], results[label] = run_pair(
                port, [(base_paths, {}), (paths, auth)], args.threads, args.seconds)
        for label, r in results.items():
            print(f"{label}: {r['rps']:.0f} req/s, p50 {r['p50']:.1f} ms, p99 {r['p99']:.1f} ms, "
                  f"{r['requests']} requests, {r['errors']} errors")
        nodb = results["bare view, no database"]["rps"]
        for base_label, _base_paths, label, _paths in pairs:
            r, base = results[label], results[base_label]
            print(f"RESULT api {label}: throughput ratio {r['rps'] / base['rps']:.2f} of {base_label} "
                  f"(goal >= 0.6), p99 {r['p99']:.1f} ms (goal < 50 ms); "
                  f"for reference {r['rps'] / nodb:.2f} of the bare view without database")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    main()
