"""Reads of the employee register, always within the viewer's scope."""

from __future__ import annotations

from django.db.models import Q, QuerySet, Value
from django.db.models.functions import Concat

from simasn.accounts.models import User
from simasn.accounts.policy import Action, Resource
from simasn.accounts.scope import Scope
from simasn.core.errors import NotFoundError
from simasn.personnel.models import Employee, PositionHistory


def employee_list(
    *,
    viewer: User,
    q: str = "",
    instansi_id: int | None = None,
    unit_id: int | None = None,
    employee_type: str = "",
    status: str = "",
    position_kind: str = "",
    using: str | None = None,
    related: bool = True,
) -> QuerySet[Employee]:
    """`related=False` skips the joins to instansi, unit and position, for callers that
    need only the employee row (the API list): the matches are sorted before the page is
    cut, and sorting four tables' columns cost 2-3x the search itself (bench/api.py)."""
    base = Employee.objects.all()
    if using:
        base = base.using(using)
    if related:
        base = base.select_related("instansi", "unit", "position")
    qs = Scope.of(viewer).filter(base, Resource.EMPLOYEE)
    q = (q or "").strip()
    if q:
        if q.isdigit():
            qs = qs.filter(nip__startswith=q)
        else:
            qs = qs.filter(Q(name__icontains=q) | Q(nip__startswith=q))
    if instansi_id:
        qs = qs.filter(instansi_id=instansi_id)
    if unit_id:
        qs = qs.filter(unit_id=unit_id)
    if employee_type:
        qs = qs.filter(employee_type=employee_type)
    if status:
        qs = qs.filter(status=status)
    if position_kind:
        qs = qs.filter(position__kind=position_kind)
    if q and not q.isdigit():
        # A name fragment: the trigram index finds the matches, then they are sorted. Ordering
        # by the bare column would let PostgreSQL walk the (name, id) index hoping to meet 25
        # matches early, which is ruinous for names late in the alphabet (14 s instead of ~1 s
        # at 4.3 M rows, docs/adr/0007-indexes-for-national-scale.md); `name || ''` sorts the same.
        return qs.order_by(Concat("name", Value("")), "id")
    return qs.order_by("name", "id")


def employee_get(*, viewer: User, pk: int, related: bool = True) -> Employee:
    """One employee within the viewer's scope (404 otherwise). `related=False` skips
    the joins to instansi, unit and position, for callers that need only the row
    (the API detail): the four-table query cost more to build than to run."""
    qs = Scope.of(viewer).filter(Employee.objects.all(), Resource.EMPLOYEE)
    if related:
        qs = qs.select_related("instansi", "unit", "position")
    # [:1] rather than .first(): first() orders by pk, which costs more to compile than the
    # one-row read costs to run.
    obj = next(iter(qs.filter(pk=pk).order_by()[:1]), None)
    if obj is None:
        raise NotFoundError("Pegawai tidak ditemukan.")
    return obj


def employee_can_reveal(*, viewer: User, employee: Employee) -> bool:
    return Scope.of(viewer).allows_object(Resource.EMPLOYEE_SENSITIVE, Action.VIEW, employee)


def position_history_list(*, viewer: User, employee: Employee) -> QuerySet[PositionHistory]:
    return Scope.of(viewer).filter(
        PositionHistory.objects.filter(employee=employee), Resource.EMPLOYEE
    ).order_by("-start_date", "-id")
