"""Reads of discipline cases, scoped by the policy table."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Q, QuerySet

from simasn.accounts.actors import User
from simasn.accounts.policy import Resource
from simasn.accounts.scope import Scope
from simasn.core.errors import NotFoundError
from simasn.discipline.models import OPEN_STATES, CaseState, DisciplineCase


def case_list(*, viewer: User, q: str = "", state: str = "", kind: str = "", level: str = "",
              employee_id: int | None = None) -> QuerySet[DisciplineCase]:
    qs = Scope.of(viewer).filter(
        DisciplineCase.objects.select_related("employee", "instansi"), Resource.DISCIPLINE_CASE)
    if q:
        qs = qs.filter(Q(employee__name__icontains=q) | Q(employee__nip__startswith=q)
                       | Q(decision_number__icontains=q))
    if state:
        qs = qs.filter(state=state)
    if kind:
        qs = qs.filter(kind=kind)
    if level:
        qs = qs.filter(level=level)
    if employee_id:
        qs = qs.filter(employee_id=employee_id)
    return qs


def case_get(*, viewer: User, pk: int) -> DisciplineCase:
    case = case_list(viewer=viewer).select_related("employee__position", "employee__unit").filter(pk=pk).first()
    if case is None:
        raise NotFoundError("Kasus tidak ditemukan.")
    return case


def service_levels(*, viewer: User, today: dt.date) -> list[dict[str, Any]]:
    """Open cases per instansi and how long they have been open (for the oversight dashboard)."""
    qs = case_list(viewer=viewer).filter(state__in=OPEN_STATES)
    rows = qs.values("instansi_id", "instansi__name").annotate(
        open=Count("id"),
        reported=Count("id", filter=Q(state=CaseState.DILAPORKAN)),
        examined=Count("id", filter=Q(state=CaseState.DIPERIKSA)),
        older_90=Count("id", filter=Q(reported_on__lt=today - dt.timedelta(days=90))),
    ).order_by("-open", "instansi__name")
    return [dict(row) for row in rows]
