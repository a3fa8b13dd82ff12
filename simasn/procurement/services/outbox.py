"""The worker's side of the submit: identity checks, e-meterai and e-mail, drained in batches.

A batch is one transaction (issue 14: one event per transaction drained ~14 events/s while the
submit stores ~600 applications/s):

- **claim**: up to ``batch`` pending events that are due (``next_try_at`` passed or never
  failed), oldest first; on PostgreSQL with ``SELECT … FOR UPDATE SKIP LOCKED LIMIT n``, so
  several workers drain at once and never take the same event (SQLite has one writer).
- **do**: each kind's events together — one read of the applicants for the identity checks,
  one SMTP connection for the e-mails — inside a savepoint per kind, so an error in one kind
  leaves the others' work; an unexpected error is retried event by event, so one bad event
  fails alone.
- **mark**: the done events in one ``UPDATE``, the failed ones in one bulk update with their
  attempt count, error and next try (backoff from 30 s doubling up to 1 h). A failed event stays
  pending and is not claimed again before its next try, so a service that is down neither
  blocks the other kinds' events nor is asked again at once.
- **commit** once. A worker killed mid-batch never commits: its database work and its claims
  roll back together and the next worker claims the same events again.

Idempotency when an event is done a second time (a kill after the external call but before the
commit): the identity check sets the applicant's status to the registry's answer (the same
answer twice changes nothing and writes no second audit event); the e-meterai request carries
the receipt number as its idempotency key, so a provider stamps a receipt once however often it
is asked; the receipt e-mail is at-least-once (after a kill the applicant may get the same
receipt e-mail twice, never none).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import smtplib
from collections.abc import Callable, Sequence

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.core.audit import AuditRow, actor_label, audit_record_rows
from simasn.core.audit_actions import AuditAction
from simasn.core.interfaces import Interface
from simasn.procurement.identity import IdentityAnswer, IdentityUnavailable, identity_service
from simasn.procurement.models import Applicant, IdentityStatus, OutboxEvent, OutboxKind

#: Events claimed per transaction.
BATCH = 200
#: Backoff after a failed attempt: FIRST_RETRY × 2^(attempts-1), at most MAX_BACKOFF.
FIRST_RETRY = dt.timedelta(seconds=30)
MAX_BACKOFF = dt.timedelta(hours=1)

#: A kind's handler: the events of one batch in, the failed ones out (event id → error).
Handler = Callable[[Sequence[OutboxEvent]], dict[int, str]]


class ServiceDown(Exception):
    """An external service did not do its part; the event stays for a later attempt."""


def next_try(attempts: int, now: dt.datetime) -> dt.datetime:
    """When an event that has failed ``attempts`` times may be claimed again."""
    return now + min(FIRST_RETRY * 2 ** max(attempts - 1, 0), MAX_BACKOFF)


def _identity(events: Sequence[OutboxEvent]) -> dict[int, str]:
    # One read (and row lock) of the batch's applicants. FOR NO KEY UPDATE: a concurrent submit's
    # INSERT only takes KEY SHARE on its applicant, so the check never waits for a submit.
    ids = sorted({e.applicant_id for e in events})
    qs = Applicant.objects.filter(pk__in=ids).order_by("pk")
    applicants = {a.pk: a for a in qs.select_for_update(no_key=True)}
    service = identity_service()
    answers: dict[int, IdentityAnswer] = {}
    down = ""
    for applicant_id in ids:  # one question per applicant, however many events ask it
        if down:
            break  # the registry is down: do not ask it again in this batch
        applicant = applicants[applicant_id]
        try:
            answers[applicant_id] = service.check(nik=applicant.nik, name=applicant.name,
                                                  birth_date=applicant.birth_date, sex=applicant.sex)
        except IdentityUnavailable as error:
            down = f"{ServiceDown.__name__}: {error}"
    now = timezone.now()
    changed: list[tuple[int, str]] = []
    audits: list[AuditRow] = []
    for applicant_id, answer in answers.items():
        applicant = applicants[applicant_id]
        status = IdentityStatus.VERIFIED if answer.matches else IdentityStatus.MISMATCH
        if applicant.identity_status == status:
            continue  # the same answer again (a retried event): nothing changes, no audit
        changed.append((applicant_id, str(status)))
        audits.append(AuditRow(actor_id=None, actor_label=actor_label(None), object_id=str(applicant_id),
                               object_repr=f"Pelamar {applicant.nik[:6]}…", instansi_id=None,
                               changes=json.dumps({"identity_status": {"before": applicant.identity_status,
                                                                       "after": str(status)}}),
                               extra=json.dumps({"detail": answer.detail})))
    if changed:
        _set_identity_status(changed, now=now)
        audit_record_rows(action=AuditAction.UPDATE, interface=Interface.SYSTEM, object_type=_APPLICANT_TYPE,
                          rows=audits, occurred_at=now)
    return {e.pk: down for e in events if e.applicant_id not in answers}


_APPLICANT_TYPE = Applicant._meta.label_lower
_SET_IDENTITY_STATUS = f"""
UPDATE {Applicant._meta.db_table} AS a
   SET identity_status = u.status, identity_checked_at = %b::timestamptz, updated_at = %b::timestamptz
  FROM unnest(%b::bigint[], %b::text[]) AS u(id, status)
 WHERE a.id = u.id
"""


def _set_identity_status(changed: list[tuple[int, str]], *, now: dt.datetime) -> None:
    """The applicants' new identity status: on PostgreSQL one ``UPDATE … FROM unnest(…)`` (Django's
    ``bulk_update`` writes a ``CASE WHEN`` per row and was a third of the drain's time)."""
    if connection.vendor == "postgresql":
        import psycopg  # the PostgreSQL driver: bound parameters, binary arrays

        with psycopg.Cursor(connection.connection) as cursor:
            cursor.execute(_SET_IDENTITY_STATUS, [now, now, [pk for pk, _s in changed],
                                                  [status for _pk, status in changed]])
        return
    rows = [Applicant(pk=pk, identity_status=status, identity_checked_at=now, updated_at=now)
            for pk, status in changed]
    Applicant.objects.bulk_update(rows, ["identity_status", "identity_checked_at", "updated_at"])


def _emeterai(events: Sequence[OutboxEvent]) -> dict[int, str]:
    # The e-meterai provider is an external service like Dukcapil; until one is configured the
    # stamp is recorded as done (the 2024 outage is simulated with SIMASN_EMETERAI_DOWN). A
    # provider's adapter must send the receipt number as the request's idempotency key: an event
    # done twice (worker killed before its commit) then gets the one stamp it already has.
    if getattr(settings, "SIMASN_EMETERAI_DOWN", False):
        return {e.pk: "ServiceDown: e-meterai service down" for e in events}
    return {}


def _email(events: Sequence[OutboxEvent]) -> dict[int, str]:
    failed: dict[int, str] = {}
    messages: list[tuple[int, EmailMessage]] = []
    for event in events:
        application = event.application
        if application is None:
            continue
        messages.append((event.pk, EmailMessage(
            subject=_("Tanda terima lamaran %(n)s") % {"n": application.receipt_number},
            body=_("Lamaran Anda untuk %(pos)s pada %(inst)s telah diterima dengan nomor tanda terima %(n)s.")
            % {"pos": application.vacancy.position.name, "inst": application.vacancy.instansi.name,
               "n": application.receipt_number},
            to=[application.applicant.email])))
    if not messages:
        return failed
    mail = get_connection(fail_silently=False)
    try:
        mail.open()  # one connection for the batch
    except Exception as error:
        return {pk: f"{type(error).__name__}: {error}"[:300] for pk, _m in messages}
    try:
        for i, (pk, message) in enumerate(messages):
            try:
                mail.send_messages([message])
            except (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as error:
                failed[pk] = f"{type(error).__name__}: {error}"[:300]  # this message only
            except Exception as error:  # the server went away: the rest wait for their next try
                reason = f"{type(error).__name__}: {error}"[:300]
                failed.update({later: reason for later, _m in messages[i:]})
                break
    finally:
        with contextlib.suppress(Exception):  # closing a broken connection; the results stand
            mail.close()
    return failed


HANDLERS: dict[str, Handler] = {OutboxKind.IDENTITY: _identity, OutboxKind.EMETERAI: _emeterai,
                                OutboxKind.EMAIL: _email}


def _run(kind: str, events: Sequence[OutboxEvent]) -> dict[int, str]:
    """One kind's events in a savepoint; on an unexpected error, each event alone."""
    try:
        with transaction.atomic():
            return HANDLERS[kind](events)
    except Exception as error:
        if len(events) == 1:
            return {events[0].pk: f"{type(error).__name__}: {error}"[:300]}
    failed: dict[int, str] = {}
    for event in events:
        failed.update(_run(kind, [event]))
    return failed


def _claim(limit: int, now: dt.datetime) -> list[OutboxEvent]:
    qs = OutboxEvent.objects.filter(Q(next_try_at__isnull=True) | Q(next_try_at__lte=now), done_at__isnull=True)
    if connection.vendor == "postgresql":
        # Lock the event rows only (the application is a nullable, outer join); rows another
        # worker holds are skipped, not waited for.
        qs = qs.select_for_update(skip_locked=True, of=("self",))
    return list(qs.select_related("application__applicant", "application__vacancy__position",
                                  "application__vacancy__instansi").order_by("id")[:limit])


def outbox_drain_batch(*, batch: int = BATCH, now: dt.datetime | None = None) -> dict[str, int]:
    """Claim, do and mark up to ``batch`` due events in one durable transaction.

    ``now`` decides which failed events are due (default: the clock); an operator who has
    seen a service come back may pass a later time to retry its events at once."""
    now = now or timezone.now()
    with transaction.atomic(durable=True):
        events = _claim(batch, now)
        if not events:
            return {"claimed": 0, "done": 0, "failed": 0}
        by_kind: dict[str, list[OutboxEvent]] = {}
        for event in events:
            by_kind.setdefault(event.kind, []).append(event)
        failed: dict[int, str] = {}
        for kind, group in by_kind.items():
            if kind not in HANDLERS:
                failed.update({e.pk: f"unknown kind {kind}" for e in group})
                continue
            failed.update(_run(kind, group))
        done_ids = [e.pk for e in events if e.pk not in failed]
        if done_ids:
            OutboxEvent.objects.filter(pk__in=done_ids).update(
                done_at=timezone.now(), attempts=F("attempts") + 1, last_error="", next_try_at=None)
        retry = [e for e in events if e.pk in failed]
        for event in retry:
            event.attempts += 1
            event.last_error = failed[event.pk][:300]
            event.next_try_at = next_try(event.attempts, now)
        if retry:
            OutboxEvent.objects.bulk_update(retry, ["attempts", "last_error", "next_try_at"])
    return {"claimed": len(events), "done": len(done_ids), "failed": len(retry)}


def outbox_drain(*, limit: int = 500, batch: int = BATCH, now: dt.datetime | None = None) -> dict[str, int]:
    """Do up to ``limit`` due events, ``batch`` per transaction; returns how many were done and
    how many failed (those wait for their next try). Stops when no event is due."""
    done = failed = 0
    while done + failed < limit:
        step = outbox_drain_batch(batch=min(batch, limit - done - failed), now=now)
        if not step["claimed"]:
            break
        done += step["done"]
        failed += step["failed"]
    return {"done": done, "failed": failed}
