"""The dashboard's reads: counts and composition across the registry apps, each scoped."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from simasn.accounts.models import User
from simasn.accounts.policy import Resource
from simasn.accounts.scope import Scope
from simasn.organization.models import Instansi, Unit
from simasn.personnel.models import Employee
from simasn.positions.models import Position


def dashboard_counts(*, viewer: User) -> list[dict[str, Any]]:
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


def workforce_composition(*, viewer: User) -> QuerySet[Employee]:
    scope = Scope.of(viewer)
    resource = Resource.EMPLOYEE if scope.can(Resource.EMPLOYEE) else Resource.AGGREGATE
    return scope.filter(Employee.objects.all(), resource)
