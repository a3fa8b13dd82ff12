"""Facts performance offers other chapters (simasn.core.providers; shapes agreed in
chapter-common): the final annual ratings and the development needs they set
(UU 20/2023 Pasal 44: results feed development, rewards and sanctions). No access check
here: the caller has already scoped the employees it asks about."""

from __future__ import annotations

from typing import Any

from simasn.performance.models import ANNUAL, PerformancePlan, Rating


def _final_annual(employee_ids: list[int], year: int) -> dict[int, Rating]:
    found: dict[int, Rating] = {}
    rows = (Rating.objects.filter(plan__employee_id__in=list(employee_ids), plan__period__year=year,
                                  evaluation=ANNUAL, is_final=True)
            .select_related("plan").order_by("plan__end_date", "pk"))
    for rating in rows:  # the last segment of the year stands for the year
        found[rating.plan.employee_id] = rating
    return found


def ratings(*, employee_ids: list[int], year: int) -> dict[int, dict[str, Any]]:
    """`{employee_id: {"year", "hasil_kerja", "perilaku", "predikat"}}` — finalised annual
    ratings only; an employee without one is absent (unknown, not "none")."""
    return {
        employee_id: {"year": year, "hasil_kerja": r.work_result_rating, "perilaku": r.behaviour_rating,
                      "predikat": r.predikat}
        for employee_id, r in _final_annual(employee_ids, year).items()
    }


def development_needs(*, employee_ids: list[int], year: int) -> dict[int, list[str]]:
    """`{employee_id: [need, ...]}` from the year's ratings (periodic and annual), in order."""
    needs: dict[int, list[str]] = {}
    rows = (Rating.objects.filter(plan__employee_id__in=list(employee_ids), plan__period__year=year)
            .select_related("plan").order_by("plan__end_date", "evaluation", "pk"))
    for rating in rows:
        bucket = needs.setdefault(rating.plan.employee_id, [])
        for need in rating.development_needs or []:
            if need not in bucket:
                bucket.append(need)
    return {k: v for k, v in needs.items() if v}


def appraisers(*, employee_ids: list[int], year: int) -> dict[int, int]:
    """`{employee_id: appraiser_employee_id}`: the appraiser of each employee's last SKP
    segment of the year (derived from the registry's hierarchy when the plan was prepared);
    an employee without an SKP, or whose SKP has no appraiser, is absent (unknown)."""
    found: dict[int, int] = {}
    rows = (PerformancePlan.objects.filter(employee_id__in=list(employee_ids), period__year=year,
                                           appraiser__isnull=False)
            .order_by("end_date", "pk").values_list("employee_id", "appraiser_id"))
    for employee_id, appraiser_id in rows:  # the last segment of the year stands
        found[employee_id] = appraiser_id
    return found
