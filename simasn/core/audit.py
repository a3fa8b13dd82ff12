"""Writing audit events. Call from inside a service's transaction."""

from __future__ import annotations

import datetime as dt
import decimal
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from django.db import models, transaction
from django.utils import timezone

from simasn.core.actors import KernelActor
from simasn.core.audit_actions import AuditAction
from simasn.core.interfaces import Interface
from simasn.core.models import AuditEvent


def _jsonable(value: Any) -> Any:
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [_jsonable(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


def snapshot(obj: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """Field values of `obj` as JSON-ready data (foreign keys as ids)."""
    data: dict[str, Any] = {}
    for name in fields:
        field = obj._meta.get_field(name)
        attname = getattr(field, "attname", name)
        data[name] = _jsonable(getattr(obj, attname))
    return data


def diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """{field: {"before": x, "after": y}} for fields whose value changed."""
    return {
        key: {"before": before.get(key), "after": after.get(key)}
        for key in after
        if before.get(key) != after.get(key)
    }


def actor_label(actor: KernelActor) -> str:
    if actor is None:
        return "system"
    return getattr(actor, "username", None) or str(actor)


def audit_record(
    *,
    actor: KernelActor,
    action: AuditAction | str,
    interface: Interface | str,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str | int = "",
    object_repr: str = "",
    instansi_id: int | None = None,
    subject_employee_id: int | None = None,
    changes: Mapping[str, Any] | None = None,
    reason: str = "",
    citations: Iterable[str] = (),
    extra: Mapping[str, Any] | None = None,
) -> AuditEvent:
    """Append one audit event. Must run inside the caller's transaction.

    The instansi and subject employee are taken from `obj` when it declares
    `audit_instansi_id` / `audit_subject_employee_id` properties, so that the audit
    trail is scoped like the data it describes.
    """
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        raise RuntimeError("audit_record must be called inside the service's transaction")
    event = audit_event(actor=actor, action=action, interface=interface, obj=obj, object_type=object_type,
                        object_id=object_id, object_repr=object_repr, instansi_id=instansi_id,
                        subject_employee_id=subject_employee_id, changes=changes, reason=reason,
                        citations=citations, extra=extra)
    event.save(force_insert=True)
    return event


def audit_record_many(events: Iterable[AuditEvent]) -> list[AuditEvent]:
    """Append several audit events (built by `audit_event`) in one ``bulk_create``. Must run
    inside the caller's transaction, like `audit_record`: a batch of writes keeps one event each.
    (A batch on PostgreSQL that need not build model instances uses `audit_record_rows`.)"""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        raise RuntimeError("audit_record_many must be called inside the service's transaction")
    return AuditEvent.objects.bulk_create(list(events))


class AuditRow(NamedTuple):
    """One audit event as plain values, for `audit_record_rows`: no model instance, and
    `changes`, `citations` and `extra` already JSON text (the caller knows their shape)."""

    actor_id: int | None
    actor_label: str
    object_id: str
    object_repr: str
    instansi_id: int | None
    changes: str
    citations: str = "[]"
    subject_employee_id: int | None = None
    reason: str = ""
    extra: str = "{}"


def audit_record_rows(*, action: AuditAction | str, interface: Interface | str, object_type: str,
                      rows: Sequence[AuditRow], occurred_at: dt.datetime | None = None) -> int:
    """Append one audit event per row, all of one action on one type of object, in one
    statement; returns how many. Must run inside the caller's transaction, like `audit_record`.

    For services that write a large batch of changes at once (the registration group commit,
    the outbox drain): on PostgreSQL it is one ``INSERT … SELECT FROM unnest(…)`` of column
    arrays, without building an `AuditEvent` per row (their construction was a third of the
    batch's Python time); other databases get the same rows through the ORM."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        raise RuntimeError("audit_record_rows must be called inside the service's transaction")
    if not rows:
        return 0
    occurred_at = occurred_at or timezone.now()
    if connection.vendor != "postgresql":
        AuditEvent.objects.bulk_create([AuditEvent(
            occurred_at=occurred_at, actor_id=r.actor_id, actor_label=r.actor_label, action=str(action),
            interface=str(interface), object_type=object_type, object_id=r.object_id,
            object_repr=r.object_repr[:300], instansi_id=r.instansi_id, subject_employee_id=r.subject_employee_id,
            changes=json.loads(r.changes), reason=r.reason, citations=json.loads(r.citations),
            extra=json.loads(r.extra)) for r in rows])
        return len(rows)
    columns: list[list[Any]] = [list(column) for column in zip(*rows, strict=True)]
    columns[3] = [text[:300] for text in columns[3]]
    import psycopg  # the PostgreSQL driver: bound parameters, binary arrays

    with psycopg.Cursor(connection.connection) as cursor:
        cursor.execute(_INSERT_ROWS, [occurred_at, str(action), str(interface), object_type, *columns])
    return len(rows)


_INSERT_ROWS = f"""
INSERT INTO {AuditEvent._meta.db_table} (occurred_at, action, interface, object_type, actor_id, actor_label,
                                         object_id, object_repr, instansi_id, changes, citations,
                                         subject_employee_id, reason, extra)
SELECT %b::timestamptz, %b::text, %b::text, %b::text, a, l, o, r, i, c::jsonb, t::jsonb, s, e, x::jsonb
  FROM unnest(%b::bigint[], %b::text[], %b::text[], %b::text[], %b::bigint[], %b::text[], %b::text[],
              %b::bigint[], %b::text[], %b::text[]) AS u(a, l, o, r, i, c, t, s, e, x)
"""


def audit_event(
    *,
    actor: KernelActor,
    action: AuditAction | str,
    interface: Interface | str,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str | int = "",
    object_repr: str = "",
    instansi_id: int | None = None,
    subject_employee_id: int | None = None,
    changes: Mapping[str, Any] | None = None,
    reason: str = "",
    citations: Iterable[str] = (),
    extra: Mapping[str, Any] | None = None,
) -> AuditEvent:
    """The audit event `audit_record` would write, unsaved (for `audit_record_many`)."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or obj.pk or ""
        object_repr = object_repr or str(obj)[:300]
        if instansi_id is None:
            instansi_id = getattr(obj, "audit_instansi_id", None)
        if subject_employee_id is None:
            subject_employee_id = getattr(obj, "audit_subject_employee_id", None)
    return AuditEvent(
        actor_id=getattr(actor, "pk", None),
        actor_label=actor_label(actor),
        action=str(action),
        interface=str(interface),
        object_type=object_type,
        object_id=str(object_id),
        object_repr=object_repr[:300],
        instansi_id=instansi_id,
        subject_employee_id=subject_employee_id,
        changes=_jsonable(dict(changes or {})),
        reason=reason,
        citations=list(citations),
        extra=_jsonable(dict(extra or {})),
    )
