"""The submit's group commit (issue 14, registration burst; ADR 0024): concurrent submits are
written in batches, one durable transaction each, and every request still gets exactly its own
answer — one application and one receipt per applicant and period, however the requests race."""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connections

from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ConflictError
from simasn.core.interfaces import Interface
from simasn.core.models import AuditEvent
from simasn.procurement.groupcommit import GroupCommit, Slot
from simasn.procurement.models import Application, OutboxEvent
from simasn.procurement.services import registration
from simasn.procurement.tests.conftest import NIK_SITI, PDF


def _make_ready(world, register, **person):
    applicant = register(**person)
    registration.draft_save(actor=applicant.user, interface=Interface.WEB, period_id=world.period.pk,
                            vacancy_id=world.vacancy.pk, data={"education_level": "S1"})
    for doc in ("KTP", "IJAZAH"):
        registration.document_upload(actor=applicant.user, interface=Interface.WEB, period_id=world.period.pk,
                                     doc_type=doc, content=PDF + doc.encode())
    return applicant


def _slot(user, key: str, period_id: int) -> Slot:
    return Slot(registration._SubmitRequest(actor=user, interface=Interface.API, period_id=period_id, key=key,
                                            on=None, receipt_seed=key[-10:].upper()))



def _wait_until_queued(group: GroupCommit[int], n: int) -> None:
    """Poll (at most ~10 s) until `n` submits wait in the group's queue."""
    for _poll in range(10_000):
        with group._lock:
            if len(group._queue) == n:
                return
        time.sleep(0.001)

def test_a_batch_answers_each_request_with_its_own_receipt(world, ready_applicant, register):
    """One batch: a new submit, a second attempt by the same applicant with another key (the
    stored receipt, not created), and another applicant reusing the first one's key (refused)."""
    siti = _make_ready(world, register, nik=NIK_SITI, birth=ready_applicant.birth_date.replace(year=1980, month=5,
                                                                                               day=17), sex="P")
    first = _slot(ready_applicant.user, "key-batch-0000000001", world.period.pk)
    again = _slot(ready_applicant.user, "key-batch-0000000002", world.period.pk)
    stolen = _slot(siti.user, "key-batch-0000000001", world.period.pk)
    registration._flush_submits([first, again, stolen])
    application, created = first.result()
    assert created
    same, created_again = again.result()
    assert not created_again and same.receipt_number == application.receipt_number
    with pytest.raises(ConflictError) as refused:
        stolen.result()
    assert refused.value.code == "key_reused"
    assert Application.objects.filter(period=world.period).count() == 1
    assert OutboxEvent.objects.filter(application=application).count() == 3
    assert AuditEvent.objects.filter(object_type="procurement.application", object_id=str(application.pk),
                                     action=AuditAction.CREATE).count() == 1


def test_a_batch_with_one_failing_row_does_not_lose_the_others(world, ready_applicant, register, monkeypatch):
    """When the batch's transaction fails because of one request, nothing of it is half written
    (rolled back) and every request is written again on its own: only the bad one fails."""
    siti = _make_ready(world, register, nik=NIK_SITI, birth=ready_applicant.birth_date.replace(year=1980, month=5,
                                                                                               day=17), sex="P")
    real = registration._created_changes
    siti_key = "key-fail-00000000002"

    def audit_changes_failing_for_siti(**kwargs):
        # Siti's row is known by its key (the application is already inserted, uncommitted).
        stored = Application.objects.filter(receipt_number=kwargs["receipt"]).values_list("idempotency_key",
                                                                                           flat=True).first()
        if stored == siti_key:
            raise RuntimeError("the audit row of this submit cannot be written")
        return real(**kwargs)

    monkeypatch.setattr(registration, "_created_changes", audit_changes_failing_for_siti)
    good = _slot(ready_applicant.user, "key-fail-00000000001", world.period.pk)
    bad = _slot(siti.user, siti_key, world.period.pk)
    registration._flush_submits([bad, good])
    application, created = good.result()
    assert created and Application.objects.filter(pk=application.pk).exists()
    assert OutboxEvent.objects.filter(application=application).count() == 3
    with pytest.raises(RuntimeError):
        bad.result()
    # The failed submit left no application without its audit event and outbox rows.
    assert not Application.objects.filter(applicant=siti).exists()


@pytest.mark.django_db(transaction=True)
def test_concurrent_submits_of_one_applicant_give_one_row_and_one_receipt(world, ready_applicant):
    """Eight threads submit for the same applicant at once — four retrying one key, four with
    keys of their own — through the process's group commit: one row, one receipt for all."""
    user = ready_applicant.user
    keys = ["key-race-000000000001"] * 4 + [f"key-race-00000000001{i}" for i in range(4)]
    barrier = threading.Barrier(len(keys))
    answers: list[object] = [None] * len(keys)

    def submit(i: int) -> None:
        try:
            barrier.wait()
            answers[i] = registration.application_submit(actor=user, interface=Interface.API,
                                                         period_id=world.period.pk, idempotency_key=keys[i])
        except Exception as error:  # collected and asserted below
            answers[i] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(i,)) for i in range(len(keys))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(isinstance(a, tuple) for a in answers), answers
    receipts = {a[0].receipt_number for a in answers}  # type: ignore[index]
    assert len(receipts) == 1
    assert sum(1 for a in answers if a[1]) == 1  # type: ignore[index]
    stored = Application.objects.get(applicant=ready_applicant, period=world.period)
    assert stored.receipt_number in receipts
    assert OutboxEvent.objects.filter(application=stored).count() == 3
    assert AuditEvent.objects.filter(object_type="procurement.application", object_id=str(stored.pk)).count() == 1


def test_the_group_commit_batches_what_queues_during_a_flush():
    """While one batch is being written, newcomers queue; the next leader writes them together,
    and each waiting request gets its own outcome (or its own error)."""
    first_started, release = threading.Event(), threading.Event()
    batches: list[list[int]] = []

    def flush(slots: list[Slot[int]]) -> None:
        batches.append([s.payload for s in slots])
        if len(batches) == 1:
            first_started.set()
            release.wait(timeout=10)
        for s in slots:
            if s.payload == 13:
                s.fail(ValueError("unlucky"))
            else:
                s.resolve(s.payload * 10)

    group: GroupCommit[int] = GroupCommit(flush)
    answers: dict[int, object] = {}

    def submit(n: int) -> None:
        try:
            answers[n] = group.submit(n)
        except ValueError as error:
            answers[n] = error

    leader = threading.Thread(target=submit, args=(1,))
    leader.start()
    assert first_started.wait(timeout=10)
    followers = [threading.Thread(target=submit, args=(n,)) for n in (11, 12, 13, 14)]
    for t in followers:
        t.start()
    _wait_until_queued(group, 4)  # the followers, behind the running flush
    release.set()
    for t in [leader, *followers]:
        t.join(timeout=10)
    assert batches[0] == [1] and sorted(batches[1]) == [11, 12, 13, 14] and len(batches) == 2
    assert answers[1] == 10 and answers[11] == 110 and answers[14] == 140
    assert isinstance(answers[13], ValueError)
    assert not group._busy and not group._queue


def test_a_flush_that_raises_fails_its_requests_and_the_next_one_still_runs():
    calls: list[int] = []

    def flush(slots: list[Slot[int]]) -> None:
        calls.append(len(slots))
        if slots[0].payload == 0:
            raise OSError("connection lost")
        for s in slots:
            s.resolve("ok")

    group: GroupCommit[int] = GroupCommit(flush)
    with pytest.raises(OSError):
        group.submit(0)
    assert group.submit(1) == "ok"
    assert not group._busy


def test_the_after_commit_work_runs_once_the_next_batch_is_under_way():
    """`flush` returns its after-commit work; the leader runs it after handing the lead on, so
    the next batch does not wait for it (and its own request is already answered)."""
    first_started, release, second_started = threading.Event(), threading.Event(), threading.Event()
    seen: dict[str, bool] = {}

    def flush(slots: list[Slot[int]]):
        if slots[0].payload == 1:
            first_started.set()
            release.wait(timeout=10)
        else:
            second_started.set()
        for s in slots:
            s.resolve(s.payload)
        if slots[0].payload != 1:
            return None

        def after() -> None:
            seen["answered"] = slots[0].done
            seen["next batch started"] = second_started.wait(timeout=10)

        return after

    group: GroupCommit[int] = GroupCommit(flush)
    answers: dict[int, object] = {}
    leader = threading.Thread(target=lambda: answers.update({1: group.submit(1)}))
    leader.start()
    assert first_started.wait(timeout=10)
    follower = threading.Thread(target=lambda: answers.update({2: group.submit(2)}))
    follower.start()
    _wait_until_queued(group, 1)  # the follower, behind the running flush
    release.set()
    for t in (leader, follower):
        t.join(timeout=10)
    assert answers == {1: 1, 2: 2}
    assert seen == {"answered": True, "next batch started": True}
    assert not group._busy and not group._queue
