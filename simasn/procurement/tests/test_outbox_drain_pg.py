"""Several outbox workers at once on real PostgreSQL (issue 14): each claims its batch with
``FOR UPDATE SKIP LOCKED``, so two workers never hold the same event, and a worker whose
connection dies mid-batch leaves its events to be claimed again."""

from __future__ import annotations

import threading
from types import SimpleNamespace

import pytest
from django.db import connection, connections

from simasn.procurement import tasks
from simasn.procurement.models import OutboxEvent
from simasn.procurement.services import outbox
from simasn.procurement.tests.test_outbox_drain import identity_audits, submitted
from simasn.testing.concurrency import require_postgres

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _require_postgres() -> None:
    require_postgres()


@pytest.fixture(autouse=True)
def _no_drain_on_commit(monkeypatch) -> None:
    """The drain task the submit enqueues on commit runs at once in tests (and commits here);
    the workers in these tests are the test's own."""
    monkeypatch.setattr(tasks, "drain_outbox", SimpleNamespace(enqueue=lambda *args, **kwargs: None))


def _worker(target, results, index):
    def run():
        try:
            results[index] = target()
        except BaseException as error:  # the test reads what each worker ended with
            results[index] = error
        finally:
            connections.close_all()
    return threading.Thread(target=run)


def test_two_workers_at_once_take_disjoint_events(world, register, monkeypatch):
    submitted(world, register, 6)  # 24 events
    total = set(OutboxEvent.objects.values_list("pk", flat=True))
    both_claimed = threading.Barrier(2, timeout=30)
    claimed: list[list[int]] = [[], []]
    real_claim = outbox._claim

    def claim(limit, now):
        events = real_claim(limit, now)
        claimed[int(threading.current_thread().name == "second")].extend(e.pk for e in events)
        both_claimed.wait()  # both hold their claims before either commits
        return events

    monkeypatch.setattr(outbox, "_claim", claim)
    results: list[object] = [None, None]
    threads = [_worker(lambda: outbox.outbox_drain_batch(batch=15), results, i) for i in range(2)]
    threads[1].name = "second"
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(isinstance(r, dict) for r in results), results
    first, second = set(claimed[0]), set(claimed[1])
    assert first and second and not first & second
    assert first | second == total  # together they claimed all 24, at most 15 each
    assert max(len(first), len(second)) <= 15
    assert sorted(r["done"] for r in results) == sorted([len(first), len(second)])
    assert not OutboxEvent.objects.filter(done_at__isnull=True).exists()
    assert set(OutboxEvent.objects.values_list("attempts", flat=True)) == {1}
    assert identity_audits() == 6


def test_a_killed_workers_events_are_drained_by_the_next(world, register, monkeypatch):
    submitted(world, register, 4)  # 16 events
    claimed_and_stuck = threading.Event()
    release = threading.Event()
    pid: list[int] = []
    real_claim = outbox._claim

    def claim(limit, now):
        events = real_claim(limit, now)
        if threading.current_thread().name == "doomed":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                pid.append(cursor.fetchone()[0])
            claimed_and_stuck.set()
            release.wait(30)
        return events

    monkeypatch.setattr(outbox, "_claim", claim)
    results: list[object] = [None]
    doomed = _worker(lambda: outbox.outbox_drain_batch(batch=10), results, 0)
    doomed.name = "doomed"
    doomed.start()
    assert claimed_and_stuck.wait(30)
    # Meanwhile another worker drains what is not held: the 6 others.
    assert outbox.outbox_drain() == {"done": 6, "failed": 0}
    # The first worker dies (its server process is ended, as when its host is killed).
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [pid[0]])
    release.set()
    doomed.join()
    assert isinstance(results[0], Exception), results
    assert OutboxEvent.objects.filter(done_at__isnull=True, attempts=0).count() == 10
    # Its events are claimed again and done, each once.
    assert outbox.outbox_drain() == {"done": 10, "failed": 0}
    assert set(OutboxEvent.objects.values_list("attempts", flat=True)) == {1}
    assert identity_audits() == 4
