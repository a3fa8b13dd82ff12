"""Group commit inside one process (issue 14, the registration burst; ADR 0024).

Many request threads each hand one prepared write to a `GroupCommit`; one of them — the
*leader*, whichever arrives when no flush is running — takes everything queued so far and
writes it with `flush(batch)` in one durable transaction on its own database connection, then
wakes every waiting request with its own outcome. While it flushes, newcomers queue up; when
it is done it hands the lead to the oldest waiting request, which flushes the next batch. So
under load one commit (one WAL flush) carries many submits, and a lone request is written at
once, on its own thread — no background thread, no timer, no extra latency when idle.

A request is only answered after `flush` returned, i.e. after its batch committed: nobody is
told "stored" for a row that is not durable. `flush` sets each slot's outcome or error; a slot
it leaves unanswered (or every slot, if it raises) fails with the error, so no request waits
forever.

Kept free of the ORM: the caller's `flush` owns the transaction and the rows. `flush` may return
a callable, its after-commit work: the leader runs it after handing the lead on.
"""

from __future__ import annotations

import threading
from _thread import allocate_lock as _allocate_lock
from collections import deque
from collections.abc import Callable
from typing import Any, Generic, TypeVar

P = TypeVar("P")


class Slot(Generic[P]):
    """One request's place in the queue: what it wants written and, later, its answer.

    Its wake-up is a bare lock, held from creation and released once per wait (by its answer,
    or by being handed the lead): the cheapest thing a CPython thread can block on (a
    `threading.Event` is a Condition over a lock, several times the work per wait and wake)."""

    __slots__ = ("_lead", "_wake", "done", "error", "outcome", "payload")

    def __init__(self, payload: P) -> None:
        self.payload = payload
        self.outcome: Any = None
        self.error: BaseException | None = None
        self.done = False
        self._lead = False
        self._wake = _allocate_lock()
        self._wake.acquire()

    def resolve(self, outcome: Any) -> None:
        """Answer this request now (the flush calls it after its commit): the waiting request
        returns at once, while the leader still finishes its after-commit work. A second
        answer is ignored (the first one is what the request was told)."""
        if self.done:
            return
        self.outcome, self.done = outcome, True
        self._wake.release()

    def fail(self, error: BaseException) -> None:
        if self.done:
            return
        self.error, self.done = error, True
        self._wake.release()

    def result(self) -> Any:
        if self.error is not None:
            raise self.error
        return self.outcome


class GroupCommit(Generic[P]):
    """Leader/follower group commit; `flush(slots)` writes one batch and answers each slot."""

    def __init__(self, flush: Callable[[list[Slot[P]]], Callable[[], object] | None], *,
                 max_batch: int = 500) -> None:
        self._flush = flush
        self.max_batch = max_batch
        self._lock = threading.Lock()
        self._queue: deque[Slot[P]] = deque()
        self._busy = False  # invariant: not busy => queue empty
        #: Batches flushed and slots answered, for the benchmark's report.
        self.batches = 0
        self.slots = 0

    def submit(self, payload: P) -> Any:
        """Queue `payload`, wait until its batch is committed, return its outcome (or raise its error).

        A waiting request is woken exactly once: by its answer, or by being handed the lead (it
        is then still queued, so not in any batch, and the oldest: it leads the next one)."""
        slot: Slot[P] = Slot(payload)
        with self._lock:
            self._queue.append(slot)
            lead = not self._busy
            self._busy = True
        if not lead:
            slot._wake.acquire()
            if slot.done:
                return slot.result()
        return self._lead_from(slot)

    def _lead_from(self, slot: Slot[P]) -> Any:
        # Leading: this slot is the oldest queued one, so it is in the batch taken now.
        with self._lock:
            queued = self._queue
            batch = [queued.popleft() for _ in range(min(len(queued), self.max_batch))]
        after: Callable[[], object] | None = None
        try:
            after = self._flush(batch)
        except BaseException as error:
            for each in batch:
                each.fail(error)
            if not isinstance(error, Exception):
                raise
        finally:
            for each in batch:
                each.fail(RuntimeError("group commit: the flush left this write unanswered"))
            with self._lock:
                self.batches += 1
                self.slots += len(batch)
                if self._queue:
                    following = self._queue[0]
                    following._lead = True
                    following._wake.release()
                else:
                    self._busy = False
        if after is not None:
            # The flush's after-commit work (its own commit, e.g. enqueueing the outbox drain)
            # runs once the next batch is under way: it delays neither the answers nor the next
            # leader.
            after()
        return slot.result()
