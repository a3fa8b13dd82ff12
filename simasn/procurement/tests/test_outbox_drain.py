"""The outbox drain in batches (issue 14, ADR 0018/0024): many events per transaction, a
failing service's events wait for their next try without holding back the others, and a worker
that dies mid-batch leaves its events to the next one, none of them done twice."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from simasn.core.audit_actions import AuditAction
from simasn.core.interfaces import Interface
from simasn.core.models import AuditEvent
from simasn.procurement import selectors
from simasn.procurement.models import Applicant, IdentityStatus, OutboxEvent, OutboxKind
from simasn.procurement.services import outbox, registration
from simasn.procurement.tests.conftest import PDF


class SmtpDown(BaseEmailBackend):
    """An e-mail server that refuses connections."""

    def open(self):
        raise ConnectionRefusedError("smtp refused (test)")

    def send_messages(self, email_messages):
        self.open()
        return 0


def submitted(world, register, n: int, start: int = 3) -> list[Applicant]:
    """``n`` applicants, each registered and with one application submitted: 4 events each
    (the registration's identity check, and the submit's identity re-check, e-meterai, e-mail)."""
    applicants = []
    for i in range(start, start + n):
        applicant = register(nik=f"32730112039900{i:02d}", name=f"Pelamar {i}")
        registration.draft_save(actor=applicant.user, interface=Interface.WEB, period_id=world.period.pk,
                                vacancy_id=world.vacancy.pk, data={"education_level": "S1"})
        for doc in ("KTP", "IJAZAH"):
            registration.document_upload(actor=applicant.user, interface=Interface.WEB, period_id=world.period.pk,
                                         doc_type=doc, content=PDF + doc.encode() + str(i).encode())
        registration.application_submit(actor=applicant.user, interface=Interface.WEB, period_id=world.period.pk,
                                        idempotency_key=f"k-drain-{i:06d}")
        applicants.append(applicant)
    return applicants


def identity_audits() -> int:
    return AuditEvent.objects.filter(object_type="procurement.applicant", action=AuditAction.UPDATE).count()


def test_a_batch_drains_every_kind_and_the_reconciliation_balances(world, register):
    people = submitted(world, register, 5)
    assert OutboxEvent.objects.filter(done_at__isnull=True).count() == 20
    mail.outbox.clear()
    assert outbox.outbox_drain(batch=7) == {"done": 20, "failed": 0}
    assert not OutboxEvent.objects.filter(done_at__isnull=True).exists()
    assert set(OutboxEvent.objects.values_list("attempts", flat=True)) == {1}
    for person in people:
        person.refresh_from_db()
        assert person.identity_status == IdentityStatus.VERIFIED
    # Two checks per applicant (registration, submit), one status change: one audit event each.
    assert identity_audits() == 5
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)
    assert selectors.reconciliation(viewer=world.bkn)["balanced"]


def test_a_batch_costs_the_same_statements_however_many_events_it_holds(world, register):
    submitted(world, register, 2)
    with CaptureQueriesContext(connection) as small:
        assert outbox.outbox_drain_batch(batch=100)["done"] == 8
    submitted(world, register, 6, start=10)
    with CaptureQueriesContext(connection) as large:
        assert outbox.outbox_drain_batch(batch=100)["done"] == 24
    assert len(large.captured_queries) == len(small.captured_queries)


def test_a_service_that_is_down_leaves_its_events_pending_and_blocks_nothing(world, register, settings):
    submitted(world, register, 3)
    settings.SIMASN_EMETERAI_DOWN = True
    settings.EMAIL_BACKEND = "simasn.procurement.tests.test_outbox_drain.SmtpDown"
    now = timezone.now()
    # Small batches: the failing events come first in some of them and hold back nothing.
    assert outbox.outbox_drain(batch=2, now=now) == {"done": 6, "failed": 6}
    waiting = OutboxEvent.objects.filter(done_at__isnull=True)
    assert set(waiting.values_list("kind", flat=True)) == {OutboxKind.EMETERAI, OutboxKind.EMAIL}
    for event in waiting:
        assert event.attempts == 1 and event.next_try_at == now + outbox.FIRST_RETRY
        assert event.last_error.startswith("ServiceDown" if event.kind == OutboxKind.EMETERAI else "ConnectionRefused")
    # Not asked again before the next try; then again, and the wait doubles.
    assert outbox.outbox_drain(now=now + dt.timedelta(seconds=5)) == {"done": 0, "failed": 0}
    later = now + outbox.FIRST_RETRY
    assert outbox.outbox_drain(now=later) == {"done": 0, "failed": 6}
    assert {(e.attempts, e.next_try_at) for e in waiting.all()} == {(2, later + 2 * outbox.FIRST_RETRY)}
    recon = selectors.reconciliation(viewer=world.bkn)
    assert recon["pending"] == 6 and not recon["balanced"]
    # The services are back: done on the next try, each once.
    settings.SIMASN_EMETERAI_DOWN = False
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox.clear()
    assert outbox.outbox_drain(now=later + outbox.MAX_BACKOFF) == {"done": 6, "failed": 0}
    assert len(mail.outbox) == 3
    assert selectors.reconciliation(viewer=world.bkn)["balanced"]


def test_one_bad_event_fails_alone(world, register, monkeypatch):
    people = submitted(world, register, 3)
    bad = people[1].pk
    real = outbox.HANDLERS[OutboxKind.IDENTITY]

    def identity(events):
        if any(e.applicant_id == bad for e in events):
            # Half-done work, then an error: the savepoint takes the work back.
            Applicant.objects.filter(pk=bad).update(identity_status=IdentityStatus.MISMATCH)
            raise RuntimeError("unreadable registry answer")
        return real(events)

    monkeypatch.setitem(outbox.HANDLERS, OutboxKind.IDENTITY, identity)
    result = outbox.outbox_drain()
    assert result == {"done": 10, "failed": 2}
    assert set(OutboxEvent.objects.filter(done_at__isnull=True).values_list("applicant_id", flat=True)) == {bad}
    assert [p.identity_status for p in Applicant.objects.order_by("pk")] == [
        IdentityStatus.VERIFIED, IdentityStatus.PENDING, IdentityStatus.VERIFIED]


def test_a_worker_killed_mid_batch_leaves_its_events_for_the_next_one(world, register, monkeypatch):
    """The kill is the batch transaction ending without its commit (what a SIGKILLed worker's
    connection does): the identity checks already made roll back with the claims."""
    people = submitted(world, register, 3)
    audits_before = identity_audits()

    def killed(events):
        raise SystemExit("worker killed")  # not an Exception: nothing inside catches it

    monkeypatch.setitem(outbox.HANDLERS, OutboxKind.EMAIL, killed)
    with pytest.raises(SystemExit):
        outbox.outbox_drain()
    assert OutboxEvent.objects.filter(done_at__isnull=True, attempts=0).count() == 12
    assert identity_audits() == audits_before
    monkeypatch.undo()
    assert outbox.outbox_drain() == {"done": 12, "failed": 0}
    assert set(OutboxEvent.objects.values_list("attempts", flat=True)) == {1}
    assert identity_audits() == audits_before + 3
    assert {p.identity_status for p in Applicant.objects.filter(pk__in=[p.pk for p in people])} == {
        IdentityStatus.VERIFIED}


def test_an_event_done_again_changes_nothing(world, register):
    """The identity check done twice (its event re-claimed after a kill that came after the
    registry answered) leaves one status change and one audit event."""
    submitted(world, register, 1)
    outbox.outbox_drain()
    before = identity_audits()
    OutboxEvent.objects.update(done_at=None)  # as if the commit had never happened
    assert outbox.outbox_drain() == {"done": 4, "failed": 0}
    assert identity_audits() == before
