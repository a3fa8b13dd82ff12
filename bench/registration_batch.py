"""bench/registration_batch.py — the cost of the registration group commit's batch write
(issue 14, ADR 0024) in isolation: the request side per submit, statements per batch, and
the leader's CPU per submit over sequential batches (``--profile``: with cProfile, and its
top functions). A throw-away database ``simasn_burst_batch``.

    nice -n 10 .venv/bin/python bench/registration_batch.py [--n 3000] [--batch 50] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import database, env_for, simasn


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=3000)
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    with database("simasn_burst_batch") as url:
        simasn(url, "migrate", "--noinput", "-v", "0")
        os.environ.update(env_for(url))
        import django

        django.setup()
        from django.db import connection

        from bench.registration import setup
        from simasn.accounts.models import User
        from simasn.core.interfaces import Interface
        from simasn.procurement.groupcommit import Slot
        from simasn.procurement.services import registration

        ready = setup(url, args.n, 0)
        users = list(User.objects.filter(pk__in=ready["users"]).order_by("pk"))
        started = time.process_time()
        requests = []
        for user in users:  # what application_submit does before queueing
            registration.Scope.of(user).require(registration.Resource.APPLICATION, registration.Action.CREATE,
                                                owner_id=user.pk)
            seed = "".join(registration.secrets.choice(registration.RECEIPT_ALPHABET) for _i in range(10))
            requests.append(registration._SubmitRequest(actor=user, interface=Interface.API, period_id=ready["period"],
                                                        key=uuid.uuid4().hex, on=None, receipt_seed=seed))
        print(f"request side: {1e6 * (time.process_time() - started) / args.n:.0f} us CPU/submit")
        batches = [requests[i:i + args.batch] for i in range(0, args.n, args.batch)]
        registration._flush_submits([Slot(r) for r in batches[0]])  # warm: prepared statements, law cache
        profiler = cProfile.Profile() if args.profile else None
        cpu, wall = time.process_time(), time.perf_counter()
        if profiler:
            profiler.enable()
        for batch in batches[1:]:
            registration._flush_submits([Slot(r) for r in batch])
        if profiler:
            profiler.disable()
        n = args.n - len(batches[0])
        print(f"leader: {1e6 * (time.process_time() - cpu) / n:.0f} us CPU/submit"
              f"{' (with cProfile)' if profiler else ''}, wall {1e6 * (time.perf_counter() - wall) / n:.0f} us/submit, "
              f"batches of {args.batch}, one after the other")
        if profiler:
            pstats.Stats(profiler).sort_stats("tottime").print_stats(20)
        connection.close()


if __name__ == "__main__":
    main()
