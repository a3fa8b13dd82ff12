"""STAND-IN for simasn.actions.selectors.retirement_projection, used by
bench/projection.py only while the personnel-actions app is absent. Same aggregate:
employees in service reaching BUP (simasn.law.bup_table) per month for `years` years."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.db.models.functions import ExtractDay, ExtractMonth, ExtractYear

from simasn.accounts.policy import Resource
from simasn.accounts.scope import Scope
from simasn.law import bup_table
from simasn.personnel.models import Employee


def retirement_projection(*, viewer: Any, years: int, on: dt.date, instansi_id: int | None = None,
                          using: str | None = None) -> Any:
    whens = []
    for row in bup_table(on):
        cond = Q(employee_type=row.employee_type.value, position__kind=row.position_kind.value)
        if row.functional_family is not None:
            cond &= Q(position__functional_family=row.functional_family.value)
        if row.functional_level is not None:
            cond &= Q(position__functional_level=row.functional_level.value)
        whens.append(When(cond, then=Value(row.age)))
    start = on.year * 12 + on.month - 1
    qs = Scope.of(viewer).filter(Employee.objects.using(using or "default"), Resource.AGGREGATE)
    if instansi_id:
        qs = qs.filter(instansi_id=instansi_id)
    qs = qs.filter(status__in=["AKTIF", "DIBERHENTIKAN_SEMENTARA"]).annotate(
        bup_age=Case(*whens, default=None, output_field=IntegerField()),
    ).annotate(tmt_index=(ExtractYear("birth_date") + F("bup_age")) * 12 + ExtractMonth("birth_date"))
    qs = qs.filter(tmt_index__gte=start, tmt_index__lt=start + 12 * years).annotate(
        leap_day=Case(When(Q(birth_date__month=2) & Q(birth_date__day=29), then=Value(1)), default=Value(0),
                      output_field=IntegerField()),
        position_kind=F("position__kind"), day=ExtractDay("birth_date"),
    )
    return (qs.values("tmt_index", "employee_type", "position_kind", "rank", "leap_day")
            .annotate(total=Count("id")).order_by("tmt_index", "employee_type", "position_kind", "rank"))
