"""The worker's side of the submit: identity checks, e-meterai and e-mail, each event in its
own short transaction, so an outage of one service delays its events and nothing else.

Events are claimed with ``SELECT … FOR UPDATE SKIP LOCKED`` (PostgreSQL), so several workers
may drain at once and a worker killed mid-run leaves its events for the next one.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.interfaces import Interface
from simasn.procurement.identity import IdentityUnavailable, identity_service
from simasn.procurement.models import Applicant, IdentityStatus, OutboxEvent, OutboxKind


class ServiceDown(Exception):
    """An external service did not do its part; the event stays for a later attempt."""


def _identity(event: OutboxEvent) -> None:
    applicant = Applicant.objects.select_for_update().get(pk=event.applicant_id)
    try:
        answer = identity_service().check(nik=applicant.nik, name=applicant.name, birth_date=applicant.birth_date,
                                          sex=applicant.sex)
    except IdentityUnavailable as error:
        raise ServiceDown(str(error)) from error
    status = IdentityStatus.VERIFIED if answer.matches else IdentityStatus.MISMATCH
    if applicant.identity_status != status:
        before = applicant.identity_status
        applicant.identity_status = status
        applicant.identity_checked_at = timezone.now()
        applicant.save(update_fields=["identity_status", "identity_checked_at", "updated_at"])
        audit_record(actor=None, action=AuditAction.UPDATE, interface=Interface.SYSTEM, obj=applicant,
                     object_repr=f"Pelamar {applicant.nik[:6]}…",
                     changes={"identity_status": {"before": before, "after": status}}, extra={"detail": answer.detail})


def _emeterai(event: OutboxEvent) -> None:
    # The e-meterai provider is an external service like Dukcapil; until one is configured the
    # stamp is recorded as done (the 2024 outage is simulated with SIMASN_EMETERAI_DOWN).

    if getattr(settings, "SIMASN_EMETERAI_DOWN", False):
        raise ServiceDown("e-meterai service down")


def _email(event: OutboxEvent) -> None:
    application = event.application
    if application is None:
        return
    applicant = application.applicant
    send_mail(
        subject=_("Tanda terima lamaran %(n)s") % {"n": application.receipt_number},
        message=_("Lamaran Anda untuk %(pos)s pada %(inst)s telah diterima dengan nomor tanda terima %(n)s.")
        % {"pos": application.vacancy.position.name, "inst": application.vacancy.instansi.name,
           "n": application.receipt_number},
        from_email=None, recipient_list=[applicant.email], fail_silently=False)


HANDLERS = {OutboxKind.IDENTITY: _identity, OutboxKind.EMETERAI: _emeterai, OutboxKind.EMAIL: _email}


def outbox_drain(*, limit: int = 500) -> dict[str, int]:
    """Do up to ``limit`` pending events; returns how many were done and how many failed."""
    done = failed = 0
    ids = list(OutboxEvent.objects.filter(done_at__isnull=True).order_by("id").values_list("id", flat=True)[:limit])
    for event_id in ids:
        with transaction.atomic(durable=True):
            qs = OutboxEvent.objects.filter(pk=event_id, done_at__isnull=True)
            if connection.vendor == "postgresql":
                # Lock the event row only: the application is a nullable (outer) join.
                qs = qs.select_for_update(skip_locked=True, of=("self",))
            event = qs.select_related("application__applicant", "application__vacancy__position",
                                      "application__vacancy__instansi").first()
            if event is None:
                continue  # done meanwhile, or another worker holds it
            try:
                HANDLERS[OutboxKind(event.kind)](event)
            except Exception as error:
                event.attempts += 1
                event.last_error = f"{type(error).__name__}: {error}"[:300]
                event.save(update_fields=["attempts", "last_error"])
                failed += 1
                continue
            event.attempts += 1
            event.done_at = timezone.now()
            event.last_error = ""
            event.save(update_fields=["attempts", "done_at", "last_error"])
            done += 1
    return {"done": done, "failed": failed}
