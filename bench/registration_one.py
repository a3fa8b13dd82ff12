"""bench/registration_one.py — the cost of ONE registration submit in isolation (issue 14):
queries per submit, CPU ms per submit over N sequential submits, and submits/s with a few
threads. Not the burst (bench/registration.py); a throw-away database ``simasn_burst_one``.

    nice -n 10 .venv/bin/python bench/registration_one.py [--n 200] [--threads 4] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import database, env_for, simasn


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    with database("simasn_burst_one") as url:
        simasn(url, "migrate", "--noinput", "-v", "0")
        os.environ.update(env_for(url))
        import django

        django.setup()
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from bench.registration import setup
        from simasn.accounts.models import User
        from simasn.core.interfaces import Interface
        from simasn.procurement.services import registration

        ready = setup(url, args.n * 2 + 1, 0)
        users = list(User.objects.filter(pk__in=ready["users"]).order_by("pk"))
        period = ready["period"]

        def submit(user: User) -> None:
            registration.application_submit(actor=user, interface=Interface.API, period_id=period,
                                            idempotency_key=uuid.uuid4().hex)

        with CaptureQueriesContext(connection) as ctx:
            submit(users[0])
        print(f"queries for one submit: {len(ctx.captured_queries)}")
        for q in ctx.captured_queries:
            print("   ", q["sql"][:150])
        seq = users[1:args.n + 1]
        profiler = cProfile.Profile() if args.profile else None
        cpu0, wall0 = time.process_time(), time.perf_counter()
        if profiler:
            profiler.enable()
        for user in seq:
            submit(user)
        if profiler:
            profiler.disable()
        cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
        print(f"sequential: {len(seq)} submits, CPU {1000 * cpu / len(seq):.2f} ms/submit, "
              f"wall {1000 * wall / len(seq):.2f} ms/submit, {len(seq) / wall:.0f} submits/s")
        if profiler:
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)
        rest = users[args.n + 1:]
        chunks = [rest[i::args.threads] for i in range(args.threads)]

        def work(chunk: list[User]) -> None:
            for user in chunk:
                submit(user)
            connection.close()

        threads = [threading.Thread(target=work, args=(c,)) for c in chunks]
        wall0 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - wall0
        print(f"{args.threads} threads: {len(rest)} submits in {wall:.2f} s, {len(rest) / wall:.0f} submits/s")
        connection.close()


if __name__ == "__main__":
    main()
