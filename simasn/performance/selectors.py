"""Reads of performance data; who may see what comes from the policy table (access.py)."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from simasn.accounts.actors import User
from simasn.accounts.policy import Resource
from simasn.accounts.scope import Scope
from simasn.core.errors import NotFoundError
from simasn.performance.access import led_unit_ids, plans_for
from simasn.performance.models import (
    ANNUAL,
    CultureActivity,
    OverrideStatus,
    PerformancePeriod,
    PerformancePlan,
    Rating,
    TidakBerkinerjaCase,
    UnitRating,
)


def period_list(*, viewer: User, q: str = "") -> QuerySet[PerformancePeriod]:
    qs = Scope.of(viewer).filter(PerformancePeriod.objects.select_related("instansi"), Resource.PERFORMANCE_PERIOD)
    if q.strip():
        qs = qs.filter(Q(instansi__name__icontains=q.strip()) | Q(year__icontains=q.strip()))
    return qs


def period_get(*, viewer: User, pk: int) -> PerformancePeriod:
    found = period_list(viewer=viewer).filter(pk=pk).first()
    if found is None:
        raise NotFoundError("Periode kinerja tidak ditemukan.")
    return found


def plan_list(*, viewer: User, q: str = "", period_id: int | None = None, unit_id: int | None = None,
              appraiser_id: int | None = None, employee_id: int | None = None) -> QuerySet[PerformancePlan]:
    qs = plans_for(viewer).select_related(
        "employee", "position", "unit", "period", "appraiser", "instansi")
    if q.strip():
        qs = qs.filter(Q(employee__name__icontains=q.strip()) | Q(employee__nip__icontains=q.strip())
                       | Q(position__name__icontains=q.strip()))
    for field, value in (("period_id", period_id), ("unit_id", unit_id), ("appraiser_id", appraiser_id),
                         ("employee_id", employee_id)):
        if value is not None:
            qs = qs.filter(**{field: value})
    return qs.order_by("-period__year", "employee__name", "start_date")


def plan_get(*, viewer: User, pk: int) -> PerformancePlan:
    found = plan_list(viewer=viewer).filter(pk=pk).first()
    if found is None:
        raise NotFoundError("SKP tidak ditemukan.")
    return found


def team_list(*, viewer: User, q: str = "") -> QuerySet[PerformancePlan]:
    """The plans the viewer appraises (derived from the hierarchy and stored on the plan)."""
    if viewer.employee_id is None:
        return PerformancePlan.objects.none()
    return plan_list(viewer=viewer, q=q).filter(appraiser_id=viewer.employee_id)


def rating_list(*, viewer: User, q: str = "", year: int | None = None, final_only: bool = False,
                evaluation: str | None = ANNUAL) -> QuerySet[Rating]:
    qs = Rating.objects.filter(plan__in=plans_for(viewer)).select_related(
        "plan__employee", "plan__position", "plan__unit", "plan__period", "plan__instansi")
    if evaluation:
        qs = qs.filter(evaluation=evaluation)
    if year is not None:
        qs = qs.filter(plan__period__year=year)
    if final_only:
        qs = qs.filter(is_final=True)
    if q.strip():
        qs = qs.filter(Q(plan__employee__name__icontains=q.strip()) | Q(plan__employee__nip__icontains=q.strip()))
    return qs.order_by("-plan__period__year", "plan__employee__name")


def rating_get(*, viewer: User, pk: int) -> Rating:
    """One rating (any evaluation) the viewer sees through its plan, or an override waiting
    for the viewer's approval as the next-level superior."""
    found = rating_list(viewer=viewer, evaluation=None).filter(pk=pk).first()
    if found is None:
        found = next((r for r in pending_overrides(viewer=viewer) if r.pk == pk), None)
    if found is None:
        raise NotFoundError(_("Penilaian tidak ditemukan."))
    return found


def pending_overrides(*, viewer: User) -> list[Rating]:
    """Overrides waiting for the viewer as next-level superior (or the PPK's office at the top)."""
    rows = Rating.objects.filter(override_status=OverrideStatus.PENDING).select_related(
        "plan__appraiser", "plan__employee", "plan__period")
    scope = Scope.of(viewer)
    return list(scope.filter(rows, Resource.PERFORMANCE_OVERRIDE)
                | scope.filter(rows, Resource.PERFORMANCE_OVERRIDE_OFFICE))


def unit_rating_list(*, viewer: User, period: PerformancePeriod) -> QuerySet[UnitRating]:
    return Scope.of(viewer).filter(UnitRating.objects.filter(period=period).select_related("unit"),
                                   Resource.PERFORMANCE_UNIT_RATING)


def unit_overview(*, viewer: User, period: PerformancePeriod) -> list[dict[str, Any]]:
    """Per unit of the period: people, rated, predikat counts, the organisation rating and
    whether finalised — what the PyB/PPK calibrates, or a unit's leader for the units they
    lead (empty for a viewer who may see no unit)."""
    units = led_unit_ids(viewer, period)
    if units is not None and not units:
        return []
    plan_rows = PerformancePlan.objects.filter(period=period, end_date=period.end_date)
    rating_rows = Rating.objects.filter(plan__period=period, plan__end_date=period.end_date, evaluation=ANNUAL,
                                        plan__is_unit_leader=False)
    if units is not None:
        plan_rows, rating_rows = plan_rows.filter(unit_id__in=units), rating_rows.filter(plan__unit_id__in=units)
    plans = plan_rows.values("unit_id", "unit__name").annotate(n=Count("id"))
    rated = rating_rows.values("plan__unit_id", "predikat").annotate(n=Count("id"))
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    for row in rated:
        counts[row["plan__unit_id"]][row["predikat"]] += row["n"]
    unit_ratings = {u.unit_id: u for u in UnitRating.objects.filter(period=period)}
    return [{"unit_id": row["unit_id"], "unit_name": row["unit__name"], "people": row["n"],
             "counts": dict(counts[row["unit_id"]]), "unit_rating": unit_ratings.get(row["unit_id"])}
            for row in sorted(plans, key=lambda r: r["unit__name"])]


def led_calibrations(*, viewer: User) -> list[dict[str, Any]]:
    """The calibrations of open periods a qualified viewer reaches — the units they lead —
    with whether the unit is finalised (the officials reach them from the period page)."""
    scope = Scope.of(viewer)
    if not scope.is_qualified(Resource.PERFORMANCE_UNIT_RATING):
        return []
    rows = (scope.filter(PerformancePlan.objects.filter(period__status="OPEN"), Resource.PERFORMANCE_UNIT_RATING)
            .values("period_id", "period__year", "unit_id", "unit__name").distinct()
            .order_by("-period__year", "unit__name"))
    final = set(UnitRating.objects.filter(period_id__in={r["period_id"] for r in rows}, finalised_at__isnull=False)
                .values_list("period_id", "unit_id"))
    return [{"period_id": r["period_id"], "year": r["period__year"], "unit_id": r["unit_id"],
             "unit_name": r["unit__name"], "final": (r["period_id"], r["unit_id"]) in final} for r in rows]


def case_list(*, viewer: User, q: str = "") -> QuerySet[TidakBerkinerjaCase]:
    qs = Scope.of(viewer).filter(TidakBerkinerjaCase.objects.select_related("employee", "instansi"),
                                 Resource.PERFORMANCE_CASE)
    if q.strip():
        qs = qs.filter(Q(employee__name__icontains=q.strip()) | Q(employee__nip__icontains=q.strip()))
    return qs


def case_get(*, viewer: User, pk: int) -> TidakBerkinerjaCase:
    found = case_list(viewer=viewer).filter(pk=pk).first()
    if found is None:
        raise NotFoundError("Kasus tidak ditemukan.")
    return found


def culture_list(*, viewer: User, q: str = "") -> QuerySet[CultureActivity]:
    qs = Scope.of(viewer).filter(CultureActivity.objects.select_related("instansi", "unit")
                                 .annotate(participant_count=Count("participants")), Resource.WORK_CULTURE)
    if q.strip():
        qs = qs.filter(title__icontains=q.strip())
    return qs


def feedback_targets(*, viewer: User) -> list[PerformancePlan]:
    """Open-period plans the viewer may give behaviour feedback on: their peers' (same
    appraiser) and their appraiser's (as a subordinate) — the relation the service checks."""
    if viewer.employee_id is None:
        return []
    mine = PerformancePlan.objects.filter(employee_id=viewer.employee_id, period__status="OPEN")
    targets: list[PerformancePlan] = []
    for plan in mine.select_related("period"):
        qs = PerformancePlan.objects.filter(period_id=plan.period_id).exclude(employee_id=viewer.employee_id)
        related = Q(employee_id=plan.appraiser_id) if plan.appraiser_id else Q(pk__in=[])
        if plan.appraiser_id:
            related |= Q(appraiser_id=plan.appraiser_id)
        targets.extend(qs.filter(related).select_related("employee", "position", "period"))
    return list({p.pk: p for p in targets}.values())
