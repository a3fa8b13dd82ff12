"""Reads of the organization registry, filtered by the viewer's scope. Lists leave out
archived rows unless `include_archived`; getting one row by id finds it archived or not
(its page is history)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import F, Q, QuerySet

from simasn.accounts.models import User
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.errors import NotFoundError
from simasn.organization.models import Instansi, NationalInstitution, Official, Unit


def instansi_list(*, viewer: User, q: str = "", kind: str = "", include_archived: bool = False,
                  ) -> QuerySet[Instansi]:
    qs = Scope.of(viewer).filter(Instansi.objects.listed(include_archived=include_archived), Resource.INSTANSI)
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(code__icontains=q))
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("name")


def instansi_get(*, viewer: User, pk: int) -> Instansi:
    obj = instansi_list(viewer=viewer, include_archived=True).filter(pk=pk).first()
    if obj is None:
        raise NotFoundError("Instansi tidak ditemukan.")
    return obj


def unit_list(*, viewer: User, instansi_id: int | None = None, q: str = "", include_archived: bool = False,
              ) -> QuerySet[Unit]:
    units = Unit.objects.listed(include_archived=include_archived).select_related("instansi", "parent")
    qs = Scope.of(viewer).filter(units, Resource.UNIT)
    if instansi_id:
        qs = qs.filter(instansi_id=instansi_id)
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(code__icontains=q))
    return qs.order_by("instansi__name", "code")


def unit_get(*, viewer: User, pk: int) -> Unit:
    obj = unit_list(viewer=viewer, include_archived=True).filter(pk=pk).first()
    if obj is None:
        raise NotFoundError("Unit kerja tidak ditemukan.")
    return obj


def official_list(*, viewer: User, instansi_id: int | None = None, q: str = "", include_archived: bool = False,
                  ) -> QuerySet[Official]:
    officials = Official.objects.listed(include_archived=include_archived).select_related("instansi")
    qs = Scope.of(viewer).filter(officials, Resource.OFFICIAL)
    if instansi_id:
        qs = qs.filter(instansi_id=instansi_id)
    if q:
        qs = qs.filter(Q(person_name__icontains=q) | Q(title__icontains=q))
    return qs


def official_get(*, viewer: User, pk: int) -> Official:
    obj = official_list(viewer=viewer, include_archived=True).filter(pk=pk).first()
    if obj is None:
        raise NotFoundError("Pejabat tidak ditemukan.")
    return obj


def official_on(*, instansi_id: int, role: str, on: dt.date, include_archived: bool = True) -> Official | None:
    """Who was the PPK or PyB of an instansi on a date (no viewer: used by services).

    When recorded periods overlap (a successor entered before the predecessor's end date),
    the latest appointment holds the office. An archived record still answers for the dates
    it covers — a decree signed then keeps its signer — but a record that is not archived
    wins over one that is (an archived row is usually a mistaken entry, corrected since).
    """
    qs = Official.objects.valid_on(on).filter(instansi_id=instansi_id, role=role)
    if not include_archived:
        qs = qs.active()
    return qs.order_by(F("archived_at").asc(nulls_first=True), "-valid_from", "-id").first()


def official_in_office(*, instansi_id: int, role: str, on: dt.date) -> Official | None:
    """The official who may sign a new decision dated `on`: never an archived record."""
    return official_on(instansi_id=instansi_id, role=role, on=on, include_archived=False)


def institution_list(*, viewer: User, on: Any = None) -> QuerySet[NationalInstitution]:
    qs = NationalInstitution.objects.select_related("instansi")
    if not Scope.of(viewer).can(Resource.INSTITUTION, Action.VIEW):
        return qs.none()
    if on is not None:
        qs = qs.valid_on(on)
    return qs


def sync_participants(*, on: Any) -> QuerySet[NationalInstitution]:
    """Participants of work-plan synchronization on a date (PermenRK Pasal 2 ayat (1))."""
    return NationalInstitution.objects.valid_on(on).filter(is_sync_participant=True)
