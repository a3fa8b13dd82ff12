"""bench/registration.py — the registration burst (issue 14): many clients submitting complete
applications (draft and documents already on the server) at once against PostgreSQL with
durable commits, then the same with the identity service down and the outbox worker killed.

    .venv/bin/python bench/registration.py [--applicants 30000] [--clients 200] [--procs 2]
        [--server-threads 24] [--pool 0] [--baseline-conns 24] [--seconds 20] [--timeout-ms 10000]
        [--drain-procs 2] [--drain-batch 500] [--keep]

Shape of the run (one throw-away database ``simasn_procurement_burst``):

- set-up (not timed): the schema by ``simasn migrate``; one period and vacancy opened through
  the services; N applicants with their drafts and two stored documents each (bulk rows).
- **ours**: ``--procs`` processes, each with ``--server-threads`` request threads (the
  "server"; without ``--pool`` each holds a database connection of its own, with ``--pool N``
  they borrow one of N pooled connections per process — Django's native pool, ADR 0026 — and
  give it back at the end of each request, as Django does on ``request_finished``), and ``--clients``/``--procs`` client threads that each take
  the next applicant, call ``application_submit`` (the service the web page and the API call:
  scope, law rule, ``INSERT … ON CONFLICT DO NOTHING``, outbox rows, audit event, task enqueue,
  one durable commit) through the server pool and wait at most ``--timeout-ms`` (with
  ``--server-threads 0`` each client is served on its own thread, as a threaded server serves a
  keep-alive connection: no hand-off between threads, an answer later than the timeout counts as
  one); a client that
  times out retries with the **same idempotency key** (like a browser after a timeout) until it
  gets its receipt; 5 % of clients also "lose" their first answer and resend the same key.
  Prints submits/s, p50/p99 client latency, retries.
- **baseline**: the same number of processes with ``--baseline-conns`` connections each doing PostgreSQL's own single-row
  ``INSERT … ON CONFLICT DO NOTHING`` of the same row shape (``CREATE TABLE … (LIKE
  procurement_application INCLUDING ALL)``), one autocommit transaction each, for the same time.
  Ratio = ours / baseline.
- **faults**: a fresh set of applicants with the fake Dukcapil *down* and an outbox worker
  process draining meanwhile that is SIGKILLed halfway; then ``--drain-procs`` outbox worker
  processes drain everything left (batches of ``--drain-batch`` events per transaction,
  claimed with ``FOR UPDATE SKIP LOCKED``) with the registry up; prints events/s. E-mail goes
  to Django's dummy backend (the machine has no SMTP server). Proof: receipts the clients were
  given == applications stored for them, no applicant with two receipts, and the
  reconciliation line (receipts issued = applications stored = outbox events done) balanced
  after the drain.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import queue
import random
import signal
import statistics
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import database, env_for, machine, prepare

PDF = b"%PDF-1.4\n% bench document\n%%EOF\n"


def _django(url: str) -> None:
    os.environ.update(env_for(url))
    import django

    django.setup()


def setup(url: str, applicants: int, offset: int) -> dict[str, Any]:
    """Create the period and vacancy (once) and `applicants` applicants ready to submit."""
    import datetime as dt

    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from simasn.accounts.models import User
    from simasn.accounts.roles import Role
    from simasn.core.interfaces import Interface
    from simasn.core.storage import sha256, store_document
    from simasn.organization.models import Instansi, Unit
    from simasn.positions.models import Position
    from simasn.procurement.models import (
        Applicant,
        ApplicantDocument,
        ApplicationDraft,
        SelectionPeriod,
        Vacancy,
    )
    from simasn.procurement.services import portal

    today = timezone.localdate()
    period = SelectionPeriod.objects.first()
    if period is None:
        instansi = Instansi.objects.create(code="KOTA-BENCH", name="Pemerintah Kota Bench", kind="KOTA")
        unit = Unit.objects.create(instansi=instansi, code="BKPSDM", name="BKPSDM")
        position = Position.objects.create(instansi=instansi, unit=unit, code="PLK", name="Pengolah Data",
                                           kind="PELAKSANA", seats=100)
        bkn = User.objects.create(username="bkn-bench", role=Role.BKN)
        operator = User.objects.create(username="op-bench", role=Role.OPERATOR, instansi=instansi)
        period = portal.period_create(actor=bkn, interface=Interface.CLI, name="Seleksi CPNS 2024 (bench)",
                                      fiscal_year=2024, employee_type="PNS", opens_on=today - dt.timedelta(days=1),
                                      closes_on=today + dt.timedelta(days=30))
        portal.vacancy_open(actor=operator, interface=Interface.CLI, period_id=period.pk, position_id=position.pk,
                            formasi_type="UMUM", seats=100, education="S-1", required_documents=["KTP", "IJAZAH"],
                            formasi_decision="bench")
    vacancy = Vacancy.objects.get(period=period)
    name = store_document(f"procurement/documents/{sha256(PDF)}.pdf", PDF)
    password = make_password(None)
    now = timezone.now()
    users = User.objects.bulk_create([User(username=f"b{offset + i:09d}", role=Role.PELAMAR, password=password)
                                      for i in range(applicants)], batch_size=5000)
    people = Applicant.objects.bulk_create([
        Applicant(user=u, nik=f"32730112{offset + i:08d}", name=f"Pelamar {offset + i}",
                  birth_date=dt.date(1999, 3, 12), sex="L",
                  email="b@contoh.id", identity_status="PENDING") for i, u in enumerate(users)], batch_size=5000)
    ApplicationDraft.objects.bulk_create([ApplicationDraft(applicant=a, period=period, vacancy=vacancy,
                                                           data={"education_level": "S1", "ipk": "3.10"})
                                          for a in people], batch_size=5000)
    ApplicantDocument.objects.bulk_create([
        ApplicantDocument(applicant=a, period=period, doc_type=doc, file_name=name, sha256=sha256(PDF),
                          size=len(PDF), content_type="application/pdf", created_at=now)
        for a in people for doc in ("KTP", "IJAZAH")], batch_size=10000)
    return {"period": period.pk, "users": [u.pk for u in users]}


def _client_process(url: str, period_id: int, user_ids: list[int], clients: int, server_threads: int,
                    seconds: float, timeout: float, out: Any, identity_mode: str, retry_share: float,
                    pool: int) -> None:
    os.environ["DB_POOL_MAX_SIZE"] = str(pool)
    _django(url)
    from django.conf import settings
    from django.db import close_old_connections, connection

    from simasn.accounts.models import User
    from simasn.core.interfaces import Interface
    from simasn.procurement.services import registration

    settings.SIMASN_DUKCAPIL_FAKE_MODE = identity_mode
    users = {u.pk: u for u in User.objects.filter(pk__in=user_ids)}
    connection.close()
    todo: queue.SimpleQueue[int] = queue.SimpleQueue()
    for pk in user_ids:
        todo.put(pk)
    executor = ThreadPoolExecutor(max_workers=server_threads) if server_threads else None

    def submit(pk: int, key: str) -> tuple[str, bool]:
        try:
            application, created = registration.application_submit(
                actor=users[pk], interface=Interface.API, period_id=period_id, idempotency_key=key)
        finally:
            # The end of the request (Django's request_finished): a pooled connection goes back to
            # the pool; a persistent one (CONN_MAX_AGE) stays with its thread.
            close_old_connections()
        return application.receipt_number, created

    results: list[tuple[int, str, float]] = []
    retries = [0]
    errors: list[str] = []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds  # counted from the start of submitting, not of the process

    def send(pk: int, key: str) -> str | None:
        """One request and its answer: the receipt, "" after an error, None after a client timeout.

        With request threads (`--server-threads N`) the client hands the request to one of them and
        waits at most `timeout`. Without (`--server-threads 0`) each client is served on its own
        thread, as a threaded server serves each keep-alive connection on one thread: no hand-off
        between threads, and an answer later than `timeout` counts as a timeout (the client had
        given up on it and resends the same key)."""
        try:
            if executor is None:
                sent = time.monotonic()
                receipt, _created = submit(pk, key)
                return receipt if time.monotonic() - sent <= timeout else None
            return executor.submit(submit, pk, key).result(timeout=timeout)[0]
        except FutureTimeout:
            return None
        except Exception as error:
            with lock:
                errors.append(f"{type(error).__name__}: {error}"[:200])
            return ""

    def client() -> None:
        while time.monotonic() < deadline:
            try:
                pk = todo.get_nowait()
            except queue.Empty:
                return
            key = uuid.uuid4().hex
            started = time.monotonic()
            if random.random() < retry_share:
                # This client "loses" the first answer (a dropped connection) and sends the
                # same key again: it must get the same receipt.
                send(pk, key)
                with lock:
                    retries[0] += 1
            while True:
                receipt = send(pk, key)
                if receipt is not None:
                    break
                with lock:
                    retries[0] += 1  # the client gives up waiting and sends the same key again
            with lock:
                results.append((pk, receipt, time.monotonic() - started))

    threads = [threading.Thread(target=client) for _ in range(clients)]
    began = time.monotonic()  # system-wide clock: comparable across the processes
    cpu = time.process_time()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if executor is not None:
        executor.shutdown(wait=True)
    out.put({"results": results, "retries": retries[0], "errors": errors, "began": began,
             "ended": time.monotonic(), "cpu": time.process_time() - cpu, "batches": registration.SUBMITS.batches,
             "batched": registration.SUBMITS.slots})


def run_clients(url: str, period_id: int, user_ids: list[int], *, procs: int, clients: int, server_threads: int,
                seconds: float, timeout: float, identity_mode: str = "ok",
                retry_share: float = 0.05, pool: int = 0) -> dict[str, Any]:
    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    parts = [user_ids[i::procs] for i in range(procs)]
    started = time.monotonic()
    workers = [ctx.Process(target=_client_process, args=(url, period_id, part, clients // procs, server_threads,
                                                         seconds, timeout, out, identity_mode, retry_share, pool))
               for part in parts]
    for w in workers:
        w.start()
    merged: dict[str, Any] = {"results": [], "retries": 0, "errors": [], "began": [], "ended": [], "batches": 0,
                              "batched": 0, "cpu": 0.0}
    for _w in workers:
        got = out.get()
        for key in ("results", "retries", "errors", "batches", "batched", "cpu"):
            merged[key] += got[key]
        merged["began"].append(got["began"])
        merged["ended"].append(got["ended"])
    for w in workers:
        w.join()
    # The rate is over the submitting window (first client started to last client done); the
    # processes' start-up (Python, Django, loading the users: several seconds) is not submitting.
    merged["with_startup"] = time.monotonic() - started
    merged["elapsed"] = max(merged["ended"]) - min(merged["began"])
    return merged


def _baseline_process(url: str, seconds: float, conns: int, start_id: int, out: Any) -> None:
    import psycopg

    deadline = time.monotonic() + seconds
    done = [0]
    lock = threading.Lock()
    counter = iter(range(start_id, start_id + 10**8))

    def worker() -> None:
        with psycopg.connect(url, autocommit=True) as conn:
            while time.monotonic() < deadline:
                with lock:
                    n = next(counter)
                conn.execute(
                    "INSERT INTO bench_baseline (applicant_id, period_id, vacancy_id, receipt_number, idempotency_key,"
                    " submitted_at, data, documents, admin_verdict, admin_reason, needs_review, review_reason)"
                    " VALUES (%s, 1, 1, %s, %s, now(), '{}', '[]', '', '', false, '')"
                    " ON CONFLICT DO NOTHING", (n, f"R{n}", uuid.uuid4().hex))
                with lock:
                    done[0] += 1

    threads = [threading.Thread(target=worker) for _ in range(conns)]
    began = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    out.put((done[0], began, time.monotonic()))


def baseline(url: str, *, procs: int, conns: int, seconds: float) -> float:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP TABLE IF EXISTS bench_baseline")
        conn.execute("CREATE TABLE bench_baseline (LIKE procurement_application INCLUDING ALL)")
    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    workers = [ctx.Process(target=_baseline_process, args=(url, seconds, conns, i * 10**8, out))
               for i in range(procs)]
    for w in workers:
        w.start()
    parts = [out.get() for _ in workers]
    for w in workers:
        w.join()
    # Over the inserting window, like ours (the processes' start-up is not counted).
    return sum(p[0] for p in parts) / (max(p[2] for p in parts) - min(p[1] for p in parts))


#: The drain's e-mail goes nowhere: the machine has no SMTP server, and the bench measures the
#: drain, not a mail server (with the default SMTP backend every e-mail event would fail).
MAIL_SINK = "django.core.mail.backends.dummy.EmailBackend"


def _drain_forever(url: str, identity_mode: str, batch: int) -> None:
    _django(url)
    from django.conf import settings

    from simasn.procurement.services.outbox import outbox_drain

    settings.SIMASN_DUKCAPIL_FAKE_MODE = identity_mode
    settings.EMAIL_BACKEND = MAIL_SINK
    while True:
        outbox_drain(limit=10 * batch, batch=batch)
        time.sleep(0.05)


def _drain_process(url: str, batch: int, now_iso: str, out: Any) -> None:
    """One outbox worker: batches until nothing is due; reports its counts and its window."""
    _django(url)
    import datetime as dt

    from django.conf import settings
    from django.db import connection

    from simasn.procurement.services.outbox import outbox_drain_batch

    settings.SIMASN_DUKCAPIL_FAKE_MODE = "ok"
    settings.EMAIL_BACKEND = MAIL_SINK
    now = dt.datetime.fromisoformat(now_iso)
    connection.ensure_connection()
    began = time.monotonic()
    counts = {"done": 0, "failed": 0, "batches": 0}
    while True:
        step = outbox_drain_batch(batch=batch, now=now)
        if not step["claimed"]:
            break
        counts["done"] += step["done"]
        counts["failed"] += step["failed"]
        counts["batches"] += 1
    out.put({**counts, "began": began, "ended": time.monotonic()})
    connection.close()


def drain(url: str, *, procs: int, batch: int) -> dict[str, Any]:
    """``procs`` outbox workers at once (each its own process and connection, claiming with
    SKIP LOCKED). Failed events are retried at once, as an operator does once the registry is
    back (``now`` past every backoff)."""
    from django.utils import timezone

    from simasn.procurement.services.outbox import MAX_BACKOFF

    now = (timezone.now() + MAX_BACKOFF).isoformat()
    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    started = time.monotonic()
    workers = [ctx.Process(target=_drain_process, args=(url, batch, now, out)) for _ in range(procs)]
    for w in workers:
        w.start()
    parts = [out.get() for _ in workers]
    for w in workers:
        w.join()
    ended = time.monotonic()
    return {"done": sum(p["done"] for p in parts), "failed": sum(p["failed"] for p in parts),
            "batches": sum(p["batches"] for p in parts), "per_worker": [p["done"] for p in parts],
            # The draining window (first worker's first claim to the last one's end), like the submit
            # rate; the processes' start-up is printed next to it.
            "elapsed": max(p["ended"] for p in parts) - min(p["began"] for p in parts), "with_startup": ended - started}


def verify(url: str, user_ids: list[int], results: list[tuple[int, str, float]]) -> dict[str, int]:
    """Receipts the clients hold against rows stored: lost, doubled, mismatched."""
    from simasn.procurement.models import Application

    stored: dict[int, list[str]] = {}
    for user_id, receipt in Application.objects.filter(applicant__user_id__in=user_ids).values_list(
            "applicant__user_id", "receipt_number"):
        stored.setdefault(user_id, []).append(receipt)
    issued = {pk: r for pk, r, _t in results if r}
    lost = sum(1 for pk, r in issued.items() if r not in stored.get(pk, []))
    doubled = sum(1 for rows in stored.values() if len(rows) > 1)
    unreceipted = sum(1 for pk in stored if pk not in issued)
    return {"issued": len(issued), "stored": sum(len(v) for v in stored.values()), "lost": lost,
            "doubled": doubled, "stored_without_receipt_at_client": unreceipted}


def summary(label: str, run: dict[str, Any]) -> float:
    ok = [t for _pk, r, t in run["results"] if r]
    rate = len(ok) / run["elapsed"]
    lat = sorted(ok)
    p50 = statistics.median(lat) * 1000 if lat else float("nan")
    p99 = lat[int(len(lat) * 0.99) - 1] * 1000 if lat else float("nan")
    print(f"{label}: {len(ok)} submits in {run['elapsed']:.1f} s = {rate:,.0f} submits/s "
          f"({len(ok) / run['with_startup']:,.0f}/s counting the client processes' start-up); client p50 {p50:.0f} ms, "
          f"p99 {p99:.0f} ms; {run['retries']} resends of the same key (lost answers, client timeouts); "
          f"{len(run['errors'])} errors" + (f" (first: {run['errors'][0]})" if run["errors"] else "")
          + f"; group commit: {run['batched']} submits in {run['batches']} batches "
          f"({run['batched'] / max(run['batches'], 1):.1f} per durable commit); the client/server processes' "
          f"CPU {run['cpu']:.1f} s = {1e6 * run['cpu'] / max(len(ok), 1):,.0f} us per submit")
    return rate


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--applicants", type=int, default=30000)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--procs", type=int, default=2)
    parser.add_argument("--server-threads", type=int, default=24,
                        help="request threads per process (0: each client is served on its own thread)")
    parser.add_argument("--pool", type=int, default=0,
                        help="pooled database connections per process (0: one per request thread)")
    parser.add_argument("--baseline-conns", type=int, default=24, help="baseline connections per process")
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--timeout-ms", type=float, default=10000)
    parser.add_argument("--drain-procs", type=int, default=2, help="outbox worker processes after the burst")
    parser.add_argument("--drain-batch", type=int, default=500, help="outbox events per worker transaction")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    print(f"machine: {machine()}")
    with database("simasn_procurement_burst", keep=args.keep) as url:
        started = time.monotonic()
        prepare(url, reference=False)
        print(f"schema: {time.monotonic() - started:.1f} s")
        _django(url)
        from django.db import connections

        from simasn.accounts.models import User
        from simasn.procurement import selectors

        t0 = time.monotonic()
        ready = setup(url, args.applicants, 0)
        faults = setup(url, max(args.applicants // 3, 100), args.applicants)
        print(f"set-up: {args.applicants + len(faults['users'])} applicants with drafts and documents in "
              f"{time.monotonic() - t0:.1f} s")
        connections.close_all()
        conns = args.procs * (args.pool or args.server_threads or args.clients // args.procs)
        base = baseline(url, procs=args.procs, conns=args.baseline_conns, seconds=args.seconds)
        print(f"baseline: PostgreSQL single-row INSERT … ON CONFLICT of the same row shape, "
              f"{args.procs * args.baseline_conns} connections, autocommit, synchronous_commit on: {base:,.0f} rows/s")
        run = run_clients(url, ready["period"], ready["users"], procs=args.procs, clients=args.clients,
                          server_threads=args.server_threads, seconds=args.seconds, timeout=args.timeout_ms / 1000,
                          pool=args.pool)
        served = (f"{args.procs} x {args.server_threads} request threads" if args.server_threads
                  else "each client served on its own thread")
        ours = summary(f"ours ({args.clients} clients, {served}, "
                       f"{'at most ' if args.pool else ''}{conns} server connections"
                       f"{' (pooled)' if args.pool else ''})", run)
        print(f"ratio ours / baseline: {ours / base:.3f}")
        print(f"check (normal run): {verify(url, ready['users'], run['results'])}")

        # Faults: the registry down, the outbox worker killed halfway, then run again.
        ctx = mp.get_context("spawn")
        worker = ctx.Process(target=_drain_forever, args=(url, "down", args.drain_batch))
        worker.start()
        killer = threading.Timer(args.seconds / 2, lambda: os.kill(worker.pid or 0, signal.SIGKILL))
        killer.start()
        fault_run = run_clients(url, faults["period"], faults["users"], procs=args.procs, clients=args.clients,
                                server_threads=args.server_threads, seconds=args.seconds,
                                timeout=args.timeout_ms / 1000, identity_mode="down", pool=args.pool)
        killer.join()
        worker.join()
        summary("faults (Dukcapil down, worker SIGKILLed halfway)", fault_run)
        print(f"worker exit code: {worker.exitcode} (-9 = killed)")
        print(f"check (faults): {verify(url, faults['users'], fault_run['results'])}")
        from simasn.procurement.models import OutboxEvent

        connections.close_all()
        pending = OutboxEvent.objects.filter(done_at__isnull=True).count()
        drained = drain(url, procs=args.drain_procs, batch=args.drain_batch)
        print(f"worker again, registry up ({args.drain_procs} worker processes, batches of {args.drain_batch}): "
              f"{pending} events pending; {drained['done']} done, {drained['failed']} failed in "
              f"{drained['batches']} batches, {drained['elapsed']:.1f} s = {drained['done'] / max(drained['elapsed'], 1e-9):,.0f} "
              f"events/s ({drained['done'] / drained['with_startup']:,.0f}/s counting the workers' start-up); "
              f"per worker {drained['per_worker']}")
        admin = User.objects.create(username="bkn-recon", role="BKN")
        recon = selectors.reconciliation(viewer=admin)
        issued = len({pk for pk, r, _t in run["results"] if r}) + len({pk for pk, r, _t in fault_run["results"] if r})
        events = sum(row["total"] for row in recon["events"].values())
        done = sum(row["done"] for row in recon["events"].values())
        print(f"reconciliation: receipts issued {issued} = applications stored {recon['stored']} (with receipt "
              f"{recon['receipts']}) = outbox events done {done} / {events} ({len(recon['events'])} kinds x "
              f"{recon['stored']}), pending {recon['pending']}, balanced {recon['balanced']}")
        connections.close_all()


if __name__ == "__main__":
    main()
