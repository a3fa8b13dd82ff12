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

Kept free of the ORM: the caller's `flush` owns the transaction and the rows.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from typing import Any, Generic, TypeVar

P = TypeVar("P")


class Slot(Generic[P]):
    """One request's place in the queue: what it wants written and, later, its answer."""

    __slots__ = ("_lead", "_wake", "done", "error", "outcome", "payload")

    def __init__(self, payload: P) -> None:
        self.payload = payload
        self.outcome: Any = None
        self.error: BaseException | None = None
        self.done = False
        self._lead = False
        self._wake = threading.Event()

    def resolve(self, outcome: Any) -> None:
        """Answer this request now (the flush calls it after its commit): the waiting request
        returns at once, while the leader still finishes its after-commit work."""
        self.outcome, self.done = outcome, True
        self._wake.set()

    def fail(self, error: BaseException) -> None:
        self.error, self.done = error, True
        self._wake.set()

    def result(self) -> Any:
        if self.error is not None:
            raise self.error
        return self.outcome


class GroupCommit(Generic[P]):
    """Leader/follower group commit; `flush(slots)` writes one batch and answers each slot."""

    def __init__(self, flush: Callable[[list[Slot[P]]], None], *, max_batch: int = 500) -> None:
        self._flush = flush
        self.max_batch = max_batch
        self._lock = threading.Lock()
        self._queue: deque[Slot[P]] = deque()
        self._busy = False  # invariant: not busy => queue empty
        #: Batches flushed and slots answered, for the benchmark's report.
        self.batches = 0
        self.slots = 0

    def submit(self, payload: P) -> Any:
        """Queue `payload`, wait until its batch is committed, return its outcome (or raise its error)."""
        slot: Slot[P] = Slot(payload)
        with self._lock:
            self._queue.append(slot)
            lead = not self._busy
            self._busy = True
        while not lead:
            slot._wake.wait()
            if slot.done:
                return slot.result()
            slot._wake.clear()
            lead = slot._lead
        # Leading: this slot is the oldest queued one, so it is in the batch taken now.
        self._lead_one_batch()
        return slot.result()

    def _lead_one_batch(self) -> None:
        with self._lock:
            batch = [self._queue.popleft() for _ in range(min(len(self._queue), self.max_batch))]
        try:
            self._flush(batch)
        except BaseException as error:
            for slot in batch:
                if not slot.done:
                    slot.fail(error)
            if not isinstance(error, Exception):
                raise
        finally:
            for slot in batch:
                if not slot.done:
                    slot.fail(RuntimeError("group commit: the flush left this write unanswered"))
            with self._lock:
                self.batches += 1
                self.slots += len(batch)
                if self._queue:
                    following = self._queue[0]
                    following._lead = True
                    following._wake.set()
                else:
                    self._busy = False
            for slot in batch:
                slot._wake.set()
