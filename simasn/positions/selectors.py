from __future__ import annotations

from django.db.models import Count, F, Q, QuerySet

from simasn.accounts.models import User
from simasn.accounts.policy import Resource
from simasn.accounts.scope import Scope
from simasn.core.errors import NotFoundError
from simasn.law.enums import EmployeeStatus
from simasn.positions.models import Position

_ACTIVE = [EmployeeStatus.AKTIF.value, EmployeeStatus.DIBERHENTIKAN_SEMENTARA.value]


def position_list(
    *,
    viewer: User,
    q: str = "",
    instansi_id: int | None = None,
    unit_id: int | None = None,
    kind: str = "",
    vacant: bool | None = None,
    include_archived: bool = False,
) -> QuerySet[Position]:
    """Positions in the viewer's scope with their holder count; archived ones only when asked."""
    qs = Scope.of(viewer).filter(
        Position.objects.listed(include_archived=include_archived).select_related("instansi", "unit"),
        Resource.POSITION,
    ).annotate(holder_count=Count("holders", filter=Q(holders__status__in=_ACTIVE)))
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(code__icontains=q))
    if instansi_id:
        qs = qs.filter(instansi_id=instansi_id)
    if unit_id:
        qs = qs.filter(unit_id=unit_id)
    if kind:
        qs = qs.filter(kind=kind)
    if vacant is True:
        qs = qs.filter(holder_count__lt=F("seats"))
    elif vacant is False:
        qs = qs.filter(holder_count__gte=F("seats"))
    return qs.order_by("instansi__name", "unit__code", "code")


def position_get(*, viewer: User, pk: int) -> Position:
    obj = position_list(viewer=viewer, include_archived=True).filter(pk=pk).first()
    if obj is None:
        raise NotFoundError("Jabatan tidak ditemukan.")
    return obj
