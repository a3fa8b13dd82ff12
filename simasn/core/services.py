"""Generic audited writes used by the registry services (create, update; archiving is
simasn.core.archiving — reference data is never deleted).

Each app's service checks scope and business rules, then calls these, which validate
the model (Django validators and constraints), save, and write the audit event in the
same transaction. Validation failures become one ApplicationError with field messages.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _

from simasn.core.actors import KernelActor
from simasn.core.audit import audit_record, diff, snapshot
from simasn.core.audit_actions import AuditAction
from simasn.core.errors import ApplicationError
from simasn.core.interfaces import Interface

M = TypeVar("M", bound=models.Model)


def validation_to_application_error(exc: ValidationError) -> ApplicationError:
    fields: dict[str, list[str]] = {}
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            fields[name] = [str(m) for e in errors for m in e.messages]
    message = _("Periksa kembali isian yang ditandai.") if fields else "; ".join(exc.messages)
    return ApplicationError(message, code="validation", fields=fields)


def _editable_fields(obj: models.Model) -> list[str]:
    return [
        f.name
        for f in obj._meta.concrete_fields
        if f.editable and not f.primary_key and f.name not in {"created_at", "updated_at"}
    ]


def _full_clean(obj: models.Model) -> None:
    try:
        obj.full_clean()
    except ValidationError as exc:
        raise validation_to_application_error(exc) from exc


def model_create(
    *,
    actor: KernelActor,
    interface: Interface,
    model: type[M],
    data: Mapping[str, Any],
    reason: str = "",
    citations: tuple[str, ...] = (),
) -> M:
    obj = model(**data)
    if hasattr(obj, "created_by_id"):
        obj.created_by = actor  # type: ignore[attr-defined]
        obj.updated_by = actor  # type: ignore[attr-defined]
    _full_clean(obj)
    _save_and_record(obj, actor=actor, interface=interface, action=AuditAction.CREATE,
                     changes={"after": snapshot(obj, _editable_fields(obj))}, reason=reason, citations=citations)
    return obj


def model_update(
    *,
    actor: KernelActor,
    interface: Interface,
    obj: M,
    data: Mapping[str, Any],
    reason: str = "",
    citations: tuple[str, ...] = (),
) -> M:
    fields = [name for name in data if name in _editable_fields(obj) or name.endswith("_id")]
    field_names = [n.removesuffix("_id") if n.endswith("_id") else n for n in fields]
    before = snapshot(obj, field_names)
    for name, value in data.items():
        setattr(obj, name, value)
    if hasattr(obj, "updated_by_id"):
        obj.updated_by = actor  # type: ignore[attr-defined]
    _full_clean(obj)
    changes = diff(before, snapshot(obj, field_names))
    if not changes:
        return obj
    _save_and_record(obj, actor=actor, interface=interface, action=AuditAction.UPDATE, changes=changes,
                     reason=reason, citations=citations)
    return obj


def _save_and_record(obj: models.Model, *, actor: KernelActor, interface: Interface, action: AuditAction,
                     changes: dict[str, Any], reason: str, citations: tuple[str, ...]) -> None:
    """Save ``obj`` and record its audit event in one transaction; a clash with a unique
    constraint is a clear Indonesian error, not a 500."""
    with transaction.atomic():
        try:
            obj.save()
        except IntegrityError as exc:
            raise ApplicationError(_("Data bertabrakan dengan data yang sudah ada."), code="integrity") from exc
        audit_record(actor=actor, action=action, interface=interface, obj=obj, changes=changes, reason=reason,
                     citations=citations)


def export_record(*, actor: KernelActor, interface: Interface, obj: models.Model | None = None, object_type: str = "",
                  instansi_id: int | None = None, extra: Mapping[str, Any] | None = None) -> None:
    """Record that rows left the system (a CSV/XLSX export): its own durable unit of work,
    committed before the file is streamed, so an export is never unaudited."""
    with transaction.atomic(durable=True):
        audit_record(actor=actor, action=AuditAction.EXPORT, interface=interface, obj=obj,
                     object_type=object_type, instansi_id=instansi_id, extra=extra)
