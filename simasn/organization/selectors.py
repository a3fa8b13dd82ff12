"""Reads of the organization registry, filtered by the viewer's scope."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.errors import NotFoundError
from simasn.organization.models import Instansi, NationalInstitution, Official, Unit


def instansi_list(*, viewer: Any, q: str = "", kind: str = "") -> QuerySet[Instansi]:
    qs = Scope.of(viewer).filter(Instansi.objects.all(), Resource.INSTANSI)
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(code__icontains=q))
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("name")


def instansi_get(*, viewer: Any, pk: int) -> Instansi:
    obj = instansi_list(viewer=viewer).filter(pk=pk).first()
    if obj is None:
        raise NotFoundError("Instansi tidak ditemukan.")
    return obj


def unit_list(*, viewer: Any, instansi_id: int | None = None, q: str = "") -> QuerySet[Unit]:
    qs = Scope.of(viewer).filter(Unit.objects.select_related("instansi", "parent"), Resource.UNIT)
    if instansi_id:
        qs = qs.filter(instansi_id=instansi_id)
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(code__icontains=q))
    return qs.order_by("instansi__name", "code")


def unit_get(*, viewer: Any, pk: int) -> Unit:
    obj = unit_list(viewer=viewer).filter(pk=pk).first()
    if obj is None:
        raise NotFoundError("Unit kerja tidak ditemukan.")
    return obj


def official_list(*, viewer: Any, instansi_id: int | None = None, q: str = "") -> QuerySet[Official]:
    qs = Scope.of(viewer).filter(Official.objects.select_related("instansi"), Resource.OFFICIAL)
    if instansi_id:
        qs = qs.filter(instansi_id=instansi_id)
    if q:
        qs = qs.filter(Q(person_name__icontains=q) | Q(title__icontains=q))
    return qs


def official_get(*, viewer: Any, pk: int) -> Official:
    obj = official_list(viewer=viewer).filter(pk=pk).first()
    if obj is None:
        raise NotFoundError("Pejabat tidak ditemukan.")
    return obj


def official_in_office(*, instansi_id: int, role: str, on: Any) -> Official | None:
    """The PPK or PyB of an instansi on a date (no viewer: used by services)."""
    return (
        Official.objects.valid_on(on)
        .filter(instansi_id=instansi_id, role=role)
        .order_by("-valid_from")
        .first()
    )


def institution_list(*, viewer: Any, on: Any = None) -> QuerySet[NationalInstitution]:
    qs = NationalInstitution.objects.select_related("instansi")
    if not Scope.of(viewer).can(Resource.INSTITUTION, Action.VIEW):
        return qs.none()
    if on is not None:
        qs = qs.valid_on(on)
    return qs


def sync_participants(*, on: Any) -> QuerySet[NationalInstitution]:
    """Participants of work-plan synchronization on a date (PermenRK Pasal 2 ayat (1))."""
    return NationalInstitution.objects.valid_on(on).filter(is_sync_participant=True)
