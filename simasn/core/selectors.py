from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.models import AuditEvent


def audit_list(*, viewer: Any, q: str = "", action: str = "", object_type: str = "",
               object_id: str = "", subject_employee_id: int | None = None) -> QuerySet[AuditEvent]:
    qs = Scope.of(viewer).filter(AuditEvent.objects.all(), Resource.AUDIT, Action.VIEW)
    if q:
        qs = qs.filter(Q(object_repr__icontains=q) | Q(actor_label__icontains=q))
    if action:
        qs = qs.filter(action=action)
    if object_type:
        qs = qs.filter(object_type=object_type)
    if object_id:
        qs = qs.filter(object_id=str(object_id))
    if subject_employee_id is not None:
        qs = qs.filter(subject_employee_id=subject_employee_id)
    return qs


def dashboard_counts(*, viewer: Any) -> list[dict[str, Any]]:
    from simasn.organization.models import Instansi, Unit
    from simasn.personnel.models import Employee
    from simasn.positions.models import Position

    scope = Scope.of(viewer)
    cards: list[dict[str, Any]] = []
    model: Any
    for label, model, resource, url in [
        ("Instansi", Instansi, Resource.INSTANSI, "organization:instansi_list"),
        ("Unit kerja", Unit, Resource.UNIT, "organization:unit_list"),
        ("Jabatan", Position, Resource.POSITION, "positions:list"),
        ("Pegawai ASN", Employee, Resource.EMPLOYEE, "personnel:list"),
    ]:
        if scope.can(resource):
            cards.append({"label": label, "count": scope.filter(model.objects.all(), resource).count(), "url": url})
    return cards


def workforce_composition(*, viewer: Any) -> QuerySet:
    from simasn.personnel.models import Employee

    scope = Scope.of(viewer)
    resource = Resource.EMPLOYEE if scope.can(Resource.EMPLOYEE) else Resource.AGGREGATE
    return scope.filter(Employee.objects.all(), resource)
