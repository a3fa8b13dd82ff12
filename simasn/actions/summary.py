"""The national retirement summary: counts that make the national projection fast.

`refresh_retirement_summary` (a write: one transaction, an actor, an audit event)
rebuilds `RetirementSummary` from the register with one aggregate query. The national
projection (`selectors.retirement_projection`) then applies the BUP table in force to
these counts instead of to every employee — the same aggregate, over a table of a few
hundred thousand rows instead of 4.3 million. Instansi-level projections, and national
ones before any refresh, read the register directly.
"""

from __future__ import annotations

import time

from django.db import transaction
from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils import timezone

from simasn.accounts.actors import Actor
from simasn.actions.models import RetirementSummary, RetirementSummaryRefresh
from simasn.core.audit import audit_record
from simasn.core.audit_actions import AuditAction
from simasn.core.interfaces import Interface
from simasn.personnel.models import Employee

IN_SERVICE = ("AKTIF", "DIBERHENTIKAN_SEMENTARA")
#: The summary's columns for the BUP CASE (selectors.bup_case).
SUMMARY_FIELDS = {"employee_type": "employee_type", "kind": "position_kind",
                  "functional_family": "functional_family", "functional_level": "functional_level"}


def latest_refresh(using: str | None = None) -> RetirementSummaryRefresh | None:
    qs = RetirementSummaryRefresh.objects.all()
    if using:
        qs = qs.using(using)
    return qs.first()


def refresh_retirement_summary(*, actor: Actor, interface: Interface | str) -> RetirementSummaryRefresh:
    """Rebuild the summary from the in-service register (replaces it in one transaction)."""
    started = time.monotonic()
    groups = (
        Employee.objects.filter(status__in=IN_SERVICE)
        .annotate(
            birth_year=ExtractYear("birth_date"), birth_month=ExtractMonth("birth_date"),
            leap_day=Case(When(Q(birth_date__month=2) & Q(birth_date__day=29), then=Value(1)),
                          default=Value(0), output_field=IntegerField()),
            position_kind=F("position__kind"), functional_family=F("position__functional_family"),
            functional_level=F("position__functional_level"),
        )
        .values("birth_year", "birth_month", "leap_day", "employee_type", "position_kind",
                "functional_family", "functional_level", "rank")
        .annotate(total=Count("id"))
        .order_by()
    )
    with transaction.atomic():
        RetirementSummary.objects.all().delete()
        rows = [RetirementSummary(**group) for group in groups.iterator(chunk_size=20_000)]
        RetirementSummary.objects.bulk_create(rows, batch_size=5_000)
        refresh = RetirementSummaryRefresh.objects.create(
            refreshed_at=timezone.now(), employees=sum(r.total for r in rows), groups=len(rows),
            seconds=time.monotonic() - started, created_by=actor if getattr(actor, "pk", None) else None,
        )
        audit_record(
            actor=actor, action=AuditAction.UPDATE, interface=interface, object_type="actions.retirementsummary",
            object_id=refresh.pk, object_repr="ringkasan pensiun nasional",
            extra={"employees": refresh.employees, "groups": refresh.groups},
        )
    return refresh
