"""Archiving instead of deleting (data-hub-api's pattern): `model_archive` and the guards
that say when an archive would break something.

A record with a legal meaning (instansi, unit, official, position — any `ArchivableModel`)
is never physically deleted by the application. Archiving keeps the row, hides it from
lists and choices, and records when, by whom and why. It is refused while something
current still rests on the record: an active employee in the position, an open personnel
action naming it, positions left in a unit. The apps that know about such uses sit above
the registry, so they register a guard here by dotted path, as with daily jobs:

    register_archive_guard("positions.Position", "simasn.personnel.archive_guards.position_in_use")

A guard takes the record and returns an Indonesian sentence saying why it cannot be
archived, or "" when nothing of its app rests on it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from simasn.core.actors import KernelActor
from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ApplicationError, ConflictError
from simasn.core.interfaces import Interface
from simasn.core.models import ArchivableModel

A = TypeVar("A", bound=ArchivableModel)
ArchiveGuard = Callable[[Any], str]

#: model label ("positions.Position") → dotted paths of guards. Apps register theirs in
#: AppConfig.ready().
ARCHIVE_GUARDS: dict[str, list[str]] = {}


def register_archive_guard(model_label: str, guard_path: str) -> None:
    paths = ARCHIVE_GUARDS.setdefault(model_label, [])
    if guard_path not in paths:
        paths.append(guard_path)


def archive_refusals(obj: ArchivableModel) -> list[str]:
    """Why `obj` cannot be archived now (empty when it can)."""
    reasons = []
    for path in ARCHIVE_GUARDS.get(obj._meta.label, []):
        guard: ArchiveGuard = import_string(path)
        if reason := guard(obj):
            reasons.append(reason)
    return reasons


def model_archive(*, actor: KernelActor, interface: Interface, obj: A, reason: str,
                  citations: tuple[str, ...] = ()) -> A:
    """Archive `obj` with a reason, in one durable transaction with its audit event; refused
    (with every reason, in Indonesian) while a registered guard finds it still in use."""
    reason = reason.strip()
    if not reason:
        message = _("Tuliskan alasan pengarsipan; alasan dicatat di jejak audit.")
        raise ApplicationError(message, code="validation", fields={"reason": [message]})
    model = type(obj)
    with transaction.atomic(durable=True):
        locked = model._default_manager.select_for_update().get(pk=obj.pk)
        if locked.archived_at is not None:
            raise ConflictError(_("%(obj)s sudah diarsipkan.") % {"obj": locked}, code="archived")
        refusals = archive_refusals(locked)
        if refusals:
            raise ApplicationError(
                _("%(obj)s tidak dapat diarsipkan: %(why)s") % {
                    "obj": locked, "why": "; ".join(reason.rstrip(".") for reason in refusals) + "."},
                code="in_use", details={"reasons": refusals})
        locked.archived_at, locked.archive_reason = timezone.now(), reason
        locked.archived_by_id = getattr(actor, "pk", None)
        fields = ["archived_at", "archived_by", "archive_reason"]
        if hasattr(locked, "updated_by_id"):  # a TimeStampedModel: the last change is this one
            locked.updated_by_id = locked.archived_by_id
            fields += ["updated_at", "updated_by"]
        locked.save(update_fields=fields)
        audit_record(actor=actor, action=AuditAction.ARCHIVE, interface=interface, obj=locked,
                     changes={"archived_at": {"before": None, "after": locked.archived_at}},
                     reason=reason, citations=citations)
    return locked
